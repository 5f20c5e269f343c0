import { hasChosenStatus, serverStatusesFor, type RunStatus } from '../../shared/aep/runs';
import { defineRunEvent, runAndStatusKey } from './runEvent';

export interface FinishedRunSettings {
	/** Terminal statuses to fire on. */
	statuses: RunStatus[];
}

/** A dataflow run ended with one of the chosen terminal statuses. */
export const finishedRun = defineRunEvent({
	value: 'finishedRun',
	option: { name: 'Finished Run', description: 'A dataflow run ended with one of the chosen statuses' },
	parameters: [
		{
			displayName: 'Statuses',
			name: 'statuses',
			type: 'multiOptions',
			options: [
				{ name: 'Failed', value: 'failed' },
				{ name: 'Partial Success', value: 'partialSuccess' },
				{ name: 'Success', value: 'success' },
			],
			default: ['success', 'failed', 'partialSuccess'],
			description: 'Terminal statuses that fire',
		},
	],
	// A run is updated when it ends, so the update time is when it finished.
	timeField: 'updatedAt',
	readSettings: (read): FinishedRunSettings => ({ statuses: read<RunStatus[]>('statuses', []) }),
	// Partial success may be reported as success: asking for it asks for both, and failed records decide.
	serverStatuses: (settings) => serverStatusesFor(settings.statuses) as RunStatus[],
	matches: (run, settings) => hasChosenStatus(run, settings.statuses),
	key: runAndStatusKey,
});
