'use strict';
// The trigger's pure cursor and event logic: overlap re-reads repeat nothing, caps lose nothing,
// state survives a JSON round trip, memory stays bounded.
const { startState, loadState, readFrom, step, prune, DEFAULT_CURSOR_OPTIONS } = require('../../dist/nodes/AepFlowServiceTrigger/cursor');
const { isEvent, eventKey, runFilters, serverStatuses, eventItem } = require('../../dist/nodes/AepFlowServiceTrigger/events');
const { simplifyRun, runErrors, runStatus, runBatchIds } = require('../../dist/nodes/shared/aep/runs');

const candidate = (id, at, matches = true) => ({ key: id, at, matches, value: { id } });

describe('cursor', () => {
	test('emits each key once, even when the same window is read again', () => {
		let state = startState(1000);
		const first = step(state, [candidate('a', 1100), candidate('b', 1200)], 10);
		expect(first.emit.map((r) => r.id)).toEqual(['a', 'b']);
		expect(first.state.cursor).toBe(1200);
		const again = step(first.state, [candidate('a', 1100), candidate('b', 1200), candidate('c', 1300)], 10);
		expect(again.emit.map((r) => r.id)).toEqual(['c']);
		state = again.state;
		expect(state.cursor).toBe(1300);
	});

	test('non-matching runs move the cursor but are not remembered', () => {
		const result = step(startState(0), [candidate('x', 50, false), candidate('y', 60)], 10);
		expect(result.emit.map((r) => r.id)).toEqual(['y']);
		expect(result.state.emitted).toEqual({ y: 60 });
		expect(result.state.cursor).toBe(60);
	});

	test('a cap stops before the next event and keeps the cursor on the last handled run', () => {
		const runs = [candidate('a', 10), candidate('b', 20), candidate('c', 30), candidate('d', 40)];
		const first = step(startState(0), runs, 2);
		expect(first).toMatchObject({ capped: true });
		expect(first.emit.map((r) => r.id)).toEqual(['a', 'b']);
		expect(first.state.cursor).toBe(20);
		const second = step(first.state, runs, 2);
		expect(second.emit.map((r) => r.id)).toEqual(['c', 'd']);
		expect(second.capped).toBe(false);
	});

	test('the read window starts one overlap before the cursor', () => {
		expect(readFrom(startState(DEFAULT_CURSOR_OPTIONS.overlapMs + 5))).toBe(5);
		expect(readFrom(startState(3))).toBe(0);
	});

	test('pruning forgets keys far behind the cursor and bounds their number', () => {
		const options = { overlapMs: 10, retentionMs: 100, maxRemembered: 3 };
		const state = { version: 1, cursor: 1000, emitted: { old: 100, a: 900, b: 950, c: 980, d: 990 } };
		expect(prune(state, options).emitted).toEqual({ b: 950, c: 980, d: 990 });
	});

	test('state survives JSON (workflow static data) and foreign data is ignored', () => {
		const state = step(startState(5), [candidate('a', 10)], 5).state;
		expect(loadState(JSON.parse(JSON.stringify(state)))).toEqual(state);
		expect(loadState(undefined)).toBeUndefined();
		expect(loadState({ cursor: 'x' })).toBeUndefined();
		expect(loadState({ version: 2, cursor: 1 })).toBeUndefined();
	});
});

const run = (status, extra = {}) => ({
	id: `run-${status}`,
	flowId: 'flow-1',
	createdAt: 1,
	updatedAt: 2,
	metrics: {
		statusSummary: { status, errors: status === 'failed' ? [{ code: 'CONNECTOR-1001-500', message: 'copy failed' }] : [] },
		durationSummary: { startedAtUTC: Date.UTC(2026, 0, 1, 8, 0, 0), completedAtUTC: Date.UTC(2026, 0, 1, 8, 2, 30) },
		recordSummary: { inputRecordCount: 1000, outputRecordCount: 990, failedRecordCount: extra.failed ?? 0 },
	},
	...extra.run,
});

const settings = (overrides) => ({
	event: 'failedRun', flowIds: [], flowKind: 'all', includePartialSuccess: false, minFailedRecords: 1, minFailedPercent: 0, statuses: [], ...overrides,
});

describe('events', () => {
	test('failedRun fires on failed runs, and on partial success only past the thresholds', () => {
		expect(isEvent(run('failed'), 'source', settings())).toBe(true);
		expect(isEvent(run('success', { failed: 10 }), 'source', settings())).toBe(false);
		const partial = settings({ includePartialSuccess: true, minFailedRecords: 10, minFailedPercent: 0.5 });
		expect(isEvent(run('partialSuccess', { failed: 10 }), 'source', partial)).toBe(true);
		expect(isEvent(run('success', { failed: 10 }), 'source', partial)).toBe(true);
		expect(isEvent(run('success', { failed: 9 }), 'source', partial)).toBe(false);
		expect(isEvent(run('success', { failed: 10 }), 'source', { ...partial, minFailedPercent: 2 })).toBe(false);
		expect(isEvent(run('inProgress'), 'source', partial)).toBe(false);
	});

	test('finishedRun follows the chosen statuses; flow and kind filters apply to every event', () => {
		const finished = settings({ event: 'finishedRun', statuses: ['success'] });
		expect(isEvent(run('success'), 'source', finished)).toBe(true);
		expect(isEvent(run('failed'), 'source', finished)).toBe(false);
		expect(isEvent(run('inProgress'), 'source', settings({ event: 'newRun' }))).toBe(true);
		expect(isEvent(run('failed'), 'destination', settings({ flowKind: 'source' }))).toBe(false);
		expect(isEvent(run('failed'), 'source', settings({ flowIds: ['other'] }))).toBe(false);
	});

	test('server-side filters: time bound, statuses and flows as repeated property filters', () => {
		expect(runFilters(settings({ flowIds: ['f1', 'f2'] }), 500)).toEqual(['updatedAt>=500', 'metrics.statusSummary.status==failed', 'flowId==f1,f2']);
		expect(runFilters(settings({ event: 'newRun' }), 7)).toEqual(['createdAt>=7']);
		expect(serverStatuses(settings({ includePartialSuccess: true }))).toEqual(['failed', 'partialSuccess', 'success']);
		expect(serverStatuses(settings({ event: 'finishedRun', statuses: ['partialSuccess'] }))).toEqual(['partialSuccess', 'success']);
	});

	test('keys: one per run for new runs, one per run and terminal status otherwise', () => {
		expect(eventKey(run('failed'), 'newRun')).toBe('run-failed');
		expect(eventKey(run('failed'), 'failedRun')).toBe('run-failed:failed');
	});

	test('an event item carries the flow name, the essentials and the raw run', () => {
		const raw = run('failed');
		const item = eventItem(raw, { name: 'Salesforce Contacts', kind: 'source', flowSpecId: 'spec-1' }, 'failedRun');
		expect(item).toMatchObject({
			event: 'failedRun', flowName: 'Salesforce Contacts', flowType: 'source', runId: 'run-failed', flowId: 'flow-1', status: 'failed',
			startedAt: '2026-01-01T08:00:00.000Z', completedAt: '2026-01-01T08:02:30.000Z', durationSeconds: 150,
			records: { input: 1000, output: 990, failed: 0 }, errors: [{ code: 'CONNECTOR-1001-500', message: 'copy failed', source: 'run' }],
			flowSpecId: 'spec-1', run: raw,
		});
	});
});

describe('run shaping', () => {
	test('statuses are read case-insensitively, with Adobe\'s spellings', () => {
		expect(runStatus({ metrics: { statusSummary: { status: 'Failed' } } })).toBe('failed');
		expect(runStatus({ metrics: { statusSummary: { status: 'PARTIAL_SUCCESS' } } })).toBe('partialSuccess');
		expect(runStatus({ metrics: { statusSummary: { status: 'inProgress' } } })).toBe('inProgress');
		expect(runStatus({})).toBe('unknown');
	});

	test('errors come from the run, failed-record info and activities, without duplicates; batch ids from targets', () => {
		const raw = {
			metrics: {
				statusSummary: { status: 'failed', errors: [{ code: 'CONNECTOR-2001-500', message: 'parse' }] },
				recordSummary: { failedInfo: [{ code: 'CONNECTOR-2001-500', message: 'parse' }] },
			},
			activities: [
				{
					name: 'Promotion', statusSummary: { errors: [{ code: 'CONNECTOR-2001-500', message: 'parse' }], extensions: { errors: [{ code: '133', message: 'no files' }] } },
					targetInfo: [{ reference: { type: 'Batch', ids: ['batch-1'] } }],
				},
			],
		};
		expect(runErrors(raw)).toEqual([
			{ code: 'CONNECTOR-2001-500', message: 'parse', source: 'run' },
			{ code: '133', message: 'no files', source: 'activity Promotion' },
		]);
		expect(runBatchIds(raw)).toEqual(['batch-1']);
		expect(simplifyRun({ id: 'r', flowId: 'f', metrics: { statusSummary: { status: 'inProgress' }, durationSummary: { startedAtUTC: 5 } } })).toMatchObject({
			runId: 'r', status: 'inProgress', completedAt: undefined, durationSeconds: undefined,
		});
	});
});
