'use strict';
// Recovered: a flow's first good run after failed runs fires once, with since when it was failing,
// how many runs failed, the last error and the downtime. Failing flows are remembered per flow in
// static data (through restarts); a flow failing at activation is known as failing.
const { useEnvironment } = require('../harness/environment');
const { TriggerDriver, TRIGGER } = require('../harness/trigger');

const MINUTE = 60_000;
const ERROR = { code: 'CONNECTOR-1001-500', message: 'Copy activity failed: the source answered 403 Forbidden' };

const env = useEnvironment();

const trigger = (parameters = {}) => new TriggerDriver(env.n8n, { event: 'recoveredRun', flowKind: 'all', flowIds: [], options: {}, ...parameters });
const seedFlow = () => env.sim.store.seedFlows({ sandbox: 'prod', count: 1, kind: 'source', state: 'disabled' })[0];
/** A run of the flow that starts now and ends 10 minutes later with the given status. */
function runEnding(flow, status) {
	const [run] = env.sim.store.seedRuns({ sandbox: 'prod', flowId: flow.id, count: 1, status: 'inProgress' });
	env.sim.store.holdRun('prod', run.id);
	env.sim.clock.advance(10 * MINUTE);
	env.sim.store.setRunOutcome('prod', run.id, status === 'failed' ? { status, errors: [ERROR] } : { status });
	return env.sim.store.get('prod', 'runs', run.id);
}

describe('Recovered', () => {
	test('fires once on the first good run after failures, with the streak, the last error and the downtime', async () => {
		const flow = seedFlow();
		const driver = trigger();
		await driver.poll();
		const first = runEnding(flow, 'failed');
		expect(await driver.poll()).toEqual([]);
		runEnding(flow, 'failed');
		driver.restart();
		expect(await driver.poll()).toEqual([]);
		runEnding(flow, 'failed');
		expect(await driver.poll()).toEqual([]);
		expect(driver.workflow.staticData[`node:${TRIGGER}`].flowMemory.failing[flow.id]).toMatchObject({ failedRuns: 3 });
		const good = runEnding(flow, 'success');
		const [item] = await driver.poll();
		expect(item).toMatchObject({
			event: 'recoveredRun',
			runId: good.id,
			flowId: flow.id,
			status: 'success',
			failedRuns: 3,
			failingSince: new Date(first.updatedAt).toISOString(),
			lastErrorCode: ERROR.code,
			lastErrorMessage: ERROR.message,
		});
		expect(item.downtimeMinutes).toBe(Math.round((good.metrics.durationSummary.completedAtUTC - first.updatedAt) / MINUTE));
		// Recovered: the slot is gone, and the next good run is just a good run.
		expect(driver.workflow.staticData[`node:${TRIGGER}`].flowMemory.failing[flow.id]).toBeUndefined();
		runEnding(flow, 'success');
		expect(await driver.poll()).toEqual([]);
		driver.restart();
		expect(await driver.poll()).toEqual([]);
	});

	test('a flow failing at activation is known as failing; one running well is not', async () => {
		const failing = seedFlow();
		const healthy = seedFlow();
		runEnding(failing, 'success');
		runEnding(healthy, 'failed');
		runEnding(failing, 'failed');
		runEnding(healthy, 'success');
		runEnding(failing, 'failed');
		const driver = trigger();
		expect(await driver.poll()).toEqual([]);
		runEnding(healthy, 'success');
		const good = runEnding(failing, 'success');
		const items = await driver.poll();
		expect(items.map((item) => [item.runId, item.failedRuns])).toEqual([[good.id, 2]]);
	});

	test('failures and the recovery read in one poll give one event; a capped poll leaves the rest for the next', async () => {
		const a = seedFlow();
		const b = seedFlow();
		const driver = trigger({ options: { maxRunsPerPoll: 1 } });
		await driver.poll();
		runEnding(a, 'failed');
		runEnding(b, 'failed');
		const goodA = runEnding(a, 'success');
		const goodB = runEnding(b, 'success');
		expect((await driver.poll()).map((item) => item.runId)).toEqual([goodA.id]);
		expect((await driver.poll()).map((item) => item.runId)).toEqual([goodB.id]);
		expect(await driver.poll()).toEqual([]);
	});

	test('unreadable flow memory is dropped with a warning and rewritten whole; the trigger goes on', async () => {
		const flow = seedFlow();
		const driver = trigger();
		await driver.poll();
		runEnding(flow, 'failed');
		await driver.poll();
		driver.workflow.staticData[`node:${TRIGGER}`].flowMemory = { version: 1, failing: { [flow.id]: { since: 'yesterday' }, other: null } };
		driver.restart();
		expect(await driver.poll()).toEqual([]);
		expect(driver.workflow.staticData[`node:${TRIGGER}`].flowMemory).toEqual({ version: 1, failing: {}, alerting: {} });
		// The lost streak cannot be recovered from; the next one is.
		runEnding(flow, 'success');
		expect(await driver.poll()).toEqual([]);
		runEnding(flow, 'failed');
		await driver.poll();
		driver.workflow.staticData[`node:${TRIGGER}`].flowMemory = ['not', 'a', 'map'];
		driver.restart();
		runEnding(flow, 'success');
		expect(await driver.poll()).toEqual([]);
		runEnding(flow, 'failed');
		await driver.poll();
		const good = runEnding(flow, 'success');
		expect((await driver.poll()).map((item) => [item.runId, item.failedRuns])).toEqual([[good.id, 1]]);
	});

	test('Fetch Test Event replays the latest runs and shows the last recovery', async () => {
		const flow = seedFlow();
		runEnding(flow, 'failed');
		const good = runEnding(flow, 'success');
		const [item] = await trigger().fetchTestEvent();
		expect(item).toMatchObject({ runId: good.id, failedRuns: 1, event: 'recoveredRun' });
	});
});
