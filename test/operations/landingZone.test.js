'use strict';
// Data Landing Zone resource: container and credentials on Azure and AWS, credential rotation, and a
// file uploaded through the SAS URI with plain HTTP, then explored and previewed through the node.
const zlib = require('node:zlib');
const { useEnvironment } = require('../harness/environment');
const { platformCalls } = require('../harness/requests');

const DLZ_SOURCE_SPEC = '26f526f2-58f4-4712-961d-e41bf1ccc0e8';
const EXPLORE = `/connectionSpecs/${DLZ_SOURCE_SPEC}/explore`;
const DAY = 86400000;
const CUSTOMERS_CSV = 'id;email;lifetimeValue;active\nC-1;ann@example.com;120.5;true\nC-2;"bob;jr@example.com";80;false\n';

const env = useEnvironment();

const runNode = async (parameters, options) => {
	env.sim.log.clear();
	return await env.n8n.runAepNode({ resource: 'landingZone', ...parameters }, options);
};

/** Azure's Put Blob: the file goes below the container of the SAS URI, the token stays in the query. */
async function putBlob(sasUri, blobPath, body, headers = { 'x-ms-blob-type': 'BlockBlob', 'content-type': 'text/csv' }) {
	const url = new URL(sasUri);
	url.pathname += `/${blobPath}`;
	return await fetch(url, { method: 'PUT', headers, body });
}

async function credentials() {
	const { items, error } = await runNode({ operation: 'getCredentials', zoneType: 'user_drop_zone' });
	expect(error).toBeUndefined();
	return items[0].json;
}

describe('Get Container', () => {
	test('Azure: one normalised shape plus the raw answer', async () => {
		const { items, error } = await runNode({ operation: 'getContainer', zoneType: 'user_drop_zone' });
		expect(error).toBeUndefined();
		expect(platformCalls(env.sim)).toEqual([
			{ method: 'GET', service: 'connectors', path: '/landingzone', query: { type: 'user_drop_zone' }, body: undefined, ifMatch: undefined, status: 200 },
		]);
		expect(items.map((i) => i.json)).toEqual([
			{ provider: 'azure', storageName: 'dlz-user-container', namespace: null, ttlDays: 7, raw: { containerName: 'dlz-user-container', containerTTL: '7' } },
		]);
	});

	test('AWS: folder, bucket and TTL come from the S3 shape', async () => {
		env.sim.store.setLandingZoneProvider('prod', 'aws');
		const { items, error } = await runNode({ operation: 'getContainer', zoneType: 'dlz_destination' });
		expect(error).toBeUndefined();
		expect(platformCalls(env.sim).map((c) => c.query)).toEqual([{ type: 'dlz_destination' }]);
		const { raw, ...normalised } = items[0].json;
		expect(raw).toMatchObject({ dlzProvider: 'Amazon S3', dlzPath: { bucketName: expect.any(String), dlzFolder: expect.any(String) }, dataTTL: { timeQuantity: 7 } });
		expect(normalised).toEqual({ provider: 'aws', storageName: raw.dlzPath.dlzFolder, namespace: raw.dlzPath.bucketName, ttlDays: 7 });
		expect(normalised.storageName).toMatch(/^dlz-destination\//);
	});

	test('the sandbox "aws-test" is served from AWS without any switch', async () => {
		await env.restart({ credential: { sandboxName: 'aws-test' } });
		env.sim.store.seedFlows({ sandbox: 'aws-test', count: 1 }); // creates the sandbox
		const { items, error } = await runNode({ operation: 'getContainer', zoneType: 'user_drop_zone' });
		expect(error).toBeUndefined();
		expect(env.sim.log.entries().find((e) => e.path.endsWith('/landingzone')).headers['x-sandbox-name']).toBe('aws-test');
		expect(items[0].json).toMatchObject({ provider: 'aws', ttlDays: 7, storageName: expect.stringMatching(/^dlz-user-container\//) });
	});

	test('a type Adobe does not know is refused with its reason', async () => {
		const { error } = await runNode({ operation: 'getContainer', zoneType: '={{ "shared_zone" }}' });
		expect(error.message).toMatch(/answered 400 Bad Request \(FLOW-1452-400\)/);
		expect(error.description).toMatch(/Invalid value shared_zone for field type/);
	});
});

describe('Get Credentials and Refresh Credentials', () => {
	test('Azure: SAS token and URI (pointing at the upload endpoint) with their expiry', async () => {
		const creds = await credentials();
		expect(platformCalls(env.sim)).toEqual([
			{ method: 'GET', service: 'connectors', path: '/landingzone/credentials', query: { type: 'user_drop_zone' }, body: undefined, ifMatch: undefined, status: 200 },
		]);
		expect(Object.keys(creds).sort()).toEqual(['containerName', 'expiresAt', 'provider', 'sasToken', 'sasUri', 'storageAccountName']);
		expect(creds).toMatchObject({ provider: 'azure', containerName: 'dlz-user-container', storageAccountName: expect.stringMatching(/^dlblobstore/) });
		expect(creds.sasUri).toBe(`${env.sim.url}/__blob/${creds.storageAccountName}/dlz-user-container?${creds.sasToken}`);
		expect(creds.sasToken).toMatch(/sig=/);
		expect(creds.expiresAt).toBe(new Date(env.sim.clock.now() + 7 * DAY).toISOString().replace(/\.\d{3}Z$/, '.000Z'));
	});

	test('AWS: temporary keys, bucket, folder and an ISO expiry', async () => {
		env.sim.store.setLandingZoneProvider('prod', 'aws');
		const { items, error } = await runNode({ operation: 'getCredentials', zoneType: 'dlz_destination' });
		expect(error).toBeUndefined();
		expect(platformCalls(env.sim).map((c) => `${c.method} ${c.path} ${c.query.type}`)).toEqual(['GET /landingzone/credentials dlz_destination']);
		const creds = items[0].json;
		expect(Object.keys(creds).sort()).toEqual(['accessKeyId', 'bucketName', 'expiresAt', 'folder', 'provider', 'secretAccessKey', 'sessionToken']);
		expect(creds).toMatchObject({ provider: 'aws', accessKeyId: expect.stringMatching(/^ASIA/), folder: expect.stringMatching(/^dlz-destination\//) });
		expect(creds.secretAccessKey.length).toBeGreaterThan(20);
		expect(creds.sessionToken.length).toBeGreaterThan(20);
		expect(Date.parse(creds.expiresAt)).toBeGreaterThan(env.sim.clock.now());
	});

	test('refresh rotates the SAS token: the old one is refused by storage, the new one works', async () => {
		const before = await credentials();
		const { items, error } = await runNode({ operation: 'refreshCredentials', zoneType: 'user_drop_zone' });
		expect(error).toBeUndefined();
		expect(platformCalls(env.sim)).toEqual([
			{ method: 'POST', service: 'connectors', path: '/landingzone/credentials', query: { type: 'user_drop_zone', action: 'refresh' }, body: undefined, ifMatch: undefined, status: 200 },
		]);
		const after = items[0].json;
		expect(after).toMatchObject({ provider: 'azure', containerName: 'dlz-user-container', storageAccountName: before.storageAccountName });
		expect(after.sasToken).not.toBe(before.sasToken);

		const stale = await putBlob(before.sasUri, 'uploads/a.csv', 'a,b\n1,2\n');
		expect(stale.status).toBe(403);
		expect(stale.headers.get('x-ms-error-code')).toBe('AuthenticationFailed');
		expect(await stale.text()).toMatch(/<Error><Code>AuthenticationFailed<\/Code><Message>Server failed to authenticate the request\./);
		expect((await putBlob(after.sasUri, 'uploads/a.csv', 'a,b\n1,2\n')).status).toBe(201);
	});

	test('AWS refresh hands out new keys', async () => {
		env.sim.store.setLandingZoneProvider('prod', 'aws');
		const { items: first } = await runNode({ operation: 'getCredentials', zoneType: 'user_drop_zone' });
		const { items: second } = await runNode({ operation: 'refreshCredentials', zoneType: 'user_drop_zone' });
		expect(second[0].json.provider).toBe('aws');
		expect(second[0].json.accessKeyId).not.toBe(first[0].json.accessKeyId);
		expect(second[0].json.bucketName).toBe(first[0].json.bucketName);
	});
});

describe('Upload through the SAS URI, then Explore and Preview File', () => {
	test('an uploaded CSV is listed and previewed with detected properties', async () => {
		const creds = await credentials();
		const upload = await putBlob(creds.sasUri, 'uploads/customers.csv', CUSTOMERS_CSV);
		expect(upload.status).toBe(201);
		expect(upload.headers.get('content-md5')).toBeTruthy();

		const root = await runNode({ operation: 'explore' });
		expect(root.error).toBeUndefined();
		expect(platformCalls(env.sim)).toEqual([
			{ method: 'GET', service: 'flowservice', path: EXPLORE, query: { objectType: 'root' }, body: undefined, ifMatch: undefined, status: 200 },
		]);
		expect(root.items.map((i) => i.json)).toContainEqual({ type: 'folder', name: 'uploads', path: 'dlz-user-container/uploads', canPreview: false, canFetchSchema: false });

		const folder = await runNode({ operation: 'explore', folderPath: '/dlz-user-container/uploads/' });
		expect(platformCalls(env.sim).map((c) => c.query)).toEqual([{ objectType: 'folder', object: 'dlz-user-container/uploads' }]);
		expect(folder.items.map((i) => i.json)).toEqual([
			{ type: 'file', name: 'customers.csv', path: 'dlz-user-container/uploads/customers.csv', canPreview: true, canFetchSchema: true },
		]);

		const preview = await runNode({ operation: 'previewFile', filePath: 'dlz-user-container/uploads/customers.csv' });
		expect(preview.error).toBeUndefined();
		expect(platformCalls(env.sim).map((c) => ({ path: c.path, query: c.query }))).toEqual([
			{ path: EXPLORE, query: { objectType: 'file', object: 'dlz-user-container/uploads/customers.csv', preview: 'true', determineProperties: 'true' } },
		]);
		expect(preview.items).toHaveLength(1);
		expect(preview.items[0].json).toEqual({
			path: 'dlz-user-container/uploads/customers.csv',
			format: 'flat',
			schema: {
				columns: [
					{ name: 'id', type: 'string', xdm: { type: 'string' } },
					{ name: 'email', type: 'string', xdm: { type: 'string' } },
					{ name: 'lifetimeValue', type: 'double', xdm: { type: 'number' } },
					{ name: 'active', type: 'boolean', xdm: { type: 'boolean' } },
				],
			},
			data: [
				{ id: 'C-1', email: 'ann@example.com', lifetimeValue: '120.5', active: 'true' },
				{ id: 'C-2', email: 'bob;jr@example.com', lifetimeValue: '80', active: 'false' },
			],
			properties: { fileType: 'delimited', compressionType: 'None', columnDelimiter: ';' },
		});
	});

	test('explicit file properties: JSON, and gzip-compressed delimited with a delimiter', async () => {
		const creds = await credentials();
		const records = [{ id: 1, tier: 'gold', tags: ['a'] }, { id: 2, tier: 'silver', tags: [] }];
		expect((await putBlob(creds.sasUri, 'events/points.json', JSON.stringify(records), { 'x-ms-blob-type': 'BlockBlob' })).status).toBe(201);
		expect((await putBlob(creds.sasUri, 'events/rows.csv.gz', zlib.gzipSync('k|v\nx|1\n'), { 'x-ms-blob-type': 'BlockBlob' })).status).toBe(201);

		const json = await runNode({ operation: 'previewFile', filePath: 'dlz-user-container/events/points.json', determineProperties: false, fileType: 'json' });
		expect(json.error).toBeUndefined();
		expect(platformCalls(env.sim)[0].query).toEqual({ objectType: 'file', object: 'dlz-user-container/events/points.json', preview: 'true', fileType: 'json' });
		expect(json.items[0].json.data).toEqual(records);
		expect(json.items[0].json.schema.columns.map((c) => [c.name, c.type])).toEqual([['id', 'integer'], ['tier', 'string'], ['tags', 'array']]);
		expect(json.items[0].json.properties).toBeUndefined();

		const gz = await runNode({
			operation: 'previewFile',
			filePath: 'dlz-user-container/events/rows.csv.gz',
			determineProperties: false,
			fileType: 'delimited',
			fileProperties: { columnDelimiter: '|', compressionType: 'gzip', encoding: 'UTF-8' },
		});
		expect(gz.error).toBeUndefined();
		expect(platformCalls(env.sim)[0].query).toEqual({
			objectType: 'file',
			object: 'dlz-user-container/events/rows.csv.gz',
			preview: 'true',
			fileType: 'delimited',
			columnDelimiter: '|',
			compressionType: 'gzip',
			encoding: 'UTF-8',
		});
		expect(gz.items[0].json.data).toEqual([{ k: 'x', v: '1' }]);
	});

	test('a file read with the wrong type fails with Adobe\'s reason', async () => {
		const creds = await credentials();
		await putBlob(creds.sasUri, 'uploads/customers.csv', CUSTOMERS_CSV);
		const { error } = await runNode({ operation: 'previewFile', filePath: 'dlz-user-container/uploads/customers.csv', determineProperties: false, fileType: 'json' });
		expect(error.message).toMatch(/answered 400 Bad Request \(FLOW-1452-400\)/);
		expect(error.description).toMatch(/could not be read as json/);
	});

	test('storage refuses a wrong token, an expired token and a missing blob type the way Azure does', async () => {
		const creds = await credentials();
		const forged = creds.sasUri.replace(/sig=[^&]+/, 'sig=Zm9yZ2VkLXNpZ25hdHVyZQ%3D%3D');
		const wrong = await putBlob(forged, 'uploads/x.csv', 'a\n1\n');
		expect(wrong.status).toBe(403);
		expect(await wrong.text()).toMatch(/<AuthenticationErrorDetail>Signature did not match/);

		const noType = await putBlob(creds.sasUri, 'uploads/x.csv', 'a\n1\n', {});
		expect(noType.status).toBe(400);
		expect(await noType.text()).toMatch(/<Code>MissingRequiredHeader<\/Code>.*<HeaderName>x-ms-blob-type<\/HeaderName>/s);

		env.sim.clock.advance(8 * DAY);
		const expired = await putBlob(creds.sasUri, 'uploads/x.csv', 'a\n1\n');
		expect(expired.status).toBe(403);
		expect(await expired.text()).toMatch(/Signature not valid in the specified time frame/);

		// Nothing was stored by the refused uploads.
		const folder = await runNode({ operation: 'explore', folderPath: 'dlz-user-container/uploads' });
		expect(folder.error).toBeUndefined();
		expect(folder.items).toEqual([]);
	});
});

describe('Preview File input checks', () => {
	test('with detection on, only determineProperties is sent: Adobe refuses it next to explicit properties', async () => {
		const { error } = await runNode({
			operation: 'previewFile',
			filePath: 'dlz-user-container/account.csv',
			determineProperties: true,
			fileType: 'json',
			fileProperties: { columnDelimiter: ';' },
		});
		expect(error).toBeUndefined();
		expect(platformCalls(env.sim).map((c) => c.query)).toEqual([
			{ objectType: 'file', object: 'dlz-user-container/account.csv', preview: 'true', determineProperties: 'true' },
		]);
	});

	test('a delimiter on a JSON file, a long delimiter and an empty path name the field', async () => {
		const json = await runNode({ operation: 'previewFile', filePath: 'a/b.json', determineProperties: false, fileType: 'json', fileProperties: { columnDelimiter: ',' } });
		expect(json.error.message).toBe('"Column Delimiter" only applies to delimited files');
		const long = await runNode({ operation: 'previewFile', filePath: 'a/b.csv', determineProperties: false, fileType: 'delimited', fileProperties: { columnDelimiter: ';;' } });
		expect(long.error.message).toBe('"Column Delimiter" must be a single character, not ";;"');
		const empty = await runNode({ operation: 'previewFile', filePath: '={{ "" }}' });
		expect(empty.error.message).toBe('The file path is empty');
		expect(platformCalls(env.sim)).toEqual([]);
	});

	test('\\t stands for a tab delimiter', async () => {
		const creds = await credentials();
		await putBlob(creds.sasUri, 'uploads/tabs.tsv', 'a\tb\n1\t2\n');
		const { items, error } = await runNode({
			operation: 'previewFile',
			filePath: 'dlz-user-container/uploads/tabs.tsv',
			determineProperties: false,
			fileType: 'delimited',
			fileProperties: { columnDelimiter: '\\t' },
		});
		expect(error).toBeUndefined();
		expect(platformCalls(env.sim)[0].query.columnDelimiter).toBe('\t');
		expect(items[0].json.data).toEqual([{ a: '1', b: '2' }]);
	});
});
