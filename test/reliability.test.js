'use strict';
// Reliability and security of every call, tried as a hostile network and a misbehaving server would:
// redirects to another host, secrets echoed back, answers that trickle or stall, paging that would
// never end, and 2xx bodies that are not what Adobe documents. Real n8n-core executions over HTTP
// against the simulator; a second server on another loopback address stands for "another host".
const { useEnvironment, userVisibleText, DEFAULT_CLIENT } = require('./harness/environment');
const { startForeignHost } = require('./harness/foreignHost');
const { TriggerDriver } = require('./harness/trigger');
const { AEP_TRIGGER } = require('./harness/n8n');

const FLOWS = '/data/foundation/flowservice/flows';
const CONNECTIONS = '/data/foundation/flowservice/connections';
const RUNS = '/data/foundation/flowservice/runs';
const IMS = '/ims/token/v3';
const S3_SECRET = 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY';
const BLOB_CONNECTION_STRING = 'DefaultEndpointsProtocol=https;AccountName=acme;AccountKey=c2VjcmV0LWtleS1mb3ItdGVzdHM=;EndpointSuffix=core.windows.net';
/** Connection → Create for an S3 destination, its keys in the destination credential. */
const createS3Destination = (options = {}) =>
	env.n8n.runAepNode({ resource: 'connection', operation: 'create', createType: 's3Destination', connectionName: 'Exports' }, {
		...options,
		nodeOptions: { ...options.nodeOptions, credentials: env.n8n.saveCredential('aepDestinationS3Api', { accessKeyId: 'AKIAIOSFODNN7EXAMPLE', secretAccessKey: S3_SECRET }) },
	});

const env = useEnvironment();
let foreign;
beforeEach(async () => {
	foreign = await startForeignHost();
});
afterEach(async () => {
	await foreign.close();
});

// The whole error as n8n stores it, but for the node's own parameters (where the user typed the
// secret in the first place; the workflow holds them), which the error does not add.
const everything = userVisibleText;
const expectNothing = (text, ...secrets) => {
	for (const secret of secrets) expect(text).not.toContain(secret);
};
const getManyFlows = (extra = {}) => env.n8n.runAepNode({ resource: 'flow', operation: 'getMany', returnAll: true, ...extra });
const redirectTo = (path, status = 302) => ({ status, headers: { Location: `${foreign.url}/steal?sig=abc123&token=t0ps3cret` }, path, times: -1 });
const trigger = (parameters, options) => new TriggerDriver(env.n8n, { flowKind: 'all', flowIds: [], options: {}, event: 'failedRun', ...parameters }, options);

describe('redirects are never followed, wherever they come from', () => {
	test.each([301, 302, 303, 307, 308])('an operation answered %i: a clear error naming the target host, nothing sent there', async (status) => {
		env.sim.store.seedFlows({ sandbox: 'prod', count: 1, kind: 'source' });
		env.sim.faults.add({ method: 'GET', ...redirectTo(FLOWS, status) });
		const { error } = await getManyFlows();
		expect(error.message).toContain(`answered ${status}`);
		expect(error.message).toContain(`a redirect to ${foreign.url}/steal; redirects are not followed`);
		expect(error.message).not.toContain('sig=');
		expect(error.description).toMatch(/nothing \(no credential, header or body\) was sent/);
		expect(foreign.requests).toEqual([]);
		// A redirect is an answer, not a failure to retry.
		expect(env.sim.log.entries().filter((e) => e.path === FLOWS)).toHaveLength(1);
	});

	test('a create answered 307 does not re-post its body (with its secret) to the other host', async () => {
		env.sim.faults.add({ method: 'POST', ...redirectTo(CONNECTIONS, 307) });
		const { error } = await createS3Destination();
		expect(error.message).toMatch(/answered 307 Temporary Redirect, a redirect to http:\/\/127\.0\.0\.2:\d+\/steal/);
		expect(foreign.requests).toEqual([]);
		expectNothing(everything(error), S3_SECRET);
	});

	test('the token request answered 307 does not re-post the form (client secret) to the other host', async () => {
		env.sim.faults.add({ method: 'POST', ...redirectTo(IMS, 307) });
		const { error } = await getManyFlows();
		expect(error.message).toMatch(/Adobe IMS answered 307 Temporary Redirect, a redirect to http:\/\/127\.0\.0\.2:\d+\/steal, which is not followed/);
		expect(foreign.requests).toEqual([]);
		expectNothing(everything(error), DEFAULT_CLIENT.clientSecret);
	});

	test('the trigger, list search and load options refuse redirects too', async () => {
		env.sim.faults.add({ method: 'GET', ...redirectTo(RUNS) });
		env.sim.faults.add({ method: 'GET', ...redirectTo(FLOWS) });
		await expect(trigger({}).poll()).rejects.toThrow(/a redirect to http:\/\/127\.0\.0\.2:\d+\/steal; redirects are not followed/);
		await expect(env.n8n.callNodeMethod({ kind: 'listSearch', method: 'searchFlows', args: [''] })).rejects.toThrow(/redirects are not followed/);
		await expect(env.n8n.callNodeMethod({ kind: 'loadOptions', method: 'getFlows' })).rejects.toThrow(/redirects are not followed/);
		await expect(env.n8n.callNodeMethod({ type: AEP_TRIGGER, kind: 'loadOptions', method: 'getFlows' })).rejects.toThrow(/redirects are not followed/);
		expect(foreign.requests).toEqual([]);
	});

	test('the credential test refuses a redirect of the token request and of the test call', async () => {
		env.sim.faults.add({ method: 'POST', ...redirectTo(IMS, 302), times: 1 });
		let result = await env.n8n.testCredential();
		expect(result.status).toBe('Error');
		expect(result.message).toMatch(/Adobe IMS answered 302 Found, a redirect to http:\/\/127\.0\.0\.2:\d+\/steal, which is not followed/);
		env.sim.faults.add({ method: 'GET', ...redirectTo(FLOWS, 302), times: 1 });
		result = await env.n8n.testCredential();
		expect(result).toEqual({ status: 'Error', message: expect.stringMatching(/answered 302, a redirect, which is not followed: nothing was sent/) });
		expect(foreign.requests).toEqual([]);
	});
});

describe('secrets never come back out, even when a server echoes them', () => {
	test('a token n8n minted during the call (after a 401) is redacted from the error', async () => {
		env.sim.store.seedFlows({ sandbox: 'prod', count: 1, kind: 'source' });
		await getManyFlows();
		const before = env.n8n.storedCredential.accessToken;
		// Both answers are 401s that echo the request headers, so the second one carries the refreshed token.
		env.sim.faults.add({ method: 'GET', path: FLOWS, status: 401, echo: true, times: 2 });
		const { error } = await getManyFlows();
		const after = env.n8n.storedCredential.accessToken;
		expect(after).not.toBe(before);
		expect(error.message).toMatch(/answered 401/);
		expect(error.description).toContain('Could not process the request');
		expectNothing(everything(error), before, after, DEFAULT_CLIENT.clientSecret);
		env.expectNoSecrets(error);
	});

	test.each([
		['S3 secret key', { createType: 's3Destination', connectionName: 'Exports' }, ['aepDestinationS3Api', { accessKeyId: 'AKIAIOSFODNN7EXAMPLE', secretAccessKey: S3_SECRET }], [S3_SECRET]],
		['Azure connection string and AccountKey', { createType: 'blobDestination', connectionName: 'Blob' }, ['aepDestinationAzureBlobApi', { connectionStringSecret: BLOB_CONNECTION_STRING }], [BLOB_CONNECTION_STRING, 'c2VjcmV0LWtleS1mb3ItdGVzdHM=']],
	])('a %s (from its destination credential) echoed back in an error is redacted, also under Continue On Fail', async (_name, parameters, [type, data], secrets) => {
		const credentials = env.n8n.saveCredential(type, data);
		env.sim.faults.add({ method: 'POST', path: CONNECTIONS, status: 400, echo: true, times: 2 });
		const { error } = await env.n8n.runAepNode({ resource: 'connection', operation: 'create', ...parameters }, { nodeOptions: { credentials } });
		expect(error.description).toContain('Could not process the request');
		expect(error.description).toContain('[redacted]');
		expectNothing(everything(error), ...secrets);
		const { items } = await env.n8n.runAepNode({ resource: 'connection', operation: 'create', ...parameters }, { nodeOptions: { continueOnFail: true, credentials } });
		expect(items).toHaveLength(1);
		expectNothing(everything(items), ...secrets);
	});

	test('an output that echoes a secret the node sent is redacted', async () => {
		// The create succeeds; the GET that follows answers with the request's headers and the create's secret echoed.
		env.sim.faults.add({ method: 'GET', path: /^\/data\/foundation\/flowservice\/connections\/.+/, status: 200, raw: JSON.stringify({ items: [{ id: 'x', echoed: `secretKey=${S3_SECRET}` }] }), contentType: 'application/json' });
		const { items, error } = await createS3Destination();
		expect(error).toBeUndefined();
		expect(items[0].json.echoed).toBe('secretKey=[redacted]');
	});

	test('secrets are redacted by shape: JWTs, AccountKey=, sig= and AWS secret keys', async () => {
		const jwt = 'eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJzb21lb25lLWVsc2UifQ.c2lnbmF0dXJlLW9mLWFub3RoZXItdG9rZW4';
		const awsKey = 'AbCdEfGhIjKlMnOpQrStUvWxYz0123456789/+Ab';
		const detail = `token ${jwt}; AccountKey=b3RoZXIta2V5; https://x.blob.core.windows.net/c?sv=2020&sig=T0pS3cr3tSig%3D&se=1; aws ${awsKey}`;
		env.sim.faults.add({ method: 'GET', path: FLOWS, status: 400, body: { title: 'Bad', detail } });
		const { error } = await getManyFlows();
		const text = everything(error);
		expectNothing(text, jwt, 'b3RoZXIta2V5', 'T0pS3cr3tSig', awsKey);
		expect(error.description).toContain('AccountKey=[redacted]');
		expect(error.description).toContain('sig=[redacted]');
	});
});

describe('every attempt has a total deadline', () => {
	test('an answer that trickles one byte every 200 ms ends at the Request Timeout; a read is tried again', async () => {
		env.sim.store.seedFlows({ sandbox: 'prod', count: 2, kind: 'source' });
		env.sim.faults.add({ method: 'GET', path: FLOWS, trickleMs: 200, times: 1 });
		const { items, error } = await getManyFlows({ requestTimeout: 1 });
		expect(error).toBeUndefined();
		expect(items).toHaveLength(2);
		expect(env.sim.log.entries().filter((e) => e.path === FLOWS).map((e) => e.fault ?? 'served')).toEqual([expect.stringContaining('trickle:200ms'), 'served']);
	});

	test('when every attempt trickles, the error says it timed out, which request, and after how many attempts', async () => {
		env.sim.faults.add({ method: 'GET', path: FLOWS, trickleMs: 200, times: -1 });
		const { error } = await getManyFlows({ requestOptions: { requestTimeout: 1 } });
		expect(error.message).toBe(`GET ${FLOWS} timed out: no complete answer within 1 s after 5 attempts`);
	});

	test('a create that stalls after its headers says "timed out", not "answered 201", and is not sent again', async () => {
		env.sim.faults.add({ method: 'POST', path: CONNECTIONS, stall: true, times: -1 });
		const { error } = await env.n8n.runAepNode({ resource: 'connection', operation: 'create', createType: 'dlzDestination', connectionName: 'DLZ', requestTimeout: 1 });
		expect(error.message).toBe(`POST ${CONNECTIONS} timed out: no complete answer within 1 s`);
		expect(error.description).toMatch(/may have been carried out/);
		expect(env.sim.log.entries().filter((e) => e.path === CONNECTIONS && e.method === 'POST')).toHaveLength(1);
	});

	test('a trigger poll whose calls all trickle fails within the poll budget', async () => {
		env.sim.store.seedFlows({ sandbox: 'prod', count: 1, kind: 'source' });
		env.sim.faults.add({ method: 'GET', path: RUNS, trickleMs: 100, times: -1 });
		const started = Date.now();
		await expect(trigger({}, { pollBudgetMs: 4000 }).poll()).rejects.toThrow(/timed out/);
		expect(Date.now() - started).toBeLessThan(4000);
	});
});

describe('paging always ends', () => {
	const page = (ids, token) => ({ items: ids.map((id) => ({ id, name: id })), _links: token ? { next: { href: `/flows?continuationToken=${token}` } } : {} });

	test('a continuation token that repeats is an error naming the list and how far reading got', async () => {
		env.sim.faults.add({ method: 'GET', path: FLOWS, status: 200, body: page(['a'], 'same'), times: 1 });
		env.sim.faults.add({ method: 'GET', path: FLOWS, status: 200, body: page(['b'], 'same'), times: 1 });
		const { error } = await getManyFlows();
		expect(error.message).toBe('Reading the list GET /flows stopped: Adobe sent a continuation token it had sent before');
		expect(error.description).toMatch(/^Read 2 pages with 2 items before stopping/);
	});

	test('a page that adds no new items but points to a next one is an error', async () => {
		env.sim.faults.add({ method: 'GET', path: FLOWS, status: 200, body: page(['a'], 't1'), times: 1 });
		env.sim.faults.add({ method: 'GET', path: FLOWS, status: 200, body: page([], 't2'), times: 1 });
		const { error } = await getManyFlows();
		expect(error.message).toBe('Reading the list GET /flows stopped: Adobe pointed to a next page after page 2, which added no new items');
		expect(env.sim.log.entries().filter((e) => e.path === FLOWS)).toHaveLength(2);
	});

	test('hasNext that stays true on an offset-paged list is an error', async () => {
		const path = /\/connectionSpecs\/.+\/configs$/;
		env.sim.faults.add({ method: 'GET', path, status: 200, body: { items: [{ id: 'd1', name: 'Dataset' }], pageInfo: { hasNext: true } }, times: -1 });
		const { error } = await env.n8n.runAepNode({ resource: 'datasetExport', operation: 'getExportableDatasets', returnAll: true });
		expect(error.message).toMatch(/^Reading the list GET \/connectionSpecs\/[\w-]+\/configs stopped: Adobe pointed to a next page after page 2, which added no new items$/);
	});

	test('the trigger stops on a repeated token and keeps its cursor', async () => {
		const [flow] = env.sim.store.seedFlows({ sandbox: 'prod', count: 1, kind: 'source' });
		env.sim.store.seedRuns({ sandbox: 'prod', flowId: flow.id, count: 2, status: 'failed', spacingMs: 60_000 });
		const driver = trigger({});
		await driver.poll();
		const cursor = JSON.stringify(driver.state.cursor);
		const runPage = (id) => ({ items: [{ id, flowId: flow.id, updatedAt: env.sim.clock.now(), metrics: { statusSummary: { status: 'failed' } } }], _links: { next: { href: '/runs?continuationToken=loop' } } });
		env.sim.faults.add({ method: 'GET', path: RUNS, status: 200, body: runPage('r1'), times: 1 });
		env.sim.faults.add({ method: 'GET', path: RUNS, status: 200, body: runPage('r2'), times: 1 });
		await expect(driver.poll()).rejects.toThrow('Reading the runs since the last poll stopped: Adobe sent a continuation token it had sent before');
		expect(JSON.stringify(driver.state.cursor)).toBe(cursor);
	});

	test('a list search whose next token repeats the one asked with ends the list', async () => {
		env.sim.faults.add({ method: 'GET', path: FLOWS, status: 200, body: page(['a'], 'again'), times: 1 });
		const result = await env.n8n.callNodeMethod({ kind: 'listSearch', method: 'searchFlows', args: ['', 'again'] });
		expect(result).toEqual({ results: [{ name: 'a (unknown)', value: 'a' }], paginationToken: undefined });
	});
});

describe('a 2xx body that is not what Adobe documents is an error, not an empty or odd result', () => {
	test.each([
		['HTML', { raw: '<html><body>Please sign in</body></html>', contentType: 'text/html; charset=utf-8' }, 'a body that is not JSON', 'text/html; charset=utf-8', '<html><body>Please sign in</body></html>'],
		['an empty body', { raw: '', contentType: 'application/json' }, 'an empty body', 'application/json', '(empty)'],
		['null', { raw: 'null', contentType: 'application/json' }, 'a JSON null where an object was expected', 'application/json', 'null'],
		['"items" as text', { raw: '{"items":"abc"}', contentType: 'application/json' }, 'a body whose "items" is not a list', 'application/json', '{"items":"abc"}'],
	])('%s', async (_name, fault, problem, contentType, preview) => {
		env.sim.faults.add({ method: 'GET', path: FLOWS, status: 200, ...fault, times: 1 });
		const { error, items } = await getManyFlows();
		expect(items).toEqual([]);
		expect(error.message).toBe(`Adobe Experience Platform answered 200 to GET ${FLOWS} with ${problem}`);
		expect(error.description).toContain(`Content type: ${contentType}`);
		expect(error.description).toContain(`Body starts with: ${preview}`);
	});

	test('a list answer without "items" is an error, not zero items', async () => {
		env.sim.faults.add({ method: 'GET', path: FLOWS, status: 200, body: { count: 3 }, times: 1 });
		const { error } = await getManyFlows();
		expect(error.message).toBe('Reading the list GET /flows stopped: Adobe answered page 1 without an "items" list');
	});

	test('the body preview never shows a secret', async () => {
		env.sim.faults.add({ method: 'GET', path: FLOWS, status: 200, raw: `<html>debug: client_secret=${DEFAULT_CLIENT.clientSecret}</html>`, contentType: 'text/html', times: 1 });
		const { error } = await getManyFlows();
		expect(error.description).toContain('client_secret=[redacted]');
		expectNothing(everything(error), DEFAULT_CLIENT.clientSecret);
	});
});

describe('values that go into headers and filters are checked before any call', () => {
	test('a credential value with a line break fails naming the field, and nothing is sent', async () => {
		env.n8n.credentialsHelper.save('cred-aep-1', 'adobeAepApi', { ...env.n8n.storedCredential, sandboxName: 'prod\r\nX-Injected: 1' });
		env.sim.log.clear();
		const { error } = await getManyFlows();
		expect(error.message).toBe('The credential\'s "Sandbox Name" cannot be sent in a header: it holds a line break, a control character or a non-ASCII character');
		expect(env.sim.log.entries()).toEqual([]);
	});

	test('a trigger flow ID that is not an ID fails naming the field, and nothing is sent', async () => {
		env.sim.log.clear();
		await expect(trigger({ flowIds: ['2edc08ac-4df5-4fe6-936f-81a19ce92f5c', 'x,y==z'] }).poll()).rejects.toThrow('"Flow Names or IDs" holds "x,y==z", which is not a valid ID');
		expect(env.sim.log.entries()).toEqual([]);
	});
});
