'use strict';
// The resource locators' modes: a link pasted from the Experience Platform UI (URL mode), the ID
// modes' check in the editor, and the run locator on every run operation, with workflows saved when
// the run ID was a text parameter still running. Real workflow executions against the simulator.
const { useEnvironment } = require('../harness/environment');
const { callLines, platformCalls } = require('../harness/requests');

const env = useEnvironment();

const UI = 'https://experience.adobe.com/#/@acme/sname:prod/platform';
const byId = (value) => ({ __rl: true, mode: 'id', value });
const byUrl = (value) => ({ __rl: true, mode: 'url', value });

const run = async (parameters) => {
	env.sim.log.clear();
	return await env.n8n.runAepNode(parameters);
};

const seedFlow = () => env.sim.store.seedFlows({ sandbox: 'prod', count: 1, kind: 'source' })[0];

describe('URL mode', () => {
	test('Flow → Get takes the flow from its dataflow link', async () => {
		const flow = seedFlow();
		const { items, error } = await run({ resource: 'flow', operation: 'get', flowId: byUrl(`${UI}/source/dataflows/${flow.id}`) });
		expect(error).toBeUndefined();
		expect(callLines(env.sim)).toEqual([`GET /flows/${flow.id}`]);
		expect(items[0].json).toMatchObject({ id: flow.id, name: flow.name });
	});

	test('a link with more than one ID gives the last one, the entity the page shows', async () => {
		const flow = seedFlow();
		const { error } = await run({ resource: 'flow', operation: 'get', flowId: byUrl(`${UI}/source/accounts/11111111-2222-3333-4444-555555555555/dataflows/${flow.id}?tab=runs`) });
		expect(error).toBeUndefined();
		expect(callLines(env.sim)).toEqual([`GET /flows/${flow.id}`]);
	});

	test('Connection → Get takes the connection from its account link', async () => {
		const flow = seedFlow();
		const source = env.sim.store.get('prod', 'sourceConnections', flow.sourceConnectionIds[0]);
		const { error } = await run({ resource: 'connection', operation: 'get', connectionId: byUrl(`${UI}/source/accounts/${source.baseConnectionId}`) });
		expect(error).toBeUndefined();
		expect(callLines(env.sim)).toEqual([`GET /connections/${source.baseConnectionId}`]);
	});

	test('a link without an ID is refused in the editor, and when an expression gives it, before any call', async () => {
		await expect(run({ resource: 'flow', operation: 'get', flowId: byUrl(`${UI}/source/dataflows`) })).rejects.toThrow(/The link holds no flow ID/);
		const { error } = await run({ resource: 'flow', operation: 'get', flowId: byUrl(`={{ "${UI}/source/dataflows" }}`) });
		expect(error.message).toMatch(/^The Flow link ".*" holds no ID$/);
		expect(platformCalls(env.sim)).toEqual([]);
	});

	test('only dataflows, accounts and runs have a URL mode: the entities whose UI pages name their ID', async () => {
		const { AepFlowService } = require('../../dist/nodes/AepFlowService/AepFlowService.node.js');
		const locators = new AepFlowService().description.properties.filter((property) => property.type === 'resourceLocator');
		const modesOf = (name) => [...new Set(locators.filter((property) => property.name === name).map((property) => property.modes.map((mode) => mode.name).join(',')))];
		expect(modesOf('flowId')).toEqual(['list,id,url']);
		expect(modesOf('connectionId')).toEqual(['list,id,url']);
		expect(modesOf('baseConnectionId')).toEqual(['list,id,url']);
		expect(modesOf('runId')).toEqual(['list,id,url']);
		expect(modesOf('sourceConnectionId')).toEqual(['list,id']);
		expect(modesOf('targetConnectionId')).toEqual(['list,id']);
		expect(modesOf('connectionSpec')).toEqual(['list,id']);
	});
});

describe('ID mode: the editor checks the format', () => {
	test.each([
		['flow', { resource: 'flow', operation: 'get', flowId: byId('not an id!') }, /Not a flow ID: an ID looks like/],
		['connection', { resource: 'connection', operation: 'get', connectionId: byId('abc') }, /Not a connection ID: an ID looks like/],
		['target connection', { resource: 'targetConnection', operation: 'get', targetConnectionId: byId('amazon s3') }, /Not a target connection ID: an ID looks like/],
		['run', { resource: 'run', operation: 'get', runId: byId('2edc08ac-1') }, /Not a run ID: a run ID looks like/],
	])('a malformed %s ID does not run, and nothing is sent', async (_name, parameters, message) => {
		await expect(run(parameters)).rejects.toThrow(message);
		expect(platformCalls(env.sim)).toEqual([]);
	});

	test('an ID with spaces around it passes the editor, and the node trims it', async () => {
		const flow = seedFlow();
		const { error } = await run({ resource: 'flow', operation: 'get', flowId: byId(`  ${flow.id} `) });
		expect(error).toBeUndefined();
		expect(callLines(env.sim)).toEqual([`GET /flows/${flow.id}`]);
	});
});

describe('the run locator on every run operation', () => {
	const failedRun = () => {
		const flow = seedFlow();
		const [failed] = env.sim.store.seedRuns({ sandbox: 'prod', flowId: flow.id, count: 1, status: 'failed' });
		return { flow, failed };
	};

	test.each([
		['get', {}, (id) => [`GET /runs/${id}`]],
		['getErrors', { batchDetails: false }, (id) => [`GET /runs/${id}`]],
		['waitForCompletion', { pollIntervalSeconds: 1, maxWaitSeconds: 30 }, (id) => [`GET /runs/${id}`]],
		['retry', {}, (id) => [`POST /runs/${id}/action`, expect.stringMatching(/^GET \/runs\//)]],
	])('%s takes the run from its link in the Experience Platform UI, by ID, and as the text saved workflows hold', async (operation, extra, expected) => {
		const { flow, failed } = failedRun();
		for (const runId of [byUrl(`${UI}/source/dataflows/${flow.id}/runs/${failed.id}`), byId(failed.id), failed.id]) {
			// The original run stays failed, so Retry can re-trigger it each time.
			const { error } = await run({ resource: 'run', operation, runId, ...extra });
			expect(error).toBeUndefined();
			expect(callLines(env.sim)).toEqual(expected(failed.id));
		}
	});

	test('each operation lists the runs it can use', async () => {
		const { AepFlowService } = require('../../dist/nodes/AepFlowService/AepFlowService.node.js');
		const listOf = (operation) =>
			new AepFlowService().description.properties.find((property) => property.name === 'runId' && property.displayOptions.show.operation.includes(operation)).modes[0].typeOptions.searchListMethod;
		expect(['get', 'getErrors', 'getFailedRecords', 'retry', 'waitForCompletion'].map(listOf)).toEqual(['searchRuns', 'searchRunsWithFailures', 'searchRunsWithFailures', 'searchFailedRuns', 'searchRuns']);
	});
});
