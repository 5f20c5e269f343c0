import { runStatus, type RunStatus } from '../../shared/aep/runs';
import { defineRunEvent, endedWithFailedRecords, runAndStatusKey } from './runEvent';

export interface FinishedRunSettings {
	/** Terminal statuses to fire on. */
	statuses: RunStatus[];
}

/** Thresholds any failed record reaches. */
const ANY_FAILED_RECORD = { minFailedRecords: 1, minFailedPercent: 0 };

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
	// Partial success may be reported as success, so asking for it asks for both.
	serverStatuses(settings) {
		const wanted = new Set(settings.statuses);
		if (wanted.has('partialSuccess')) wanted.add('success');
		return [...wanted];
	},
	matches(run, settings) {
		const status = runStatus(run);
		// A success with failed records may be a partial success reported as success: either choice fires on it.
		if (status === 'success' && endedWithFailedRecords(run, ANY_FAILED_RECORD)) {
			return settings.statuses.includes('partialSuccess') || settings.statuses.includes('success');
		}
		return settings.statuses.includes(status);
	},
	key: runAndStatusKey,
});
