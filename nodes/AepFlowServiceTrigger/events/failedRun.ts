import { runStatus } from '../../shared/aep/runs';
import { defineRunEvent, endedWithFailedRecords, runAndStatusKey, type FailedRecordThresholds } from './runEvent';

export interface FailedRunSettings extends FailedRecordThresholds {
	/** Also fire on runs that ended with failed records. */
	includePartialSuccess: boolean;
}

/** A dataflow run failed; optionally also one that ended with enough failed records (partial success). */
export const failedRun = defineRunEvent({
	value: 'failedRun',
	option: { name: 'Failed Run', description: 'A dataflow run failed' },
	parameters: [
		{
			displayName: 'Include Partial Success',
			name: 'includePartialSuccess',
			type: 'boolean',
			default: false,
			description: 'Whether runs that ended with failed records also fire, when they reach the thresholds below',
		},
		{
			displayName: 'Minimum Failed Records',
			name: 'minFailedRecords',
			type: 'number',
			typeOptions: { minValue: 1 },
			default: 1,
			description: 'A partially successful run fires only with at least this many failed records',
			displayOptions: { show: { includePartialSuccess: [true] } },
		},
		{
			displayName: 'Minimum Failed Percent',
			name: 'minFailedPercent',
			type: 'number',
			typeOptions: { minValue: 0, maxValue: 100, numberPrecision: 2 },
			default: 0,
			description: 'A partially successful run fires only when failed records are at least this percent of its input records',
			displayOptions: { show: { includePartialSuccess: [true] } },
		},
	],
	// A run is updated when it ends, so the update time is when it became a failure.
	timeField: 'updatedAt',
	readSettings: (read): FailedRunSettings => ({
		includePartialSuccess: read('includePartialSuccess', false),
		minFailedRecords: read('minFailedRecords', 1),
		minFailedPercent: read('minFailedPercent', 0),
	}),
	// Partial success may be reported as success, so with it both are asked for and the records decide.
	serverStatuses: (settings) => (settings.includePartialSuccess ? ['failed', 'partialSuccess', 'success'] : ['failed']),
	matches(run, settings) {
		const status = runStatus(run);
		if (status === 'failed') return true;
		return settings.includePartialSuccess && (status === 'partialSuccess' || status === 'success') && endedWithFailedRecords(run, settings);
	},
	key: runAndStatusKey,
	alertControl: true,
	clearedBy: ['success', 'partialSuccess'],
});
