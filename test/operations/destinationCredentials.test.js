'use strict';
// The destination credentials of Connection → Create (AEP Destination: Amazon S3 API / Azure Blob
// API): their values reach the request body and nowhere else, a missing or bad credential and the
// parameters of earlier versions stop the item before any call, and what a server echoes back is
// redacted. Real workflows against the simulator; the credentials' test as n8n's tester calls it.
const { NodeHelpers } = require('n8n-workflow');
const { useEnvironment, userVisibleText, DEFAULT_CLIENT } = require('../harness/environment');
const { platformCalls } = require('../harness/requests');
const { AEP } = require('../harness/n8n');
const PACKAGE = require('../../package.json');
const { AepFlowService } = require('../../dist/nodes/AepFlowService/AepFlowService.node');

const S3_SPEC = '4fce964d-3f37-408f-9778-e597338a21ee';
const BLOB_SPEC = '6d6b59bf-fb58-4107-9064-4d246c0e5bb2';
const CONNECTIONS = '/data/foundation/flowservice/connections';
const ACCESS_KEY_ID = 'AKIAIOSFODNN7EXAMPLE';
const S3_SECRET = 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY';
const ACCOUNT_KEY = 'c2VjcmV0LWtleS1mb3ItdGVzdHM=';
const BLOB_CONNECTION_STRING = `DefaultEndpointsProtocol=https;AccountName=acme;AccountKey=${ACCOUNT_KEY};EndpointSuffix=core.windows.net`;
const S3_NAME = 'AEP Destination: Amazon S3 API';
const BLOB_NAME = 'AEP Destination: Azure Blob API';

const env = useEnvironment();

const s3Credential = (data = {}) => env.n8n.saveCredential('aepDestinationS3Api', { accessKeyId: ACCESS_KEY_ID, secretAccessKey: S3_SECRET, ...data });
const blobCredential = (data = {}) => env.n8n.saveCredential('aepDestinationAzureBlobApi', { connectionStringSecret: BLOB_CONNECTION_STRING, ...data });

const create = async (parameters, nodeOptions) => {
	env.sim.log.clear();
	return await env.n8n.runAepNode({ resource: 'connection', operation: 'create', connectionName: 'Exports', ...parameters }, { nodeOptions });
};

/** The error as n8n stores it (but for the node's own parameters): nothing in it may hold a secret. */
const everything = userVisibleText;

describe('the credential supplies the auth params of the request body', () => {
	test('Amazon S3: aepp\'s body with the key ID and secret key of the credential, trimmed', async () => {
		const credentials = s3Credential({ accessKeyId: ` ${ACCESS_KEY_ID} `, secretAccessKey: `${S3_SECRET}\n` });
		const { items, error } = await create({ createType: 's3Destination', connectionDescription: 'orders' }, { credentials });
		expect(error).toBeUndefined();
		const calls = platformCalls(env.sim);
		expect(calls.map((c) => `${c.method} ${c.path} ${c.status}`)).toEqual(['POST /connections 201', expect.stringMatching(/^GET \/connections\/[\w-]+ 200$/)]);
		expect(calls[0].body).toEqual({
			name: 'Exports',
			description: 'orders',
			auth: { specName: 'Access Key', params: { s3AccessKey: ACCESS_KEY_ID, s3SecretKey: '<redacted>' } },
			connectionSpec: { id: S3_SPEC, version: '1.0' },
		});
		// The log hides secret fields; the simulator kept what it received.
		expect(env.sim.log.secretsSeen()).toContain(S3_SECRET);
		// Every call is still authenticated by the AEP credential alone.
		const logged = env.sim.log.entries().filter((e) => e.path.startsWith(CONNECTIONS));
		expect(logged.map((e) => [e.headers.authorization, e.headers['x-api-key']])).toEqual([['Bearer <redacted>', DEFAULT_CLIENT.clientId], ['Bearer <redacted>', DEFAULT_CLIENT.clientId]]);
		expect(items[0].json).toMatchObject({ name: 'Exports', auth: { params: { s3AccessKey: ACCESS_KEY_ID, s3SecretKey: '********' } } });
		expect(JSON.stringify(items)).not.toContain(S3_SECRET);
	});

	test('Azure Blob: aepp\'s body with the connection string of the credential', async () => {
		const { items, error } = await create({ createType: 'blobDestination' }, { credentials: blobCredential() });
		expect(error).toBeUndefined();
		expect(platformCalls(env.sim)[0].body).toEqual({
			name: 'Exports',
			auth: { specName: 'ConnectionString', params: { connectionString: '<redacted>' } },
			connectionSpec: { id: BLOB_SPEC, version: '1.0' },
		});
		expect(env.sim.log.secretsSeen()).toContain(BLOB_CONNECTION_STRING);
		expect(items[0].json.auth).toEqual({ specName: 'ConnectionString', params: { connectionString: '********' } });
		expect(JSON.stringify(items)).not.toContain(ACCOUNT_KEY);
	});

	test('a connection string with a shared access signature is accepted too', async () => {
		const sas = 'BlobEndpoint=https://acme.blob.core.windows.net/;SharedAccessSignature=sv=2022-11-02&ss=b&srt=co&sp=rwlac&se=2030-01-01T00:00:00Z&sig=c2lnbmF0dXJl';
		const { error } = await create({ createType: 'blobDestination' }, { credentials: blobCredential({ connectionStringSecret: sas }) });
		expect(error).toBeUndefined();
		expect(env.sim.log.secretsSeen()).toContain(sas);
	});

	test('each item of a run uses the credential: two items, two connections', async () => {
		const credentials = s3Credential();
		env.sim.log.clear();
		const { items, error } = await env.n8n.runAepNode(
			{ resource: 'connection', operation: 'create', createType: 's3Destination', connectionName: '={{ $json.name }}' },
			{ inputItems: [{ name: 'First' }, { name: 'Second' }], nodeOptions: { credentials } },
		);
		expect(error).toBeUndefined();
		expect(items.map((i) => i.json.name)).toEqual(['First', 'Second']);
		expect(platformCalls(env.sim).filter((c) => c.method === 'POST').map((c) => c.body.auth.params)).toEqual([
			{ s3AccessKey: ACCESS_KEY_ID, s3SecretKey: '<redacted>' },
			{ s3AccessKey: ACCESS_KEY_ID, s3SecretKey: '<redacted>' },
		]);
	});
});

describe('a missing or bad credential stops the item before any call, naming it', () => {
	test.each([
		['s3Destination', S3_NAME, '"Access Key ID" and "Secret Access Key"'],
		['blobDestination', BLOB_NAME, '"Connection String"'],
	])('%s without its credential', async (createType, name, fields) => {
		const { error } = await create({ createType });
		expect(error.message).toBe(`No "${name}" credential is selected`);
		expect(error.description).toBe(`Select or create an "${name}" credential on this node: it holds the ${fields} Adobe needs for this destination. Nothing was sent.`);
		expect(platformCalls(env.sim)).toEqual([]);
	});

	test('under Continue On Fail the missing credential is the item\'s error', async () => {
		const { items, error } = await create({ createType: 's3Destination' }, { continueOnFail: true });
		expect(error).toBeUndefined();
		expect(items.map((i) => i.json)).toEqual([{ error: `No "${S3_NAME}" credential is selected` }]);
		expect(platformCalls(env.sim)).toEqual([]);
	});

	test.each([
		['an empty access key ID', { accessKeyId: '  ' }, `The "Access Key ID" of the "${S3_NAME}" credential is empty`],
		['an access key ID that is no AWS key ID', { accessKeyId: 'AKIA-not-a-key' }, `The "Access Key ID" of the "${S3_NAME}" credential is not an AWS access key ID: one is 16 to 128 letters and digits, such as AKIAIOSFODNN7EXAMPLE`],
		['an empty secret key', { secretAccessKey: '' }, `The "Secret Access Key" of the "${S3_NAME}" credential is empty`],
		['a secret key with a space in it', { secretAccessKey: `${S3_SECRET.slice(0, 20)} ${S3_SECRET.slice(20)}` }, `The "Secret Access Key" of the "${S3_NAME}" credential holds a space or a line break, which no secret access key does`],
	])('S3 with %s', async (_name, data, message) => {
		const { error } = await create({ createType: 's3Destination' }, { credentials: s3Credential(data) });
		expect(error.message).toBe(message);
		expect(error.description).toBe(`Open the "${S3_NAME}" credential selected on this node and correct it. Nothing was sent.`);
		expect(everything(error)).not.toContain(S3_SECRET.slice(20));
		expect(platformCalls(env.sim)).toEqual([]);
	});

	test.each([
		['an empty connection string', '', 'is empty'],
		['a connection string without a key', 'DefaultEndpointsProtocol=https;AccountName=acme;EndpointSuffix=core.windows.net', 'is not an Azure Storage connection string with a key: it needs AccountName= and AccountKey=, or SharedAccessSignature='],
		['an account key alone', ACCOUNT_KEY, 'is not an Azure Storage connection string: it is made of Key=value pairs separated by ";"'],
		['a connection string over two lines', BLOB_CONNECTION_STRING.replace(';AccountKey', ';\nAccountKey'), 'holds a space or a line break, which no connection string does'],
	])('Azure Blob with %s', async (_name, connectionStringSecret, problem) => {
		const { error } = await create({ createType: 'blobDestination' }, { credentials: blobCredential({ connectionStringSecret }) });
		expect(error.message).toBe(`The "Connection String" of the "${BLOB_NAME}" credential ${problem}`);
		expect(everything(error)).not.toContain(ACCOUNT_KEY);
		expect(platformCalls(env.sim)).toEqual([]);
	});
});

describe('the secret parameters of earlier versions give a migration error, never a request', () => {
	test.each([
		['the S3 keys', { createType: 's3Destination', s3AccessKey: ACCESS_KEY_ID, s3SecretKey: S3_SECRET }, `"Access Key" and "Secret Key" are set on the node, but this secret now belongs in an "${S3_NAME}" credential`,
			`Create an "${S3_NAME}" credential with the "Access Key ID" and "Secret Access Key", select it on this node, then clear the node's old "Access Key" and "Secret Key" fields so that no secret stays in the workflow. Nothing was sent.`],
		['the S3 secret key alone', { createType: 's3Destination', s3SecretKey: S3_SECRET }, `"Secret Key" is set on the node, but this secret now belongs in an "${S3_NAME}" credential`,
			`Create an "${S3_NAME}" credential with the "Access Key ID" and "Secret Access Key", select it on this node, then clear the node's old "Secret Key" field so that no secret stays in the workflow. Nothing was sent.`],
		['the Azure connection string', { createType: 'blobDestination', connectionString: BLOB_CONNECTION_STRING }, `"Connection String" is set on the node, but this secret now belongs in an "${BLOB_NAME}" credential`,
			`Create an "${BLOB_NAME}" credential with the "Connection String", select it on this node, then clear the node's old "Connection String" field so that no secret stays in the workflow. Nothing was sent.`],
	])('%s, saved in the workflow', async (_name, parameters, message, description) => {
		const { error } = await create(parameters);
		expect(error.message).toBe(message);
		expect(error.description).toBe(description);
		expect(JSON.stringify({ message: error.message, description: error.description })).not.toMatch(/wJalrXUtnFEMI|c2VjcmV0/);
		expect(platformCalls(env.sim)).toEqual([]);
	});

	test('the old parameters are refused even when the new credential is selected too, so the secret leaves the workflow', async () => {
		const { error } = await create({ createType: 's3Destination', s3AccessKey: ACCESS_KEY_ID, s3SecretKey: S3_SECRET }, { credentials: s3Credential() });
		expect(error.message).toMatch(/^"Access Key" and "Secret Key" are set on the node, but this secret now belongs in an "AEP Destination: Amazon S3 API" credential$/);
		expect(platformCalls(env.sim)).toEqual([]);
	});

	test('an old field is shown only while it holds a value, so it can be cleared; another create type ignores it', async () => {
		const { description } = new AepFlowService();
		const node = { name: 'AEP', type: AEP, typeVersion: 1, parameters: {} };
		const shown = (parameters) =>
			description.properties
				.filter((p) => ['s3AccessKey', 's3SecretKey', 'connectionString'].includes(p.name))
				.filter((p) => NodeHelpers.displayParameter({ resource: 'connection', operation: 'create', ...parameters }, p, node, description))
				.map((p) => p.displayName);
		expect(shown({ createType: 's3Destination', s3SecretKey: S3_SECRET })).toEqual(['Secret Key (Old, Clear It)']);
		expect(shown({ createType: 's3Destination', s3SecretKey: '' })).toEqual([]);
		expect(shown({ createType: 'blobDestination', connectionString: 'x' })).toEqual(['Connection String (Old, Clear It)']);
		expect(shown({ createType: 'dlzDestination', s3SecretKey: S3_SECRET, connectionString: 'x' })).toEqual([]);
		// The old secret field stays masked while it is shown.
		expect(description.properties.find((p) => p.name === 's3SecretKey').typeOptions).toEqual({ password: true });

		const { items, error } = await create({ createType: 'dlzDestination', s3SecretKey: S3_SECRET });
		expect(error).toBeUndefined();
		expect(items[0].json.connectionSpec.id).toBe('10440537-2a7b-4583-ac39-ed38d4b848e8');
	});
});

describe('a secret a server echoes back never reaches the output or the error', () => {
	test.each([
		['S3', 's3Destination', () => s3Credential(), [S3_SECRET]],
		['Azure Blob', 'blobDestination', () => blobCredential(), [BLOB_CONNECTION_STRING, ACCOUNT_KEY]],
	])('%s: the create answered 400 with the request echoed', async (_name, createType, credential, secrets) => {
		const credentials = credential();
		env.sim.faults.add({ method: 'POST', path: CONNECTIONS, status: 400, echo: true, times: 2 });
		const { error } = await create({ createType }, { credentials });
		expect(error.description).toContain('Could not process the request');
		expect(error.description).toContain('[redacted]');
		for (const secret of secrets) expect(everything(error)).not.toContain(secret);
		const { items } = await create({ createType }, { credentials, continueOnFail: true });
		expect(items).toHaveLength(1);
		for (const secret of secrets) expect(JSON.stringify(items)).not.toContain(secret);
	});

	test('S3: a 200 answer that echoes the request is no connection, and its error shows no secret', async () => {
		env.sim.faults.add({ method: 'POST', path: CONNECTIONS, status: 200, echo: true, times: 1 });
		const { error } = await create({ createType: 's3Destination' }, { credentials: s3Credential() });
		expect(error).toBeDefined();
		expect(everything(error)).not.toContain(S3_SECRET);
	});

	test('Azure Blob: the connection read back after the create echoing the secret is redacted in the output', async () => {
		env.sim.faults.add({ method: 'GET', path: new RegExp(`^${CONNECTIONS}/.+`), status: 200, raw: JSON.stringify({ items: [{ id: 'x', echoed: `cs=${BLOB_CONNECTION_STRING}` }] }), contentType: 'application/json' });
		const { items, error } = await create({ createType: 'blobDestination' }, { credentials: blobCredential() });
		expect(error).toBeUndefined();
		expect(items[0].json.echoed).toBe('cs=[redacted]');
	});
});

describe('the credentials as n8n loads and tests them', () => {
	test('both are registered in package.json and asked for only by their create type', () => {
		expect(PACKAGE.n8n.credentials).toEqual(expect.arrayContaining([
			'dist/credentials/AepDestinationS3Api.credentials.js',
			'dist/credentials/AepDestinationAzureBlobApi.credentials.js',
		]));
		const { description } = new AepFlowService();
		const node = { name: 'AEP', type: AEP, typeVersion: 1, parameters: {} };
		const asked = (parameters) => description.credentials.filter((c) => NodeHelpers.displayParameter(parameters, c, node, description)).map((c) => c.name);
		const connection = { resource: 'connection', operation: 'create' };
		expect(asked({ ...connection, createType: 's3Destination' })).toEqual(['adobeAepApi', 'aepDestinationS3Api']);
		expect(asked({ ...connection, createType: 'blobDestination' })).toEqual(['adobeAepApi', 'aepDestinationAzureBlobApi']);
		expect(asked({ ...connection, createType: 'json' })).toEqual(['adobeAepApi']);
		expect(asked({ resource: 'flow', operation: 'getMany', createType: 's3Destination' })).toEqual(['adobeAepApi']);
	});

	test('their secret fields are masked', () => {
		const { AepDestinationS3Api } = require('../../dist/credentials/AepDestinationS3Api.credentials');
		const { AepDestinationAzureBlobApi } = require('../../dist/credentials/AepDestinationAzureBlobApi.credentials');
		const masked = (Type) => new Type().properties.filter((p) => p.typeOptions?.password).map((p) => p.displayName);
		expect(masked(AepDestinationS3Api)).toEqual(['Secret Access Key']);
		expect(masked(AepDestinationAzureBlobApi)).toEqual(['Connection String']);
	});

	test('the Test button checks the shape and never repeats a secret', async () => {
		expect(await env.n8n.testCredentialByNode('aepDestinationS3Api', { accessKeyId: ACCESS_KEY_ID, secretAccessKey: S3_SECRET })).toEqual({
			status: 'OK', message: 'The "Access Key ID" and "Secret Access Key" look right. Adobe checks them when a connection is created.',
		});
		const badS3 = await env.n8n.testCredentialByNode('aepDestinationS3Api', { accessKeyId: ACCESS_KEY_ID, secretAccessKey: `${S3_SECRET} x` });
		expect(badS3).toEqual({ status: 'Error', message: `The "Secret Access Key" of the "${S3_NAME}" credential holds a space or a line break, which no secret access key does` });
		expect(await env.n8n.testCredentialByNode('aepDestinationAzureBlobApi', { connectionStringSecret: BLOB_CONNECTION_STRING })).toEqual({
			status: 'OK', message: 'The "Connection String" looks right. Adobe checks it when a connection is created.',
		});
		const badBlob = await env.n8n.testCredentialByNode('aepDestinationAzureBlobApi', { connectionStringSecret: ACCOUNT_KEY });
		expect(badBlob.status).toBe('Error');
		expect(JSON.stringify([badS3, badBlob])).not.toMatch(/wJalrXUtnFEMI|c2VjcmV0/);
		expect(await env.n8n.testCredentialByNode('aepDestinationS3Api', {})).toEqual({ status: 'Error', message: `The "Access Key ID" of the "${S3_NAME}" credential is empty` });
	});
});
