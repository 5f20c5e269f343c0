'use strict';
// Connection → Create by "From Fields" or "Full JSON" with "Secrets From Credential": the secret auth
// params of an "AEP Connection Secrets API" credential are added to the body's auth params and go
// nowhere else; every problem (no credential, bad JSON, no auth spec, a param set twice) stops the
// item before any call, without repeating a secret; what a server echoes back is redacted. Real
// workflows against the simulator; the credential's test as n8n's tester calls it.
const { NodeHelpers } = require('n8n-workflow');
const { useEnvironment, userVisibleText } = require('../harness/environment');
const { platformCalls } = require('../harness/requests');
const { AEP } = require('../harness/n8n');
const PACKAGE = require('../../package.json');
const { AepFlowService } = require('../../dist/nodes/AepFlowService/AepFlowService.node');
const { AepConnectionSecretsApi } = require('../../dist/credentials/AepConnectionSecretsApi.credentials');

const SALESFORCE_SPEC = 'cfc0fee1-7dc0-40ef-b73e-d8b134c436f5';
const CONNECTIONS = '/data/foundation/flowservice/connections';
const PASSWORD = 'Tr0ub4dor&3-horse-battery';
const SECURITY_TOKEN = 'sfdc-TOKEN-8d1f2c0b9e';
const NAME = 'AEP Connection Secrets API';
const FIELD = `The "Secret Auth Params (JSON)" of the "${NAME}" credential`;

const env = useEnvironment();

const secretsCredential = (secretParams = JSON.stringify({ password: PASSWORD, securityToken: SECURITY_TOKEN })) =>
	env.n8n.saveCredential('aepConnectionSecretsApi', { secretParams });

const fromFields = (parameters = {}) => ({
	createType: 'fields',
	connectionName: 'Salesforce EU',
	connectionSpecId: SALESFORCE_SPEC,
	authSpecName: 'Basic Authentication',
	authParams: JSON.stringify({ environmentUrl: 'https://acme.my.salesforce.com', username: 'etl@acme.com' }),
	secretsFromCredential: true,
	...parameters,
});

const fullJson = (body) => ({ createType: 'json', connectionJson: JSON.stringify(body), secretsFromCredential: true });

const create = async (parameters, nodeOptions) => {
	env.sim.log.clear();
	return await env.n8n.runAepNode({ resource: 'connection', operation: 'create', ...parameters }, { nodeOptions });
};

/** The error as n8n stores it (but for the node's own parameters): nothing in it may hold a secret. */
const everything = userVisibleText;

const expectNoSecret = (value) => {
	for (const secret of [PASSWORD, SECURITY_TOKEN]) expect(everything(value)).not.toContain(secret);
};

describe('the credential\'s secret params join the node\'s auth params in the request body', () => {
	test('From Fields: the node\'s params and the credential\'s, in one auth; the output is masked', async () => {
		const { items, error } = await create(fromFields(), { credentials: secretsCredential() });
		expect(error).toBeUndefined();
		const calls = platformCalls(env.sim);
		expect(calls.map((c) => `${c.method} ${c.path} ${c.status}`)).toEqual(['POST /connections 201', expect.stringMatching(/^GET \/connections\/[\w-]+ 200$/)]);
		expect(calls[0].body).toEqual({
			name: 'Salesforce EU',
			connectionSpec: { id: SALESFORCE_SPEC, version: '1.0' },
			// The simulator's log hides secret fields; it kept what it received.
			auth: { specName: 'Basic Authentication', params: { environmentUrl: 'https://acme.my.salesforce.com', username: 'etl@acme.com', password: '<redacted>', securityToken: '<redacted>' } },
		});
		expect(env.sim.log.secretsSeen()).toEqual(expect.arrayContaining([PASSWORD, SECURITY_TOKEN]));
		expect(items[0].json.auth.params).toEqual({ environmentUrl: 'https://acme.my.salesforce.com', username: 'etl@acme.com', password: '********', securityToken: '********' });
		expectNoSecret(items);
	});

	test('Full JSON: the credential\'s params are added to auth.params, which may be left out', async () => {
		const body = { name: 'Salesforce EU', connectionSpec: { id: SALESFORCE_SPEC, version: '1.0' }, auth: { specName: 'Basic Authentication' } };
		const { error } = await create(fullJson(body), { credentials: secretsCredential() });
		expect(error).toBeUndefined();
		expect(platformCalls(env.sim)[0].body.auth).toEqual({ specName: 'Basic Authentication', params: { password: '<redacted>', securityToken: '<redacted>' } });
		expect(env.sim.log.secretsSeen()).toEqual(expect.arrayContaining([PASSWORD, SECURITY_TOKEN]));
	});

	test('a secret under a name that does not look secret is still redacted where a server echoes it', async () => {
		const credentials = secretsCredential(JSON.stringify({ clientCode: PASSWORD }));
		env.sim.faults.add({ method: 'GET', path: new RegExp(`^${CONNECTIONS}/.+`), status: 200, raw: JSON.stringify({ items: [{ id: 'x', auth: { params: { clientCode: PASSWORD } }, note: `code ${PASSWORD}` }] }), contentType: 'application/json' });
		const { items, error } = await create(fromFields({ authParams: '{}' }), { credentials });
		expect(error).toBeUndefined();
		expect(items[0].json.auth.params.clientCode).toBe('[redacted]');
		expect(items[0].json.note).toBe('code [redacted]');
		expectNoSecret(items);
	});

	test('the create answered 400 with the request echoed: no secret in the error, under Continue On Fail neither', async () => {
		const credentials = secretsCredential();
		env.sim.faults.add({ method: 'POST', path: CONNECTIONS, status: 400, echo: true, times: 2 });
		const { error } = await create(fromFields(), { credentials });
		expect(error.description).toContain('[redacted]');
		expectNoSecret(error);
		const { items } = await create(fromFields(), { credentials, continueOnFail: true });
		expect(items).toHaveLength(1);
		expectNoSecret(items);
	});

	test('with the switch off nothing changes: no credential is asked for and the node\'s params are sent as they are', async () => {
		const { error } = await create(fromFields({ secretsFromCredential: false, authParams: JSON.stringify({ username: 'etl@acme.com', password: PASSWORD }) }));
		expect(error).toBeUndefined();
		expect(platformCalls(env.sim)[0].body.auth.params).toEqual({ username: 'etl@acme.com', password: '<redacted>' });
	});
});

describe('every problem stops the item before any call, naming the field', () => {
	test('no credential selected', async () => {
		const { error } = await create(fromFields());
		expect(error.message).toBe(`No "${NAME}" credential is selected`);
		expect(error.description).toBe(`Select or create an "${NAME}" credential on this node with the secret auth params as JSON, or turn off "Secrets From Credential". Nothing was sent.`);
		expect(platformCalls(env.sim)).toEqual([]);
	});

	test.each([
		['empty', '  ', `${FIELD} is empty`],
		['not JSON, without quoting it', `{"password": ${PASSWORD}}`, `${FIELD} is not valid JSON: write one object with every name and text value in double quotes, e.g. {"password": "…"}`],
		['an array', JSON.stringify([PASSWORD]), `${FIELD} is not a JSON object: write one object of param names and values, e.g. {"password": "…"}`],
		['an empty object', '{}', `${FIELD} is an empty object: add the secret params, e.g. {"password": "…"}`],
		['a param without a value', JSON.stringify({ password: PASSWORD, securityToken: '' }), `${FIELD} has no value for "securityToken"`],
	])('a credential that is %s', async (_name, secretParams, message) => {
		const { error } = await create(fromFields(), { credentials: secretsCredential(secretParams) });
		expect(error.message).toBe(message);
		expect(error.description).toBe(`Open the "${NAME}" credential selected on this node and correct it. Nothing was sent.`);
		expectNoSecret(error);
		expect(platformCalls(env.sim)).toEqual([]);
	});

	test('a param set both on the node and in the credential', async () => {
		const { error } = await create(fromFields({ authParams: JSON.stringify({ username: 'etl@acme.com', password: 'typed-here-too' }) }), { credentials: secretsCredential() });
		expect(error.message).toBe(`"password" is set both in "Auth Params (JSON)" and in the "${NAME}" credential: keep it in one place`);
		expect(platformCalls(env.sim)).toEqual([]);
		const body = { name: 'S', connectionSpec: { id: SALESFORCE_SPEC }, auth: { specName: 'Basic Authentication', params: { password: 'x', securityToken: 'y' } } };
		const { error: jsonError } = await create(fullJson(body), { credentials: secretsCredential() });
		expect(jsonError.message).toBe(`"password", "securityToken" are set both in "Connection (JSON)" and in the "${NAME}" credential: keep them in one place`);
		expect(platformCalls(env.sim)).toEqual([]);
	});

	test('no auth spec to add the secrets to', async () => {
		const { error } = await create(fromFields({ authSpecName: ' ', authParams: '{}' }), { credentials: secretsCredential() });
		expect(error.message).toBe('"Auth Spec Name" is empty but "Secrets From Credential" is on');
		const { error: jsonError } = await create(fullJson({ name: 'S', connectionSpec: { id: SALESFORCE_SPEC } }), { credentials: secretsCredential() });
		expect(jsonError.message).toBe('auth.specName of "Connection (JSON)" is empty but "Secrets From Credential" is on');
		const { error: paramsError } = await create(fullJson({ name: 'S', connectionSpec: { id: SALESFORCE_SPEC }, auth: { specName: 'Basic Authentication', params: 'none' } }), { credentials: secretsCredential() });
		expect(paramsError.message).toBe('"Connection (JSON)" has auth.params that is not an object, so the credential\'s secret params cannot be added to it');
		expect(platformCalls(env.sim)).toEqual([]);
	});

	test('under Continue On Fail a bad credential is the item\'s error and the next item still runs', async () => {
		env.sim.log.clear();
		const { items, error } = await env.n8n.runAepNode(
			{ resource: 'connection', operation: 'create', ...fromFields({ secretsFromCredential: '={{ $json.withSecrets }}' }) },
			{ inputItems: [{ withSecrets: true }, { withSecrets: false }], nodeOptions: { credentials: secretsCredential('{}'), continueOnFail: true } },
		);
		expect(error).toBeUndefined();
		expect(items[0].json).toEqual({ error: `${FIELD} is an empty object: add the secret params, e.g. {"password": "…"}` });
		expect(items[1].json.name).toBe('Salesforce EU');
		expect(platformCalls(env.sim).filter((c) => c.method === 'POST')).toHaveLength(1);
	});
});

describe('Connection → Update of the auth params, e.g. after a password was rotated', () => {
	const byId = (id) => ({ __rl: true, mode: 'id', value: id });
	const ROTATED = 'N3w-Rotated-Passw0rd!';
	const update = (connectionId, parameters, nodeOptions) => create({ operation: 'update', connectionId: byId(connectionId), updateType: 'auth', ...parameters }, nodeOptions);
	const existing = async () => (await create(fromFields(), { credentials: secretsCredential() })).items[0].json;

	test('replaces /auth/params with the node\'s params and the credential\'s, under the current etag', async () => {
		const connection = await existing();
		const credentials = secretsCredential(JSON.stringify({ password: ROTATED, securityToken: SECURITY_TOKEN }));
		const params = { environmentUrl: 'https://acme.my.salesforce.com', username: 'etl@acme.com' };
		const { items, error } = await update(connection.id, { newAuthParams: JSON.stringify(params), secretsFromCredential: true }, { credentials });
		expect(error).toBeUndefined();
		const [read, patch, reread] = platformCalls(env.sim);
		expect(read).toMatchObject({ method: 'GET', path: `/connections/${connection.id}` });
		expect(patch).toMatchObject({ method: 'PATCH', path: `/connections/${connection.id}`, ifMatch: connection.etag, status: 200 });
		expect(patch.body).toEqual([{ op: 'replace', path: '/auth/params', value: { ...params, password: '<redacted>', securityToken: '<redacted>' } }]);
		expect(env.sim.log.secretsSeen()).toContain(ROTATED);
		expect(reread).toMatchObject({ method: 'GET', status: 200 });
		expect(items[0].json.auth).toEqual({ specName: 'Basic Authentication', params: { ...params, password: '********', securityToken: '********' } });
		expect(items[0].json.etag).not.toBe(connection.etag);
		expect(JSON.stringify(items)).not.toContain(ROTATED);
	});

	test('with the switch off the node\'s params are the whole set; nothing to send is refused before any call', async () => {
		const connection = await existing();
		const { error } = await update(connection.id, { newAuthParams: JSON.stringify({ username: 'etl@acme.com', password: ROTATED }) });
		expect(error).toBeUndefined();
		expect(platformCalls(env.sim)[1].body).toEqual([{ op: 'replace', path: '/auth/params', value: { username: 'etl@acme.com', password: '<redacted>' } }]);

		const { error: empty } = await update(connection.id, { newAuthParams: '{}' });
		expect(empty.message).toBe('"Auth Params (JSON)" is empty and no secrets come from a credential');
		expect(platformCalls(env.sim)).toEqual([]);
		const { error: twice } = await update(connection.id, { newAuthParams: JSON.stringify({ password: 'x' }), secretsFromCredential: true }, { credentials: secretsCredential() });
		expect(twice.message).toBe(`"password" is set both in "Auth Params (JSON)" and in the "${NAME}" credential: keep it in one place`);
		const { error: missing } = await update(connection.id, { newAuthParams: '{}', secretsFromCredential: true });
		expect(missing.message).toBe(`No "${NAME}" credential is selected`);
		expect(platformCalls(env.sim)).toEqual([]);
	});

	test('JSON the node cannot read is refused without quoting the text around the fault', async () => {
		const { error } = await update('9a1e7b2c-0000-4000-8000-000000000001', { newAuthParams: `{"password": ${ROTATED}}` });
		expect(error.message).toBe('"Auth Params (JSON)" is not valid JSON');
		expect(everything(error)).not.toContain(ROTATED.slice(0, 6));
		const { error: createError } = await create(fromFields({ secretsFromCredential: false, authParams: `{"username": "etl", "password": ${ROTATED}}` }));
		expect(createError.message).toBe('"Auth Params (JSON)" is not valid JSON');
		expect(everything(createError)).not.toContain(ROTATED.slice(0, 6));
		// Where V8 says where it stopped, the position is kept.
		const { error: positioned } = await create(fromFields({ secretsFromCredential: false, authParams: '{"password": "x" "y"}' }));
		expect(positioned.message).toBe('"Auth Params (JSON)" is not valid JSON at character 18');
		expect(platformCalls(env.sim)).toEqual([]);
	});

	test('the credential and the switch are offered for Auth Params only', () => {
		const { description } = new AepFlowService();
		const node = { name: 'AEP', type: AEP, typeVersion: 1, parameters: {} };
		const asked = (parameters) => description.credentials.filter((c) => NodeHelpers.displayParameter(parameters, c, node, description)).map((c) => c.name);
		const shown = (parameters) => description.properties.filter((p) => NodeHelpers.displayParameter(parameters, p, node, description)).map((p) => p.name);
		const base = { resource: 'connection', operation: 'update' };
		expect(asked({ ...base, updateType: 'auth', secretsFromCredential: true })).toEqual(['adobeAepApi', 'aepConnectionSecretsApi']);
		expect(asked({ ...base, updateType: 'auth', secretsFromCredential: false })).toEqual(['adobeAepApi']);
		expect(asked({ ...base, updateType: 'patch', secretsFromCredential: true })).toEqual(['adobeAepApi']);
		expect(shown({ ...base, updateType: 'auth', secretsFromCredential: true })).toEqual(expect.arrayContaining(['newAuthParams', 'secretsFromCredential', 'secretsCredentialNotice']));
		expect(shown({ ...base, updateType: 'patch' })).not.toEqual(expect.arrayContaining(['newAuthParams']));
		expect(shown({ ...base, updateType: 'patch' })).not.toContain('secretsFromCredential');
		expect(description.properties.find((p) => p.name === 'updateType' && p.displayOptions.show.resource[0] === 'connection').options.map((o) => o.value)).toEqual(['auth', 'fields', 'patch']);
	});
});

describe('the credential as n8n loads and tests it', () => {
	test('registered in package.json, masked, and asked for only when the switch is on', () => {
		expect(PACKAGE.n8n.credentials).toContain('dist/credentials/AepConnectionSecretsApi.credentials.js');
		expect(new AepConnectionSecretsApi().properties.map((p) => [p.name, p.typeOptions])).toEqual([['secretParams', { password: true }]]);
		const { description } = new AepFlowService();
		const node = { name: 'AEP', type: AEP, typeVersion: 1, parameters: {} };
		const asked = (parameters) => description.credentials.filter((c) => NodeHelpers.displayParameter(parameters, c, node, description)).map((c) => c.name);
		const shownNotices = (parameters) =>
			description.properties.filter((p) => p.type === 'notice' && NodeHelpers.displayParameter(parameters, p, node, description)).map((p) => p.name);
		const connection = { resource: 'connection', operation: 'create' };
		for (const createType of ['fields', 'json']) {
			expect(asked({ ...connection, createType, secretsFromCredential: true })).toEqual(['adobeAepApi', 'aepConnectionSecretsApi']);
			expect(asked({ ...connection, createType, secretsFromCredential: false })).toEqual(['adobeAepApi']);
			expect(shownNotices({ ...connection, createType, secretsFromCredential: false })).toEqual(['typedSecretsNotice']);
			expect(shownNotices({ ...connection, createType, secretsFromCredential: true })).toEqual(['secretsCredentialNotice']);
		}
		expect(asked({ ...connection, createType: 'streaming', secretsFromCredential: true })).toEqual(['adobeAepApi']);
	});

	test('the Test button checks the JSON, names the params and never repeats a value', async () => {
		expect(await env.n8n.testCredentialByNode('aepConnectionSecretsApi', { secretParams: JSON.stringify({ password: PASSWORD, securityToken: SECURITY_TOKEN }) })).toEqual({
			status: 'OK', message: 'The secret params "password", "securityToken" are valid JSON. Adobe checks their values when a connection is created.',
		});
		const bad = await env.n8n.testCredentialByNode('aepConnectionSecretsApi', { secretParams: `{"password": ${PASSWORD}}` });
		expect(bad).toEqual({ status: 'Error', message: `${FIELD} is not valid JSON: write one object with every name and text value in double quotes, e.g. {"password": "…"}` });
		expect(await env.n8n.testCredentialByNode('aepConnectionSecretsApi', {})).toEqual({ status: 'Error', message: `${FIELD} is empty` });
		expectNoSecret(bad);
	});
});
