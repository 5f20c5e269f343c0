import { defineRunEvent } from './runEvent';

export interface MissedRunSettings {
	/** Grace on top of a scheduled flow's interval, in percent of it. */
	gracePercent: number;
	/** Silence that counts for streaming or unscheduled flows, in hours; 0 does not watch them. */
	windowHours: number;
	/** Whether only runs that wrote records count as runs. */
	onlyIngesting: boolean;
}

/**
 * An enabled flow had no new run within its expected cadence: its schedule's interval plus a grace,
 * or, for streaming and unscheduled flows, a window of hours. Judged per flow, not per run (the poll
 * watches the flows, see flowWatch.ts); fires once per silent period.
 */
export const missedRun = defineRunEvent({
	value: 'missedRun',
	option: { name: 'Missed Run', description: 'An enabled dataflow had no new run within its expected cadence' },
	parameters: [
		{
			displayName: 'Grace (Percent of Interval)',
			name: 'gracePercent',
			type: 'number',
			typeOptions: { minValue: 0 },
			default: 50,
			description: 'A scheduled flow is silent once its interval plus this share of it passed without a run, e.g. 90 minutes for an hourly flow at 50%',
		},
		{
			displayName: 'Silence Window for Unscheduled Flows (Hours)',
			name: 'windowHours',
			type: 'number',
			typeOptions: { minValue: 0 },
			default: 24,
			description: 'Streaming and unscheduled flows are silent after this many hours without a run. 0 does not watch them.',
		},
		{
			displayName: 'Count Only Runs That Ingested Records',
			name: 'onlyIngesting',
			type: 'boolean',
			default: false,
			description: 'Whether a run that wrote no records leaves the flow silent (the flow list\'s last run counts at activation)',
		},
	],
	timeField: 'createdAt',
	readSettings: (read): MissedRunSettings => ({
		gracePercent: read('gracePercent', 50),
		windowHours: read('windowHours', 24),
		onlyIngesting: read('onlyIngesting', false),
	}),
	serverStatuses: () => undefined,
	// No run is an event: the silence of a flow is (see flowWatch.ts).
	matches: () => false,
	key: (run) => String(run.id),
	watchesFlows: true,
	// A silence fires once by itself; a burst of silent flows can still be one digest.
	digestOnly: true,
});
