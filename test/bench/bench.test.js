'use strict';
// Smoke test of the bench: every scenario runs end to end at quick sizes and the report has every
// row with a measured value, a target and a verdict. Timings and targets are not asserted here.
const { runBench, parseArguments, QUICK } = require('./bench');
const { renderTable, renderReport } = require('./table');

const ROW_IDS = ['1a', '1b', '1c', '1d', '2', '3', '4', '5a', '5b', '5c', '6a', '6b', '6c', '6d', '6e', '6f', '6g', '6h', '6i', '6j', '6k'];

test('the quick bench renders every row', async () => {
	const { rows, details } = await runBench({ quick: true, latencyMs: 5, itemsLatencyMs: 10 });
	expect(rows.map((row) => row.id)).toEqual(ROW_IDS);
	for (const row of rows) {
		expect(row.name).toEqual(expect.any(String));
		expect(row.measured).not.toMatch(/NaN|undefined/);
		expect(row.target).toEqual(expect.any(String));
		expect(typeof row.pass).toBe('boolean');
	}
	// Correctness parts that do not depend on timing.
	expect(details.catchUp).toMatchObject({ newRuns: QUICK.catchUp.newRuns, emitted: QUICK.catchUp.newRuns, unique: QUICK.catchUp.newRuns });
	expect(details.flowsList.ours.complete && details.flowsList.axios.complete).toBe(true);
	expect(details.tokens.failed).toBe(0);
	expect(details.itemsInParallel.passes.spread.parallel.problems).toEqual([]);
	expect(details.eventsIdle.digest).toEqual({ items: 1, events: QUICK.events.burst });
	for (const { emitted } of Object.values(details.eventsIdle.events)) expect(emitted).toBe(0);

	const table = renderTable(rows).split('\n');
	expect(table[0]).toBe('| # | Measurement | Measured | Target | Result |');
	expect(table).toHaveLength(ROW_IDS.length + 2);
	ROW_IDS.forEach((id, index) => expect(table[index + 2]).toMatch(new RegExp(`^\\| ${id} \\| .+ \\| (PASS|\\*\\*FAIL\\*\\*) \\|$`)));
	const report = renderReport({ rows, details, elapsedMs: 1000, settings: { quick: true, latencyMs: 5, itemsLatencyMs: 10, cpus: 2 } });
	expect(report).toContain(table.join('\n'));
}, 60_000);

test('arguments: --latency and --quick, anything else is refused', () => {
	expect(parseArguments([])).toEqual({ quick: false, latencyMs: 20 });
	expect(parseArguments(['--latency', '50', '--quick'])).toEqual({ quick: true, latencyMs: 50 });
	expect(() => parseArguments(['--latency', 'fast'])).toThrow(/--latency needs a number/);
	expect(() => parseArguments(['--sizes'])).toThrow(/unknown argument --sizes/);
});
