'use strict';
// Row 1: the trigger's idle poll (failedRun, nothing new) must cost the same with a short or a long
// run history. One environment per history size, all alive at once; the measured polls go round-robin
// over the sizes so drift (GC, CPU) hits every size alike.
const { startEnvironment } = require('../../harness/environment');
const { TriggerDriver } = require('../../harness/trigger');
const { readFrom } = require('../../../dist/nodes/AepFlowServiceTrigger/cursor');
const { median, ms, int, ratio, timed, RequestMark } = require('../measure');

const FLOWS = 10;
const PARAMETERS = { event: 'failedRun', flowKind: 'all', flowIds: [], options: {} };
const MAX_TIME_RATIO = 1.2;

/** A history of `size` finished runs: the same 10 flows, a longer past for a larger size (same density). */
async function environmentWithHistory(size, latencyMs) {
	const env = await startEnvironment({ simulator: { latencyMs } });
	const flows = env.sim.store.seedFlows({ sandbox: 'prod', count: FLOWS, kind: 'source' });
	for (const [index, flow] of flows.entries()) {
		const count = Math.floor(size / FLOWS) + (index < size % FLOWS ? 1 : 0);
		if (count) env.sim.store.seedRuns({ sandbox: 'prod', flowId: flow.id, count });
	}
	return env;
}

async function idlePollBench({ sizes, latencyMs, warmupPolls, measuredPolls, log = () => {} }) {
	const setups = [];
	try {
		for (const size of sizes) {
			log(`idle poll: seeding ${int(size)} runs`);
			const env = await environmentWithHistory(size, latencyMs);
			setups.push({ size, env, driver: new TriggerDriver(env.n8n, PARAMETERS), samples: [] });
		}
		for (const setup of setups) {
			await setup.driver.poll(); // activation: anchors the cursor at the newest run
			for (let i = 0; i < warmupPolls; i++) await setup.driver.poll();
		}
		log(`idle poll: ${measuredPolls} measured polls per size`);
		for (let round = 0; round < measuredPolls; round++) {
			for (const setup of setups) {
				const mark = new RequestMark(setup.env.sim);
				const { result: emitted, ms: elapsed } = await timed(() => setup.driver.poll());
				const entries = mark.entries();
				setup.samples.push({
					ms: elapsed,
					requests: entries.length,
					bytes: entries.reduce((total, entry) => total + entry.responseBytes, 0),
					emitted: emitted.length,
				});
			}
		}
		// What an idle poll reads back: the failed runs inside the overlap window before the cursor.
		for (const setup of setups) {
			const from = readFrom(setup.driver.state.cursor);
			setup.overlapRuns = setup.env.sim.store
				.list('prod', 'runs')
				.filter((run) => run.metrics.statusSummary.status === 'failed' && run.updatedAt >= from).length;
		}
	} finally {
		await Promise.all(setups.map((setup) => setup.env.close()));
	}

	const stats = setups.map(({ size, samples, overlapRuns }) => ({
		size,
		overlapRuns,
		polls: samples.length,
		maxRequests: Math.max(...samples.map((s) => s.requests)),
		medianRequests: median(samples.map((s) => s.requests)),
		medianBytes: median(samples.map((s) => s.bytes)),
		maxBytes: Math.max(...samples.map((s) => s.bytes)),
		medianMs: median(samples.map((s) => s.ms)),
		minMs: Math.min(...samples.map((s) => s.ms)),
		maxMs: Math.max(...samples.map((s) => s.ms)),
		emitted: samples.reduce((total, s) => total + s.emitted, 0),
	}));
	const rows = stats.map((s, index) => ({
		id: `1${String.fromCharCode(97 + index)}`,
		name: `Trigger idle poll (failedRun), ${int(s.size)} runs in history`,
		measured: `${s.maxRequests === s.medianRequests ? s.maxRequests : `${s.medianRequests} (max ${s.maxRequests})`} request/poll, ` +
			`${int(s.medianBytes)} B/poll (${s.overlapRuns} failed run${s.overlapRuns === 1 ? '' : 's'} in the overlap window), median ${ms(s.medianMs)} (${s.polls} polls)` + (s.emitted ? `, ${s.emitted} items emitted while idle` : ''),
		target: '1 request per poll, nothing emitted',
		pass: s.maxRequests === 1 && s.emitted === 0,
	}));
	const smallest = stats[0];
	const largest = stats[stats.length - 1];
	const timeRatio = largest.medianMs / smallest.medianMs;
	rows.push({
		id: `1${String.fromCharCode(97 + stats.length)}`,
		name: `Trigger idle poll time, ${int(largest.size)} vs ${int(smallest.size)} runs`,
		measured: `${ratio(timeRatio)} (${ms(largest.medianMs)} / ${ms(smallest.medianMs)})`,
		target: `≤ ${MAX_TIME_RATIO}×`,
		pass: timeRatio <= MAX_TIME_RATIO,
	});
	return { rows, details: stats };
}

module.exports = { idlePollBench };
