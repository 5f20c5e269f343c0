'use strict';
// Benchmarks of the built package against the in-process simulator, through n8n's real engine.
// Prints a markdown table (measured value, target, PASS or FAIL per row) and writes it to
// bench-results/latest.md. Exits 1 when a row fails, 2 when the run breaks or overruns.
//
//   npm run build && node scripts/node24.mjs test/bench/bench.js [--latency 20] [--quick]
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { performance } = require('node:perf_hooks');
const { renderReport, renderTable } = require('./table');
const { idlePollBench } = require('./scenarios/idlePoll');
const { catchUpBench } = require('./scenarios/catchUp');
const { flowsListBench } = require('./scenarios/flowsList');
const { tokensBench } = require('./scenarios/tokens');
const { itemsInParallelBench } = require('./scenarios/itemsInParallel');
const { eventsIdleBench } = require('./scenarios/eventsIdle');

const DEFAULT_LATENCY_MS = 20;
/** Row 5 is specified at 50 ms per request, whatever --latency says. */
const ITEMS_LATENCY_MS = 50;
const OVERALL_LIMIT_MS = 20 * 60_000;

const FULL = {
	idle: { sizes: [1_000, 10_000, 100_000], warmupPolls: 3, measuredPolls: 21 },
	catchUp: { newRuns: 10_000 },
	flows: { flows: 10_000, repetitions: 3 },
	tokens: { executions: 1_000 },
	items: { items: 1_000, throttled: 50 },
	events: { flows: 10_000, runs: 100_000, idlePolls: 5, burst: 1_000 },
};

const QUICK = {
	idle: { sizes: [100, 1_000, 5_000], warmupPolls: 1, measuredPolls: 3 },
	catchUp: { newRuns: 2_000 },
	flows: { flows: 300, repetitions: 1 },
	tokens: { executions: 30 },
	items: { items: 80, throttled: 5 },
	events: { flows: 50, runs: 500, idlePolls: 2, burst: 30 },
};

/**
 * Runs every scenario in turn and returns the rows (in table order) and each scenario's raw numbers.
 * `sizes` defaults to FULL or QUICK; `itemsLatencyMs` to 50.
 */
async function runBench({ quick = false, latencyMs = DEFAULT_LATENCY_MS, itemsLatencyMs = ITEMS_LATENCY_MS, sizes = quick ? QUICK : FULL, log = () => {} } = {}) {
	const scenarios = [
		['idlePoll', () => idlePollBench({ ...sizes.idle, latencyMs, log })],
		['catchUp', () => catchUpBench({ ...sizes.catchUp, latencyMs, log })],
		['flowsList', () => flowsListBench({ ...sizes.flows, latencyMs, log })],
		['tokens', () => tokensBench({ ...sizes.tokens, latencyMs, log })],
		['itemsInParallel', () => itemsInParallelBench({ ...sizes.items, latencyMs: itemsLatencyMs, log })],
		['eventsIdle', () => eventsIdleBench({ ...sizes.events, latencyMs, log })],
	];
	const rows = [];
	const details = {};
	for (const [name, scenario] of scenarios) {
		const started = performance.now();
		const result = await scenario();
		rows.push(...result.rows);
		details[name] = { ...result.details, scenarioMs: Math.round(performance.now() - started) };
	}
	return { rows, details };
}

function parseArguments(argv) {
	const options = { quick: false, latencyMs: DEFAULT_LATENCY_MS };
	for (let i = 0; i < argv.length; i++) {
		if (argv[i] === '--quick') options.quick = true;
		else if (argv[i] === '--latency') {
			const value = Number(argv[++i]);
			if (!Number.isFinite(value) || value < 0) throw new Error('--latency needs a number of milliseconds >= 0');
			options.latencyMs = value;
		} else throw new Error(`unknown argument ${argv[i]} (use --latency <ms> and --quick)`);
	}
	return options;
}

async function main() {
	const options = parseArguments(process.argv.slice(2));
	const started = performance.now();
	// The bench stops by itself even if a scenario hangs.
	const watchdog = setTimeout(() => {
		process.stderr.write(`bench: stopped after ${OVERALL_LIMIT_MS / 60_000} minutes\n`);
		process.exit(2);
	}, OVERALL_LIMIT_MS);
	watchdog.unref();
	const log = (message) => process.stderr.write(`[${((performance.now() - started) / 1000).toFixed(1)} s] ${message}\n`);
	const { rows, details } = await runBench({ ...options, log });
	const report = renderReport({
		rows,
		details,
		elapsedMs: performance.now() - started,
		settings: { ...options, itemsLatencyMs: ITEMS_LATENCY_MS, cpus: os.availableParallelism?.() ?? os.cpus().length },
	});
	const folder = path.resolve(__dirname, '..', '..', 'bench-results');
	fs.mkdirSync(folder, { recursive: true });
	fs.writeFileSync(path.join(folder, 'latest.md'), report);
	process.stdout.write(`\n${renderTable(rows)}\n\nTook ${((performance.now() - started) / 1000).toFixed(1)} s; full report in bench-results/latest.md\n`);
	return rows.every((row) => row.pass) ? 0 : 1;
}

if (require.main === module) {
	main().then(
		(code) => process.exit(code),
		(error) => {
			process.stderr.write(`bench: ${error.stack ?? error}\n`);
			process.exit(2);
		},
	);
}

module.exports = { runBench, parseArguments, FULL, QUICK };
