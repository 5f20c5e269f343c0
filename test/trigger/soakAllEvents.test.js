'use strict';
// Soak of several triggers at once on one history: New, Failed, Finished, Recovered, Delayed and
// Missed Run, each with its static data reloaded from JSON before every poll, 10% of polls faulted
// (429, 503, hangs), two flows stopped for hours, and half-way an upgrade: the Failed and Finished
// Run triggers' state cut down to what version 0.1 stored. Each trigger's events are compared with a
// ground truth computed here from the simulator's run history alone: none missing, none repeated.
const { startEnvironment } = require('../harness/environment');
const { TriggerDriver } = require('../harness/trigger');
const { seededRandom } = require('../harness/random');

const RUNS = '/data/foundation/flowservice/runs';
const MINUTE = 60_000;
// Simulated runs take up to 40 minutes: a threshold of 25 makes some of them late.
const DELAY_MINUTES = 25;
const GOOD = ['success', 'partialSuccess'];
const GRACE = 0.5;
// A watched flow's last run may be known by its start rather than its creation: silences this close to the allowed time may go either way.
const SILENCE_MARGIN = 20 * MINUTE;
const UNIT_MS = { minute: MINUTE, hour: 60 * MINUTE, day: 24 * 60 * MINUTE, week: 7 * 24 * 60 * MINUTE };

/** What version 0.1 kept in static data: the event, the cursor and the flow cache; nothing else. */
function asStoredByVersion01(state) {
	const { version, cursor, emitted, handledThrough } = state.cursor;
	return { event: state.event, cursor: { version, cursor, emitted, ...(handledThrough !== undefined ? { handledThrough } : {}) }, flows: state.flows };
}

/**
 * Silences from the history alone: for each flow, the gaps between its runs' creation (and from its last
 * run to the end) longer than its interval plus grace, seen by a successful poll while they lasted.
 * `must` gaps were plainly visible to a poll; `never` gaps were never longer than allowed at any poll.
 */
function silencesFrom(flows, runs, pollTimes, activatedAt, end) {
	const must = [];
	const never = [];
	for (const flow of flows) {
		const { frequency, interval } = flow.scheduleParams ?? {};
		const allowed = UNIT_MS[frequency] * Number(interval || 1) * (1 + GRACE);
		const created = runs.filter((run) => run.flowId === flow.id).map((run) => run.createdAt).sort((a, b) => a - b);
		for (let i = 0; i < created.length; i++) {
			const from = created[i];
			const until = created[i + 1] ?? end + 1;
			if (until < activatedAt) continue;
			const seen = pollTimes.filter((t) => t > Math.max(from, activatedAt) && t < until);
			const gap = { flowId: flow.id, from };
			if (seen.some((t) => t - from > allowed + SILENCE_MARGIN)) must.push(gap);
			else if (!seen.some((t) => t - from > allowed - SILENCE_MARGIN)) never.push(gap);
		}
	}
	return { must, never };
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

test('six events over 4 simulated days with faults, restarts, stopped flows and an upgrade: each equals its ground truth', async () => {
	const env = await startEnvironment();
	try {
		const random = seededRandom(20261201);
		env.sim.store.seedFlows({ sandbox: 'prod', count: 16, kind: 'source', state: 'enabled' });
		// A day of history first, so Recovered has failing flows to learn at activation.
		env.sim.clock.advance(24 * 60 * MINUTE);
		const parameters = { flowKind: 'all', flowIds: [], options: {} };
		const drivers = {
			newRun: new TriggerDriver(env.n8n, { ...parameters, event: 'newRun' }, { pollBudgetMs: 3000 }),
			failedRun: new TriggerDriver(env.n8n, { ...parameters, event: 'failedRun' }, { pollBudgetMs: 3000 }),
			missedRun: new TriggerDriver(env.n8n, { ...parameters, event: 'missedRun', gracePercent: GRACE * 100, windowHours: 0 }, { pollBudgetMs: 3000 }),
			finishedRun: new TriggerDriver(env.n8n, { ...parameters, event: 'finishedRun', statuses: ['success', 'failed', 'partialSuccess'] }, { pollBudgetMs: 3000 }),
			recoveredRun: new TriggerDriver(env.n8n, { ...parameters, event: 'recoveredRun' }, { pollBudgetMs: 3000 }),
			delayedRun: new TriggerDriver(env.n8n, { ...parameters, event: 'delayedRun', delayMinutes: DELAY_MINUTES }, { pollBudgetMs: 3000 }),
		};
		const activatedAt = env.sim.clock.now();
		const runsAtActivation = new Set(env.sim.store.list('prod', 'runs').map((run) => run.id));
		for (const driver of Object.values(drivers)) await driver.poll();

		const missedPolls = [env.sim.clock.now()];
		const [stoppedA, stoppedB] = env.sim.store.list('prod', 'flows').filter((flow) => flow.scheduleParams?.frequency === 'hour' && Number(flow.scheduleParams.interval) === 1);
		// Stops and restarts of two flows' schedules, at minutes after activation: silences for Missed Run.
		const stops = new Map([
			[10 * 60, () => env.sim.store.pauseFlowRuns('prod', stoppedA.id)],
			[18 * 60, () => env.sim.store.resumeFlowRuns('prod', stoppedA.id)],
			[30 * 60, () => env.sim.store.pauseFlowRuns('prod', stoppedB.id)],
			[33 * 60, () => env.sim.store.resumeFlowRuns('prod', stoppedB.id)],
			[50 * 60, () => env.sim.store.pauseFlowRuns('prod', stoppedA.id)],
			[56 * 60, () => env.sim.store.resumeFlowRuns('prod', stoppedA.id)],
		]);
		let faulted = 0;
		for (let minute = 0; minute < 4 * 24 * 60; minute += 30) {
			env.sim.clock.advance(30 * MINUTE);
			stops.get(minute)?.();
			if (minute === 2 * 24 * 60) {
				for (const event of ['failedRun', 'finishedRun']) drivers[event].workflow = drivers[event].build({ 'node:AEP Trigger': asStoredByVersion01(drivers[event].state) });
			}
			for (const [event, driver] of Object.entries(drivers)) {
				if (random() < 0.1) {
					faulted++;
					const kind = Math.floor(random() * 3);
					if (kind === 0) env.sim.faults.add({ method: 'GET', path: RUNS, status: 429, headers: { 'Retry-After': '0' }, times: 1 });
					if (kind === 1) env.sim.faults.add({ method: 'GET', path: RUNS, status: 503, times: 20 });
					if (kind === 2) env.sim.faults.add({ method: 'GET', path: RUNS, hang: true, times: 1 });
				}
				try {
					await driver.poll();
					if (event === 'missedRun') missedPolls.push(env.sim.clock.now());
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
		missedPolls.push(env.sim.clock.now());

		const runs = env.sim.store.list('prod', 'runs');
		const fired = (event) => drivers[event].emitted.map((item) => item.runId);
		const expectOnce = (ids) => expect(new Set(ids).size).toBe(ids.length);
		for (const event of Object.keys(drivers)) if (event !== 'missedRun') expectOnce(fired(event));

		const created = runs.filter((run) => !runsAtActivation.has(run.id)).map((run) => run.id);
		expect([...fired('newRun')].sort()).toEqual([...created].sort());

		const finishedAfter = runs.filter((run) => finished(run) && run.updatedAt > activatedAt).map((run) => run.id);
		expect([...fired('finishedRun')].sort()).toEqual([...finishedAfter].sort());

		const failedAfter = runs.filter((run) => statusOf(run) === 'failed' && run.updatedAt > activatedAt).map((run) => run.id);
		expect([...fired('failedRun')].sort()).toEqual([...failedAfter].sort());

		// Missed Run: each plainly visible silence fired exactly once (the item names the run it followed), none where there was no silence.
		const silences = silencesFrom(env.sim.store.list('prod', 'flows'), runs, missedPolls, activatedAt, env.sim.clock.now());
		const silenceKey = (flowId, at) => `${flowId}@${at}`;
		const missedFired = drivers.missedRun.emitted.map((item) => item.flowId);
		const lastRunOf = (item) => Date.parse(item.lastRunAt);
		const firedFor = (gap) => drivers.missedRun.emitted.filter((item) => item.flowId === gap.flowId && Math.abs(lastRunOf(item) - gap.from) <= SILENCE_MARGIN).length;
		for (const gap of silences.must) expect([silenceKey(gap.flowId, gap.from), firedFor(gap)]).toEqual([silenceKey(gap.flowId, gap.from), 1]);
		for (const gap of silences.never) expect([silenceKey(gap.flowId, gap.from), firedFor(gap)]).toEqual([silenceKey(gap.flowId, gap.from), 0]);
		expect(missedFired.length).toBeGreaterThanOrEqual(silences.must.length);
		// Mid-soak silences of the two stopped flows (the drain at the end stops every flow).
		const drainStart = env.sim.clock.now() - 6 * 60 * MINUTE;
		expect(silences.must.filter((gap) => gap.from < drainStart - 2 * 60 * MINUTE).map((gap) => gap.flowId).sort()).toEqual([stoppedA.id, stoppedA.id, stoppedB.id].sort());

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
		expect(failedAfter.length).toBeGreaterThan(20);
		console.info(
			`soak (all events): ${runs.length} runs, ${created.length} new, ${failedAfter.length} failed, ${fired('recoveredRun').length} recoveries, ${late.length} delayed, ${missedFired.length} silences, ${faulted} faulted polls`,
		);
	} finally {
		await env.close();
	}
}, 300_000);
