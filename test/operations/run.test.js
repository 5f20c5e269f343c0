'use strict';
// Run resource: on-demand runs, get, filtered lists, retries, errors and waiting for the end of a run,
// through real workflow executions against the simulator, asserting the exact requests and the output.
const { useEnvironment } = require('../harness/environment');
const { platformCalls } = require('../harness/requests');

const byId = (id) => ({ __rl: true, mode: 'id', value: id });
const UNKNOWN_ID = '00000000-0000-0000-0000-000000000000';
const SIMPLIFIED_KEYS = ['runId', 'flowId', 'status', 'startedAt', 'completedAt', 'durationSeconds', 'records', 'errors', 'batchIds', 'sandboxName'];

const env = useEnvironment();

const runNode = async (parameters, options) => {
	env.sim.log.clear();
	return await env.n8n.runAepNode({ resource: 'run', ...parameters }, options);
};

const seedFlow = () => env.sim.store.seedFlows({ sandbox: 'prod', count: 1, kind: 'source' })[0];
const storedRun = (id) => env.sim.store.get('prod', 'runs', id);
const lines = () => platformCalls(env.sim).map((c) => `${c.method} ${c.path} ${c.status}`);

describe('Create', () => {
	test('posts the documented on-demand body (epoch seconds as strings) and returns the stored run', async () => {
		const flow = seedFlow();
		const { items, error } = await runNode({
			operation: 'create',
			flowId: byId(flow.id),
			windowStartTime: '2026-01-04T00:00:00Z',
			windowEndTime: '2026-01-05T00:00:00Z',
			simplify: false,
			additionalFields: { startTime: '2026-01-05T09:00:00Z', deltaColumn: 'updatedAt' },
		});
		expect(error).toBeUndefined();
		const calls = platformCalls(env.sim);
		expect(calls).toHaveLength(2);
		expect(calls[0]).toMatchObject({ method: 'POST', service: 'flowservice', path: '/runs', status: 201 });
		expect(calls[0].body).toEqual({
			flowId: flow.id,
			params: { startTime: '1767603600', windowStartTime: '1767484800', windowEndTime: '1767571200', deltaColumn: { name: 'updatedAt' } },
		});
		const runId = items[0].json.id;
		expect(calls[1]).toMatchObject({ method: 'GET', path: `/runs/${runId}`, status: 200 });
		expect(items).toHaveLength(1);
		expect(items[0].json).toMatchObject({ id: runId, flowId: flow.id, params: calls[0].body.params, metrics: { statusSummary: { status: 'scheduled' } } });
		expect(items[0].json.items).toBeUndefined();
		expect(storedRun(runId).flowId).toBe(flow.id);
	});

	test('starts now when no start time is given, and Simplify flattens the run', async () => {
		const flow = seedFlow();
		const before = Math.floor(Date.now() / 1000);
		const { items, error } = await runNode({
			operation: 'create',
			flowId: byId(flow.id),
			windowStartTime: '2026-01-04T00:00:00Z',
			windowEndTime: '2026-01-04T12:00:00Z',
		});
		expect(error).toBeUndefined();
		const [post] = platformCalls(env.sim);
		expect(Object.keys(post.body.params)).toEqual(['startTime', 'windowStartTime', 'windowEndTime']);
		expect(Number(post.body.params.startTime)).toBeGreaterThanOrEqual(before);
		expect(Number(post.body.params.startTime)).toBeLessThanOrEqual(Math.ceil(Date.now() / 1000));
		expect(Object.keys(items[0].json).sort()).toEqual([...SIMPLIFIED_KEYS].sort());
		expect(items[0].json).toMatchObject({ flowId: flow.id, status: 'scheduled', records: {}, errors: [], batchIds: [], sandboxName: 'prod' });
	});

	test('a window that does not start before it ends fails before any call', async () => {
		const flow = seedFlow();
		const { error } = await runNode({
			operation: 'create',
			flowId: byId(flow.id),
			windowStartTime: '2026-01-05T00:00:00Z',
			windowEndTime: '2026-01-05T00:00:00Z',
		});
		expect(error.message).toBe('"Window Start" must be before "Window End"');
		expect(platformCalls(env.sim)).toEqual([]);
	});

	test('an unreadable date and a missing window end name their field', async () => {
		const flow = seedFlow();
		const bad = await runNode({ operation: 'create', flowId: byId(flow.id), windowStartTime: 'yesterday-ish', windowEndTime: '2026-01-05T00:00:00Z' });
		expect(bad.error.message).toBe('"Window Start" is not a valid date and time: yesterday-ish');
		// Required fields left empty by an expression over the input item reach the node.
		const missing = await runNode({ operation: 'create', flowId: byId(flow.id), windowStartTime: '2026-01-04T00:00:00Z', windowEndTime: '={{ "" }}' });
		expect(missing.error.message).toBe('"Window End" is empty');
		expect(platformCalls(env.sim)).toEqual([]);
	});

	test('a missing flow fails before any call; an unknown flow fails with Adobe\'s reason', async () => {
		const empty = await runNode({ operation: 'create', flowId: byId('={{ "" }}'), windowStartTime: '2026-01-04T00:00:00Z', windowEndTime: '2026-01-05T00:00:00Z' });
		expect(empty.error.message).toBe('The Flow is empty');
		expect(platformCalls(env.sim)).toEqual([]);
		const unknown = await runNode({ operation: 'create', flowId: byId(UNKNOWN_ID), windowStartTime: '2026-01-04T00:00:00Z', windowEndTime: '2026-01-05T00:00:00Z' });
		expect(unknown.error.message).toMatch(/answered 400 Bad Request \(FLOW-1430-400\)/);
		expect(unknown.error.description).toMatch(/Flow not found/);
		expect(lines()).toEqual(['POST /runs 400']);
	});
});

describe('Get', () => {
	test('returns the run itself (raw) or its simplified form', async () => {
		const flow = seedFlow();
		const [run] = env.sim.store.seedRuns({ sandbox: 'prod', flowId: flow.id, count: 1, status: 'failed' });
		const raw = await runNode({ operation: 'get', runId: run.id, simplify: false });
		expect(raw.error).toBeUndefined();
		expect(lines()).toEqual([`GET /runs/${run.id} 200`]);
		expect(raw.items).toHaveLength(1);
		expect(raw.items[0].json).toEqual(JSON.parse(JSON.stringify(storedRun(run.id))));

		const simple = await runNode({ operation: 'get', runId: run.id });
		const stored = storedRun(run.id);
		expect(simple.items[0].json).toMatchObject({
			runId: run.id,
			flowId: flow.id,
			status: 'failed',
			startedAt: new Date(stored.metrics.durationSummary.startedAtUTC).toISOString(),
			completedAt: new Date(stored.metrics.durationSummary.completedAtUTC).toISOString(),
		});
		expect(simple.items[0].json.errors.map((e) => e.code)).toContain(stored.metrics.statusSummary.errors[0].code);
	});

	test('a missing run ID fails before any call; an unknown one fails with the 404', async () => {
		const missing = await runNode({ operation: 'get', runId: '={{ "" }}' });
		expect(missing.error.message).toBe('The Run ID is empty');
		const invalid = await runNode({ operation: 'get', runId: 'not an id' });
		expect(invalid.error.message).toBe('The Run ID "not an id" is not a valid ID');
		expect(platformCalls(env.sim)).toEqual([]);
		const unknown = await runNode({ operation: 'get', runId: UNKNOWN_ID });
		expect(unknown.error.message).toMatch(/404 Not Found \(FLOW-1439-404\)/);
		expect(unknown.error.description).toMatch(/Check the ID/);
	});
});

describe('Get Many', () => {
	test('sends every filter server-side and returns only matching runs', async () => {
		const [flowA, flowB, flowC] = env.sim.store.seedFlows({ sandbox: 'prod', count: 3, kind: 'source' });
		for (const flow of [flowA, flowB, flowC]) {
			env.sim.store.seedRuns({ sandbox: 'prod', flowId: flow.id, count: 6, status: 'failed', spacingMs: 3600000 });
			env.sim.store.seedRuns({ sandbox: 'prod', flowId: flow.id, count: 6, status: 'success', spacingMs: 3600000 });
		}
		const starts = env.sim.store.list('prod', 'runs').map((r) => r.metrics.durationSummary.startedAtUTC).sort((a, b) => a - b);
		const after = starts[3];
		const before = starts[starts.length - 4];
		const { items, error } = await runNode({
			operation: 'getMany',
			returnAll: true,
			order: 'oldestFirst',
			simplify: false,
			filters: {
				flowIds: `${flowA.id}, ${flowB.id}`,
				statuses: ['failed', 'partialSuccess'],
				startedAfter: new Date(after).toISOString(),
				startedBefore: new Date(before).toISOString(),
			},
		});
		expect(error).toBeUndefined();
		const calls = platformCalls(env.sim);
		expect(calls).toHaveLength(1);
		expect(calls[0]).toMatchObject({ method: 'GET', path: '/runs', status: 200 });
		expect(calls[0].query).toEqual({
			property: [
				`flowId==${flowA.id},${flowB.id}`,
				// Partial success is often reported as success: asked for too, and kept only with failed records.
				'metrics.statusSummary.status==failed,partialSuccess,success',
				`metrics.durationSummary.startedAtUTC>${after}`,
				`metrics.durationSummary.startedAtUTC<${before}`,
			],
			orderby: 'createdAt',
			limit: '100',
		});
		const expected = env.sim.store
			.list('prod', 'runs')
			.filter((r) => [flowA.id, flowB.id].includes(r.flowId) && r.metrics.statusSummary.status === 'failed')
			.filter((r) => r.metrics.durationSummary.startedAtUTC > after && r.metrics.durationSummary.startedAtUTC < before);
		expect(expected.length).toBeGreaterThan(0);
		expect(items.map((i) => i.json.id).sort()).toEqual(expected.map((r) => r.id).sort());
		const created = items.map((i) => i.json.createdAt);
		expect(created).toEqual([...created].sort((a, b) => a - b));
	});

	test('Partial Success as Adobe reports it: a success with failed records; Limit counts matching runs across pages', async () => {
		const flow = seedFlow();
		const clean = env.sim.store.seedRuns({ sandbox: 'prod', flowId: flow.id, count: 150, status: 'success', spacingMs: 60_000 });
		const partial = [];
		for (let i = 0; i < 4; i++) {
			const [run] = env.sim.store.seedRuns({ sandbox: 'prod', flowId: flow.id, count: 1, status: 'inProgress' });
			// Adobe's own shape: status success, with failed records.
			env.sim.store.setRunOutcome('prod', run.id, { status: 'success', failedRecordCount: 10 + i, inputRecordCount: 100 });
			partial.push(run.id);
		}
		const { items, error } = await runNode({ operation: 'getMany', returnAll: false, limit: 3, simplify: false, filters: { statuses: ['partialSuccess'] }, runListOptions: { sort: 'oldestFirst' } });
		expect(error).toBeUndefined();
		expect(items.map((item) => item.json.id)).toEqual(partial.slice(0, 3));
		const calls = platformCalls(env.sim);
		// The 150 clean successes come first (oldest first): the matches are on the second page.
		expect(calls.map((call) => [call.query.property, call.query.orderby, call.query.continuationToken ? 'token' : 'first'])).toEqual([
			['metrics.statusSummary.status==partialSuccess,success', 'createdAt', 'first'],
			['metrics.statusSummary.status==partialSuccess,success', 'createdAt', 'token'],
		]);
		// Success alone still lists every success (with or without failed records), as the trigger's Finished Run does.
		const successes = await runNode({ operation: 'getMany', returnAll: true, filters: { statuses: ['success'] } });
		expect(successes.items).toHaveLength(clean.length + partial.length);
	});

	test('newest first by default; Limit stops early; Return All pages with continuation tokens', async () => {
		const flow = seedFlow();
		env.sim.store.seedRuns({ sandbox: 'prod', flowId: flow.id, count: 130 });
		const limited = await runNode({ operation: 'getMany', limit: 5 });
		expect(limited.error).toBeUndefined();
		expect(platformCalls(env.sim).map((c) => c.query)).toEqual([{ orderby: '-createdAt', limit: '5' }]);
		expect(limited.items).toHaveLength(5);
		const newest = env.sim.store.list('prod', 'runs').sort((a, b) => b.createdAt - a.createdAt).slice(0, 5);
		expect(limited.items.map((i) => i.json.runId)).toEqual(newest.map((r) => r.id));
		expect(Object.keys(limited.items[0].json).sort()).toEqual([...SIMPLIFIED_KEYS].sort());

		const all = await runNode({ operation: 'getMany', returnAll: true });
		expect(all.items).toHaveLength(130);
		const pages = platformCalls(env.sim);
		expect(pages).toHaveLength(2);
		expect(pages[1].query).toMatchObject({ orderby: '-createdAt', limit: '100', continuationToken: expect.any(String) });
	});

	test('bad filters fail before any call, naming the field', async () => {
		const badFlow = await runNode({ operation: 'getMany', filters: { flowIds: 'abc, not an id' } });
		expect(badFlow.error.message).toBe('"Flow IDs" holds "abc", which is not a valid ID');
		const badRange = await runNode({ operation: 'getMany', filters: { startedAfter: '2026-01-05T00:00:00Z', startedBefore: '2026-01-04T00:00:00Z' } });
		expect(badRange.error.message).toBe('"Started After" must be before "Started Before"');
		const badDate = await runNode({ operation: 'getMany', filters: { startedBefore: 'soon' } });
		expect(badDate.error.message).toBe('"Started Before" is not a valid date and time: soon');
		expect(platformCalls(env.sim)).toEqual([]);
	});
});

describe('Retry', () => {
	test('re-triggers a failed run and returns the new run', async () => {
		const flow = seedFlow();
		const [failed] = env.sim.store.seedRuns({ sandbox: 'prod', flowId: flow.id, count: 1, status: 'failed' });
		const { items, error } = await runNode({ operation: 'retry', runId: failed.id, simplify: false });
		expect(error).toBeUndefined();
		const calls = platformCalls(env.sim);
		expect(calls).toHaveLength(2);
		expect(calls[0]).toMatchObject({ method: 'POST', path: `/runs/${failed.id}/action`, query: { op: 're-trigger' }, status: 200, ifMatch: undefined });
		expect(calls[0].body).toBeUndefined();
		const newId = items[0].json.id;
		expect(newId).not.toBe(failed.id);
		expect(calls[1]).toMatchObject({ method: 'GET', path: `/runs/${newId}`, status: 200 });
		expect(items[0].json).toMatchObject({ flowId: flow.id, metrics: { statusSummary: { status: 'inProgress' } } });
		expect(storedRun(newId)).toBeDefined();
	});

	test('a run that succeeded with records cannot be retried: Adobe\'s reason is shown', async () => {
		const flow = seedFlow();
		const [run] = env.sim.store.seedRuns({ sandbox: 'prod', flowId: flow.id, count: 1, status: 'failed' });
		env.sim.store.setRunOutcome('prod', run.id, { status: 'success', inputRecordCount: 50 });
		const { error } = await runNode({ operation: 'retry', runId: run.id });
		expect(error.message).toMatch(/answered 400 Bad Request \(FLOW-1422-400\)/);
		expect(error.description).toMatch(/Only failed runs/);
		expect(lines()).toEqual([`POST /runs/${run.id}/action 400`]);
	});

	test('an unknown run fails with the 404', async () => {
		const { error } = await runNode({ operation: 'retry', runId: UNKNOWN_ID });
		expect(error.message).toMatch(/404 Not Found \(FLOW-1439-404\)/);
	});
});

describe('Get Errors', () => {
	/** Every distinct error a stored run carries, read the long way round. */
	function distinctErrors(run) {
		const lists = [run.metrics.statusSummary.errors, run.metrics.recordSummary?.failedInfo];
		for (const activity of run.activities) {
			lists.push(activity.statusSummary?.errors, activity.statusSummary?.extensions?.errors, activity.recordSummary?.failedInfo);
		}
		return [...new Set(lists.flat().filter(Boolean).map((e) => `${e.code}|${e.message}`))];
	}

	test('one item per distinct error, each with the flow, run, status and batch IDs', async () => {
		const flow = seedFlow();
		const [run] = env.sim.store.seedRuns({ sandbox: 'prod', flowId: flow.id, count: 1, status: 'failed' });
		env.sim.store.setRunOutcome('prod', run.id, { status: 'failed', failedRecordCount: 7, errors: [{ code: 'CONNECTOR-2001-500', message: 'Error in processing the copied data.' }] });
		const stored = storedRun(run.id);
		const batchIds = stored.activities.flatMap((a) => (a.targetInfo || []).filter((t) => t.reference.type === 'Batch').flatMap((t) => t.reference.ids));
		expect(batchIds.length).toBeGreaterThan(0);

		const { items, error } = await runNode({ operation: 'getErrors', runId: run.id, batchDetails: false });
		expect(error).toBeUndefined();
		expect(lines()).toEqual([`GET /runs/${run.id} 200`]);
		expect(items.map((i) => `${i.json.code}|${i.json.message}`).sort()).toEqual(distinctErrors(stored).sort());
		for (const item of items) {
			expect(Object.keys(item.json).sort()).toEqual(['batchIds', 'code', 'flowId', 'message', 'runId', 'source', 'status']);
			expect(item.json).toMatchObject({ flowId: flow.id, runId: run.id, status: 'failed' });
			expect(item.json.batchIds.sort()).toEqual([...new Set(batchIds)].sort());
			expect(item.pairedItem).toEqual({ item: 0 });
		}
		expect(items[0].json).toMatchObject({ code: 'CONNECTOR-2001-500', message: 'Error in processing the copied data.', source: 'run' });
	});

	test('a run without errors gives no items', async () => {
		const flow = seedFlow();
		const [run] = env.sim.store.seedRuns({ sandbox: 'prod', flowId: flow.id, count: 1, status: 'success' });
		const { items, error } = await runNode({ operation: 'getErrors', runId: run.id });
		expect(error).toBeUndefined();
		expect(items).toEqual([]);
	});
});

describe('Wait for Completion', () => {
	test('polls until the run ends, then returns it', async () => {
		const flow = seedFlow();
		const [run] = env.sim.store.seedRuns({ sandbox: 'prod', flowId: flow.id, count: 1, status: 'inProgress' });
		const finisher = setTimeout(() => env.sim.store.setRunOutcome('prod', run.id, { status: 'partialSuccess', failedRecordCount: 3, inputRecordCount: 100 }), 1500);
		const started = Date.now();
		const { items, error } = await runNode({ operation: 'waitForCompletion', runId: run.id, options: { pollIntervalSeconds: 1, maxWaitSeconds: 30 } });
		clearTimeout(finisher);
		expect(error).toBeUndefined();
		const calls = lines();
		expect(calls.length).toBeGreaterThanOrEqual(2);
		expect(new Set(calls)).toEqual(new Set([`GET /runs/${run.id} 200`]));
		expect(Date.now() - started).toBeGreaterThanOrEqual(1500);
		expect(items[0].json).toMatchObject({ runId: run.id, status: 'partialSuccess', records: { input: 100, failed: 3 } });
	});

	test('a run that is already over is returned after one read', async () => {
		const flow = seedFlow();
		const [run] = env.sim.store.seedRuns({ sandbox: 'prod', flowId: flow.id, count: 1, status: 'failed' });
		const { items } = await runNode({ operation: 'waitForCompletion', runId: run.id, options: { pollIntervalSeconds: 5, maxWaitSeconds: 60 }, simplify: false });
		expect(lines()).toEqual([`GET /runs/${run.id} 200`]);
		expect(items[0].json).toMatchObject({ id: run.id, metrics: { statusSummary: { status: 'failed' } } });
	});

	test('gives up after the maximum wait, naming the last status', async () => {
		const flow = seedFlow();
		const [run] = env.sim.store.seedRuns({ sandbox: 'prod', flowId: flow.id, count: 1, status: 'inProgress' });
		const started = Date.now();
		const { error } = await runNode({ operation: 'waitForCompletion', runId: run.id, options: { pollIntervalSeconds: 1, maxWaitSeconds: 2 } });
		const elapsed = Date.now() - started;
		expect(error.message).toBe(`Run ${run.id} did not finish within 2 s: its last status was "inProgress"`);
		expect(elapsed).toBeGreaterThanOrEqual(2000);
		expect(elapsed).toBeLessThan(6000);
		expect(lines()).toEqual([`GET /runs/${run.id} 200`, `GET /runs/${run.id} 200`, `GET /runs/${run.id} 200`]);
	});

	test('out-of-range waits fail before any call', async () => {
		const { error } = await runNode({ operation: 'waitForCompletion', runId: UNKNOWN_ID, options: { pollIntervalSeconds: 0, maxWaitSeconds: 60 } });
		expect(error.message).toBe('"Poll Interval (Seconds)" must be between 1 and 3600');
		const tooLong = await runNode({ operation: 'waitForCompletion', runId: UNKNOWN_ID, options: { pollIntervalSeconds: 10, maxWaitSeconds: 100000 } });
		expect(tooLong.error.message).toBe('"Max Wait (Seconds)" must be between 1 and 21600');
		expect(platformCalls(env.sim)).toEqual([]);
	});
});
