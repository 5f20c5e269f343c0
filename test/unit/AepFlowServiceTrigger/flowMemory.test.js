'use strict';
// What the trigger remembers per flow: failing streaks, counted once whatever how often a run is
// read, learnt from history at activation, bounded, and repaired when stored data is odd.
const {
	emptyFlowMemory, recordFailure, recovers, recordRecovery, learnFromHistory, pruneFlowMemory, loadFlowMemory, MAX_FAILING_FLOWS,
} = require('../../../dist/nodes/AepFlowServiceTrigger/flowMemory');

const error = { code: 'CONNECTOR-1001-500', message: 'copy failed' };

describe('flow memory', () => {
	test('a streak counts each failure once, and only a good run after the last failure ends it', () => {
		const memory = emptyFlowMemory();
		recordFailure(memory, 'f1', 100, error);
		recordFailure(memory, 'f1', 100, error);
		recordFailure(memory, 'f1', 200, { code: 'X-2', message: 'second' });
		expect(memory.failing.f1).toEqual({ since: 100, failedRuns: 2, lastErrorCode: 'X-2', lastErrorMessage: 'second', lastFailureAt: 200 });
		expect(recovers(memory, 'f1', 150)).toBeUndefined();
		expect(recovers(memory, 'f1', 250)).toMatchObject({ failedRuns: 2 });
		expect(recovers(memory, 'other', 250)).toBeUndefined();
		recordRecovery(memory, 'f1');
		expect(memory.failing).toEqual({});
	});

	test('history read newest first: a flow whose newest finished run failed is failing since its oldest unbroken failure', () => {
		const memory = emptyFlowMemory();
		const decided = new Set();
		learnFromHistory(memory, decided, [
			{ flowId: 'a', at: 500, failed: true, error },
			{ flowId: 'b', at: 450, failed: false },
			{ flowId: 'a', at: 400, failed: true, error },
		]);
		learnFromHistory(memory, decided, [
			{ flowId: 'a', at: 300, failed: false },
			{ flowId: 'a', at: 200, failed: true, error },
			{ flowId: 'b', at: 100, failed: true, error },
		]);
		expect(memory.failing).toEqual({ a: { since: 400, failedRuns: 2, lastErrorCode: error.code, lastErrorMessage: error.message, lastFailureAt: 500 } });
	});

	test(`at most ${MAX_FAILING_FLOWS} failing flows, the most recent kept, within 1 MB of static data`, () => {
		const memory = emptyFlowMemory();
		const long = { code: 'CONNECTOR-1001-500', message: 'x'.repeat(500) };
		for (let i = 0; i < MAX_FAILING_FLOWS + 100; i++) recordFailure(memory, `2edc08ac-4df5-4fe6-936f-${String(i).padStart(12, '0')}`, 1_767_600_000_000 + i, long);
		const pruned = pruneFlowMemory(memory);
		expect(Object.keys(pruned.failing)).toHaveLength(MAX_FAILING_FLOWS);
		expect(pruned.failing['2edc08ac-4df5-4fe6-936f-000000000000']).toBeUndefined();
		expect(Buffer.byteLength(JSON.stringify(pruned))).toBeLessThan(1024 * 1024);
	});

	test.each([
		['nothing stored', undefined, 0, {}],
		['a foreign value', 'hello', 1, {}],
		['an array', ['a'], 1, {}],
		['unreadable slots', { version: 1, failing: { a: null, b: { since: 'x' }, c: { since: 1, lastFailureAt: 2, failedRuns: 1 } } }, 1, { c: { since: 1, lastFailureAt: 2, failedRuns: 1, lastErrorCode: null, lastErrorMessage: null } }],
	])('stored %s is read safely', (_name, stored, warnings, failing) => {
		const loaded = loadFlowMemory(stored);
		expect(loaded.memory).toEqual({ version: 1, failing, alerting: {} });
		expect(loaded.warnings).toHaveLength(warnings);
	});
});
