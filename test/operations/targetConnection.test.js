'use strict';
// Target connection operations through real n8n executions against the AEP simulator: the exact
// requests each create type, get, list, update and delete sends, what comes out, and bad input.
const { useEnvironment } = require('../harness/environment');
const { platformCalls } = require('../harness/requests');
const { DLZ_DESTINATION_SPEC, UNKNOWN_ID, byId, seedConnections, baseConnectionOf, asJson } = require('./endpointConnections.helpers');

const DATA_LAKE_TARGET_SPEC = 'c604ff05-7f1a-43c0-8e18-33bf874cb11c';
const SCHEMA = 'https://ns.adobe.com/simorg/schemas/7a5d1b2c3e4f5a6b7c8d';

const env = useEnvironment();

const run = (parameters, options) => env.n8n.runAepNode({ resource: 'targetConnection', ...parameters }, options);
const create = (parameters) => run({ operation: 'create', ...parameters });

/** Asserts a create sent exactly `body`, then read the new connection back; returns the stored entity. */
function expectCreated(items, body) {
	const stored = env.sim.store.list('prod', 'targetConnections').find((connection) => connection.name === body.name);
	expect(platformCalls(env.sim)).toEqual([
		{ method: 'POST', service: 'flowservice', path: '/targetConnections', query: {}, body, ifMatch: undefined, status: 201 },
		{ method: 'GET', service: 'flowservice', path: `/targetConnections/${stored.id}`, query: {}, body: undefined, ifMatch: undefined, status: 200 },
	]);
	expect(items).toHaveLength(1);
	expect(items[0].json).toEqual(asJson(stored));
	return stored;
}

/** A Data Landing Zone destination base connection, as a dataset export uses. */
function landingZoneBase() {
	seedConnections(env.sim, { kind: 'destination', count: 4 });
	const base = baseConnectionOf(env.sim, DLZ_DESTINATION_SPEC);
	env.sim.log.clear();
	return base;
}

describe('Create', () => {
	test('JSON posts the body as written and returns the connection as stored', async () => {
		const body = {
			name: 'Lake target',
			connectionSpec: { id: DATA_LAKE_TARGET_SPEC, version: '1.0' },
			data: { format: 'parquet_xdm', schema: { id: SCHEMA, version: 'application/vnd.adobe.xed-full+json;version=1' } },
			params: { dataSetId: '5e8e1a8ab1c1f318a8ad8e38' },
		};
		const { items, error } = await create({ createType: 'json', targetConnectionJson: JSON.stringify(body) });
		expect(error).toBeUndefined();
		const stored = expectCreated(items, body);
		expect(stored).toMatchObject({ state: 'enabled', data: body.data, params: body.params });
	});

	test('Data Lake Dataset writes into the dataset with the schema $id and the full XDM version', async () => {
		const { items, error } = await create({
			createType: 'dataLake',
			name: 'Web events target',
			description: 'into Web Events',
			datasetId: '5e8e1a8ab1c1f318a8ad8e38',
			schemaId: SCHEMA,
			format: 'json',
		});
		expect(error).toBeUndefined();
		expectCreated(items, {
			name: 'Web events target',
			description: 'into Web Events',
			data: { format: 'json', schema: { id: SCHEMA, version: 'application/vnd.adobe.xed-full+json;version=1.0' } },
			params: { dataSetId: '5e8e1a8ab1c1f318a8ad8e38' },
			connectionSpec: { id: DATA_LAKE_TARGET_SPEC, version: '1.0' },
		});
	});

	test('Data Landing Zone writes to a path with the landing zone destination spec', async () => {
		const { items, error } = await create({ createType: 'landingZone', name: 'DLZ out', path: 'exports/daily', pathType: 'folder', format: 'parquet' });
		expect(error).toBeUndefined();
		expectCreated(items, {
			name: 'DLZ out',
			data: { format: 'parquet' },
			params: { path: 'exports/daily', type: 'folder' },
			connectionSpec: { id: DLZ_DESTINATION_SPEC, version: '1.0' },
		});
	});

	test('Dataset Export to Data Landing Zone sends Adobe\'s export target with its base connection', async () => {
		const base = landingZoneBase();
		const { items, error } = await create({
			createType: 'datasetExportLandingZone',
			name: 'Export target',
			description: 'nightly',
			baseConnectionId: byId(base.id),
			path: '/exports/web',
			datasetFileType: 'PARQUET',
			compression: 'NONE',
		});
		expect(error).toBeUndefined();
		const stored = expectCreated(items, {
			name: 'Export target',
			description: 'nightly',
			baseConnectionId: base.id,
			params: { mode: 'Server-to-server', path: '/exports/web', compression: 'NONE', datasetFileType: 'PARQUET' },
			connectionSpec: { id: DLZ_DESTINATION_SPEC, version: '1.0' },
		});
		expect(stored.inheritedAttributes).toEqual({ baseConnection: { id: base.id, connectionSpec: { id: DLZ_DESTINATION_SPEC, version: '1.0' } } });
	});

	test('Dataset Export to Data Landing Zone defaults to GZIP-compressed JSON', async () => {
		const base = landingZoneBase();
		const { error } = await create({ createType: 'datasetExportLandingZone', name: 'Defaults', baseConnectionId: byId(base.id), path: '/exports' });
		expect(error).toBeUndefined();
		expect(platformCalls(env.sim)[0].body.params).toEqual({ mode: 'Server-to-server', path: '/exports', compression: 'GZIP', datasetFileType: 'JSON' });
	});

	test('uncompressed JSON exports are refused before any call, with the fix', async () => {
		const base = landingZoneBase();
		const { error } = await create({
			createType: 'datasetExportLandingZone',
			name: 'x',
			baseConnectionId: byId(base.id),
			path: '/exports',
			datasetFileType: 'JSON',
			compression: 'NONE',
		});
		expect(error.message).toBe('JSON exports must be compressed');
		expect(error.description).toBe('Set "Compression" to GZIP, or pick another "Dataset File Type".');
		expect(platformCalls(env.sim)).toEqual([]);
	});

	test.each([
		['invalid JSON', { createType: 'json', targetConnectionJson: '{"name": }' }, /"Target Connection \(JSON\)" is not valid JSON/],
		['JSON without a name', { createType: 'json', targetConnectionJson: '{"connectionSpec":{"id":"c604ff05-7f1a-43c0-8e18-33bf874cb11c"}}' }, /"Target Connection \(JSON\)" is missing "name"/],
		['a schema meta:altId in place of its $id', { createType: 'dataLake', name: 'x', datasetId: '5e8e1a8ab1c1f318a8ad8e38', schemaId: '_simorg.schemas.7a5d1b' }, /"Schema ID" must be the schema's \$id URL/],
		['no dataset', { createType: 'dataLake', name: 'x', datasetId: '={{ "" }}', schemaId: SCHEMA }, /The Dataset ID is empty/],
		['an empty landing zone path', { createType: 'landingZone', name: 'x', path: '={{ "" }}' }, /"Path" is empty/],
		['an export without a base connection', { createType: 'datasetExportLandingZone', name: 'x', baseConnectionId: byId('={{ "" }}'), path: '/e' }, /The Base Connection is empty/],
		['an unknown file type from an expression', { createType: 'datasetExportLandingZone', name: 'x', baseConnectionId: byId(UNKNOWN_ID), path: '/e', datasetFileType: '={{ "CSV" }}' }, /"Dataset File Type" must be one of JSON, PARQUET, DELIMITED/],
	])('%s fails before any call', async (_case, parameters, message) => {
		const { error } = await create(parameters);
		expect(error.message).toMatch(message);
		expect(platformCalls(env.sim)).toEqual([]);
	});

	test('an unknown base connection fails with Adobe\'s answer and creates nothing', async () => {
		const { error } = await create({ createType: 'datasetExportLandingZone', name: 'x', baseConnectionId: byId(UNKNOWN_ID), path: '/e' });
		expect(error.message).toMatch(/400 .*FLOW-1455-400/);
		expect(error.description).toMatch(/baseConnectionId/);
		expect(env.sim.store.list('prod', 'targetConnections')).toEqual([]);
	});
});

describe('Get', () => {
	test('returns the connection itself, from one GET', async () => {
		const { targetConnections } = seedConnections(env.sim);
		const wanted = targetConnections[1];
		env.sim.log.clear();
		const { items, error } = await run({ operation: 'get', targetConnectionId: byId(wanted.id) });
		expect(error).toBeUndefined();
		expect(items.map((item) => item.json)).toEqual([asJson(wanted)]);
		expect(platformCalls(env.sim)).toEqual([
			{ method: 'GET', service: 'flowservice', path: `/targetConnections/${wanted.id}`, query: {}, body: undefined, ifMatch: undefined, status: 200 },
		]);
	});

	test('an unknown ID fails with Adobe\'s not-found message', async () => {
		const { error } = await run({ operation: 'get', targetConnectionId: byId(UNKNOWN_ID) });
		expect(error.message).toMatch(/404 Not Found \(FLOW-1439-404\)/);
		expect(error.description).toContain(`targetConnections resource ${UNKNOWN_ID} is not found`);
	});

	test('a malformed ID fails before any call', async () => {
		const { error } = await run({ operation: 'get', targetConnectionId: byId('={{ "abc" }}') });
		expect(error.message).toBe('The Target Connection "abc" is not a valid ID');
		expect(platformCalls(env.sim)).toEqual([]);
	});
});

describe('Get Many', () => {
	test('filters by base connection and connection spec, sent to Flow Service', async () => {
		seedConnections(env.sim, { kind: 'destination', count: 10 });
		const base = baseConnectionOf(env.sim, DLZ_DESTINATION_SPEC);
		const { error: createError } = await create({ createType: 'datasetExportLandingZone', name: 'second export', baseConnectionId: byId(base.id), path: '/second' });
		expect(createError).toBeUndefined();
		const sameSpec = env.sim.store.list('prod', 'targetConnections').filter((connection) => connection.connectionSpec.id === DLZ_DESTINATION_SPEC);
		const expected = env.sim.store
			.list('prod', 'targetConnections')
			.filter((connection) => connection.baseConnectionId === base.id)
			.sort((a, b) => b.createdAt - a.createdAt);
		expect(expected).toHaveLength(2);
		expect(sameSpec.length).toBeGreaterThan(expected.length); // another export's base connection is filtered out
		env.sim.log.clear();
		const { items, error } = await run({ operation: 'getMany', returnAll: true, filters: { baseConnectionId: base.id, connectionSpecId: DLZ_DESTINATION_SPEC } });
		expect(error).toBeUndefined();
		expect(items.map((item) => item.json)).toEqual(asJson(expected));
		expect(platformCalls(env.sim).map((call) => call.query)).toEqual([
			{ property: [`baseConnectionId==${base.id}`, `connectionSpec.id==${DLZ_DESTINATION_SPEC}`], limit: '100' },
		]);
	});

	test('a raw filter on params is sent as its own property parameter', async () => {
		const { targetConnections } = seedConnections(env.sim);
		const wanted = targetConnections[0];
		env.sim.log.clear();
		const { items, error } = await run({ operation: 'getMany', returnAll: false, limit: 5, filters: { property: [`params.dataSetId==${wanted.params.dataSetId}`] } });
		expect(error).toBeUndefined();
		expect(items.map((item) => item.json.params.dataSetId)).toEqual(items.map(() => wanted.params.dataSetId));
		expect(items.map((item) => item.json.id)).toContain(wanted.id);
		expect(platformCalls(env.sim).map((call) => call.query)).toEqual([{ property: `params.dataSetId==${wanted.params.dataSetId}`, limit: '5' }]);
	});

	test('Limit caps the output', async () => {
		seedConnections(env.sim, { count: 9 });
		env.sim.log.clear();
		const { items, error } = await run({ operation: 'getMany', returnAll: false, limit: 4 });
		expect(error).toBeUndefined();
		expect(items).toHaveLength(4);
		expect(platformCalls(env.sim).map((call) => call.query)).toEqual([{ limit: '4' }]);
	});
});

describe('Update', () => {
	test('JSON Patch reads the current etag, patches with it and returns the updated connection', async () => {
		const base = landingZoneBase();
		const { items: created } = await create({ createType: 'datasetExportLandingZone', name: 'export', baseConnectionId: byId(base.id), path: '/old' });
		const before = created[0].json;
		env.sim.log.clear();
		const operations = [
			{ op: 'replace', path: '/params/path', value: '/new' },
			{ op: 'add', path: '/description', value: 'moved' },
		];
		const { items, error } = await run({ operation: 'update', targetConnectionId: byId(before.id), updateType: 'patch', operationsJson: JSON.stringify(operations) });
		expect(error).toBeUndefined();
		const after = env.sim.store.get('prod', 'targetConnections', before.id);
		expect(after.params.path).toBe('/new');
		expect(after.etag).not.toBe(before.etag);
		expect(items.map((item) => item.json)).toEqual([asJson(after)]);
		expect(platformCalls(env.sim)).toEqual([
			{ method: 'GET', service: 'flowservice', path: `/targetConnections/${before.id}`, query: {}, body: undefined, ifMatch: undefined, status: 200 },
			{ method: 'PATCH', service: 'flowservice', path: `/targetConnections/${before.id}`, query: {}, body: operations, ifMatch: before.etag, status: 200 },
			{ method: 'GET', service: 'flowservice', path: `/targetConnections/${before.id}`, query: {}, body: undefined, ifMatch: undefined, status: 200 },
		]);
	});

	test('Fields with a pinned etag sends it as If-Match without reading first', async () => {
		const { targetConnections } = seedConnections(env.sim);
		const before = asJson(targetConnections[0]);
		env.sim.log.clear();
		const { items, error } = await run({ operation: 'update', targetConnectionId: byId(before.id), updateType: 'fields', updateFields: { name: 'Renamed target' }, etag: before.etag });
		expect(error).toBeUndefined();
		expect(items[0].json.name).toBe('Renamed target');
		expect(platformCalls(env.sim)).toEqual([
			{ method: 'PATCH', service: 'flowservice', path: `/targetConnections/${before.id}`, query: {}, body: [{ op: 'replace', path: '/name', value: 'Renamed target' }], ifMatch: before.etag, status: 200 },
			{ method: 'GET', service: 'flowservice', path: `/targetConnections/${before.id}`, query: {}, body: undefined, ifMatch: undefined, status: 200 },
		]);
	});

	test('changing the connection spec is refused by Adobe and nothing changes', async () => {
		const { targetConnections } = seedConnections(env.sim);
		const before = asJson(targetConnections[0]);
		const { error } = await run({
			operation: 'update',
			targetConnectionId: byId(before.id),
			updateType: 'patch',
			operationsJson: JSON.stringify([{ op: 'replace', path: '/connectionSpec/id', value: DLZ_DESTINATION_SPEC }]),
		});
		expect(error.message).toMatch(/400/);
		expect(env.sim.store.get('prod', 'targetConnections', before.id).connectionSpec).toEqual(before.connectionSpec);
	});

	test('a patch that is not JSON fails before any call', async () => {
		const { error } = await run({ operation: 'update', targetConnectionId: byId(UNKNOWN_ID), updateType: 'patch', operationsJson: 'replace name' });
		expect(error.message).toMatch(/"Operations \(JSON\)" is not valid JSON/);
		expect(platformCalls(env.sim)).toEqual([]);
	});
});

describe('Delete', () => {
	test('deletes an unused connection and says which', async () => {
		const { items: created } = await create({ createType: 'landingZone', name: 'to delete', path: 'exports/x' });
		const id = created[0].json.id;
		env.sim.log.clear();
		const { items, error } = await run({ operation: 'delete', targetConnectionId: byId(id) });
		expect(error).toBeUndefined();
		expect(items.map((item) => item.json)).toEqual([{ deleted: true, id }]);
		expect(platformCalls(env.sim)).toEqual([
			{ method: 'DELETE', service: 'flowservice', path: `/targetConnections/${id}`, query: {}, body: undefined, ifMatch: undefined, status: 204 },
		]);
		expect(env.sim.store.get('prod', 'targetConnections', id)).toBeUndefined();
	});

	test('a connection a flow still uses is refused by Adobe and kept', async () => {
		const { flows } = seedConnections(env.sim, { count: 1 });
		const id = flows[0].targetConnectionIds[0];
		const { error } = await run({ operation: 'delete', targetConnectionId: byId(id) });
		expect(error.message).toMatch(/FLOW-1447-400/);
		expect(env.sim.store.get('prod', 'targetConnections', id)).toBeDefined();
	});

	test('an unknown ID fails with Adobe\'s not-found message', async () => {
		const { error } = await run({ operation: 'delete', targetConnectionId: byId(UNKNOWN_ID) });
		expect(error.message).toMatch(/404 Not Found \(FLOW-1439-404\)/);
		expect(platformCalls(env.sim).map((call) => `${call.method} ${call.status}`)).toEqual(['DELETE 404']);
	});
});
