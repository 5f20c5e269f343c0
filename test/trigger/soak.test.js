'use strict';
// Soak: 20 flows over simulated days, random run failures, 10% of polls hitting an injected 429, 503
// or timeout, and the trigger's static data serialised and reloaded between every poll (restarts).
// The failedRun events must equal the simulator's ground truth: none missing, none repeated.
const { startEnvironment } = require('../harness/environment');
const { TriggerDriver } = require('../harness/trigger');
const { seededRandom } = require('../harness/random');

const RUNS = '/data/foundation/flowservice/runs';
const MINUTE = 60_000;

/** A small seeded generator, so a failing soak can be replayed exactly. */
test('failedRun over 8 simulated days with faults and restarts: exactly the failed runs, once each', async () => {
	const env = await startEnvironment();
	try {
		const random = seededRandom(20261128);
		env.sim.store.seedFlows({ sandbox: 'prod', count: 20, kind: 'source', state: 'enabled' });
		const driver = new TriggerDriver(env.n8n, { event: 'failedRun', flowKind: 'all', flowIds: [], options: {} }, { pollBudgetMs: 3000 });
		await driver.poll(); // activation: nothing before it fires

		const faultsHit = { 429: 0, 503: 0, timeout: 0 };
		let failedPolls = 0;
		let polls = 0;
		const pollOnce = async () => {
			polls++;
			try {
				await driver.poll();
			} catch (error) {
				failedPolls++;
				expect(String(error.message)).toMatch(/503|Could not reach/);
			}
			env.sim.faults.clear();
			driver.restart();
		};

		for (let minute = 0; minute < 8 * 24 * 60; minute += 30) {
			env.sim.clock.advance(30 * MINUTE);
			if (random() < 0.1) {
				const kind = ['429', '503', 'timeout'][Math.floor(random() * 3)];
				faultsHit[kind === 'timeout' ? 'timeout' : Number(kind)]++;
				if (kind === '429') env.sim.faults.add({ method: 'GET', path: RUNS, status: 429, headers: { 'Retry-After': '0' }, times: 1 });
				if (kind === '503') env.sim.faults.add({ method: 'GET', path: RUNS, status: 503, times: 20 });
				if (kind === 'timeout') env.sim.faults.add({ method: 'GET', path: RUNS, hang: true, times: 1 });
			}
			await pollOnce();
		}
		// Let every run finish, then drain without faults.
		env.sim.clock.advance(2 * 60 * MINUTE);
		for (let i = 0; i < 5; i++) await pollOnce();

		const allRuns = env.sim.store.list('prod', 'runs');
		const failed = allRuns.filter((run) => run.metrics.statusSummary.status === 'failed').map((run) => run.id);
		const emitted = driver.emitted.map((item) => item.runId);

		expect(allRuns.length).toBeGreaterThanOrEqual(2000);
		expect(failed.length).toBeGreaterThan(100);
		expect(faultsHit[429] + faultsHit[503] + faultsHit.timeout).toBeGreaterThanOrEqual(Math.floor(polls * 0.05));
		expect(faultsHit[503]).toBeGreaterThan(0);
		expect(faultsHit.timeout).toBeGreaterThan(0);
		expect(failedPolls).toBeGreaterThan(0);
		expect(new Set(emitted).size).toBe(emitted.length); // none repeated
		expect([...emitted].sort()).toEqual([...failed].sort()); // none missing, none extra
		expect(driver.emitted.every((item) => item.status === 'failed' && item.flowName)).toBe(true);
		console.info(`soak: ${allRuns.length} runs, ${failed.length} failed, ${polls} polls, ${failedPolls} failed polls, faults ${JSON.stringify(faultsHit)}`);
	} finally {
		await env.close();
	}
}, 300_000);
