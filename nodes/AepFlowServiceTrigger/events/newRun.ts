import { defineRunEvent } from './runEvent';

/** A dataflow run was created, whatever its status. */
export const newRun = defineRunEvent({
	value: 'newRun',
	option: { name: 'New Run', description: 'A dataflow run was created' },
	parameters: [],
	// A run is new once, when created; its later updates (status changes) are not new runs.
	timeField: 'createdAt',
	readSettings: () => ({}),
	serverStatuses: () => undefined,
	matches: () => true,
	key: (run) => String(run.id),
});
