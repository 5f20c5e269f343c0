'use strict';
// End to end: the packed package installed in a real n8n 2.x (nodes/node_modules layout), driven by
// n8n's own CLI and server against the AEP simulator; then the editor in headless Chromium.
const { spawn } = require('node:child_process');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');

const { ensureN8n } = require('../../scripts/n8n-local');
const { prepareInstance, executeWorkflow, startInstance, nodeOutput } = require('../../scripts/demo/stack');
const { startCatcher } = require('../../scripts/demo/catcher');
const { freePort } = require('../../scripts/queue-stack');
const demo = require('../../scripts/demo/workflows');
const { startSimulator, DEFAULT_CLIENT } = require('../simulator/server');
const { checkEditor, screenshotPage } = require('./editor');

jest.setTimeout(15 * 60_000);

const byId = (value) => ({ __rl: true, mode: 'id', value });

const SALESFORCE_SPEC = 'cfc0fee1-7dc0-40ef-b73e-d8b134c436f5';
const SALESFORCE_PASSWORD = 'e2e-Salesforce-Passw0rd';
const SECRETS_CREDENTIAL = {
	id: 'aepConnSecrets001',
	name: 'Salesforce secrets',
	type: 'aepConnectionSecretsApi',
	data: { secretParams: JSON.stringify({ password: SALESFORCE_PASSWORD, securityToken: 'e2e-token-5f2a' }) },
};


let bin, sim, catcher, env, n8n, fixtures;
const userFolder = path.join(os.tmpdir(), `aep-e2e-${process.pid}`);

beforeAll(async () => {
	bin = ensureN8n();
	sim = await startSimulator({ port: 0 });
	catcher = await startCatcher();
	const flows = sim.store.seedFlows({ sandbox: 'prod', count: 6, kind: 'source', state: 'disabled' });
	// A run that failed records, of a flow that keeps error diagnostics: the alert shows its first failed rows.
	const [failedRun] = sim.store.seedRuns({ sandbox: 'prod', flowId: flows[0].id, count: 1, status: 'inProgress' });
	sim.store.setRunOutcome('prod', failedRun.id, { status: 'failed', failedRecordCount: 150, inputRecordCount: 150 });
	fixtures = { flows, failedRun };
	const workflows = [
		demo.workflow('e2eListFlows', 'E2E list flows', [demo.manual(), demo.aep('List flows', { resource: 'flow', operation: 'getMany', returnAll: true }, 220)]),
		demo.workflow('e2eCreateEnable', 'E2E create, disable and enable a flow', [
			demo.manual(),
			demo.aep('Create flow', {
				resource: 'flow', operation: 'create', createType: 'fields', name: 'E2E flow', flowSpecId: flows[1].flowSpec.id,
				sourceConnectionIds: flows[1].sourceConnectionIds.join(','), targetConnectionIds: flows[1].targetConnectionIds.join(','),
				transformationsJson: '[]', frequency: 'hour', interval: 1, mappingId: '',
			}, 220),
			demo.aep('Disable flow', { resource: 'flow', operation: 'disable', flowId: byId('={{ $json.id }}'), etag: '' }, 440),
			demo.aep('Enable flow', { resource: 'flow', operation: 'enable', flowId: byId('={{ $json.id }}'), etag: '' }, 660),
		]),
		demo.workflow('e2eRetry', 'E2E retry a failed run', [demo.manual(), demo.aep('Retry', { resource: 'run', operation: 'retry', runId: failedRun.id, simplify: true }, 220)]),
		demo.workflow('e2eHttpRequest', 'E2E HTTP Request with the AEP credential', [
			demo.manual(),
			demo.node('Flow Service call', 'n8n-nodes-base.httpRequest', 4.2, {
				method: 'GET', url: `${sim.url}/data/foundation/flowservice/flows`, authentication: 'predefinedCredentialType', nodeCredentialType: 'adobeAepApi',
				sendQuery: true, queryParameters: { parameters: [{ name: 'limit', value: '2' }] }, options: {},
			}, [220, 0], { credentials: demo.credentials }),
		]),
		// Connection → Create with the secret auth params from an AEP Connection Secrets API credential.
		demo.workflow('e2eConnectionSecrets', 'E2E create a connection with secrets from a credential', [
			demo.manual(),
			demo.node('Create connection', 'n8n-nodes-adobe-aep.aepFlowService', 1.1, {
				resource: 'connection', operation: 'create', createType: 'fields', connectionName: 'E2E Salesforce', connectionSpecId: SALESFORCE_SPEC,
				authSpecName: 'Basic Authentication', authParams: JSON.stringify({ environmentUrl: 'https://acme.my.salesforce.com', username: 'etl@acme.com' }),
				secretsFromCredential: true,
			}, [220, 0], { credentials: { ...demo.credentials, aepConnectionSecretsApi: { id: SECRETS_CREDENTIAL.id, name: SECRETS_CREDENTIAL.name } } }),
		]),
		// The cursor is seeded before the failed run, so the activation poll delivers it at once.
		demo.failedRunAlert({
			webhookUrl: `${catcher.url}/e2e`, lookbackHours: 0,
			staticData: { 'node:Failed dataflow run': { event: 'failedRun', cursor: { version: 1, cursor: failedRun.createdAt - 60_000, emitted: {} }, flows: {} } },
		}),
	];
	const port = await freePort();
	env = prepareInstance({ bin, userFolder, port, simulator: sim, client: DEFAULT_CLIENT, workflows, publish: ['aepFailedRunAlert'], extraCredentials: [SECRETS_CREDENTIAL] });
});

afterAll(async () => {
	await n8n?.stop();
	await sim?.close();
	await catcher?.close();
	fs.rmSync(userFolder, { recursive: true, force: true });
});

describe('workflows executed by n8n', () => {
	test('lists every flow', async () => {
		const items = nodeOutput(await executeWorkflow(bin, env, 'e2eListFlows'), 'List flows');
		expect(items.map((flow) => flow.id).sort()).toEqual(fixtures.flows.map((flow) => flow.id).sort());
	});

	test('creates a flow and enables it', async () => {
		const result = await executeWorkflow(bin, env, 'e2eCreateEnable');
		const [created] = nodeOutput(result, 'Create flow');
		const [disabled] = nodeOutput(result, 'Disable flow');
		const [enabled] = nodeOutput(result, 'Enable flow');
		expect(created).toMatchObject({ name: 'E2E flow', state: 'enabled' });
		expect(disabled).toMatchObject({ id: created.id, state: 'disabled' });
		expect(enabled).toMatchObject({ id: created.id, state: 'enabled' });
		expect(sim.store.get('prod', 'flows', created.id).state).toBe('enabled');
	});

	test('retries a failed run', async () => {
		const [retried] = nodeOutput(await executeWorkflow(bin, env, 'e2eRetry'), 'Retry');
		expect(retried).toMatchObject({ flowId: fixtures.flows[0].id, runId: expect.any(String) });
		expect(retried.runId).not.toBe(fixtures.failedRun.id);
		expect(sim.store.get('prod', 'runs', retried.runId)).toBeTruthy();
	});

	test("n8n's HTTP Request node calls Flow Service with the credential (predefined credential type)", async () => {
		const [response] = nodeOutput(await executeWorkflow(bin, env, 'e2eHttpRequest'), 'Flow Service call');
		expect(response.items).toHaveLength(2);
		const call = sim.log.entries().find((entry) => entry.path === '/data/foundation/flowservice/flows' && entry.params.limit === '2');
		expect(call.headers).toMatchObject({ 'x-api-key': DEFAULT_CLIENT.clientId, 'x-gw-ims-org-id': DEFAULT_CLIENT.orgId, 'x-sandbox-name': 'prod' });
	});

	test('creates a connection with the secret auth params of an AEP Connection Secrets API credential', async () => {
		const [created] = nodeOutput(await executeWorkflow(bin, env, 'e2eConnectionSecrets'), 'Create connection');
		expect(created).toMatchObject({ name: 'E2E Salesforce', connectionSpec: { id: SALESFORCE_SPEC } });
		const stored = sim.store.get('prod', 'connections', created.id);
		expect(Object.keys(stored.auth.params).sort()).toEqual(['environmentUrl', 'password', 'securityToken', 'username']);
		// The secret reached Adobe (the simulator) and nothing else: the stored connection and the output are masked.
		expect(sim.log.secretsSeen()).toContain(SALESFORCE_PASSWORD);
		expect(JSON.stringify(created)).not.toContain(SALESFORCE_PASSWORD);
	});
});

describe('n8n server', () => {
	test('the active alert workflow posts the failed run to the webhook within one poll', async () => {
		n8n = await startInstance({ bin, env });
		const deadline = Date.now() + 120_000;
		while (catcher.messages.length === 0 && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 500));
		expect(catcher.messages).toHaveLength(1);
		expect(catcher.messages[0].body.text).toContain(fixtures.flows[0].name);
		expect(catcher.messages[0].body.text).toMatch(/failed in sandbox prod/);
		// The first rows Adobe rejected, as the simulator wrote them for the run's batch.
		const [batchId] = sim.store.batchIdsOfRun('prod', fixtures.failedRun.id);
		const [firstRow] = sim.store.rowErrors('prod', batchId);
		expect(catcher.messages[0].body.text).toMatch(/\nFirst failed rows:\n  ↳ /);
		expect(catcher.messages[0].body.text).toContain(`↳ ${firstRow._errors.map((error) => error.code).join(', ')}`);
		expect(catcher.messages[0].body.text.split('\n').filter((line) => line.startsWith('  ↳ '))).toHaveLength(3);
	});

	test('the editor lists both nodes and opens the credential form', async () => {
		const result = await checkEditor({ url: n8n.url, owner: n8n.owner });
		expect(result.appsFound).toContain('AEP Flow Service');
		// The trigger node's six events and the action node's operations, under the one app.
		expect(result.triggerEvents).toEqual(['On delayed run', 'On failed run', 'On finished run', 'On missed run', 'On new run', 'On recovered']);
		expect(result.triggers).toBe(6);
		expect(result.actions).toBeGreaterThanOrEqual(40);
		// With the triggers folded, the actions list is open (the README's screenshot shows it).
		expect(result.actionsShown).toBeGreaterThanOrEqual(10);
		// Searching "Adobe" or "Dataflow" (codex aliases) finds the same app with both nodes.
		for (const words of ['Adobe', 'Dataflow']) {
			expect(result.aliasSearches[words]).toMatchObject({ found: expect.arrayContaining(['AEP Flow Service']), triggers: 6, actions: result.actions });
		}
		expect(result.credentialFields).toEqual(expect.arrayContaining(['Client ID', 'Client Secret', 'Organization ID', 'Scopes', 'Sandbox Name', 'Environment']));
	});
});

describe('npm start', () => {
	test('brings up the editor with the demo, the failed-run alert reaches the catcher, SIGTERM to npm stops everything', async () => {
		await n8n?.stop();
		const ports = { n8n: await freePort(), simulator: await freePort(), catcher: await freePort() };
		const demoHome = `${userFolder}-demo`;
		// The whole chain a user starts: npm → the Node 24 launcher → the demo script; the stop signal goes to npm itself,
		// as a process manager or an IDE's stop button sends it.
		const demoStartedAt = Date.now();
		const start = spawn('npm', ['start', '--silent'], {
			cwd: path.join(__dirname, '..', '..'),
			env: { ...process.env, N8N_PORT: String(ports.n8n), AEP_SIMULATOR_PORT: String(ports.simulator), AEP_CATCHER_PORT: String(ports.catcher), AEP_DEMO_HOME: demoHome },
			stdio: ['ignore', 'pipe', 'pipe'],
		});
		let output = '';
		start.stdout.on('data', (chunk) => (output += chunk));
		start.stderr.on('data', (chunk) => (output += chunk));
		try {
			const deadline = Date.now() + 240_000;
			// Both the per-flow alerts and the digest of the same failures arrive within the first polls.
			const arrived = () => /Slack alert received:\n\s+:red_circle:/.test(output) && /Slack alert received:\n\s+:bar_chart:/.test(output);
			while (!arrived() && start.exitCode === null && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 500));
			expect(output).toContain(`n8n editor:        http://127.0.0.1:${ports.n8n}`);
			expect(output).toMatch(/Slack alert received:\n\s+:red_circle: Dataflow \*.+\* \((source|destination)\) failed in sandbox prod/);
			expect(output).toMatch(/Slack alert received:\n\s+:bar_chart: \d+ failed dataflow runs? in \d+ flows?/);
			expect((await fetch(`http://127.0.0.1:${ports.n8n}/healthz/readiness`)).status).toBe(200);
			const alerts = await (await fetch(`http://127.0.0.1:${ports.catcher}/messages`)).json();
			expect(alerts.length).toBeGreaterThan(0);
			// The digest of the same failures went to its own channel (the per-flow rules are proven in test/trigger).
			// Alerts of runs that failed records show the first rows Adobe rejected.
			expect(alerts.some((alert) => /\nFirst failed rows:\n  ↳ \S+/.test(alert.body?.text ?? ''))).toBe(true);
			// The catcher's page as a person sees it: Slack formatting rendered, newest first.
			const picture = await screenshotPage(`http://127.0.0.1:${ports.catcher}/`, 'alert-received', { waitFor: 'First failed rows:' });
			expect(picture.text).toMatch(/Alerts received \(\d+\)/);
			expect(picture.text).toContain('● Dataflow');
			const digests = alerts.filter((alert) => alert.path === '/slack-digest');
			expect(digests.length).toBeGreaterThan(0);
			expect(digests[0].body.text).toMatch(/^:bar_chart: \d+ failed dataflow runs? in \d+ flows?/);
			// The demo works on any date: the simulator's clock is within two days before the real time, never after it.
			const clock = await (await fetch(`http://127.0.0.1:${ports.simulator}/__sim/clock`)).json();
			expect(clock.now).toBeLessThanOrEqual(Date.now());
			expect(clock.now).toBeGreaterThanOrEqual(demoStartedAt - 2 * 24 * 3_600_000 - 60_000);
		} finally {
			const exited = new Promise((resolve) => start.once('exit', (code, signal) => resolve({ code, signal })));
			start.kill('SIGTERM');
			// npm passes the signal on and ends by it (or with the script's 0); what it started stops below.
			expect([{ code: 0, signal: null }, { code: null, signal: 'SIGTERM' }]).toContainEqual(await exited);
			fs.rmSync(demoHome, { recursive: true, force: true });
		}
		// Everything the chain started stops: n8n, the simulator and the catcher close their ports.
		const stillOpen = async () => (await Promise.all(Object.values(ports).map((port) => fetch(`http://127.0.0.1:${port}/`).then(() => port, () => null)))).filter(Boolean);
		const closeBy = Date.now() + 30_000;
		while ((await stillOpen()).length && Date.now() < closeBy) await new Promise((resolve) => setTimeout(resolve, 250));
		expect(await stillOpen()).toEqual([]);
	});
});
