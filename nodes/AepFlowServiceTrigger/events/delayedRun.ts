import type { IDataObject } from 'n8n-workflow';

import { isTerminal, runStatus } from '../../shared/aep/runs';
import { epochMsOf } from '../../shared/aep/runTimes';
import { defineRunEvent } from './runEvent';

export interface DelayedRunSettings {
	/** Minutes after its start (or creation) a run counts as delayed. */
	delayMinutes: number;
}

/** Adobe's own delayed-run alert fires after 150 minutes; the same is the default here. */
const DEFAULT_DELAY_MINUTES = 150;
const MINUTE = 60_000;

/** When the run's clock started: its start, or its creation while it is still scheduled. */
function startOf(run: IDataObject): number | undefined {
	const summary = ((run.metrics as IDataObject | undefined)?.durationSummary as IDataObject | undefined) ?? {};
	return epochMsOf(summary.startedAtUTC) ?? epochMsOf(run.createdAt);
}

function completionOf(run: IDataObject): number | undefined {
	const summary = ((run.metrics as IDataObject | undefined)?.durationSummary as IDataObject | undefined) ?? {};
	return epochMsOf(summary.completedAtUTC);
}

/** How long a run has been going (still running) or went (finished), in ms; undefined without a start. */
export function runningMs(run: IDataObject, now: number): number | undefined {
	const start = startOf(run);
	if (start === undefined) return undefined;
	const end = isTerminal(runStatus(run)) ? (completionOf(run) ?? now) : now;
	return Math.max(0, end - start);
}

const thresholdMs = (settings: DelayedRunSettings) => Math.max(1, settings.delayMinutes) * MINUTE;

/**
 * A run still scheduled or in progress N minutes after it started (or was created). A run that
 * finished late between two polls was delayed too, and fires as well. Fires once per run.
 */
export const delayedRun = defineRunEvent({
	value: 'delayedRun',
	option: { name: 'Delayed Run', description: 'A dataflow run is still scheduled or in progress long after it started' },
	parameters: [
		{
			displayName: 'Delayed After (Minutes)',
			name: 'delayMinutes',
			type: 'number',
			typeOptions: { minValue: 1 },
			default: DEFAULT_DELAY_MINUTES,
			description: 'A run fires once it has been scheduled or in progress this long. Adobe\'s own alert uses 150 minutes.',
		},
	],
	// The cursor follows creation: a run can only be delayed once it is at least N minutes old.
	timeField: 'createdAt',
	readSettings: (read): DelayedRunSettings => ({ delayMinutes: read('delayMinutes', DEFAULT_DELAY_MINUTES) }),
	// Any status: a run that finished late since the last poll was delayed as well.
	serverStatuses: () => undefined,
	// Runs created in the last N minutes cannot be delayed yet; they are judged once they are N minutes old.
	horizon: (settings, now) => now - thresholdMs(settings),
	matches(run, settings, now) {
		const ms = runningMs(run, now);
		return ms !== undefined && ms >= thresholdMs(settings);
	},
	key: (run) => String(run.id),
	describe(run, settings, now) {
		const ms = runningMs(run, now);
		return {
			delayedAfterMinutes: settings.delayMinutes,
			runningMinutes: ms === undefined ? null : Math.round(ms / MINUTE),
			stillRunning: !isTerminal(runStatus(run)),
		};
	},
	withUsualDuration: true,
	alertControl: true,
});
