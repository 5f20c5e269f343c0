'use strict';
// Soak of several triggers at once on one history: New Run, Finished Run, Recovered and Delayed Run,
// each with its static data reloaded from JSON before every poll, 10% of polls faulted (429, 503,
// hangs), and each trigger's events compared with a ground truth computed here from the simulator's
// run history alone: none missing, none repeated, none wrong.
const { startEnvironment } = require('../harness/environment');
const { TriggerDriver } = require('../harness/trigger');

const RUNS = '/data/foundation/flowservice/runs';
const MINUTE = 60_000;
// Simulated runs take up to 40 minutes: a threshold of 25 makes some of them late.
const DELAY_MINUTES = 25;
const GOOD = ['success', 'partialSuccess'];

function mulberry32(seed) {
	let state = seed >>> 0;
	return () => {
		state = (state + 0x6d2b79f5) >>> 0;
		let t = state;
		t = Math.imul(t ^ (t >>> 15), t | 1);
		t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	};
}

const statusOf = (run) => run.metrics.statusSummary.status;
const finished = (run) => ['success', 'failed', 'partialSuccess'].includes(statusOf(run));

/** Recoveries from the history alone: a flow's good run right after a failed one (in update order), updated after `since`. */
function recoveriesAfter(runs, since) {
	const byFlow = new Map();
	for (const run of runs.filter(finished)) byFlow.set(run.flowId, [...(byFlow.get(run.flowId) ?? []), run]);
	const recoveries = [];
	for (const flowRuns of byFlow.values()) {
		let failing = false;
		for (const run of flowRuns.sort((a, b) => a.updatedAt - b.updatedAt)) {
			if (statusOf(run) === 'failed') failing = true;
			else if (GOOD.includes(statusOf(run))) {
				if (failing && run.updatedAt > since) recoveries.push(run.id);
				failing = false;
			}
		}
	}
	return recoveries;
}

test('four events over 4 simulated days with faults and restarts: each equals its ground truth', async () => {
	const env = await startEnvironment();
	try {
		const random = mulberry32(20261201);
		env.sim.store.seedFlows({ sandbox: 'prod', count: 16, kind: 'source', state: 'enabled' });
		// A day of history first, so Recovered has failing flows to learn at activation.
		env.sim.clock.advance(24 * 60 * MINUTE);
		const parameters = { flowKind: 'all', flowIds: [], options: {} };
		const drivers = {
			newRun: new TriggerDriver(env.n8n, { ...parameters, event: 'newRun' }, { pollBudgetMs: 3000 }),
			finishedRun: new TriggerDriver(env.n8n, { ...parameters, event: 'finishedRun', statuses: ['success', 'failed', 'partialSuccess'] }, { pollBudgetMs: 3000 }),
			recoveredRun: new TriggerDriver(env.n8n, { ...parameters, event: 'recoveredRun' }, { pollBudgetMs: 3000 }),
			delayedRun: new TriggerDriver(env.n8n, { ...parameters, event: 'delayedRun', delayMinutes: DELAY_MINUTES }, { pollBudgetMs: 3000 }),
		};
		const activatedAt = env.sim.clock.now();
		const runsAtActivation = new Set(env.sim.store.list('prod', 'runs').map((run) => run.id));
		for (const driver of Object.values(drivers)) await driver.poll();

		let faulted = 0;
		for (let minute = 0; minute < 4 * 24 * 60; minute += 30) {
			env.sim.clock.advance(30 * MINUTE);
			for (const driver of Object.values(drivers)) {
				if (random() < 0.1) {
					faulted++;
					const kind = Math.floor(random() * 3);
					if (kind === 0) env.sim.faults.add({ method: 'GET', path: RUNS, status: 429, headers: { 'Retry-After': '0' }, times: 1 });
					if (kind === 1) env.sim.faults.add({ method: 'GET', path: RUNS, status: 503, times: 20 });
					if (kind === 2) env.sim.faults.add({ method: 'GET', path: RUNS, hang: true, times: 1 });
				}
				try {
					await driver.poll();
				} catch (error) {
					expect(String(error.message)).toMatch(/503|Could not reach|timed out/);
				}
				env.sim.faults.clear();
				driver.restart();
			}
		}
		// Every run finishes, then every trigger drains without faults.
		for (const flow of env.sim.store.list('prod', 'flows')) env.sim.store.pauseFlowRuns('prod', flow.id);
		env.sim.clock.advance(6 * 60 * MINUTE);
		for (let i = 0; i < 5; i++) for (const driver of Object.values(drivers)) await driver.poll();

		const runs = env.sim.store.list('prod', 'runs');
		const fired = (event) => drivers[event].emitted.map((item) => item.runId);
		const expectOnce = (ids) => expect(new Set(ids).size).toBe(ids.length);
		for (const event of Object.keys(drivers)) expectOnce(fired(event));

		const created = runs.filter((run) => !runsAtActivation.has(run.id)).map((run) => run.id);
		expect([...fired('newRun')].sort()).toEqual([...created].sort());

		const finishedAfter = runs.filter((run) => finished(run) && run.updatedAt > activatedAt).map((run) => run.id);
		expect([...fired('finishedRun')].sort()).toEqual([...finishedAfter].sort());

		expect([...fired('recoveredRun')].sort()).toEqual(recoveriesAfter(runs, activatedAt).sort());

		// Delayed: every run created after the activation that ran at least N minutes fired; none that ran less did.
		const ranMinutes = (run) => (run.metrics.durationSummary.completedAtUTC - run.metrics.durationSummary.startedAtUTC) / MINUTE;
		const delayedFired = new Set(fired('delayedRun'));
		const late = runs.filter((run) => !runsAtActivation.has(run.id) && ranMinutes(run) >= DELAY_MINUTES).map((run) => run.id);
		for (const id of late) expect(delayedFired.has(id)).toBe(true);
		for (const run of runs.filter((r) => delayedFired.has(r.id))) expect(ranMinutes(run)).toBeGreaterThanOrEqual(DELAY_MINUTES - 0.01);

		expect(faulted).toBeGreaterThan(10);
		expect(created.length).toBeGreaterThan(500);
		expect(fired('recoveredRun').length).toBeGreaterThan(5);
		expect(late.length).toBeGreaterThan(5);
		console.info(`soak (all events): ${runs.length} runs, ${created.length} new, ${fired('recoveredRun').length} recoveries, ${late.length} delayed, ${faulted} faulted polls`);
	} finally {
		await env.close();
	}
}, 300_000);
