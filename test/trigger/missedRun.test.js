'use strict';
// Missed Run: an enabled flow without a new run past its schedule's interval plus grace fires once
// per silent period; it fires again only after a run arrived and silence resumed. Scheduled flows on
// the simulator clock, one of them with its schedule stopped (enabled, but no runs come).
const { useEnvironment } = require('../harness/environment');
const { TriggerDriver } = require('../harness/trigger');

const MINUTE = 60_000;
const RUNS = '/data/foundation/flowservice/runs';
const FLOWS = '/data/foundation/flowservice/flows';

const env = useEnvironment();

const trigger = (parameters = {}) => new TriggerDriver(env.n8n, { event: 'missedRun', flowKind: 'all', flowIds: [], options: {}, gracePercent: 50, windowHours: 24, ...parameters });
/** Polls every 10 simulated minutes for `minutes`; returns everything that fired. */
async function pollFor(driver, minutes) {
	const fired = [];
	for (let passed = 0; passed < minutes; passed += 10) {
		env.sim.clock.advance(10 * MINUTE);
		fired.push(...(await driver.poll()));
	}
	return fired;
}

describe('Missed Run', () => {
	test('a stopped hourly flow fires once after 90 minutes of silence, again only after runs resumed and stopped', async () => {
		const [stopped, healthy] = env.sim.store.seedFlows({ sandbox: 'prod', count: 2, kind: 'source' });
		env.sim.clock.advance(125 * MINUTE);
		const driver = trigger();
		expect(await driver.poll()).toEqual([]);
		env.sim.store.pauseFlowRuns('prod', stopped.id);
		const fired = await pollFor(driver, 180);
		expect(fired).toHaveLength(1);
		expect(fired[0]).toMatchObject({ event: 'missedRun', flowId: stopped.id, flowName: stopped.name, basis: 'schedule', expectedEveryMinutes: 60, allowedSilenceMinutes: 90 });
		expect(fired[0].silentMinutes).toBeGreaterThan(90);
		expect(fired.some((item) => item.flowId === healthy.id)).toBe(false);
		driver.restart();
		expect(await pollFor(driver, 60)).toEqual([]);
		env.sim.store.resumeFlowRuns('prod', stopped.id);
		expect(await pollFor(driver, 90)).toEqual([]);
		env.sim.store.pauseFlowRuns('prod', stopped.id);
		const again = await pollFor(driver, 180);
		expect(again.map((item) => item.flowId)).toEqual([stopped.id]);
	});

	test('Reminder Every 3 Hours: a flow that stays silent is reminded of every 3 hours, across restarts, until it runs', async () => {
		const [stopped] = env.sim.store.seedFlows({ sandbox: 'prod', count: 1, kind: 'source' });
		env.sim.clock.advance(65 * MINUTE);
		const driver = trigger({ options: { reminderHours: 3 } });
		expect(await driver.poll()).toEqual([]);
		env.sim.store.pauseFlowRuns('prod', stopped.id);
		const fired = [];
		for (let hour = 0; hour < 11; hour++) {
			fired.push(...(await pollFor(driver, 60)));
			driver.restart();
		}
		expect(fired.map((item) => item.alert)).toEqual(['first', 'reminder', 'reminder', 'reminder']);
		expect(new Set(fired.map((item) => item.flowId))).toEqual(new Set([stopped.id]));
		const minutes = fired.map((item) => item.silentMinutes);
		for (let i = 1; i < minutes.length; i++) expect(minutes[i] - minutes[i - 1]).toBe(180);
		env.sim.store.resumeFlowRuns('prod', stopped.id);
		expect(await pollFor(driver, 60)).toEqual([]);
	});

	test('a flow already silent at activation is where things stand, not an event', async () => {
		const [flow] = env.sim.store.seedFlows({ sandbox: 'prod', count: 1, kind: 'source' });
		env.sim.clock.advance(65 * MINUTE);
		env.sim.store.pauseFlowRuns('prod', flow.id);
		env.sim.clock.advance(200 * MINUTE);
		const driver = trigger();
		expect(await driver.poll()).toEqual([]);
		expect(await pollFor(driver, 60)).toEqual([]);
	});

	test('an idle poll reads the runs once; the flow list at most every 10 minutes', async () => {
		env.sim.store.seedFlows({ sandbox: 'prod', count: 3, kind: 'source' });
		env.sim.clock.advance(125 * MINUTE);
		const driver = trigger();
		await driver.poll();
		env.sim.log.clear();
		for (let i = 0; i < 9; i++) {
			env.sim.clock.advance(MINUTE);
			await driver.poll();
		}
		const calls = env.sim.log.entries();
		expect(calls.filter((entry) => entry.path === RUNS)).toHaveLength(9);
		expect(calls.filter((entry) => entry.path === FLOWS)).toHaveLength(0);
		env.sim.clock.advance(2 * MINUTE);
		env.sim.log.clear();
		await driver.poll();
		expect(env.sim.log.entries().filter((entry) => entry.path === FLOWS)).toHaveLength(1);
	});
});

describe('Missed Run digest', () => {
	test('several flows falling silent in one poll are one digest item', async () => {
		// The hourly ones of the seeded flows (the seed plan also has a daily one).
		const flows = env.sim.store.seedFlows({ sandbox: 'prod', count: 3, kind: 'source' }).filter((flow) => flow.scheduleParams?.frequency === 'hour');
		expect(flows.length).toBeGreaterThanOrEqual(2);
		env.sim.clock.advance(125 * MINUTE);
		const driver = trigger({ options: { output: 'digest' } });
		await driver.poll();
		for (const flow of flows) env.sim.store.pauseFlowRuns('prod', flow.id);
		env.sim.clock.advance(150 * MINUTE);
		const items = await driver.poll();
		expect(items).toHaveLength(1);
		expect(items[0]).toMatchObject({ event: 'missedRun', digest: true, count: flows.length, flowCount: flows.length });
		expect(items[0].events.map((item) => item.flowId).sort()).toEqual(flows.map((flow) => flow.id).sort());
	});
});
