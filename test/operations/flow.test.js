'use strict';
// Flow resource: every operation and create variant through a real workflow, asserting the exact
// requests Flow Service received and the output shape.
const { useEnvironment } = require('../harness/environment');
const { platformCalls, callLines } = require('../harness/requests');

const byId = (id) => ({ __rl: true, mode: 'id', value: id });
const SPECS = { streaming: 'd8a6f005-7eaf-4153-983e-e8574508b877', streamingMapped: 'c1a19761-d2c7-4702-b9fa-fe91f0613e81', export: 'cd2fc47e-e838-4f38-a581-8fff2f99b63a', cloudStorage: '9753525b-82c7-4dce-8a9b-5ccfce2b9876' };

const env = useEnvironment();

const run = async (parameters, options) => {
	env.sim.log.clear();
	return await env.n8n.runAepNode({ resource: 'flow', ...parameters }, options);
};
const seedSource = () => env.sim.store.seedFlows({ sandbox: 'prod', count: 1, kind: 'source', state: 'disabled' })[0];

describe('create', () => {
	test('from fields: flow spec, connections, mapping, schedule with start in epoch seconds', async () => {
		const existing = seedSource();
		const { items, error } = await run({
			operation: 'create', createType: 'fields', name: 'Orders from S3', flowDescription: 'nightly', flowSpecId: existing.flowSpec.id,
			sourceConnectionIds: existing.sourceConnectionIds.join(','), targetConnectionIds: existing.targetConnectionIds.join(','),
			transformationsJson: '[]', mappingId: 'mapping-1', mappingVersion: 2, frequency: 'hour', interval: 2, startTime: '2026-02-01T00:00:00Z',
		});
		expect(error).toBeUndefined();
		const [post, get] = platformCalls(env.sim);
		expect(post).toMatchObject({ method: 'POST', path: '/flows', status: 201 });
		expect(post.body).toEqual({
			name: 'Orders from S3', description: 'nightly', flowSpec: { id: existing.flowSpec.id, version: '1.0' },
			sourceConnectionIds: existing.sourceConnectionIds, targetConnectionIds: existing.targetConnectionIds,
			transformations: [{ name: 'Mapping', params: { mappingId: 'mapping-1', mappingVersion: '2' } }],
			scheduleParams: { frequency: 'hour', startTime: 1769904000, interval: 2 },
		});
		expect(get).toMatchObject({ method: 'GET', path: expect.stringMatching(/^\/flows\/[\w-]+$/) });
		expect(items[0].json).toMatchObject({ name: 'Orders from S3', etag: expect.any(String), scheduleParams: { frequency: 'hour' } });
	});

	test('from JSON: posted as given', async () => {
		const existing = seedSource();
		const flow = { name: 'JSON flow', flowSpec: { id: existing.flowSpec.id, version: '1.0' }, sourceConnectionIds: existing.sourceConnectionIds, targetConnectionIds: existing.targetConnectionIds };
		const { items } = await run({ operation: 'create', createType: 'json', flowJson: JSON.stringify(flow) });
		expect(platformCalls(env.sim)[0].body).toEqual(flow);
		expect(items[0].json.name).toBe('JSON flow');
	});

	test('streaming: picks the flow spec with or without a mapping, sends no schedule', async () => {
		const streaming = env.sim.store.seedFlows({ sandbox: 'prod', count: 4, kind: 'mixed', state: 'disabled' });
		const existing = streaming[0];
		await run({ operation: 'create', createType: 'streaming', name: 'Stream', sourceConnectionId: byId(existing.sourceConnectionIds[0]), targetConnectionId: byId(existing.targetConnectionIds[0]), mappingId: '' });
		expect(platformCalls(env.sim)[0].body).toEqual({
			name: 'Stream', flowSpec: { id: SPECS.streaming, version: '1.0' }, sourceConnectionIds: [existing.sourceConnectionIds[0]], targetConnectionIds: [existing.targetConnectionIds[0]], transformations: [],
		});
		await run({ operation: 'create', createType: 'streaming', name: 'Mapped', sourceConnectionId: byId(existing.sourceConnectionIds[0]), targetConnectionId: byId(existing.targetConnectionIds[0]), mappingId: 'mapping-9', mappingVersion: 0 });
		expect(platformCalls(env.sim)[0].body.flowSpec.id).toBe(SPECS.streamingMapped);
		expect(platformCalls(env.sim)[0].body.transformations).toEqual([{ name: 'Mapping', params: { mappingId: 'mapping-9', mappingVersion: '0' } }]);
	});

	test('data lake to landing zone: dataset export schedule without a frequency key', async () => {
		const existing = seedSource();
		await run({
			operation: 'create', createType: 'dataLakeToLandingZone', name: 'Export', sourceConnectionId: byId(existing.sourceConnectionIds[0]), targetConnectionId: byId(existing.targetConnectionIds[0]),
			exportTimeUnit: 'hour', exportInterval: 6, exportStartTime: '2036-03-01T00:00:00Z', exportEndTime: '2036-04-01T00:00:00Z', exportMode: 'FIRST_FULL_THEN_INCREMENTAL',
		});
		expect(platformCalls(env.sim)[0].body).toEqual({
			name: 'Export', flowSpec: { id: SPECS.export, version: '1.0' }, sourceConnectionIds: [existing.sourceConnectionIds[0]], targetConnectionIds: [existing.targetConnectionIds[0]], transformations: [],
			scheduleParams: { timeUnit: 'hour', interval: 6, startTime: 2087942400, endTime: 2090620800, exportMode: 'FIRST_FULL_THEN_INCREMENTAL' },
		});
	});

	test('landing zone to data lake: resolves CloudStorageToAEP by name, then creates', async () => {
		const existing = seedSource();
		await run({ operation: 'create', createType: 'landingZoneToDataLake', name: 'DLZ in', sourceConnectionId: byId(existing.sourceConnectionIds[0]), targetConnectionId: byId(existing.targetConnectionIds[0]), frequency: 'minute', interval: 15, startTime: '2026-02-01T00:00:00Z', mappingId: '' });
		const [specs, post] = platformCalls(env.sim);
		expect(specs).toMatchObject({ method: 'GET', path: '/flowSpecs', query: { property: 'name==CloudStorageToAEP' } });
		expect(post.body).toMatchObject({ flowSpec: { id: SPECS.cloudStorage }, scheduleParams: { frequency: 'minute', interval: 15, startTime: 1769904000 } });
	});

	test('streaming from a dataset builds base, source, target and flow, and returns every id and the inlet URL', async () => {
		const [dataset] = env.sim.store.seedDatasets({ sandbox: 'prod', names: ['Web Events'] });
		const { items, error } = await run({ operation: 'create', createType: 'streamingFromDataset', datasetId: dataset.id, streamName: '', authenticationRequired: true });
		expect(error).toBeUndefined();
		expect(callLines(env.sim).filter((line) => line.startsWith('POST'))).toEqual(['POST /connections', 'POST /sourceConnections', 'POST /targetConnections', 'POST /flows']);
		const calls = platformCalls(env.sim);
		expect(calls[0]).toMatchObject({ service: 'catalog', path: `/dataSets/${dataset.id}` });
		const base = calls.find((c) => c.method === 'POST' && c.path === '/connections').body;
		expect(base).toMatchObject({ name: 'Web Events Stream Account', connectionSpec: { id: 'bc7b00d6-623a-4dfc-9fdb-f1240aeadaeb' }, auth: { specName: 'Streaming Connection', params: { dataType: 'xdm', authenticationRequired: true } } });
		const target = calls.find((c) => c.method === 'POST' && c.path === '/targetConnections').body;
		expect(target).toMatchObject({ params: { dataSetId: dataset.id }, data: { format: 'json', schema: { id: dataset.schemaRef.id } } });
		const out = items[0].json;
		expect(out).toMatchObject({ datasetId: dataset.id, datasetName: 'Web Events', inletUrl: expect.stringMatching(/^https:\/\/dcs\.adobedc\.net\/collection\//), flow: { name: 'Web Events Stream' } });
		for (const key of ['baseConnectionId', 'sourceConnectionId', 'targetConnectionId', 'flowId']) expect(out[key]).toEqual(expect.any(String));
	});

	test('streaming from a dataset deletes what it created when the flow create fails', async () => {
		const [dataset] = env.sim.store.seedDatasets({ sandbox: 'prod', names: ['Orders'] });
		env.sim.faults.add({ method: 'POST', path: '/data/foundation/flowservice/flows', status: 400, times: 1 });
		const { error } = await run({ operation: 'create', createType: 'streamingFromDataset', datasetId: dataset.id, streamName: 'Orders feed' });
		expect(error.message).toMatch(/Creating the streaming flow for dataset .* failed: .*400/);
		expect(error.description).toMatch(/Deleted again: target connection .*, source connection .*, base connection /);
		expect(callLines(env.sim).filter((line) => line.startsWith('DELETE'))).toEqual([
			expect.stringMatching(/^DELETE \/targetConnections\//), expect.stringMatching(/^DELETE \/sourceConnections\//), expect.stringMatching(/^DELETE \/connections\//),
		]);
		for (const resource of ['connections', 'sourceConnections', 'targetConnections']) {
			expect(env.sim.store.list('prod', resource).filter((e) => String(e.name).startsWith('Orders feed'))).toEqual([]);
		}
	});
});

describe('read', () => {
	test('get many: filters go to Flow Service as repeated property parameters on every page', async () => {
		const flows = env.sim.store.seedFlows({ sandbox: 'prod', count: 120, kind: 'mixed', state: 'enabled' });
		const { items } = await run({ operation: 'getMany', returnAll: true, filters: { state: 'enabled', flowKind: 'destination', property: ['name==' + flows[1].name] } });
		expect(items.map((i) => i.json.id)).toEqual([flows[1].id]);
		const [call] = platformCalls(env.sim);
		expect(call.query.property).toEqual(['state==enabled', 'inheritedAttributes.properties.isDestinationFlow==true', `name==${flows[1].name}`]);

		const sourceIds = flows.slice(0, 3).flatMap((f) => f.sourceConnectionIds);
		const many = await run({ operation: 'getMany', returnAll: true, filters: { sourceConnectionIds: sourceIds.join(', '), flowSpecId: flows[0].flowSpec.id } });
		expect(many.items.map((i) => i.json.id).sort()).toEqual(flows.filter((f) => f.flowSpec.id === flows[0].flowSpec.id && f.sourceConnectionIds.some((id) => sourceIds.includes(id))).map((f) => f.id).sort());
		expect(platformCalls(env.sim)[0].query.property).toEqual([`flowSpec.id==${flows[0].flowSpec.id}`, `sourceConnectionIds[]==${sourceIds.join(',')}`]);
	});

	test('get many: all pages of a filtered list re-send the filter with each token', async () => {
		env.sim.store.seedFlows({ sandbox: 'prod', count: 230, kind: 'source', state: 'enabled' });
		const { items } = await run({ operation: 'getMany', returnAll: true, filters: { state: 'enabled', flowKind: 'source' } });
		expect(items).toHaveLength(230);
		const calls = platformCalls(env.sim);
		expect(calls).toHaveLength(3);
		for (const call of calls) expect(call.query.property).toEqual(['state==enabled', 'inheritedAttributes.properties.isSourceFlow==true']);
	});

	test('get summary: spec and connection spec names, dataset names and latest runs', async () => {
		const [flow] = env.sim.store.seedFlows({ sandbox: 'prod', count: 1, kind: 'source', state: 'disabled', runsPerFlow: 7 });
		const { items, error } = await run({ operation: 'getSummary', flowId: byId(flow.id), latestRuns: 3 });
		expect(error).toBeUndefined();
		const summary = items[0].json;
		expect(summary).toMatchObject({ id: flow.id, name: flow.name, flowType: 'source', flowSpec: { id: flow.flowSpec.id, name: expect.any(String) } });
		expect(summary.sourceConnections[0].connectionSpec.name).toEqual(expect.any(String));
		expect(summary.targetConnections[0].connectionSpec.name).toBe('datalake');
		expect(summary.datasets).toEqual([{ id: expect.any(String), name: expect.any(String) }]);
		expect(summary.latestRuns).toHaveLength(3);
		expect(summary.latestRuns[0]).toMatchObject({ runId: expect.any(String), status: expect.any(String), records: expect.any(Object) });
		const runsCall = platformCalls(env.sim).find((c) => c.path === '/runs');
		expect(runsCall.query).toMatchObject({ property: `flowId==${flow.id}`, orderby: '-createdAt', limit: '3' });
		expect(platformCalls(env.sim).filter((c) => c.path.startsWith('/connectionSpecs/')).length).toBe(2);
	});
});

describe('update and state', () => {
	test('update fields: reads the etag, patches with If-Match and returns the updated flow', async () => {
		const flow = seedSource();
		const etag = flow.etag;
		const { items } = await run({ operation: 'update', flowId: byId(flow.id), updateType: 'fields', updateFields: { name: 'Renamed', frequency: 'minute', interval: 30 }, etag: '' });
		const [get, patch, after] = platformCalls(env.sim);
		expect(get).toMatchObject({ method: 'GET', path: `/flows/${flow.id}` });
		expect(patch).toMatchObject({ method: 'PATCH', path: `/flows/${flow.id}`, ifMatch: etag, status: 200 });
		expect(patch.body).toEqual([
			{ op: 'replace', path: '/name', value: 'Renamed' },
			{ op: 'replace', path: '/scheduleParams/frequency', value: 'minute' },
			{ op: 'replace', path: '/scheduleParams/interval', value: 30 },
		]);
		expect(after).toMatchObject({ method: 'GET' });
		expect(items[0].json.name).toBe('Renamed');
		expect(items[0].json.etag).not.toBe(etag);
	});

	test('update mapping replaces the Mapping transformation where it sits (FlowManager.updateFlowMapping)', async () => {
		const flow = env.sim.store.list('prod', 'flows').find((f) => (f.transformations ?? []).some((t) => t.name === 'Mapping')) ?? env.sim.store.seedFlows({ sandbox: 'prod', count: 6, kind: 'source', state: 'disabled' }).find((f) => (f.transformations ?? []).some((t) => t.name === 'Mapping'));
		const index = flow.transformations.findIndex((t) => t.name === 'Mapping');
		const { items } = await run({ operation: 'update', flowId: byId(flow.id), updateType: 'fields', updateFields: { mappingId: 'mapping-new', mappingVersion: 3 } });
		const patch = platformCalls(env.sim).find((c) => c.method === 'PATCH');
		expect(patch.body).toEqual([{ op: 'replace', path: `/transformations/${index}`, value: { name: 'Mapping', params: { mappingId: 'mapping-new', mappingVersion: '3' } } }]);
		// Adobe documents the version as text; a version that is not a whole number is refused before any call.
		env.sim.log.clear();
		const bad = await run({ operation: 'update', flowId: byId(flow.id), updateType: 'fields', updateFields: { mappingId: 'mapping-new', mappingVersion: -1 } });
		expect(bad.error.message).toBe('"Mapping Version" must be a whole number of at least 0, not -1');
		expect(platformCalls(env.sim).filter((call) => call.method === 'PATCH')).toEqual([]);
		expect(items[0].json.transformations[index].params.mappingId).toBe('mapping-new');
	});

	test('JSON Patch with a pinned etag is sent as is; a stale pinned etag gives a clear 412', async () => {
		const flow = seedSource();
		const etag = flow.etag;
		const ops = [{ op: 'replace', path: '/description', value: 'pinned' }];
		const ok = await run({ operation: 'update', flowId: byId(flow.id), updateType: 'patch', operationsJson: JSON.stringify(ops), etag });
		expect(callLines(env.sim)).toEqual([`PATCH /flows/${flow.id}`, `GET /flows/${flow.id}`]);
		expect(platformCalls(env.sim)[0]).toMatchObject({ ifMatch: etag, body: ops });
		expect(ok.items[0].json.description).toBe('pinned');
		const stale = await run({ operation: 'update', flowId: byId(flow.id), updateType: 'patch', operationsJson: JSON.stringify(ops), etag });
		expect(stale.error.message).toMatch(/412 Precondition Failed \(FLOW-1404-412\)/);
		expect(stale.error.description).toMatch(/etag is stale/);
	});

	test('enable and disable send the action with the current etag and return the flow', async () => {
		const flow = seedSource();
		const etag = flow.etag;
		const enabled = await run({ operation: 'enable', flowId: byId(flow.id), etag: '' });
		const calls = platformCalls(env.sim);
		expect(calls.map((c) => `${c.method} ${c.path}`)).toEqual([`GET /flows/${flow.id}`, `POST /flows/${flow.id}/action`, `GET /flows/${flow.id}`]);
		expect(calls[1]).toMatchObject({ query: { op: 'enable' }, ifMatch: etag, body: undefined });
		expect(enabled.items[0].json.state).toBe('enabled');
		const disabled = await run({ operation: 'disable', flowId: byId(flow.id), etag: '' });
		expect(platformCalls(env.sim)[1].query).toEqual({ op: 'disable' });
		expect(disabled.items[0].json.state).toBe('disabled');
	});

	test('update policies patches /policy with the enforcement references', async () => {
		const flow = seedSource();
		const etag = flow.etag;
		const { items } = await run({ operation: 'updatePolicies', flowId: byId(flow.id), policies: 'pol/a, pol/b', policyMode: 'add', etag: '' });
		const patch = platformCalls(env.sim).find((c) => c.method === 'PATCH');
		expect(patch).toMatchObject({ ifMatch: etag, body: [{ op: 'add', path: '/policy', value: { enforcementRefs: ['pol/a', 'pol/b'] } }] });
		expect(items[0].json.policy).toEqual({ enforcementRefs: ['pol/a', 'pol/b'] });
	});

	test('delete answers { deleted: true, id }', async () => {
		const flow = seedSource();
		const { items } = await run({ operation: 'delete', flowId: byId(flow.id) });
		expect(callLines(env.sim)).toEqual([`DELETE /flows/${flow.id}`]);
		expect(items[0].json).toEqual({ deleted: true, id: flow.id });
		expect(env.sim.store.get('prod', 'flows', flow.id)).toBeFalsy();
	});
});

describe('bad input', () => {
	const cases = [
		['invalid JSON', { operation: 'create', createType: 'json', flowJson: '{ name: oops' }, /"Flow \(JSON\)" is not valid JSON/],
		['JSON missing keys', { operation: 'create', createType: 'json', flowJson: '{"name":"x"}' }, /"Flow \(JSON\)" is missing "flowSpec.id", "sourceConnectionIds", "targetConnectionIds"/],
		['missing flow id', { operation: 'get', flowId: byId('={{ "" }}') }, /The Flow is empty/],
		['malformed flow id', { operation: 'get', flowId: byId('={{ "not an id!" }}') }, /The Flow "not an id!" is not a valid ID/],
		['unknown flow id', { operation: 'get', flowId: byId('11111111-2222-3333-4444-555555555555') }, /404 Not Found \(FLOW-1439-404\)/],
		['minute schedule under 15', { operation: 'create', createType: 'fields', name: 'x', flowSpecId: 'ffffffff-1', sourceConnectionIds: 'aaaaaaaa-1', targetConnectionIds: 'bbbbbbbb-1', transformationsJson: '[]', frequency: 'minute', interval: 5, mappingId: '' }, /"Interval" must be at least 15 when "Frequency" is minute/],
		['export interval not allowed', { operation: 'create', createType: 'dataLakeToLandingZone', name: 'x', sourceConnectionId: byId('aaaaaaaa-1'), targetConnectionId: byId('bbbbbbbb-1'), exportTimeUnit: 'hour', exportInterval: 5, exportStartTime: '2026-03-01T00:00:00Z', exportMode: 'DAILY_FULL_EXPORT' }, /"Export Interval" must be 3, 6, 9, 12 when "Export Every" is hour/],
		['export end before start', { operation: 'create', createType: 'dataLakeToLandingZone', name: 'x', sourceConnectionId: byId('aaaaaaaa-1'), targetConnectionId: byId('bbbbbbbb-1'), exportTimeUnit: 'day', exportInterval: 1, exportStartTime: '2026-03-01T00:00:00Z', exportEndTime: '2026-02-01T00:00:00Z', exportMode: 'DAILY_FULL_EXPORT' }, /"Export End Time" must be after "Export Start Time"/],
		['bad JSON Patch', { operation: 'update', flowId: byId('aaaaaaaa-1'), updateType: 'patch', operationsJson: '[{"op":"move","path":"/name"}]', etag: '' }, /Operation 1 in "Operations \(JSON\)" is not a valid JSON Patch operation/],
		['bad raw filter', { operation: 'getMany', returnAll: true, filters: { property: ['state=enabled'] } }, /"state=enabled" is not a property filter/],
	];

	test.each(cases)('%s gives a clear message before any call', async (_name, parameters, message) => {
		const { error } = await run(parameters);
		expect(error.message).toMatch(message);
		if (!/404/.test(String(message))) expect(platformCalls(env.sim)).toEqual([]);
	});

	test('with Continue On Fail every item runs, and errors stay paired with their items', async () => {
		const [a, b] = env.sim.store.seedFlows({ sandbox: 'prod', count: 2, kind: 'source', state: 'disabled' });
		const inputItems = JSON.stringify([{ id: a.id }, { id: 'missing-0000-0000' }, { id: '' }, { id: b.id }]);
		const { items, error } = await env.n8n.runAepNode(
			{ resource: 'flow', operation: 'get', flowId: { __rl: true, mode: 'id', value: '={{ $json.id }}' } },
			{ inputItems, nodeOptions: { continueOnFail: true } },
		);
		expect(error).toBeUndefined();
		expect(items.map((i) => i.pairedItem)).toEqual([{ item: 0 }, { item: 1 }, { item: 2 }, { item: 3 }]);
		expect(items[0].json.id).toBe(a.id);
		expect(items[1].json.error).toMatch(/404 Not Found/);
		expect(items[2].json.error).toMatch(/The Flow is empty/);
		expect(items[3].json.id).toBe(b.id);
	});
});
