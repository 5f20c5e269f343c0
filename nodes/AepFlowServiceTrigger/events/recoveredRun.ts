import type { IDataObject } from 'n8n-workflow';

import { runErrors, runStatus } from '../../shared/aep/runs';
import { epochMsOf } from '../../shared/aep/runTimes';
import { recordFailure, recordRecovery, recovers } from '../flowMemory';
import { defineRunEvent, runAndStatusKey } from './runEvent';

const MINUTE = 60_000;

/** A good run ends a failing streak: a success, or a partial success (the flow runs again; some records failed). */
const isGood = (run: IDataObject) => ['success', 'partialSuccess'].includes(runStatus(run));

/** When a run ended, for the downtime: its completion, else its last update. */
function endOf(run: IDataObject, at: number): number {
	const summary = ((run.metrics as IDataObject | undefined)?.durationSummary as IDataObject | undefined) ?? {};
	return epochMsOf(summary.completedAtUTC) ?? at;
}

/**
 * A flow's first good run after one or more failed runs: the all-clear after a failure alert.
 * Failing flows are remembered per flow (flowMemory); at activation, the runs before it tell which
 * flows are failing already.
 */
export const recoveredRun = defineRunEvent({
	value: 'recoveredRun',
	option: { name: 'Recovered', description: 'A dataflow ran successfully again after failed runs' },
	parameters: [],
	// A run is updated when it ends, so the update time orders failures and recoveries as they happened.
	timeField: 'updatedAt',
	readSettings: () => ({}),
	serverStatuses: () => ['failed', 'partialSuccess', 'success'],
	// Every finished run matters: failures start or extend a streak, good runs may end one.
	matches: (run) => runStatus(run) === 'failed' || isGood(run),
	// With the status: a run still going when it was first read (at activation) is judged again once it ends.
	key: runAndStatusKey,
	judgeWithMemory(run, memory, at) {
		const flowId = String(run.flowId);
		if (runStatus(run) === 'failed') {
			const [error] = runErrors(run);
			// Remembered as handled, so a failure read again after the recovery starts no new streak.
			return { matches: 'remembered', commit: () => recordFailure(memory, flowId, at, error) };
		}
		const streak = isGood(run) ? recovers(memory, flowId, at) : undefined;
		if (!streak) return { matches: false, commit: () => undefined };
		const details: IDataObject = {
			failingSince: new Date(streak.since).toISOString(),
			failedRuns: streak.failedRuns,
			lastErrorCode: streak.lastErrorCode,
			lastErrorMessage: streak.lastErrorMessage,
			downtimeMinutes: Math.round((endOf(run, at) - streak.since) / MINUTE),
		};
		return { matches: true, commit: () => recordRecovery(memory, flowId), details };
	},
	learnsHistory: true,
});
