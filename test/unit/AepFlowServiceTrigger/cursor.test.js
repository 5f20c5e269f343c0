'use strict';
// The trigger's pure cursor: overlap re-reads repeat nothing, caps lose nothing, state survives a
// JSON round trip, memory stays bounded.
const { startState, loadState, readFrom, step, prune, DEFAULT_CURSOR_OPTIONS } = require('../../../dist/nodes/AepFlowServiceTrigger/cursor');

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
