'use strict';
// Delayed Run: a run still scheduled or in progress N minutes after it started fires once, with how
// long it has been running and its flow's usual duration; runs younger than N wait, nothing from
// before the activation fires. On the simulator clock, with runs held in progress.
const { useEnvironment } = require('../harness/environment');
const { TriggerDriver } = require('../harness/trigger');

const RUNS = '/data/foundation/flowservice/runs';
const MINUTE = 60_000;

const env = useEnvironment();

const trigger = (parameters = {}) => new TriggerDriver(env.n8n, { event: 'delayedRun', flowKind: 'all', flowIds: [], options: {}, delayMinutes: 150, ...parameters });
const seedFlow = () => env.sim.store.seedFlows({ sandbox: 'prod', count: 1, kind: 'source', state: 'disabled' })[0];
/** A run of the flow that starts now and stays in progress until released. */
const heldRun = (flow) => {
	const [run] = env.sim.store.seedRuns({ sandbox: 'prod', flowId: flow.id, count: 1, status: 'inProgress' });
	env.sim.store.holdRun('prod', run.id);
	return run;
};
const advance = (minutes) => env.sim.clock.advance(minutes * MINUTE);
const runRequests = () => env.sim.log.entries().filter((entry) => entry.path === RUNS);

describe('Delayed Run', () => {
	test('fires once when a run passes N minutes, with its running time and the flow\'s usual duration', async () => {
		const flow = seedFlow();
		env.sim.store.seedRuns({ sandbox: 'prod', flowId: flow.id, count: 5, status: 'success', spacingMs: 60 * MINUTE });
		const driver = trigger();
		expect(await driver.poll()).toEqual([]);
		const run = heldRun(flow);
		advance(149);
		expect(await driver.poll()).toEqual([]);
		advance(2);
		env.sim.log.clear();
		const [item] = await driver.poll();
		expect(item).toMatchObject({ event: 'delayedRun', runId: run.id, flowId: flow.id, status: 'inProgress', stillRunning: true, delayedAfterMinutes: 150 });
		expect(item.runningMinutes).toBeGreaterThanOrEqual(150);
		// The median of the flow's five successful runs, read with one request for the flow.
		const succeeded = env.sim.store.list('prod', 'runs').filter((r) => r.flowId === flow.id && r.metrics.statusSummary.status === 'success');
		const durations = succeeded.map((r) => (r.metrics.durationSummary.completedAtUTC - r.metrics.durationSummary.startedAtUTC) / MINUTE).sort((a, b) => a - b);
		expect(item.usualDurationMinutes).toBeCloseTo(durations[2], 1);
		expect(runRequests()).toHaveLength(2);
		advance(30);
		expect(await driver.poll()).toEqual([]);
		driver.restart();
		expect(await driver.poll()).toEqual([]);
	});

	test('a run that finished late between two polls fires too, as no longer running', async () => {
		const flow = seedFlow();
		const driver = trigger({ delayMinutes: 60 });
		await driver.poll();
		const run = heldRun(flow);
		advance(90);
		env.sim.store.setRunOutcome('prod', run.id, { status: 'success' });
		const [item] = await driver.poll();
		expect(item).toMatchObject({ runId: run.id, status: 'success', stillRunning: false });
		expect(item.runningMinutes).toBeGreaterThanOrEqual(90);
		expect(await driver.poll()).toEqual([]);
	});

	test('runs already delayed at activation do not fire; a run that finishes in time never fires', async () => {
		const flow = seedFlow();
		const old = heldRun(flow);
		advance(200);
		const driver = trigger({ delayMinutes: 60 });
		expect(await driver.poll()).toEqual([]);
		const quick = heldRun(flow);
		advance(30);
		env.sim.store.setRunOutcome('prod', quick.id, { status: 'success' });
		advance(60);
		expect(await driver.poll()).toEqual([]);
		env.sim.store.releaseRun('prod', old.id);
		expect(await driver.poll()).toEqual([]);
	});

	test('an idle poll is one request', async () => {
		const flow = seedFlow();
		env.sim.store.seedRuns({ sandbox: 'prod', flowId: flow.id, count: 20, status: 'success', spacingMs: 10 * MINUTE });
		const driver = trigger();
		await driver.poll();
		advance(5);
		env.sim.log.clear();
		expect(await driver.poll()).toEqual([]);
		expect(runRequests()).toHaveLength(1);
	});
});
