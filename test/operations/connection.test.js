'use strict';
// Base connection resource: every operation and create type through a real workflow, asserting the
// exact requests Flow Service received, the output shape, and that secrets never come back out.
const { useEnvironment } = require('../harness/environment');
const { platformCalls, callLines } = require('../harness/requests');

const byId = (id) => ({ __rl: true, mode: 'id', value: id });
const SPECS = {
	streaming: 'bc7b00d6-623a-4dfc-9fdb-f1240aeadaeb',
	profileStore: '8a9c3494-9708-43d7-ae3f-cda01e5030e1',
	s3Destination: '4fce964d-3f37-408f-9778-e597338a21ee',
	blobDestination: '6d6b59bf-fb58-4107-9064-4d246c0e5bb2',
	dlzDestination: '10440537-2a7b-4583-ac39-ed38d4b848e8',
	s3Source: 'ecadc60c-7455-4d87-84dc-2a0e293d997b',
	salesforce: 'cfc0fee1-7dc0-40ef-b73e-d8b134c436f5',
};
const UNKNOWN_ID = '00000000-0000-0000-0000-000000000000';
const S3_SECRET = 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY';
const S3_ACCESS_KEY_ID = 'AKIAIOSFODNN7EXAMPLE';
const BLOB_CONNECTION_STRING = 'DefaultEndpointsProtocol=https;AccountName=acme;AccountKey=c2VjcmV0LWtleS1mb3ItdGVzdHM=;EndpointSuffix=core.windows.net';

const env = useEnvironment();

const run = async (parameters, options) => {
	env.sim.log.clear();
	return await env.n8n.runAepNode({ resource: 'connection', ...parameters }, options);
};

/** Base connections as the UI would have made them: one Salesforce source and one S3 source. */
function seedBaseConnections() {
	env.sim.store.seedFlows({ sandbox: 'prod', count: 2, kind: 'source', state: 'disabled' });
	const connections = env.sim.store.list('prod', 'connections');
	return {
		salesforce: connections.find((c) => c.connectionSpec.id === SPECS.salesforce),
		s3: connections.find((c) => c.connectionSpec.id === SPECS.s3Source),
	};
}

/** A base connection no flow uses, created straight through the node. */
async function createUnusedConnection(name = 'Spare DLZ') {
	const { items, error } = await run({ operation: 'create', createType: 'dlzDestination', connectionName: name });
	expect(error).toBeUndefined();
	return items[0].json;
}

/** The create POST and the GET that reads the stored connection back. */
function expectCreateThenGet() {
	const calls = platformCalls(env.sim);
	expect(calls.map((c) => `${c.method} ${c.path} ${c.status}`)).toEqual([
		'POST /connections 201',
		expect.stringMatching(/^GET \/connections\/[\w-]+ 200$/),
	]);
	return calls[0].body;
}

describe('create', () => {
	test('full JSON: posted as given, the stored connection is returned', async () => {
		const body = { name: 'Blob export', description: 'from JSON', connectionSpec: { id: SPECS.dlzDestination, version: '1.0' } };
		const { items, error } = await run({ operation: 'create', createType: 'json', connectionJson: JSON.stringify(body) });
		expect(error).toBeUndefined();
		expect(expectCreateThenGet()).toEqual(body);
		expect(items).toHaveLength(1);
		expect(items[0].json).toMatchObject({ id: expect.any(String), etag: expect.any(String), state: 'enabled', ...body });
	});

	test('full JSON: bad JSON and a missing connection spec fail before any call', async () => {
		let { error } = await run({ operation: 'create', createType: 'json', connectionJson: '{ "name": "x", ' });
		expect(error.message).toMatch(/"Connection \(JSON\)" is not valid JSON/);
		({ error } = await run({ operation: 'create', createType: 'json', connectionJson: '{ "name": "x" }' }));
		expect(error.message).toBe('"Connection (JSON)" is missing "connectionSpec.id"');
		expect(platformCalls(env.sim)).toEqual([]);
	});

	test('from fields: connection spec, auth spec name and params; secrets come back masked', async () => {
		const { items, error } = await run({
			operation: 'create', createType: 'fields', connectionName: 'Acme S3', connectionDescription: 'orders bucket', connectionSpecId: SPECS.s3Source,
			authSpecName: 'Basic Authentication for S3', authParams: JSON.stringify({ s3AccessKey: 'AKIAEXAMPLE', s3SecretKey: S3_SECRET }),
		});
		expect(error).toBeUndefined();
		expect(expectCreateThenGet()).toEqual({
			name: 'Acme S3', description: 'orders bucket', connectionSpec: { id: SPECS.s3Source, version: '1.0' },
			// The simulator's request log redacts secret fields; what matters is that the field is sent.
			auth: { specName: 'Basic Authentication for S3', params: { s3AccessKey: 'AKIAEXAMPLE', s3SecretKey: '<redacted>' } },
		});
		expect(items[0].json.auth).toEqual({ specName: 'Basic Authentication for S3', params: { s3AccessKey: 'AKIAEXAMPLE', s3SecretKey: '********' } });
		expect(JSON.stringify(items)).not.toContain(S3_SECRET);
	});

	test('from fields: no auth spec name sends no auth; params without a spec name or bad JSON fail before any call', async () => {
		await run({ operation: 'create', createType: 'fields', connectionName: 'DLZ', connectionSpecId: SPECS.dlzDestination, authSpecName: '', authParams: '{}' });
		expect(expectCreateThenGet()).toEqual({ name: 'DLZ', connectionSpec: { id: SPECS.dlzDestination, version: '1.0' } });

		let { error } = await run({ operation: 'create', createType: 'fields', connectionName: 'S3', connectionSpecId: SPECS.s3Source, authSpecName: '', authParams: '{"s3AccessKey":"a"}' });
		expect(error.message).toBe('"Auth Spec Name" is empty but "Auth Params (JSON)" is set');
		({ error } = await run({ operation: 'create', createType: 'fields', connectionName: 'S3', connectionSpecId: SPECS.s3Source, authSpecName: 'x', authParams: '{s3AccessKey:1}' }));
		expect(error.message).toMatch(/"Auth Params \(JSON\)" is not valid JSON/);
		({ error } = await run({ operation: 'create', createType: 'fields', connectionName: 'S3', connectionSpecId: ' ', authParams: '{}' }));
		expect(error.message).toBe('The Connection Spec Name or ID is empty');
		expect(platformCalls(env.sim)).toEqual([]);
	});

	test('HTTP API streaming: aepp\'s body, and the inlet URL Adobe assigns in the output', async () => {
		const { items, error } = await run({ operation: 'create', createType: 'streaming', connectionName: 'Mobile app', sourceId: 'mobile-app-1', dataType: 'raw', authenticationRequired: true });
		expect(error).toBeUndefined();
		expect(expectCreateThenGet()).toEqual({
			name: 'Mobile app',
			providerId: '521eee4d-8cbe-4906-bb48-fb6bd4450033',
			connectionSpec: { id: SPECS.streaming, version: '1.0' },
			auth: { specName: 'Streaming Connection', params: { sourceId: 'mobile-app-1', dataType: 'raw', name: 'Mobile app', authenticationRequired: true } },
		});
		const out = items[0].json;
		const stored = env.sim.store.get('prod', 'connections', out.id);
		expect(out.inletUrl).toMatch(/^https:\/\/dcs\.adobedc\.net\/collection\/[0-9a-f]{64}$/);
		expect(out.inletUrl).toBe(stored.auth.params.inletUrl);
		expect(out.inletUrl).toBe(`https://dcs.adobedc.net/collection/${out.auth.params.inletId}`);
	});

	test('HTTP API streaming: XDM without authentication leaves the flag out; an empty source ID fails first', async () => {
		await run({ operation: 'create', createType: 'streaming', connectionName: 'Web', sourceId: 'web-1', dataType: 'xdm', authenticationRequired: false });
		expect(expectCreateThenGet().auth).toEqual({ specName: 'Streaming Connection', params: { sourceId: 'web-1', dataType: 'xdm', name: 'Web' } });
		const { error } = await run({ operation: 'create', createType: 'streaming', connectionName: 'Web', sourceId: '  ' });
		expect(error.message).toBe('"Source ID" is empty');
		expect(platformCalls(env.sim)).toEqual([]);
	});

	test('profile store: the UPS connection spec, no auth', async () => {
		const { items } = await run({ operation: 'create', createType: 'profileStore', connectionName: 'To profile', connectionDescription: 'Connection to UPS' });
		expect(expectCreateThenGet()).toEqual({ name: 'To profile', description: 'Connection to UPS', connectionSpec: { id: SPECS.profileStore, version: '1.0' } });
		expect(items[0].json).toMatchObject({ name: 'To profile', connectionSpec: { id: SPECS.profileStore } });
		expect(items[0].json.inletUrl).toBeUndefined();
	});

	// The secrets come from destination credentials; destinationCredentials.test.js has their checks.
	test('Amazon S3 destination: Access Key auth from the credential; the secret key is sent once and never returned', async () => {
		const credentials = env.n8n.saveCredential('aepDestinationS3Api', { accessKeyId: S3_ACCESS_KEY_ID, secretAccessKey: S3_SECRET });
		const { items, error } = await run({ operation: 'create', createType: 's3Destination', connectionName: 'Exports bucket' }, { nodeOptions: { credentials } });
		expect(error).toBeUndefined();
		expect(expectCreateThenGet()).toEqual({
			name: 'Exports bucket',
			auth: { specName: 'Access Key', params: { s3AccessKey: S3_ACCESS_KEY_ID, s3SecretKey: '<redacted>' } },
			connectionSpec: { id: SPECS.s3Destination, version: '1.0' },
		});
		expect(env.sim.log.secretsSeen()).toContain(S3_SECRET);
		expect(items[0].json.auth.params).toEqual({ s3AccessKey: S3_ACCESS_KEY_ID, s3SecretKey: '********' });
		expect(JSON.stringify(items)).not.toContain(S3_SECRET);
	});

	test('Amazon S3 destination: a refused create does not show the secret', async () => {
		const credentials = env.n8n.saveCredential('aepDestinationS3Api', { accessKeyId: S3_ACCESS_KEY_ID, secretAccessKey: S3_SECRET });
		env.sim.faults.add({ method: 'POST', path: '/data/foundation/flowservice/connections', status: 400, times: 1 });
		const { error } = await run({ operation: 'create', createType: 's3Destination', connectionName: 'Exports' }, { nodeOptions: { credentials } });
		expect(error.message).toMatch(/answered 400/);
		expect(JSON.stringify(error, Object.getOwnPropertyNames(error))).not.toContain(S3_SECRET);
	});

	test('Azure Blob destination: ConnectionString auth from the credential; the connection string is never returned', async () => {
		const credentials = env.n8n.saveCredential('aepDestinationAzureBlobApi', { connectionStringSecret: BLOB_CONNECTION_STRING });
		const { items, error } = await run({ operation: 'create', createType: 'blobDestination', connectionName: 'Blob exports' }, { nodeOptions: { credentials } });
		expect(error).toBeUndefined();
		expect(expectCreateThenGet()).toEqual({
			name: 'Blob exports',
			auth: { specName: 'ConnectionString', params: { connectionString: '<redacted>' } },
			connectionSpec: { id: SPECS.blobDestination, version: '1.0' },
		});
		expect(env.sim.log.secretsSeen()).toContain(BLOB_CONNECTION_STRING);
		expect(items[0].json.auth).toEqual({ specName: 'ConnectionString', params: { connectionString: '********' } });
		expect(JSON.stringify(items)).not.toContain('c2VjcmV0LWtleS1mb3ItdGVzdHM=');
	});

	test('Data Landing Zone destination: no auth; an empty name fails before any call', async () => {
		const { items } = await run({ operation: 'create', createType: 'dlzDestination', connectionName: 'DLZ exports' });
		expect(expectCreateThenGet()).toEqual({ name: 'DLZ exports', connectionSpec: { id: SPECS.dlzDestination, version: '1.0' } });
		expect(items[0].json).toMatchObject({ name: 'DLZ exports', state: 'enabled' });
		const { error } = await run({ operation: 'create', createType: 'dlzDestination', connectionName: '  ' });
		expect(error.message).toBe('"Name" is empty');
		expect(platformCalls(env.sim)).toEqual([]);
	});
});

describe('get and get many', () => {
	test('get returns the connection itself, unwrapped: simplified by default, whole with Simplify off or in version 1 workflows', async () => {
		const { s3 } = seedBaseConnections();
		const stored = env.sim.store.get('prod', 'connections', s3.id);
		const { items, error } = await run({ operation: 'get', connectionId: byId(s3.id) });
		expect(error).toBeUndefined();
		expect(callLines(env.sim)).toEqual([`GET /connections/${s3.id}`]);
		expect(items).toHaveLength(1);
		expect(items[0].json).toEqual({
			id: s3.id,
			name: stored.name,
			description: stored.description ?? null,
			state: stored.state,
			connectionSpecId: stored.connectionSpec.id,
			authSpecName: stored.auth.specName,
			createdAt: new Date(stored.createdAt).toISOString(),
			updatedAt: new Date(stored.updatedAt).toISOString(),
			etag: stored.etag,
		});
		for (const [parameters, options] of [[{ simplify: false }, undefined], [{}, { nodeOptions: { typeVersion: 1 } }]]) {
			const whole = await run({ operation: 'get', connectionId: byId(s3.id), ...parameters }, options);
			expect(whole.items[0].json).toEqual(stored);
		}
		const many = await run({ operation: 'getMany', returnAll: true });
		expect(many.items.every((item) => item.json.auth === undefined && typeof item.json.connectionSpecId === 'string')).toBe(true);
	});

	test('get: an unknown ID fails with Adobe\'s 404, an empty or malformed one before any call', async () => {
		let { error } = await run({ operation: 'get', connectionId: byId(UNKNOWN_ID) });
		expect(error.message).toMatch(/answered 404 Not Found \(FLOW-\d+-404\)/);
		expect(callLines(env.sim)).toEqual([`GET /connections/${UNKNOWN_ID}`]);
		({ error } = await run({ operation: 'get', connectionId: byId(' ') }));
		expect(error.message).toBe('The Connection is empty');
		({ error } = await run({ operation: 'get', connectionId: byId('={{ "not an id" }}') }));
		expect(error.message).toBe('The Connection "not an id" is not a valid ID');
		expect(platformCalls(env.sim)).toEqual([]);
	});

	test('get many: Return All pages through every connection', async () => {
		env.sim.store.seedFlows({ sandbox: 'prod', count: 130, kind: 'mixed', state: 'disabled' });
		const all = env.sim.store.list('prod', 'connections');
		expect(all.length).toBeGreaterThan(100);
		const { items } = await run({ operation: 'getMany', returnAll: true });
		expect(items.map((i) => i.json.id).sort()).toEqual(all.map((c) => c.id).sort());
		const calls = platformCalls(env.sim);
		expect(calls.map((c) => `${c.method} ${c.path}`)).toEqual(calls.map(() => 'GET /connections'));
		expect(calls[0].query).toEqual({ limit: '100' });
		expect(calls[1].query).toEqual({ limit: '100', continuationToken: expect.any(String) });
	});

	test('get many: spec, state and raw filters are sent as repeated property parameters; Limit caps the result', async () => {
		env.sim.store.seedFlows({ sandbox: 'prod', count: 6, kind: 'source', state: 'disabled' });
		const s3 = env.sim.store.list('prod', 'connections').find((c) => c.connectionSpec.id === SPECS.s3Source);
		const { items, error } = await run({
			operation: 'getMany', returnAll: false, limit: 5,
			filters: { connectionSpecId: SPECS.s3Source, state: 'enabled', property: [` name==${s3.name} `] },
		});
		expect(error).toBeUndefined();
		expect(platformCalls(env.sim).map((c) => c.query)).toEqual([
			{ limit: '5', property: [`connectionSpec.id==${SPECS.s3Source}`, 'state==enabled', `name==${s3.name}`] },
		]);
		expect(items.map((i) => i.json.id)).toEqual([s3.id]);

		const limited = await run({ operation: 'getMany', returnAll: false, limit: 3 });
		expect(limited.items).toHaveLength(3);
	});

	test('get many: a malformed raw filter fails before any call', async () => {
		const { error } = await run({ operation: 'getMany', returnAll: true, filters: { property: ['name~~x'] } });
		expect(error.message).toMatch(/"name~~x" is not a property filter/);
		expect(platformCalls(env.sim)).toEqual([]);
	});
});

describe('test', () => {
	test('a working connection answers result true; a disabled one result false (not an error)', async () => {
		const { s3 } = seedBaseConnections();
		let { items, error } = await run({ operation: 'test', connectionId: byId(s3.id) });
		expect(error).toBeUndefined();
		expect(callLines(env.sim)).toEqual([`GET /connections/${s3.id}/test`]);
		expect(items[0].json).toEqual({ id: s3.id, result: true });

		await run({ operation: 'update', connectionId: byId(s3.id), updateType: 'patch', operationsJson: '[{"op":"replace","path":"/state","value":"disabled"}]' });
		({ items, error } = await run({ operation: 'test', connectionId: byId(s3.id) }));
		expect(error).toBeUndefined();
		expect(items[0].json).toEqual({ id: s3.id, result: false });
	});

	test('an unknown connection fails with Adobe\'s 404', async () => {
		const { error } = await run({ operation: 'test', connectionId: byId(UNKNOWN_ID) });
		expect(error.message).toMatch(/answered 404 Not Found/);
		expect(callLines(env.sim)).toEqual([`GET /connections/${UNKNOWN_ID}/test`]);
	});
});

describe('update', () => {
	test('fields: reads the etag, patches name and description with If-Match, returns the updated connection', async () => {
		const created = await createUnusedConnection();
		const { items, error } = await run({ operation: 'update', connectionId: byId(created.id), updateType: 'fields', updateFields: { name: ' Renamed ', description: 'now described' }, etag: '' });
		expect(error).toBeUndefined();
		const [read, patch, reread] = platformCalls(env.sim);
		expect(read).toMatchObject({ method: 'GET', path: `/connections/${created.id}` });
		expect(patch).toMatchObject({ method: 'PATCH', path: `/connections/${created.id}`, ifMatch: created.etag, status: 200 });
		expect(patch.body).toEqual([{ op: 'replace', path: '/name', value: 'Renamed' }, { op: 'replace', path: '/description', value: 'now described' }]);
		expect(reread).toMatchObject({ method: 'GET', path: `/connections/${created.id}` });
		expect(platformCalls(env.sim)).toHaveLength(3);
		expect(items[0].json).toMatchObject({ id: created.id, name: 'Renamed', description: 'now described' });
		expect(items[0].json.etag).not.toBe(created.etag);
	});

	test('JSON Patch with a pinned etag: no etag read; a stale pinned etag fails with 412', async () => {
		const created = await createUnusedConnection();
		const ops = [{ op: 'add', path: '/description', value: 'pinned' }];
		const { items, error } = await run({ operation: 'update', connectionId: byId(created.id), updateType: 'patch', operationsJson: JSON.stringify(ops), etag: created.etag });
		expect(error).toBeUndefined();
		expect(callLines(env.sim)).toEqual([`PATCH /connections/${created.id}`, `GET /connections/${created.id}`]);
		expect(platformCalls(env.sim)[0]).toMatchObject({ body: ops, ifMatch: created.etag });
		expect(items[0].json.description).toBe('pinned');

		const stale = await run({ operation: 'update', connectionId: byId(created.id), updateType: 'patch', operationsJson: JSON.stringify(ops), etag: created.etag });
		expect(stale.error.message).toMatch(/answered 412 Precondition Failed/);
		expect(stale.error.description).toMatch(/etag is stale/);
	});

	test('bad input fails before any call: invalid JSON, an invalid op, nothing to update, an empty name', async () => {
		const created = await createUnusedConnection();
		const update = (parameters) => run({ operation: 'update', connectionId: byId(created.id), ...parameters });
		let { error } = await update({ updateType: 'patch', operationsJson: '[{"op":"replace",}]' });
		expect(error.message).toMatch(/"Operations \(JSON\)" is not valid JSON/);
		({ error } = await update({ updateType: 'patch', operationsJson: '[{"op":"move","path":"/name","value":"x"}]' }));
		expect(error.message).toBe('Operation 1 in "Operations (JSON)" is not a valid JSON Patch operation');
		({ error } = await update({ updateType: 'fields', updateFields: {} }));
		expect(error.message).toBe('Nothing to update');
		({ error } = await update({ updateType: 'fields', updateFields: { name: '  ' } }));
		expect(error.message).toBe('"Name" is empty');
		expect(platformCalls(env.sim)).toEqual([]);
	});

	test('an unknown connection fails with Adobe\'s 404 on the etag read', async () => {
		const { error } = await run({ operation: 'update', connectionId: byId(UNKNOWN_ID), updateType: 'fields', updateFields: { name: 'x' } });
		expect(error.message).toMatch(/answered 404 Not Found/);
		expect(callLines(env.sim)).toEqual([`GET /connections/${UNKNOWN_ID}`]);
	});
});

describe('delete', () => {
	test('deletes an unused connection and says so', async () => {
		const created = await createUnusedConnection();
		const { items, error } = await run({ operation: 'delete', connectionId: byId(created.id) });
		expect(error).toBeUndefined();
		expect(platformCalls(env.sim)).toEqual([expect.objectContaining({ method: 'DELETE', path: `/connections/${created.id}`, status: 204 })]);
		expect(items.map((i) => i.json)).toEqual([{ deleted: true, id: created.id }]);
		expect(env.sim.store.get('prod', 'connections', created.id)).toBeUndefined();
	});

	test('a connection flows still use is refused by Adobe (FLOW-1418); an unknown one is a 404', async () => {
		const { s3 } = seedBaseConnections();
		let { error } = await run({ operation: 'delete', connectionId: byId(s3.id) });
		expect(error.message).toMatch(/answered 400 Bad Request \(FLOW-1418-400\)/);
		expect(error.description).toMatch(/being used in one or more flows/);
		expect(env.sim.store.get('prod', 'connections', s3.id)).toBeDefined();
		({ error } = await run({ operation: 'delete', connectionId: byId(UNKNOWN_ID) }));
		expect(error.message).toMatch(/answered 404 Not Found/);
	});

	test('with Continue On Fail, each item gets its own result or error, paired to its input', async () => {
		const created = await createUnusedConnection();
		const { items, error } = await run(
			{ operation: 'delete', connectionId: byId('={{ $json.id }}') },
			{ inputItems: JSON.stringify([{ id: created.id }, { id: UNKNOWN_ID }]), nodeOptions: { continueOnFail: true } },
		);
		expect(error).toBeUndefined();
		expect(items.map((i) => i.json)).toEqual([{ deleted: true, id: created.id }, { error: expect.stringMatching(/answered 404/) }]);
		expect(items.map((i) => i.pairedItem)).toEqual([{ item: 0 }, { item: 1 }]);
	});
});

describe('explore', () => {
	test('root lists the top level, one item per entry', async () => {
		const { s3 } = seedBaseConnections();
		const { items, error } = await run({ operation: 'explore', connectionId: byId(s3.id), exploreObjectType: 'root' });
		expect(error).toBeUndefined();
		expect(platformCalls(env.sim)).toEqual([expect.objectContaining({ method: 'GET', path: `/connections/${s3.id}/explore`, query: { objectType: 'root' } })]);
		expect(items.map((i) => i.json)).toEqual([
			{ type: 'file', name: 'customers.csv', path: 'acme-exports/customers.csv', canPreview: true, canFetchSchema: true },
			{ type: 'folder', name: 'orders', path: 'acme-exports/orders', canPreview: false, canFetchSchema: false },
			{ type: 'folder', name: 'loyalty', path: 'acme-exports/loyalty', canPreview: false, canFetchSchema: false },
		]);
	});

	test('folder sends its path as object', async () => {
		const { s3 } = seedBaseConnections();
		const { items } = await run({ operation: 'explore', connectionId: byId(s3.id), exploreObjectType: 'folder', explorePath: 'acme-exports/orders' });
		expect(platformCalls(env.sim)[0].query).toEqual({ objectType: 'folder', object: 'acme-exports/orders' });
		expect(items.map((i) => i.json.path)).toEqual(['acme-exports/orders/orders_2026-01-04.csv', 'acme-exports/orders/orders_2026-01-05.csv']);
	});

	test('file with a file type: fileType and preview, one item with schema and rows', async () => {
		const { s3 } = seedBaseConnections();
		const { items, error } = await run({ operation: 'explore', connectionId: byId(s3.id), exploreObjectType: 'file', explorePath: 'acme-exports/customers.csv', exploreFileType: 'delimited', explorePreview: false });
		expect(error).toBeUndefined();
		expect(platformCalls(env.sim)[0].query).toEqual({ objectType: 'file', object: 'acme-exports/customers.csv', fileType: 'delimited', preview: 'false' });
		expect(items).toHaveLength(1);
		expect(items[0].json).toMatchObject({ format: 'flat', schema: { columns: expect.any(Array) }, data: expect.any(Array) });
		expect(items[0].json.properties).toBeUndefined();
	});

	test('file with automatic detection: determineProperties instead of fileType', async () => {
		const { s3 } = seedBaseConnections();
		const { items } = await run({ operation: 'explore', connectionId: byId(s3.id), exploreObjectType: 'file', explorePath: 'acme-exports/customers.csv', exploreFileType: 'auto', explorePreview: true });
		expect(platformCalls(env.sim)[0].query).toEqual({ objectType: 'file', object: 'acme-exports/customers.csv', determineProperties: 'true', preview: 'true' });
		expect(items[0].json.properties).toEqual({ fileType: 'delimited', compressionType: 'None', columnDelimiter: ',' });
	});

	test('table previews a CRM object', async () => {
		const { salesforce } = seedBaseConnections();
		const root = await run({ operation: 'explore', connectionId: byId(salesforce.id), exploreObjectType: 'root' });
		expect(root.items.map((i) => i.json.type)).toEqual(root.items.map(() => 'table'));
		const { items } = await run({ operation: 'explore', connectionId: byId(salesforce.id), exploreObjectType: 'table', explorePath: 'Contact' });
		expect(platformCalls(env.sim)[0].query).toEqual({ objectType: 'table', object: 'Contact' });
		expect(items[0].json).toMatchObject({ format: 'flat', data: expect.any(Array) });
	});

	test('a folder, file or table without a path fails before any call; an unknown connection is a 404', async () => {
		const { s3 } = seedBaseConnections();
		for (const objectType of ['folder', 'file', 'table']) {
			const { error } = await run({ operation: 'explore', connectionId: byId(s3.id), exploreObjectType: objectType, explorePath: ' ' });
			expect(error.message).toBe('"Path" is empty');
		}
		expect(platformCalls(env.sim)).toEqual([]);
		const { error } = await run({ operation: 'explore', connectionId: byId(UNKNOWN_ID), exploreObjectType: 'root' });
		expect(error.message).toMatch(/answered 404 Not Found/);
	});
});
