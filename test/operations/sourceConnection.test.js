'use strict';
// Source connection operations through real n8n executions against the AEP simulator: the exact
// requests each create type, get, list, update and delete sends, what comes out, and bad input.
const { useEnvironment } = require('../harness/environment');
const { platformCalls } = require('../harness/requests');
const { STREAMING_SPEC, UNKNOWN_ID, byId, seedConnections, baseConnectionOf, asJson } = require('./endpointConnections.helpers');

const STREAMING_PROVIDER = '521eee4d-8cbe-4906-bb48-fb6bd4450033';
const DLZ_SOURCE_SPEC = '26f526f2-58f4-4712-961d-e41bf1ccc0e8';
const DATA_LAKE_SOURCE_SPEC = '23598e46-f560-407b-88d5-ea6207e49db0';

const env = useEnvironment();

const run = (parameters, options) => env.n8n.runAepNode({ resource: 'sourceConnection', ...parameters }, options);
const create = (parameters) => run({ operation: 'create', ...parameters });

/** Asserts a create sent exactly `body`, then read the new connection back; returns the stored entity. */
function expectCreated(items, body) {
	const stored = env.sim.store.list('prod', 'sourceConnections').find((connection) => connection.name === body.name);
	expect(platformCalls(env.sim)).toEqual([
		{ method: 'POST', service: 'flowservice', path: '/sourceConnections', query: {}, body, ifMatch: undefined, status: 201 },
		{ method: 'GET', service: 'flowservice', path: `/sourceConnections/${stored.id}`, query: {}, body: undefined, ifMatch: undefined, status: 200 },
	]);
	expect(items).toHaveLength(1);
	expect(items[0].json).toEqual(asJson(stored));
	return stored;
}

describe('Create', () => {
	test('JSON posts the body as written and returns the connection as stored', async () => {
		const body = {
			name: 'DLZ orders',
			connectionSpec: { id: DLZ_SOURCE_SPEC, version: '1.0' },
			data: { format: 'delimited', properties: { columnDelimiter: ';' } },
			params: { path: 'dlz-user-container/orders', type: 'folder' },
		};
		const { items, error } = await create({ createType: 'json', sourceConnectionJson: JSON.stringify(body) });
		expect(error).toBeUndefined();
		const stored = expectCreated(items, body);
		expect(stored).toMatchObject({ state: 'enabled', data: body.data, params: body.params });
		expect(items[0].json.etag).toMatch(/^".+"$/);
	});

	test('HTTP API Streaming sends aepp\'s streaming body and the output carries the inlet URL', async () => {
		seedConnections(env.sim);
		const base = baseConnectionOf(env.sim, STREAMING_SPEC);
		env.sim.log.clear();
		const { items, error } = await create({
			createType: 'streaming',
			name: 'Mobile events source',
			description: 'App events',
			baseConnectionId: byId(base.id),
			format: 'json',
		});
		expect(error).toBeUndefined();
		expectCreated(items, {
			name: 'Mobile events source',
			providerId: STREAMING_PROVIDER,
			description: 'App events',
			baseConnectionId: base.id,
			connectionSpec: { id: STREAMING_SPEC, version: '1.0' },
			data: { format: 'json' },
		});
		expect(items[0].json.params.inletUrl).toBe(base.auth.params.inletUrl);
		expect(items[0].json.baseConnectionId).toBe(base.id);
	});

	test('Data Landing Zone reads a folder recursively with the landing zone source spec', async () => {
		const { items, error } = await create({
			createType: 'landingZone',
			name: 'DLZ receipts',
			path: 'dlz-user-container/receipts',
			pathType: 'folder',
			recursive: true,
			format: 'parquet',
		});
		expect(error).toBeUndefined();
		expectCreated(items, {
			name: 'DLZ receipts',
			data: { format: 'parquet' },
			params: { path: 'dlz-user-container/receipts', type: 'folder', recursive: true },
			connectionSpec: { id: DLZ_SOURCE_SPEC, version: '1.0' },
		});
	});

	test('Data Landing Zone defaults to one delimited file', async () => {
		const { items, error } = await create({ createType: 'landingZone', name: 'One file', path: 'dlz-user-container/a.csv' });
		expect(error).toBeUndefined();
		expectCreated(items, {
			name: 'One file',
			data: { format: 'delimited' },
			params: { path: 'dlz-user-container/a.csv', type: 'file', recursive: false },
			connectionSpec: { id: DLZ_SOURCE_SPEC, version: '1.0' },
		});
	});

	test('Data Lake Datasets lists every dataset under params.datasets with the data lake source spec', async () => {
		const { items, error } = await create({
			createType: 'dataLake',
			name: 'Export source',
			datasetIds: '5e8e1a8ab1c1f318a8ad8e38, 6f7a9b0c1d2e3f4a5b6c7d8e',
			format: 'parquet',
		});
		expect(error).toBeUndefined();
		expectCreated(items, {
			name: 'Export source',
			data: { format: 'parquet' },
			params: { datasets: [{ dataSetId: '5e8e1a8ab1c1f318a8ad8e38' }, { dataSetId: '6f7a9b0c1d2e3f4a5b6c7d8e' }] },
			connectionSpec: { id: DATA_LAKE_SOURCE_SPEC, version: '1.0' },
		});
	});

	test.each([
		['invalid JSON', { createType: 'json', sourceConnectionJson: '{ name: "x" }' }, /"Source Connection \(JSON\)" is not valid JSON/],
		['JSON without a spec', { createType: 'json', sourceConnectionJson: '{"name":"x"}' }, /"Source Connection \(JSON\)" is missing "connectionSpec.id"/],
		['streaming without a base connection', { createType: 'streaming', name: 'x', baseConnectionId: byId('={{ "" }}') }, /The Base Connection is empty/],
		['streaming with a malformed base connection', { createType: 'streaming', name: 'x', baseConnectionId: byId('={{ "not an id" }}') }, /The Base Connection "not an id" is not a valid ID/],
		['an empty name', { createType: 'landingZone', name: ' ', path: 'a.csv' }, /"Name" is empty/],
		['an empty landing zone path', { createType: 'landingZone', name: 'x', path: '={{ "" }}' }, /"Path" is empty/],
		['no dataset IDs', { createType: 'dataLake', name: 'x', datasetIds: ' , ' }, /"Dataset IDs" is empty/],
	])('%s fails before any call', async (_case, parameters, message) => {
		const { error } = await create(parameters);
		expect(error.message).toMatch(message);
		expect(platformCalls(env.sim)).toEqual([]);
	});

	test('an unknown base connection fails with Adobe\'s answer and creates nothing', async () => {
		const { error } = await create({ createType: 'streaming', name: 'x', baseConnectionId: byId(UNKNOWN_ID) });
		expect(error.message).toMatch(/400 .*FLOW-1455-400/);
		expect(error.description).toMatch(/baseConnectionId/);
		expect(platformCalls(env.sim).map((call) => `${call.method} ${call.path} ${call.status}`)).toEqual(['POST /sourceConnections 400']);
		expect(env.sim.store.list('prod', 'sourceConnections')).toEqual([]);
	});
});

describe('Get', () => {
	test('returns the connection itself, from one GET', async () => {
		const { sourceConnections } = seedConnections(env.sim);
		const wanted = sourceConnections[2];
		env.sim.log.clear();
		const { items, error } = await run({ operation: 'get', sourceConnectionId: byId(wanted.id) });
		expect(error).toBeUndefined();
		expect(items.map((item) => item.json)).toEqual([asJson(wanted)]);
		expect(platformCalls(env.sim)).toEqual([
			{ method: 'GET', service: 'flowservice', path: `/sourceConnections/${wanted.id}`, query: {}, body: undefined, ifMatch: undefined, status: 200 },
		]);
	});

	test('an unknown ID fails with Adobe\'s not-found message', async () => {
		const { error } = await run({ operation: 'get', sourceConnectionId: byId(UNKNOWN_ID) });
		expect(error.message).toMatch(/404 Not Found \(FLOW-1439-404\)/);
		expect(error.description).toContain(`sourceConnections resource ${UNKNOWN_ID} is not found`);
	});

	test('an empty ID fails before any call', async () => {
		const { error } = await run({ operation: 'get', sourceConnectionId: byId('  ') });
		expect(error.message).toBe('The Source Connection is empty');
		expect(platformCalls(env.sim)).toEqual([]);
	});
});

describe('Get Many', () => {
	test('filters by base connection, connection spec and a raw filter, all sent to Flow Service', async () => {
		const { sourceConnections } = seedConnections(env.sim, { count: 12 });
		const streaming = sourceConnections.filter((connection) => connection.connectionSpec.id === STREAMING_SPEC);
		expect(streaming.length).toBeGreaterThanOrEqual(2);
		const wanted = streaming[1];
		env.sim.log.clear();
		const { items, error } = await run({
			operation: 'getMany',
			returnAll: true,
			filters: { baseConnectionId: wanted.baseConnectionId, connectionSpecId: STREAMING_SPEC, property: ['data.format==json'] },
		});
		expect(error).toBeUndefined();
		expect(items.map((item) => item.json)).toEqual([asJson(wanted)]);
		expect(platformCalls(env.sim)).toEqual([
			{
				method: 'GET',
				service: 'flowservice',
				path: '/sourceConnections',
				query: { property: [`baseConnectionId==${wanted.baseConnectionId}`, `connectionSpec.id==${STREAMING_SPEC}`, 'data.format==json'], limit: '100' },
				body: undefined,
				ifMatch: undefined,
				status: 200,
			},
		]);
	});

	test('Limit returns that many, newest first, from one page of that size', async () => {
		const { sourceConnections } = seedConnections(env.sim, { count: 8 });
		env.sim.log.clear();
		const { items, error } = await run({ operation: 'getMany', returnAll: false, limit: 3 });
		expect(error).toBeUndefined();
		const newestFirst = [...sourceConnections].sort((a, b) => b.createdAt - a.createdAt);
		expect(items.map((item) => item.json.id)).toEqual(newestFirst.slice(0, 3).map((c) => c.id));
		expect(platformCalls(env.sim).map((call) => call.query)).toEqual([{ limit: '3' }]);
	});

	test('Return All follows the continuation token across pages', async () => {
		seedConnections(env.sim, { count: 130 });
		env.sim.log.clear();
		const { items, error } = await run({ operation: 'getMany', returnAll: true });
		expect(error).toBeUndefined();
		expect(items).toHaveLength(130);
		const calls = platformCalls(env.sim);
		expect(calls).toHaveLength(2);
		expect(calls[1].query).toEqual({ limit: '100', continuationToken: expect.any(String) });
	});

	test('a raw filter without an operator fails before any call', async () => {
		const { error } = await run({ operation: 'getMany', returnAll: true, filters: { property: ['data.format'] } });
		expect(error.message).toMatch(/"data.format" is not a property filter/);
		expect(platformCalls(env.sim)).toEqual([]);
	});
});

describe('Update', () => {
	test('Fields reads the current etag, patches with it and returns the updated connection', async () => {
		const { sourceConnections } = seedConnections(env.sim);
		const before = asJson(sourceConnections[0]);
		env.sim.log.clear();
		const { items, error } = await run({
			operation: 'update',
			sourceConnectionId: byId(before.id),
			updateType: 'fields',
			updateFields: { name: ' Renamed source ', description: 'now described' },
		});
		expect(error).toBeUndefined();
		const after = env.sim.store.get('prod', 'sourceConnections', before.id);
		expect(after).toMatchObject({ name: 'Renamed source', description: 'now described' });
		expect(after.etag).not.toBe(before.etag);
		expect(items.map((item) => item.json)).toEqual([asJson(after)]);
		expect(platformCalls(env.sim)).toEqual([
			{ method: 'GET', service: 'flowservice', path: `/sourceConnections/${before.id}`, query: {}, body: undefined, ifMatch: undefined, status: 200 },
			{
				method: 'PATCH',
				service: 'flowservice',
				path: `/sourceConnections/${before.id}`,
				query: {},
				body: [
					{ op: 'replace', path: '/name', value: 'Renamed source' },
					{ op: 'replace', path: '/description', value: 'now described' },
				],
				ifMatch: before.etag,
				status: 200,
			},
			{ method: 'GET', service: 'flowservice', path: `/sourceConnections/${before.id}`, query: {}, body: undefined, ifMatch: undefined, status: 200 },
		]);
	});

	test('JSON Patch with a pinned etag sends it as If-Match without reading first', async () => {
		const { sourceConnections } = seedConnections(env.sim);
		const before = asJson(sourceConnections.find((connection) => connection.params?.path));
		env.sim.log.clear();
		const operations = [{ op: 'replace', path: '/params/path', value: 'dlz-user-container/new' }];
		const { items, error } = await run({
			operation: 'update',
			sourceConnectionId: byId(before.id),
			updateType: 'patch',
			operationsJson: JSON.stringify(operations),
			etag: before.etag,
		});
		expect(error).toBeUndefined();
		expect(items[0].json.params.path).toBe('dlz-user-container/new');
		const calls = platformCalls(env.sim);
		expect(calls.map((call) => `${call.method} ${call.path}`)).toEqual([`PATCH /sourceConnections/${before.id}`, `GET /sourceConnections/${before.id}`]);
		expect(calls[0]).toMatchObject({ body: operations, ifMatch: before.etag, status: 200 });
	});

	test('a stale pinned etag fails with Adobe\'s 412 and changes nothing', async () => {
		const { sourceConnections } = seedConnections(env.sim);
		const before = asJson(sourceConnections[0]);
		const { error } = await run({
			operation: 'update',
			sourceConnectionId: byId(before.id),
			updateType: 'fields',
			updateFields: { name: 'x' },
			etag: '"00000000-0000-0200-0000-000000000000"',
		});
		expect(error.message).toMatch(/412/);
		expect(env.sim.store.get('prod', 'sourceConnections', before.id).name).toBe(before.name);
	});

	test.each([
		['invalid JSON', { updateType: 'patch', operationsJson: '[{ op: replace }]' }, /"Operations \(JSON\)" is not valid JSON/],
		['an unsupported op', { updateType: 'patch', operationsJson: '[{"op":"move","path":"/name","from":"/x"}]' }, /Operation 1 in "Operations \(JSON\)" is not a valid JSON Patch operation/],
		['no fields', { updateType: 'fields', updateFields: {} }, /Nothing to update/],
		['an empty name', { updateType: 'fields', updateFields: { name: '' } }, /"Name" is empty/],
	])('%s fails before any call', async (_case, parameters, message) => {
		const { error } = await run({ operation: 'update', sourceConnectionId: byId(UNKNOWN_ID), ...parameters });
		expect(error.message).toMatch(message);
		expect(platformCalls(env.sim)).toEqual([]);
	});

	test('an unknown ID fails on the etag read, before any PATCH', async () => {
		const { error } = await run({ operation: 'update', sourceConnectionId: byId(UNKNOWN_ID), updateType: 'fields', updateFields: { name: 'x' } });
		expect(error.message).toMatch(/404 Not Found \(FLOW-1439-404\)/);
		expect(platformCalls(env.sim).map((call) => call.method)).toEqual(['GET']);
	});
});

describe('Delete', () => {
	test('deletes an unused connection and says which', async () => {
		const { items: created } = await create({ createType: 'landingZone', name: 'to delete', path: 'dlz-user-container/x.csv' });
		const id = created[0].json.id;
		env.sim.log.clear();
		const { items, error } = await run({ operation: 'delete', sourceConnectionId: byId(id) });
		expect(error).toBeUndefined();
		expect(items.map((item) => item.json)).toEqual([{ deleted: true, id }]);
		expect(platformCalls(env.sim)).toEqual([
			{ method: 'DELETE', service: 'flowservice', path: `/sourceConnections/${id}`, query: {}, body: undefined, ifMatch: undefined, status: 204 },
		]);
		expect(env.sim.store.get('prod', 'sourceConnections', id)).toBeUndefined();
	});

	test('a connection a flow still uses is refused by Adobe and kept', async () => {
		const { flows } = seedConnections(env.sim, { count: 1 });
		const id = flows[0].sourceConnectionIds[0];
		const { error } = await run({ operation: 'delete', sourceConnectionId: byId(id) });
		expect(error.message).toMatch(/FLOW-1447-400/);
		expect(error.description).toContain(`Found active flows containing id ${id}`);
		expect(env.sim.store.get('prod', 'sourceConnections', id)).toBeDefined();
	});

	test('with Continue On Fail, each item gets its own result, paired to its input', async () => {
		const { items: created } = await create({ createType: 'landingZone', name: 'one', path: 'dlz-user-container/1.csv' });
		const id = created[0].json.id;
		const { items, error } = await run(
			{ operation: 'delete', sourceConnectionId: byId('={{ $json.id }}') },
			{ inputItems: JSON.stringify([{ id: UNKNOWN_ID }, { id }]), nodeOptions: { onError: 'continueRegularOutput' } },
		);
		expect(error).toBeUndefined();
		expect(items).toHaveLength(2);
		expect(items[0].json.error).toMatch(/404 Not Found/);
		expect(items[0].pairedItem).toEqual({ item: 0 });
		expect(items[1].json).toEqual({ deleted: true, id });
		expect(items[1].pairedItem).toEqual({ item: 1 });
	});
});
