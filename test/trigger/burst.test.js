'use strict';
// A burst larger than the trigger's usual memory: 6,000 failures stamped at one instant, delivered
// 1,000 per poll with restarts in between. Every run fires once: the runs the next read can reach
// are never forgotten, however many share the overlap.
const { useEnvironment } = require('../harness/environment');
const { TriggerDriver } = require('../harness/trigger');

const MINUTE = 60_000;
const env = useEnvironment();

test.each([
	['Every Event', {}],
	['First per Flow Until It Recovers', { repeat: 'firstPerFlow' }],
])('6,000 failures at one instant, Repeat %s: each fires once, over 6 polls', async (_name, options) => {
	const flows = env.sim.store.seedFlows({ sandbox: 'prod', count: 6_000, kind: 'source', state: 'disabled' });
	env.sim.clock.advance(MINUTE);
	const driver = new TriggerDriver(env.n8n, { event: 'failedRun', flowKind: 'all', flowIds: [], options: { ...options, maxRunsPerPoll: 1000 } });
	expect(await driver.poll()).toEqual([]);
	const failed = flows.map((flow) => {
		const [run] = env.sim.store.seedRuns({ sandbox: 'prod', flowId: flow.id, count: 1, status: 'inProgress' });
		env.sim.store.setRunOutcome('prod', run.id, { status: 'failed' });
		return run.id;
	});
	const perPoll = [];
	for (let i = 0; i < 8; i++) {
		env.sim.clock.advance(MINUTE);
		perPoll.push((await driver.poll()).length);
		driver.restart();
	}
	expect(perPoll).toEqual([1000, 1000, 1000, 1000, 1000, 1000, 0, 0]);
	const fired = driver.emitted.map((item) => item.runId);
	expect(new Set(fired).size).toBe(fired.length);
	expect([...fired].sort()).toEqual([...failed].sort());
}, 120_000);
