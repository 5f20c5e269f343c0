'use strict';
// Waiting for runs: Run → Create's "Wait for Completion" switch, Wait for Completion's Options
// (maximum wait and poll interval, 10 minutes by default) and the top-level settings saved workflows
// from before the Options still carry.
const { useEnvironment } = require('../harness/environment');
const { platformCalls } = require('../harness/requests');
const { AepFlowService } = require('../../dist/nodes/AepFlowService/AepFlowService.node');

const byId = (id) => ({ __rl: true, mode: 'id', value: id });
const UNKNOWN_ID = '00000000-0000-0000-0000-000000000000';

const env = useEnvironment();

const runNode = async (parameters) => {
	env.sim.log.clear();
	return await env.n8n.runAepNode({ resource: 'run', ...parameters });
};

const seedFlow = () => env.sim.store.seedFlows({ sandbox: 'prod', count: 1, kind: 'source' })[0];
const lines = () => platformCalls(env.sim).map((c) => `${c.method} ${c.path} ${c.status}`);
const WINDOW = { windowStartTime: '2026-01-04T00:00:00Z', windowEndTime: '2026-01-05T00:00:00Z' };

/** Calls `action` once the simulator has logged `count` platform calls. */
function whenCalls(count, action) {
	const timer = setInterval(() => {
		if (platformCalls(env.sim).length >= count) {
			clearInterval(timer);
			action();
		}
	}, 20);
	return () => clearInterval(timer);
}

describe('Run → Create with Wait for Completion', () => {
	test('creates the run, reads it until it ends and returns the finished run', async () => {
		const flow = seedFlow();
		env.sim.store.scriptFlowOutcomes('prod', flow.id, [{ status: 'inProgress' }]);
		// After the create and two reads, the run ends.
		const stop = whenCalls(3, () => {
			const runId = platformCalls(env.sim)[1].path.split('/').pop();
			env.sim.store.setRunOutcome('prod', runId, { status: 'success', inputRecordCount: 40, failedRecordCount: 0 });
		});
		const { items, error } = await runNode({ operation: 'create', flowId: byId(flow.id), ...WINDOW, waitForCompletion: true, options: { pollIntervalSeconds: 1, maxWaitSeconds: 30 } });
		stop();
		expect(error).toBeUndefined();
		const runId = items[0].json.runId;
		const calls = lines();
		expect(calls[0]).toBe('POST /runs 201');
		expect(calls.slice(1)).toEqual(Array(calls.length - 1).fill(`GET /runs/${runId} 200`));
		expect(calls.length).toBeGreaterThanOrEqual(4);
		expect(items).toHaveLength(1);
		expect(items[0].json).toMatchObject({ runId, flowId: flow.id, status: 'success', records: { input: 40, failed: 0 } });
	});

	test('gives up after the maximum wait, saying the run was created', async () => {
		const flow = seedFlow();
		env.sim.store.scriptFlowOutcomes('prod', flow.id, [{ status: 'inProgress', times: -1 }]);
		const started = Date.now();
		const { error } = await runNode({ operation: 'create', flowId: byId(flow.id), ...WINDOW, waitForCompletion: true, options: { pollIntervalSeconds: 1, maxWaitSeconds: 2 } });
		const elapsed = Date.now() - started;
		const runId = platformCalls(env.sim)[1].path.split('/').pop();
		expect(error.message).toMatch(new RegExp(`^Run ${runId} did not finish within 2 s: its last status was "(scheduled|inProgress)"$`));
		expect(error.description).toBe(`Raise "Max Wait (Seconds)" in Options, or check the run in Experience Platform. Run ${runId} was created; wait for it with Run → Wait for Completion.`);
		expect(elapsed).toBeGreaterThanOrEqual(2000);
		expect(elapsed).toBeLessThan(6000);
	});

	test('with the switch off (the default) the run is returned as created, without waiting', async () => {
		const flow = seedFlow();
		const { items, error } = await runNode({ operation: 'create', flowId: byId(flow.id), ...WINDOW, options: { maxWaitSeconds: 0 } });
		expect(error).toBeUndefined();
		expect(lines()).toEqual(['POST /runs 201', `GET /runs/${items[0].json.runId} 200`]);
		expect(items[0].json.status).toBe('scheduled');
	});

	test('out-of-range wait options fail before the run is created', async () => {
		const flow = seedFlow();
		const { error } = await runNode({ operation: 'create', flowId: byId(flow.id), ...WINDOW, waitForCompletion: true, options: { maxWaitSeconds: 0 } });
		expect(error.message).toBe('"Max Wait (Seconds)" must be between 1 and 21600');
		const interval = await runNode({ operation: 'create', flowId: byId(flow.id), ...WINDOW, waitForCompletion: true, options: { pollIntervalSeconds: 'often' } });
		expect(interval.error.message).toBe('"Poll Interval (Seconds)" must be between 1 and 3600');
		expect(platformCalls(env.sim)).toEqual([]);
	});
});

describe('Wait for Completion settings', () => {
	test('Options hold the maximum wait (10 minutes by default) and the poll interval (30 s); Create shows them only when it waits', () => {
		const properties = new AepFlowService().description.properties;
		const optionsOf = (operation) => properties.find((p) => p.name === 'options' && p.displayOptions?.show?.resource?.includes('run') && p.displayOptions.show.operation?.includes(operation));
		for (const operation of ['waitForCompletion', 'create']) {
			const options = optionsOf(operation);
			expect(options.type).toBe('collection');
			expect(Object.fromEntries(options.options.map((o) => [o.name, o.default]))).toEqual({ maxWaitSeconds: 600, pollIntervalSeconds: 30 });
		}
		expect(optionsOf('create').displayOptions.show.waitForCompletion).toEqual([true]);
		const waitSwitch = properties.find((p) => p.name === 'waitForCompletion' && p.displayOptions?.show?.operation?.includes('create'));
		expect(waitSwitch).toMatchObject({ type: 'boolean', default: false });
		// The old top-level settings are kept for saved workflows, never shown.
		const legacy = properties.filter((p) => ['maxWaitSeconds', 'pollIntervalSeconds'].includes(p.name));
		expect(legacy.map((p) => [p.name, p.type, p.displayOptions.show.operation])).toEqual([
			['pollIntervalSeconds', 'hidden', ['waitForCompletion']],
			['maxWaitSeconds', 'hidden', ['waitForCompletion']],
		]);
	});

	test('a saved workflow with the old top-level Poll Interval and Max Wait keeps its values', async () => {
		const flow = seedFlow();
		const [run] = env.sim.store.seedRuns({ sandbox: 'prod', flowId: flow.id, count: 1, status: 'inProgress' });
		env.sim.store.holdRun('prod', run.id);
		const started = Date.now();
		const { error } = await runNode({ operation: 'waitForCompletion', runId: run.id, pollIntervalSeconds: 1, maxWaitSeconds: 2 });
		const elapsed = Date.now() - started;
		expect(error.message).toBe(`Run ${run.id} did not finish within 2 s: its last status was "inProgress"`);
		expect(elapsed).toBeLessThan(6000);
		expect(lines()).toEqual([`GET /runs/${run.id} 200`, `GET /runs/${run.id} 200`, `GET /runs/${run.id} 200`]);
	});

	test('Options win over the old top-level settings', async () => {
		const flow = seedFlow();
		const [run] = env.sim.store.seedRuns({ sandbox: 'prod', flowId: flow.id, count: 1, status: 'inProgress' });
		env.sim.store.holdRun('prod', run.id);
		const { error } = await runNode({ operation: 'waitForCompletion', runId: run.id, pollIntervalSeconds: 60, maxWaitSeconds: 3600, options: { pollIntervalSeconds: 1, maxWaitSeconds: 1 } });
		expect(error.message).toBe(`Run ${run.id} did not finish within 1 s: its last status was "inProgress"`);
		expect(lines()).toEqual([`GET /runs/${run.id} 200`, `GET /runs/${run.id} 200`]);
	});

	test('a bad old top-level value is refused before any call, like one in Options', async () => {
		const { error } = await runNode({ operation: 'waitForCompletion', runId: UNKNOWN_ID, maxWaitSeconds: 100000 });
		expect(error.message).toBe('"Max Wait (Seconds)" must be between 1 and 21600');
		expect(platformCalls(env.sim)).toEqual([]);
	});
});
