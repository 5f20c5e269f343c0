'use strict';
// Row 5: Run > Get for many input items, one at a time vs 8 in parallel ("Items in Parallel"), while
// Adobe throttles run GETs with 429 + Retry-After: 0. Every item must succeed, in input order, paired
// to its input. Two shapes of throttling, each a 429 fault on the run GETs:
// - spread: every n-th call (n = items / throttled), so a retry is never throttled again;
// - window: every call during the first second of the pass, as a rate limit answers.
// (A fixed number of refusals in a row counts requests, not time: one client's retry loop meets all
// of them, which no bounded retry survives, so it measures nothing about the node.)
const { startEnvironment } = require('../../harness/environment');
const { ms, int, ratio, timed, RequestMark, classify, shuffled } = require('../measure');

const FLOWS = 10;
const RUN_PATH = /^\/data\/foundation\/flowservice\/runs\/.+/;
const MIN_SPEEDUP = 4;
const WINDOW_MS = 1_000;

/**
 * A run-GET path matcher with a rule of its own. The simulator's fault matcher takes any RegExp and
 * calls `test` once per request while the fault is active, so a subclass can decide per call.
 */
class RunGetMatcher extends RegExp {
	constructor(decide) {
		super(RUN_PATH.source);
		this.decide = decide;
	}

	test(path) {
		return super.test(path) && this.decide();
	}
}

const THROTTLING = {
	spread: ({ items, throttled }) => {
		const every = Math.max(2, Math.floor(items / throttled));
		let seen = 0;
		return { path: new RunGetMatcher(() => ++seen % every === 0), times: throttled };
	},
	window: () => {
		let until;
		return {
			path: new RunGetMatcher(() => {
				until ??= Date.now() + WINDOW_MS;
				return Date.now() < until;
			}),
			times: -1,
		};
	},
};

/** What went wrong with the output of one pass, or an empty list. */
function outputProblems(runIds, { items, error }) {
	const problems = [];
	if (error) problems.push(`execution failed: ${error.message}`);
	if (items.length !== runIds.length) problems.push(`${items.length} output items for ${runIds.length} inputs`);
	const errorItems = items.filter((item) => item.json.error !== undefined).length;
	if (errorItems) problems.push(`${errorItems} failed items`);
	const misordered = runIds.filter((id, index) => items[index] && items[index].json.error === undefined && items[index].json.runId !== id).length;
	if (misordered) problems.push(`${misordered} items out of order or wrong run`);
	const unpaired = runIds.filter((_, index) => items[index]?.pairedItem?.item !== index).length;
	if (unpaired) problems.push(`${unpaired} items paired to the wrong input`);
	return problems;
}

async function itemsInParallelBench({ items: itemCount, throttled, latencyMs, concurrency = 8, log = () => {} }) {
	const env = await startEnvironment({ simulator: { latencyMs } });
	try {
		const flows = env.sim.store.seedFlows({ sandbox: 'prod', count: FLOWS, kind: 'source' });
		const runIds = [];
		for (const [index, flow] of flows.entries()) {
			const count = Math.floor(itemCount / FLOWS) + (index < itemCount % FLOWS ? 1 : 0);
			runIds.push(...env.sim.store.seedRuns({ sandbox: 'prod', flowId: flow.id, count }).map((run) => run.id));
		}
		// Not the store's order, so an order bug cannot hide behind it.
		const inputIds = shuffled(runIds);
		const inputItems = JSON.stringify(inputIds.map((runId) => ({ runId })));
		// Mint the token first: no pass pays for it.
		await env.n8n.runAepNode({ resource: 'run', operation: 'get', runId: inputIds[0] });

		const pass = async (parallel, shape) => {
			log(`items: ${int(itemCount)} Run > Get items, Items in Parallel ${parallel}, ${shape} throttling`);
			env.sim.faults.clear();
			const { path, times } = THROTTLING[shape]({ items: itemCount, throttled });
			env.sim.faults.add({ method: 'GET', path, status: 429, headers: { 'Retry-After': '0' }, times });
			const mark = new RequestMark(env.sim);
			// Continue On Fail, so a failed item is counted instead of stopping the execution.
			const { result, ms: elapsed } = await timed(() =>
				env.n8n.runAepNode(
					{ resource: 'run', operation: 'get', runId: '={{ $json.runId }}', simplify: true, requestOptions: { concurrency: parallel } },
					{ inputItems, nodeOptions: { continueOnFail: true } },
				),
			);
			env.sim.faults.clear();
			const counts = classify(mark.entries());
			return {
				concurrency: parallel,
				shape,
				ms: elapsed,
				itemsPerSecond: (itemCount * 1000) / elapsed,
				requests: counts.total,
				throttled: counts.throttled,
				problems: outputProblems(inputIds, result),
				firstError: result.items.find((item) => item.json.error !== undefined)?.json.error ?? result.error?.message,
			};
		};
		const passes = {};
		for (const shape of ['spread', 'window']) {
			passes[shape] = { sequential: await pass(1, shape), parallel: await pass(concurrency, shape) };
		}

		const { sequential, parallel } = passes.spread;
		const speedup = parallel.itemsPerSecond / sequential.itemsPerSecond;
		const describe = (p) =>
			`${p.problems.length ? p.problems.join(', ') : '0 failed, order and pairing kept'}; ${p.throttled} × 429 answered, ` +
			`${int(p.requests)} requests, ${ms(p.ms)}` + (p.firstError ? `; first error: "${p.firstError}"` : '');
		const both = ({ sequential: one, parallel: many }) => `at 1: ${describe(one)}<br>at ${concurrency}: ${describe(many)}`;
		const clean = ({ sequential: one, parallel: many }) => one.problems.length === 0 && many.problems.length === 0;
		const allThrottled = ({ sequential: one, parallel: many }) => one.throttled === throttled && many.throttled === throttled;
		const target = '0 failed items, output order and pairing = input';
		return {
			rows: [
				{
					id: '5a',
					name: `Run: Get, ${int(itemCount)} items at ${latencyMs} ms latency, Items in Parallel 1 vs ${concurrency}, ` +
						`${throttled} run GETs per pass throttled (every ${Math.floor(itemCount / throttled)}th: 429, Retry-After: 0)`,
					measured: `${sequential.itemsPerSecond.toFixed(1)} vs ${parallel.itemsPerSecond.toFixed(1)} items/s → ${ratio(speedup)}`,
					target: `≥ ${MIN_SPEEDUP}× faster at ${concurrency}`,
					pass: speedup >= MIN_SPEEDUP,
				},
				{
					id: '5b',
					name: 'Run: Get output, throttling spread over the calls (the passes of 5a)',
					measured: both(passes.spread),
					target: `${target}, ${throttled} × 429 retried per pass`,
					pass: clean(passes.spread) && allThrottled(passes.spread),
				},
				{
					id: '5c',
					name: `Run: Get output, throttling as a time window: every run GET in the pass's first ${ms(WINDOW_MS)} answers 429, Retry-After: 0`,
					measured: both(passes.window),
					target,
					pass: clean(passes.window),
				},
			],
			details: { items: itemCount, throttledPerPass: throttled, windowMs: WINDOW_MS, latencyMs, speedup, passes },
		};
	} finally {
		await env.close();
	}
}

module.exports = { itemsInParallelBench };
