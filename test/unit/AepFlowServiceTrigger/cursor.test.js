'use strict';
// The trigger's pure cursor: overlap re-reads repeat nothing, caps lose nothing, state survives a
// JSON round trip, memory stays bounded.
const { startState, loadState, readFrom, step, prune, DEFAULT_CURSOR_OPTIONS, MAX_STORED_REMEMBERED } = require('../../../dist/nodes/AepFlowServiceTrigger/cursor');

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

describe('a stored state nothing can poison', () => {
	const { repairState } = require('../../../dist/nodes/AepFlowServiceTrigger/cursor');
	const good = { version: 1, cursor: 1000, emitted: { a: 900, b: 950 } };

	test.each([
		['no state (first activation)', undefined, undefined, 0],
		['a foreign object', { hello: 'world' }, undefined, 1],
		['an array', [1, 2, 3], undefined, 1],
		['null', null, undefined, 1],
		['an unknown version', { ...good, version: 7 }, undefined, 1],
		['a text cursor that is a number', { ...good, cursor: '1000' }, good, 0],
		['a text cursor, runs remembered', { ...good, cursor: 'soon' }, { version: 1, cursor: 950, emitted: good.emitted }, 1],
		['a negative cursor, nothing remembered', { version: 1, cursor: -5, emitted: {} }, undefined, 1],
		['null and text entries among the remembered runs', { ...good, emitted: { a: 900, b: null, c: 'x', d: '950' } }, { version: 1, cursor: 1000, emitted: { a: 900, d: 950 }, handledThrough: 1000 }, 1],
		['an array where the remembered map belongs', { ...good, emitted: ['a', 'b'] }, { version: 1, cursor: 1000, emitted: {}, handledThrough: 1000 }, 1],
	])('%s', (_name, stored, expected, warnings) => {
		const repaired = repairState(stored);
		expect(repaired.state).toEqual(expected);
		expect(repaired.warnings).toHaveLength(warnings);
		if (repaired.state) expect(Number.isFinite(repaired.state.cursor)).toBe(true);
	});

	test('a cursor in the future is moved back to the newest remembered run', () => {
		const repaired = repairState({ ...good, cursor: 5_000 }, { notAfter: 2_000 });
		expect(repaired.state.cursor).toBe(950);
		expect(repaired.warnings[0]).toMatch(/in the future/);
	});

	test('a huge remembered map is cut to the newest, and the cut runs count as handled: none fires again', () => {
		const emitted = Object.fromEntries(Array.from({ length: 60_000 }, (_, i) => [`run-${i}`, 1_000_000 + i]));
		const repaired = repairState({ version: 1, cursor: 1_060_000, emitted });
		expect(Object.keys(repaired.state.emitted)).toHaveLength(MAX_STORED_REMEMBERED);
		expect(repaired.state.emitted['run-59999']).toBe(1_059_999);
		expect(repaired.state.handledThrough).toBe(1_009_999);
		expect(repaired.warnings[0]).toMatch(/60000 runs/);
		// A run the cut forgot is read again and set aside, never emitted.
		const result = step(repaired.state, [candidate('run-5', 1_000_005), candidate('new', 1_060_001)], 100, 1_060_010);
		expect(result.emit.map((run) => run.id)).toEqual(['new']);
	});

	test('old remembered runs are kept up to the bound; runs the next read can reach are all kept, whatever their number', () => {
		const HOUR = 3_600_000;
		const old = Array.from({ length: 8_000 }, (_, i) => [`old-${i}`, 1_000_000 + i]);
		const burst = Array.from({ length: 7_000 }, (_, i) => [`burst-${i}`, 10 * HOUR]);
		const state = { version: 1, cursor: 10 * HOUR, emitted: Object.fromEntries([...old, ...burst]) };
		const pruned = prune(state);
		const keys = Object.keys(pruned.emitted);
		expect(keys.filter((key) => key.startsWith('burst-'))).toHaveLength(7_000);
		expect(keys.filter((key) => key.startsWith('old-'))).toHaveLength(0);
		const fewer = prune({ ...state, emitted: Object.fromEntries([...old, ...burst.slice(0, 1_000)]) });
		expect(Object.keys(fewer.emitted)).toHaveLength(DEFAULT_CURSOR_OPTIONS.maxRemembered);
		expect(fewer.emitted['old-7999']).toBe(1_007_999);
	});

	test('the walk stops at a candidate stamped after the clock and keeps the cursor before it', () => {
		const result = step(startState(0), [candidate('a', 10), candidate('b', 20), candidate('future', 9_999), candidate('later', 10_000)], 10, 100);
		expect(result.emit.map((run) => run.id)).toEqual(['a', 'b']);
		expect(result.deferred).toBe(true);
		expect(result.state.cursor).toBe(20);
	});
});
