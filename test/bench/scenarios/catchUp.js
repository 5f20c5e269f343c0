'use strict';
// Row 2: after a backlog of new runs, the trigger (newRun, Max Runs per Poll 1000) drains it in order
// with about one page of overlap re-read per poll, and delivers every run exactly once.
const { startEnvironment } = require('../../harness/environment');
const { TriggerDriver } = require('../../harness/trigger');
const { MAX_DURATION } = require('../../simulator/engine/runEngine');
const { ms, int, timed, RequestMark, classify } = require('../measure');

const FLOWS = 10;
const HISTORY_PER_FLOW = 20;
const PAGE_SIZE = 100;
const FLOW_LOOKUP_CHUNK = 50;
const MAX_RUNS_PER_POLL = 1000;
/** One new run every 30 s across all flows: 20 runs fall in the trigger's 10-minute overlap window. */
const SPACING_MS = 30_000;

async function catchUpBench({ newRuns, latencyMs, log = () => {} }) {
	const env = await startEnvironment({ simulator: { latencyMs } });
	try {
		// Disabled flows: moving the simulated clock creates no scheduled runs besides the seeded ones.
		const flows = env.sim.store.seedFlows({ sandbox: 'prod', count: FLOWS, kind: 'source', state: 'disabled' });
		for (const flow of flows) env.sim.store.seedRuns({ sandbox: 'prod', flowId: flow.id, count: HISTORY_PER_FLOW });
		const driver = new TriggerDriver(env.n8n, { event: 'newRun', flowKind: 'all', flowIds: [], options: { maxRunsPerPoll: MAX_RUNS_PER_POLL } });
		await driver.poll(); // activation: the history is not an event
		if (driver.emitted.length) throw new Error(`activation emitted ${driver.emitted.length} runs`);

		// The backlog: created after the activation cursor, at distinct times, interleaved across flows.
		log(`catch-up: seeding ${int(newRuns)} new runs`);
		env.sim.clock.advance(newRuns * SPACING_MS + MAX_DURATION + 120_000);
		// The trigger kept polling while that time passed (renewing its expired token); nothing was new yet.
		await driver.poll();
		const seeded = [];
		for (const [index, flow] of flows.entries()) {
			const count = Math.floor(newRuns / FLOWS) + (index < newRuns % FLOWS ? 1 : 0);
			seeded.push(...env.sim.store.seedRuns({ sandbox: 'prod', flowId: flow.id, count, spacingMs: SPACING_MS * FLOWS }).map((run) => run.id));
			env.sim.clock.advance(SPACING_MS);
		}

		log('catch-up: draining');
		const mark = new RequestMark(env.sim);
		const perPoll = [];
		const maxPolls = Math.ceil(newRuns / MAX_RUNS_PER_POLL) * 3 + 2;
		const { ms: drainMs } = await timed(async () => {
			while (driver.emitted.length < newRuns && perPoll.length < maxPolls) {
				const pollMark = new RequestMark(env.sim);
				const { result, ms: pollMs } = await timed(() => driver.poll());
				perPoll.push({ emitted: result.length, ms: pollMs, ...classify(pollMark.entries()) });
				if (result.length === 0) break; // stalled: reported as a failure below
			}
		});
		const counts = classify(mark.entries());
		// One more poll proves the backlog is drained: nothing repeated, nothing left.
		const confirm = await driver.poll();

		const emittedIds = driver.emitted.map((item) => item.runId);
		const unique = new Set(emittedIds);
		const seededSet = new Set(seeded);
		const exact = unique.size === emittedIds.length && unique.size === seededSet.size && emittedIds.every((id) => seededSet.has(id));
		const polls = perPoll.length;
		const minimumPages = Math.ceil(newRuns / PAGE_SIZE);
		const allowedPages = minimumPages + polls;
		const allowedLookups = Math.ceil(FLOWS / FLOW_LOOKUP_CHUNK);
		const details = {
			newRuns, flows: FLOWS, spacingMs: SPACING_MS, maxRunsPerPoll: MAX_RUNS_PER_POLL, polls, drainMs,
			runPages: counts.runPages, flowLookups: counts.flowPages, tokenRequests: counts.token, otherRequests: counts.other,
			minimumPages, allowedPages, emitted: emittedIds.length, unique: unique.size, afterDrainPollEmitted: confirm.length,
			perPoll: perPoll.map((p) => ({ emitted: p.emitted, runPages: p.runPages, flowLookups: p.flowPages, ms: Math.round(p.ms) })),
		};
		const row = {
			id: '2',
			name: `Trigger catch-up (newRun, Max Runs per Poll ${MAX_RUNS_PER_POLL}), ${int(newRuns)} new runs`,
			measured: `${polls} polls, ${counts.runPages} run-list requests (minimum ${minimumPages}), flow lookups: ${counts.flowPages}, ` +
				`other requests: ${counts.token + counts.other}; ${ms(drainMs)}; ${int(unique.size)} of ${int(newRuns)} runs delivered once` +
				(confirm.length ? `, ${confirm.length} more after the drain` : ''),
			target: `run-list requests ≤ ${minimumPages} + polls (${allowedPages}); flow lookups ≤ ${allowedLookups}; no other requests; every run exactly once`,
			pass: counts.runPages <= allowedPages && counts.flowPages <= allowedLookups && counts.token + counts.other === 0 && exact && confirm.length === 0,
		};
		return { rows: [row], details };
	} finally {
		await env.close();
	}
}

module.exports = { catchUpBench };
