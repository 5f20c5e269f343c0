'use strict';
// AEP Flow Service Trigger scenarios through n8n's real PollContext against the simulator, with the
// simulator's clock driving run history and workflow static data kept (and reloaded) between polls.
const { useEnvironment } = require('../harness/environment');
const { TriggerDriver } = require('../harness/trigger');

const RUNS = '/data/foundation/flowservice/runs';
const MINUTE = 60_000;

const env = useEnvironment();

const flows = (count, kind = 'source') => env.sim.store.seedFlows({ sandbox: 'prod', count, kind, state: 'disabled' });
const runs = (flow, count, status) => env.sim.store.seedRuns({ sandbox: 'prod', flowId: flow.id, count, status, spacingMs: MINUTE });
const fail = (run, extra = {}) => env.sim.store.setRunOutcome('prod', run.id, { status: 'failed', ...extra });
const trigger = (parameters, options) => new TriggerDriver(env.n8n, { flowKind: 'all', flowIds: [], options: {}, ...parameters }, options);
const runRequests = () => env.sim.log.entries().filter((e) => e.path === RUNS);

describe('first activation and manual fetch', () => {
	test('the first poll records where it stands and emits nothing, even with failed runs in history', async () => {
		const [flow] = flows(1);
		runs(flow, 5, 'failed');
		const driver = trigger({ event: 'failedRun' });
		expect(await driver.poll()).toEqual([]);
		expect(driver.state.cursor.cursor).toBeGreaterThan(0);
		expect(await driver.poll()).toEqual([]);
	});

	test('the lookback option emits matching runs of the last hours on activation', async () => {
		const [flow] = flows(1);
		runs(flow, 3, 'failed');
		const driver = trigger({ event: 'failedRun', options: { lookbackHours: 24 } });
		const items = await driver.poll();
		expect(items).toHaveLength(3);
		expect(await driver.poll()).toEqual([]);
	});

	test('Fetch test event returns the most recent matching run and leaves the cursor alone', async () => {
		const [flow] = flows(1);
		runs(flow, 4, 'failed');
		runs(flow, 2, 'success');
		const latestFailure = env.sim.store.list('prod', 'runs').filter((r) => r.metrics.statusSummary.status === 'failed').sort((a, b) => b.updatedAt - a.updatedAt)[0];
		const driver = trigger({ event: 'failedRun' });
		await driver.poll();
		const before = JSON.stringify(driver.workflow.staticData);
		const sample = await driver.fetchTestEvent();
		expect(sample).toHaveLength(1);
		expect(sample[0]).toMatchObject({ event: 'failedRun', status: 'failed', runId: latestFailure.id, flowName: flow.name, flowType: 'source' });
		expect(JSON.stringify(driver.workflow.staticData)).toBe(before);
	});
});

describe('events', () => {
	test('newRun fires once per created run', async () => {
		const [flow] = flows(1);
		runs(flow, 2, 'success');
		const driver = trigger({ event: 'newRun' });
		await driver.poll();
		env.sim.clock.advance(60 * MINUTE);
		const created = env.sim.store.seedRuns({ sandbox: 'prod', flowId: flow.id, count: 3, status: 'inProgress' });
		const items = await driver.poll();
		expect(items.map((i) => i.runId)).toEqual(created.map((r) => r.id));
		expect(items.every((i) => i.event === 'newRun' && i.status === 'inProgress' && i.flowName === flow.name)).toBe(true);
		expect(await driver.poll()).toEqual([]);
	});

	test.each([
		['Simplify off', { simplify: false }, undefined],
		['a workflow saved with version 1 (before Simplify)', {}, 1],
	])('%s: items carry the raw run as Adobe returns it', async (_name, parameters, typeVersion) => {
		const [flow] = flows(1);
		const driver = new TriggerDriver(env.n8n, { event: 'newRun', flowKind: 'all', flowIds: [], options: {}, ...parameters }, { typeVersion });
		await driver.poll();
		const [running] = env.sim.store.seedRuns({ sandbox: 'prod', flowId: flow.id, count: 1, status: 'inProgress' });
		env.sim.clock.advance(10_000);
		const [item] = await driver.poll();
		expect(item.run).toEqual(JSON.parse(JSON.stringify(env.sim.store.get('prod', 'runs', running.id))));
	});

	test('a run created in progress that fails three polls later fires failedRun exactly once', async () => {
		const [flow] = flows(1);
		const driver = trigger({ event: 'failedRun' });
		await driver.poll();
		const [running] = env.sim.store.seedRuns({ sandbox: 'prod', flowId: flow.id, count: 1, status: 'inProgress' });
		for (let i = 0; i < 3; i++) {
			env.sim.clock.advance(10_000);
			expect(await driver.poll()).toEqual([]);
		}
		fail(running);
		const items = await driver.poll();
		expect(items).toHaveLength(1);
		expect(items[0]).toMatchObject({ runId: running.id, status: 'failed', flowName: flow.name, flowId: flow.id, sandboxName: 'prod' });
		expect(items[0].errors.length).toBeGreaterThan(0);
		// Simplify (on by default) leaves the raw run out.
		expect(items[0].run).toBeUndefined();
		driver.restart();
		env.sim.clock.advance(10_000);
		expect(await driver.poll()).toEqual([]);
	});

	test('partial success fires only past the failed-record thresholds', async () => {
		const [flow] = flows(1);
		const driver = trigger({ event: 'failedRun', includePartialSuccess: true, minFailedRecords: 50, minFailedPercent: 0 });
		await driver.poll();
		const [few, many] = env.sim.store.seedRuns({ sandbox: 'prod', flowId: flow.id, count: 2, status: 'inProgress' });
		env.sim.clock.advance(1000);
		env.sim.store.setRunOutcome('prod', few.id, { status: 'partialSuccess', failedRecordCount: 10 });
		env.sim.store.setRunOutcome('prod', many.id, { status: 'partialSuccess', failedRecordCount: 80 });
		const items = await driver.poll();
		expect(items.map((i) => i.runId)).toEqual([many.id]);
		expect(items[0].records.failed).toBe(80);
	});

	test('finishedRun fires for the chosen terminal statuses', async () => {
		const [flow] = flows(1);
		const driver = trigger({ event: 'finishedRun', statuses: ['success'] });
		await driver.poll();
		const [ok, bad] = env.sim.store.seedRuns({ sandbox: 'prod', flowId: flow.id, count: 2, status: 'inProgress' });
		env.sim.clock.advance(1000);
		env.sim.store.setRunOutcome('prod', ok.id, { status: 'success' });
		fail(bad);
		expect((await driver.poll()).map((i) => i.runId)).toEqual([ok.id]);
	});

	test('flow filters: picked flows, sources only, destinations only', async () => {
		const [sourceA, sourceB] = flows(2, 'source');
		const [destination] = flows(1, 'destination');
		const picked = trigger({ event: 'failedRun', flowIds: [sourceB.id] });
		const sourcesOnly = trigger({ event: 'failedRun', flowKind: 'source' });
		const destinationsOnly = trigger({ event: 'failedRun', flowKind: 'destination' });
		for (const driver of [picked, sourcesOnly, destinationsOnly]) await driver.poll();
		const created = [sourceA, sourceB, destination].map((flow) => env.sim.store.seedRuns({ sandbox: 'prod', flowId: flow.id, count: 1, status: 'inProgress' })[0]);
		env.sim.clock.advance(1000);
		created.forEach((run) => fail(run));
		expect((await picked.poll()).map((i) => i.flowId)).toEqual([sourceB.id]);
		expect((await sourcesOnly.poll()).map((i) => i.flowId).sort()).toEqual([sourceA.id, sourceB.id].sort());
		const destinationItems = await destinationsOnly.poll();
		expect(destinationItems.map((i) => i.flowId)).toEqual([destination.id]);
		expect(destinationItems[0].flowType).toBe('destination');
		const pickedQuery = runRequests().find((e) => (e.params.property ?? []).includes(`flowId==${sourceB.id}`));
		expect(pickedQuery).toBeDefined();
	});
});

describe('delivery guarantees', () => {
	test('a failed poll keeps the cursor; the next poll delivers everything once', async () => {
		const [flow] = flows(1);
		const driver = trigger({ event: 'failedRun' }, { pollBudgetMs: 4000 });
		await driver.poll();
		const created = env.sim.store.seedRuns({ sandbox: 'prod', flowId: flow.id, count: 3, status: 'inProgress' });
		env.sim.clock.advance(1000);
		created.forEach((run) => fail(run));
		const before = JSON.stringify(driver.workflow.staticData);
		env.sim.faults.add({ method: 'GET', path: RUNS, status: 503, times: 50 });
		await expect(driver.poll()).rejects.toThrow(/503/);
		expect(JSON.stringify(driver.workflow.staticData)).toBe(before);
		env.sim.faults.clear();
		expect((await driver.poll()).map((i) => i.runId).sort()).toEqual(created.map((r) => r.id).sort());
		expect(await driver.poll()).toEqual([]);
	});

	test('a backlog larger than the per-poll cap is drained over the next polls, in order, without gaps', async () => {
		const [flow] = flows(1);
		const driver = trigger({ event: 'newRun', options: { maxRunsPerPoll: 40 } });
		await driver.poll();
		env.sim.clock.advance(MINUTE);
		env.sim.store.seedRuns({ sandbox: 'prod', flowId: flow.id, count: 1, status: 'success' });
		const backlog = [];
		for (let i = 0; i < 3; i++) {
			env.sim.clock.advance(5 * MINUTE);
			backlog.push(...env.sim.store.seedRuns({ sandbox: 'prod', flowId: flow.id, count: 50, status: 'success', spacingMs: 1 }));
		}
		const delivered = [];
		for (let i = 0; i < 6; i++) {
			const items = await driver.poll();
			expect(items.length).toBeLessThanOrEqual(40);
			delivered.push(...items.map((item) => item.runId));
			driver.restart();
		}
		const createdAt = new Map(env.sim.store.list('prod', 'runs').map((r) => [r.id, r.createdAt]));
		for (const run of backlog) expect(delivered).toContain(run.id);
		expect(new Set(delivered).size).toBe(delivered.length);
		const times = delivered.map((id) => createdAt.get(id));
		expect(times).toEqual([...times].sort((a, b) => a - b)); // oldest first, across polls
	});

	test('with 100,000 runs in history an idle poll makes exactly one request', async () => {
		const [flow] = flows(1);
		env.sim.store.seedRuns({ sandbox: 'prod', flowId: flow.id, count: 100_000, spacingMs: 1000 });
		const driver = trigger({ event: 'failedRun' });
		await driver.poll();
		await driver.poll(); // fills the flow-name cache if the overlap window holds failures
		env.sim.log.clear();
		expect(await driver.poll()).toEqual([]);
		expect(env.sim.log.entries()).toHaveLength(1);
		const [request] = env.sim.log.entries();
		expect(request.path).toBe(RUNS);
		expect(request.params.property).toEqual(expect.arrayContaining([expect.stringMatching(/^updatedAt>=\d+$/), 'metrics.statusSummary.status==failed']));
		expect(request.params.orderby).toBe('updatedAt');
	});
});

describe('downstream', () => {
	test('trigger -> Set runs in trigger mode and keeps paired items', async () => {
		const [flow] = flows(1);
		const driver = trigger({ event: 'failedRun' });
		await driver.poll();
		const created = env.sim.store.seedRuns({ sandbox: 'prod', flowId: flow.id, count: 2, status: 'inProgress' });
		env.sim.clock.advance(1000);
		created.forEach((run) => fail(run));
		const nodes = [
			env.n8n.node('AEP Trigger', require('../harness/n8n').AEP_TRIGGER, driver.parameters),
			{ id: 'set-id', name: 'Alert', type: 'n8n-nodes-base.set', typeVersion: 1, position: [0, 0], parameters: { fields: { text: '={{ "Dataflow " + $json.flowName + " failed: " + $json.errors[0].code }}' } } },
		];
		const workflow = env.n8n.workflow({ nodes, connections: { 'AEP Trigger': { main: [[{ node: 'Alert', type: 'main', index: 0 }]] } }, staticData: driver.workflow.staticData });
		const pollOutput = await env.n8n.poll(workflow, 'AEP Trigger');
		expect(pollOutput[0]).toHaveLength(2);
		const { output, error, run } = await env.n8n.runFromTrigger(workflow, 'AEP Trigger', pollOutput);
		expect(error).toBeUndefined();
		expect(run.mode).toBe('trigger');
		expect(output.Alert).toHaveLength(2);
		expect(output.Alert.map((item) => item.pairedItem)).toEqual([{ item: 0 }, { item: 1 }]);
		expect(output.Alert[0].json.text).toMatch(new RegExp(`^Dataflow ${flow.name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')} failed: [A-Z]+-\\d+-\\d{3}$`));
	});
});
