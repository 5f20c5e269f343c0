'use strict';
// The foundation through real n8n workflow executions over HTTP against the AEP simulator:
// paging, single GETs, IMS token reuse and refresh, retries, the credential test, and secret hygiene.
const { useEnvironment, DEFAULT_CLIENT } = require('./harness/environment');

const FLOWS = '/data/foundation/flowservice/flows';
const IMS = '/ims/token/v3';

const env = useEnvironment();

const requestsTo = (pathname, method = 'GET') => env.sim.log.entries().filter((e) => e.path === pathname && e.method === method);

describe('Flow: Get Many and Get', () => {
	test.each([
		['Adobe\'s documented next link', 'adobe', /^[A-Za-z0-9_-]+$/],
		['\'=\'-padded tokens and an extra query in the link', 'stress', /=/],
	])('Return All reads all 250 flows across pages, re-sending the query with each continuation token (%s)', async (_name, style, tokenShape) => {
		env.sim.store.setPagingStyle(style);
		const seeded = env.sim.store.seedFlows({ sandbox: 'prod', count: 250, kind: 'mixed' });
		const { items, error } = await env.n8n.runAepNode({ resource: 'flow', operation: 'getMany', returnAll: true });
		expect(error).toBeUndefined();
		expect(items).toHaveLength(250);
		expect(new Set(items.map((i) => i.json.id))).toEqual(new Set(seeded.map((f) => f.id)));
		items.forEach((item) => expect(item.pairedItem).toEqual({ item: 0 }));

		const pages = requestsTo(FLOWS);
		expect(pages.length).toBeGreaterThanOrEqual(3);
		expect(pages[0].params.continuationToken).toBeUndefined();
		for (const page of pages.slice(1)) {
			expect(page.params.continuationToken).toMatch(tokenShape);
			expect(page.params.limit).toBe('100');
		}
		env.expectNoSecrets(items);
	});

	test('Limit stops reading once enough flows arrived', async () => {
		env.sim.store.seedFlows({ sandbox: 'prod', count: 250, kind: 'mixed' });
		const { items } = await env.n8n.runAepNode({ resource: 'flow', operation: 'getMany', returnAll: false, limit: 120 });
		expect(items).toHaveLength(120);
		expect(requestsTo(FLOWS).map((p) => p.params.limit)).toEqual(['100', '100']);
	});

	test('Get returns the flow object itself, not the items envelope', async () => {
		const [flow] = env.sim.store.seedFlows({ sandbox: 'prod', count: 3, kind: 'source' });
		const { items, error } = await env.n8n.runAepNode({ resource: 'flow', operation: 'get', flowId: { __rl: true, mode: 'id', value: flow.id } });
		expect(error).toBeUndefined();
		expect(items).toHaveLength(1);
		expect(items[0].json.items).toBeUndefined();
		// Simplified by default: the flow's essentials, times as ISO text, the etag kept for updates.
		expect(items[0].json).toMatchObject({ id: flow.id, name: flow.name, flowSpecId: flow.flowSpec.id, state: flow.state, etag: expect.any(String), createdAt: new Date(flow.createdAt).toISOString() });
		expect(requestsTo(`${FLOWS}/${flow.id}`)).toHaveLength(1);
		const whole = await env.n8n.runAepNode({ resource: 'flow', operation: 'get', flowId: { __rl: true, mode: 'id', value: flow.id }, simplify: false });
		expect(whole.items[0].json).toMatchObject({ id: flow.id, name: flow.name, flowSpec: { id: flow.flowSpec.id } });
	});

	test('an unknown flow ID fails with Adobe\'s code, detail and request ID', async () => {
		const { error } = await env.n8n.runAepNode({ resource: 'flow', operation: 'get', flowId: { __rl: true, mode: 'id', value: '00000000-0000-0000-0000-000000000000' } });
		expect(error.message).toMatch(/404 Not Found \(FLOW-1439-404\)/);
		expect(error.description).toMatch(/not found/i);
		expect(error.description).toMatch(/Request ID: \S+/);
	});
});

describe('IMS token', () => {
	test('three executions share one token; after expiry one 401 triggers one refresh and the call succeeds', async () => {
		env.sim.store.seedFlows({ sandbox: 'prod', count: 5, kind: 'source' });
		for (let i = 0; i < 3; i++) {
			const { items, error } = await env.n8n.runAepNode({ resource: 'flow', operation: 'getMany', returnAll: true });
			expect(error).toBeUndefined();
			expect(items).toHaveLength(5);
		}
		expect(env.sim.ims.tokenRequests()).toBe(1);
		const firstToken = env.n8n.storedCredential.accessToken;
		expect(firstToken).toBeTruthy();

		env.sim.ims.expireAll();
		env.sim.log.clear();
		const { items, error } = await env.n8n.runAepNode({ resource: 'flow', operation: 'getMany', returnAll: true });
		expect(error).toBeUndefined();
		expect(items).toHaveLength(5);
		expect(env.sim.ims.tokenRequests()).toBe(2);
		expect(env.sim.log.entries().map((e) => `${e.method} ${e.path} ${e.status}`)).toEqual([
			`GET ${FLOWS} 401`,
			`POST ${IMS} 200`,
			`GET ${FLOWS} 200`,
		]);
		expect(env.n8n.storedCredential.accessToken).not.toBe(firstToken);
	});

	test('ten calls in flight when the token expires: every one gets its 401, and the process mints one new token', async () => {
		const flows = env.sim.store.seedFlows({ sandbox: 'prod', count: 10, kind: 'source' });
		await env.n8n.runAepNode({ resource: 'flow', operation: 'getMany', returnAll: true });
		const before = env.sim.ims.tokenRequests();
		env.sim.ims.expireAll();
		env.sim.setLatency(50);
		const inputItems = JSON.stringify(flows.map((flow) => ({ id: flow.id })));
		const { items, error } = await env.n8n.runAepNode(
			{ resource: 'flow', operation: 'get', flowId: { __rl: true, mode: 'id', value: '={{ $json.id }}' }, requestOptions: { concurrency: 10 } },
			{ inputItems },
		);
		expect(error).toBeUndefined();
		expect(items.map((item) => item.json.id)).toEqual(flows.map((flow) => flow.id));
		const gets = env.sim.log.entries().filter((entry) => entry.path.startsWith(`${FLOWS}/`));
		expect(gets.filter((entry) => entry.status === 401).length).toBeGreaterThan(1);
		expect(env.sim.ims.tokenRequests() - before).toBe(1);
	});

	test('every call carries the Adobe headers from the credential', async () => {
		env.sim.store.seedFlows({ sandbox: 'prod', count: 1, kind: 'source' });
		await env.n8n.runAepNode({ resource: 'flow', operation: 'getMany', returnAll: true });
		const [call] = requestsTo(FLOWS);
		expect(call.headers).toMatchObject({ 'x-api-key': DEFAULT_CLIENT.clientId, 'x-gw-ims-org-id': DEFAULT_CLIENT.orgId, 'x-sandbox-name': 'prod' });
		expect(call.headers.authorization).not.toContain(env.n8n.storedCredential.accessToken);
	});
});

describe('retries', () => {
	test('two 429s with Retry-After: 1, then success', async () => {
		env.sim.store.seedFlows({ sandbox: 'prod', count: 2, kind: 'source' });
		await env.n8n.runAepNode({ resource: 'flow', operation: 'getMany', returnAll: true }); // token first
		env.sim.log.clear();
		env.sim.faults.add({ method: 'GET', path: FLOWS, status: 429, headers: { 'Retry-After': '1' }, times: 2 });
		const started = Date.now();
		const { items, error } = await env.n8n.runAepNode({ resource: 'flow', operation: 'getMany', returnAll: true });
		expect(error).toBeUndefined();
		expect(items).toHaveLength(2);
		expect(requestsTo(FLOWS).map((e) => e.status)).toEqual([429, 429, 200]);
		expect(Date.now() - started).toBeGreaterThanOrEqual(2000); // Retry-After was honoured twice
	});

	test('a 503 with Retry-After: 2 is retried no sooner than 2 s later', async () => {
		env.sim.store.seedFlows({ sandbox: 'prod', count: 1, kind: 'source' });
		await env.n8n.runAepNode({ resource: 'flow', operation: 'getMany', returnAll: true }); // token first
		env.sim.log.clear();
		env.sim.faults.add({ method: 'GET', path: FLOWS, status: 503, headers: { 'Retry-After': '2' }, times: 1 });
		const { items, error } = await env.n8n.runAepNode({ resource: 'flow', operation: 'getMany', returnAll: true });
		expect(error).toBeUndefined();
		expect(items).toHaveLength(1);
		const [refused, served] = requestsTo(FLOWS);
		expect([refused.status, served.status]).toEqual([503, 200]);
		// The backoff alone would have waited under 250 ms.
		expect(served.at - refused.at).toBeGreaterThanOrEqual(2000);
	});

	test('five 503s fail the execution with the status, after a bounded number of attempts', async () => {
		env.sim.faults.add({ method: 'GET', path: FLOWS, status: 503, times: 100 });
		const { error } = await env.n8n.runAepNode({ resource: 'flow', operation: 'getMany', returnAll: true });
		expect(error.message).toMatch(/answered 503 Service Unavailable .*after 5 attempts/);
		expect(requestsTo(FLOWS)).toHaveLength(5);
		env.expectNoSecrets(error);
	});

	test('a connection reset on a GET is retried', async () => {
		env.sim.store.seedFlows({ sandbox: 'prod', count: 1, kind: 'source' });
		env.sim.faults.add({ method: 'GET', path: FLOWS, reset: true, times: 1 });
		const { items, error } = await env.n8n.runAepNode({ resource: 'flow', operation: 'getMany', returnAll: true });
		expect(error).toBeUndefined();
		expect(items).toHaveLength(1);
		expect(requestsTo(FLOWS)).toHaveLength(2);
	});

	test('a 500 on a POST create is not re-sent: exactly one POST', async () => {
		env.sim.faults.add({ method: 'POST', path: '/data/foundation/flowservice/connections', status: 500, times: 5 });
		const { error } = await env.n8n.runAepNode({
			resource: 'connection',
			operation: 'create',
			connectionJson: JSON.stringify({ name: 'Blob export', connectionSpec: { id: '6d6b59bf-fb58-4107-9064-4d246c0e5bb2', version: '1.0' }, auth: { specName: 'ConnectionString', params: { connectionString: 'DefaultEndpointsProtocol=https;AccountName=x' } } }),
		});
		expect(error.message).toMatch(/answered 500/);
		expect(requestsTo('/data/foundation/flowservice/connections', 'POST')).toHaveLength(1);
	});

	test('a 429 on a POST create is re-sent: the request was refused, nothing was created', async () => {
		env.sim.faults.add({ method: 'POST', path: '/data/foundation/flowservice/connections', status: 429, headers: { 'Retry-After': '0' }, times: 1 });
		const { items, error } = await env.n8n.runAepNode({
			resource: 'connection',
			operation: 'create',
			connectionJson: JSON.stringify({ name: 'DLZ export', connectionSpec: { id: '10440537-2a7b-4583-ac39-ed38d4b848e8', version: '1.0' } }),
		});
		expect(error).toBeUndefined();
		expect(requestsTo('/data/foundation/flowservice/connections', 'POST').map((e) => e.status)).toEqual([429, 201]);
		expect(items[0].json).toMatchObject({ name: 'DLZ export', connectionSpec: { id: '10440537-2a7b-4583-ac39-ed38d4b848e8' } });
		expect(env.sim.store.list('prod', 'connections').filter((c) => c.name === 'DLZ export')).toHaveLength(1);
	});
});

describe('credential test', () => {
	test('valid credentials pass: a fresh token and a Flow Service call', async () => {
		const result = await env.n8n.testCredential();
		expect(result).toEqual({ status: 'OK', message: 'Connection successful!' });
		expect(env.sim.ims.tokenRequests()).toBe(1);
		expect(requestsTo(FLOWS).map((e) => e.status)).toEqual([200]);
	});

	test('a wrong client secret fails with IMS\'s own reason and never shows the secret', async () => {
		const wrongSecret = 'p8e-WRONG-secret-value-123456';
		env.n8n.credentialsHelper.save('cred-aep-1', 'adobeAepApi', { ...env.n8n.storedCredential, clientSecret: wrongSecret });
		const result = await env.n8n.testCredential();
		expect(result.status).toBe('Error');
		expect(result.message).toMatch(/Adobe IMS refused to issue an access token: 401 Unauthorized: invalid client_secret parameter \(invalid_client\)/);
		expect(result.message).not.toContain(wrongSecret);
		expect(JSON.stringify(env.sim.log.entries())).not.toContain(wrongSecret);
	});

	test('a wrong secret in a workflow fails the node with the same reason', async () => {
		const wrongSecret = 'p8e-WRONG-secret-value-654321';
		env.n8n.credentialsHelper.save('cred-aep-1', 'adobeAepApi', { ...env.n8n.storedCredential, clientSecret: wrongSecret });
		const { error } = await env.n8n.runAepNode({ resource: 'flow', operation: 'getMany', returnAll: true });
		expect(error.message).toMatch(/invalid client_secret parameter/);
		expect(JSON.stringify(error, Object.getOwnPropertyNames(error))).not.toContain(wrongSecret);
	});
});

describe('items in parallel', () => {
	test.each([
		['Request Options → Items in Parallel', { requestOptions: { concurrency: 4 } }],
		['the top-level parameter of saved workflows', { concurrency: 4 }],
	])('%s: keeps output order and pairing, and retries throttled calls, with several items in flight', async (_name, setting) => {
		const flows = env.sim.store.seedFlows({ sandbox: 'prod', count: 12, kind: 'mixed' });
		env.sim.setLatency(40);
		env.sim.faults.add({ method: 'GET', path: /^\/data\/foundation\/flowservice\/flows\/.+/, status: 429, headers: { 'Retry-After': '0' }, times: 3 });
		const inputItems = JSON.stringify(flows.map((flow) => ({ id: flow.id })));
		const { items, error } = await env.n8n.runAepNode(
			{ resource: 'flow', operation: 'get', flowId: { __rl: true, mode: 'id', value: '={{ $json.id }}' }, ...setting },
			{ inputItems },
		);
		expect(error).toBeUndefined();
		expect(items.map((item) => item.json.id)).toEqual(flows.map((flow) => flow.id));
		expect(items.map((item) => item.pairedItem)).toEqual(flows.map((_, index) => ({ item: index })));
		const gets = env.sim.log.entries().filter((entry) => /^\/data\/foundation\/flowservice\/flows\/.+/.test(entry.path));
		expect(gets.filter((entry) => entry.status === 429)).toHaveLength(3);
		// Requests overlapped: some started before the previous one had answered.
		const overlapping = gets.slice(1).filter((entry, index) => entry.at < gets[index].at + 40);
		expect(overlapping.length).toBeGreaterThan(0);
	});
});
