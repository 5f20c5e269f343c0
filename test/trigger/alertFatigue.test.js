'use strict';
// Alert-fatigue control: Repeat "first per flow until it recovers" (with optional reminders) and a
// digest per poll, for Failed Run and Delayed Run, through real polls on the simulator clock.
const { useEnvironment } = require('../harness/environment');
const { TriggerDriver } = require('../harness/trigger');

const MINUTE = 60_000;
const ERROR = { code: 'CONNECTOR-1001-500', message: 'Copy activity failed: the source answered 403 Forbidden' };

const env = useEnvironment();

const trigger = (event, options, parameters = {}) => new TriggerDriver(env.n8n, { event, flowKind: 'all', flowIds: [], options, ...parameters });
const seedFlows = (count) => env.sim.store.seedFlows({ sandbox: 'prod', count, kind: 'source', state: 'disabled' });
/** A run of the flow that starts now and ends `minutes` later with the given status. */
function runEnding(flow, status, minutes = 10) {
	const [run] = env.sim.store.seedRuns({ sandbox: 'prod', flowId: flow.id, count: 1, status: 'inProgress' });
	env.sim.store.holdRun('prod', run.id);
	env.sim.clock.advance(minutes * MINUTE);
	env.sim.store.setRunOutcome('prod', run.id, status === 'failed' ? { status, errors: [ERROR] } : { status });
	return run;
}

describe('Repeat: first per flow until it recovers', () => {
	test('a failing flow alerts once; after a good run its next failure alerts again', async () => {
		const [flow] = seedFlows(1);
		const driver = trigger('failedRun', { repeat: 'firstPerFlow' });
		await driver.poll();
		const first = runEnding(flow, 'failed');
		const fired = await driver.poll();
		expect(fired.map((item) => [item.runId, item.alert, item.heldBackSinceLastAlert])).toEqual([[first.id, 'first', 0]]);
		runEnding(flow, 'failed');
		expect(await driver.poll()).toEqual([]);
		driver.restart();
		runEnding(flow, 'failed');
		expect(await driver.poll()).toEqual([]);
		runEnding(flow, 'success');
		expect(await driver.poll()).toEqual([]);
		const again = runEnding(flow, 'failed');
		expect((await driver.poll()).map((item) => [item.runId, item.alert])).toEqual([[again.id, 'first']]);
	});

	test('a reminder after the reminder hours, with how many events were held back; flows are independent', async () => {
		const [a, b] = seedFlows(2);
		const driver = trigger('failedRun', { repeat: 'firstPerFlow', reminderHours: 1 });
		await driver.poll();
		runEnding(a, 'failed');
		const firstOfB = runEnding(b, 'failed');
		expect((await driver.poll()).map((item) => item.alert)).toEqual(['first', 'first']);
		runEnding(a, 'failed', 20);
		expect(await driver.poll()).toEqual([]);
		const reminder = runEnding(a, 'failed', 45);
		const [item] = await driver.poll();
		expect(item).toMatchObject({ runId: reminder.id, alert: 'reminder', heldBackSinceLastAlert: 1 });
		expect(firstOfB).toBeDefined();
	});

	test('two delayed runs of one flow alert once', async () => {
		const [flow] = seedFlows(1);
		const driver = trigger('delayedRun', { repeat: 'firstPerFlow' }, { delayMinutes: 30 });
		await driver.poll();
		const held = (count) => env.sim.store.seedRuns({ sandbox: 'prod', flowId: flow.id, count, status: 'inProgress', spacingMs: MINUTE });
		for (const run of held(2)) env.sim.store.holdRun('prod', run.id);
		env.sim.clock.advance(40 * MINUTE);
		const fired = await driver.poll();
		expect(fired).toHaveLength(1);
		expect(fired[0].alert).toBe('first');
	});
});

describe('Output: one digest per poll', () => {
	test('a burst of 40 failures over 5 flows is one item with counts by flow and error, and the events', async () => {
		const flows = seedFlows(5);
		const driver = trigger('failedRun', { output: 'digest' });
		await driver.poll();
		for (let i = 0; i < 40; i++) {
			const [run] = env.sim.store.seedRuns({ sandbox: 'prod', flowId: flows[i % 5].id, count: 1, status: 'inProgress' });
			env.sim.clock.advance(MINUTE);
			env.sim.store.setRunOutcome('prod', run.id, { status: 'failed', errors: [ERROR] });
		}
		const items = await driver.poll();
		expect(items).toHaveLength(1);
		const [digest] = items;
		expect(digest).toMatchObject({ event: 'failedRun', digest: true, count: 40, flowCount: 5, byErrorCode: { [ERROR.code]: 40 } });
		expect(digest.byFlow.map((entry) => entry.count)).toEqual([8, 8, 8, 8, 8]);
		expect(digest.events).toHaveLength(40);
		expect(Object.values(digest.byErrorCategory).reduce((sum, count) => sum + count, 0)).toBe(40);
		expect(Date.parse(digest.from)).toBeLessThanOrEqual(Date.parse(digest.to));
		expect(await driver.poll()).toEqual([]);
	});
});
