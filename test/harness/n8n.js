'use strict';
// Runs the built package inside n8n's real execution engine (n8n-core WorkflowExecute and PollContext),
// with credentials handled the way n8n handles them. Nothing of the package is mocked: every call goes
// over HTTP to the AEP simulator.
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');

// n8n-core keeps an instance folder (encryption key); tests get a throw-away one.
process.env.N8N_USER_FOLDER ??= fs.mkdtempSync(path.join(os.tmpdir(), 'aep-n8n-'));

const { Workflow, NodeConnectionTypes, createRunExecutionData } = require('n8n-workflow');
const { WorkflowExecute, ExecutionLifecycleHooks, PollContext, ExecuteContext, RoutingNode, LoadOptionsContext } = require('n8n-core');
const { TestCredentialsHelper, TEST_NODE_TYPE } = require('./credentials');

const ROOT = path.resolve(__dirname, '..', '..');
const PACKAGE = require(path.join(ROOT, 'package.json'));
const CREDENTIAL_ID = 'cred-aep-1';
/** n8n's own URLs (resume and form links); nothing listens there in tests. */
const BASE = 'http://localhost:5678';

/** Stand-ins for n8n's own Manual Trigger, Set and No Op nodes (they live in n8n-nodes-base). */
class ManualTrigger {
	description = {
		displayName: 'Manual Trigger', name: 'manualTrigger', group: ['trigger'], version: 1, defaults: {},
		inputs: [], outputs: [NodeConnectionTypes.Main], properties: [],
	};
	async execute() {
		return [[{ json: {} }]];
	}
}

/** Emits the items given in its `items` parameter, like a Code node returning fixed items. */
class FixedItems {
	description = {
		displayName: 'Fixed Items', name: 'fixedItems', group: ['transform'], version: 1, defaults: {},
		inputs: [NodeConnectionTypes.Main], outputs: [NodeConnectionTypes.Main],
		properties: [{ displayName: 'Items', name: 'items', type: 'json', default: '[]' }],
	};
	async execute() {
		const items = this.getNodeParameter('items', 0);
		return [(typeof items === 'string' ? JSON.parse(items) : items).map((json) => ({ json }))];
	}
}

/** Like n8n's Set node in "include other fields" mode: adds fields from expressions, keeps pairing. */
class SetFields {
	description = {
		displayName: 'Set', name: 'set', group: ['transform'], version: 1, defaults: {},
		inputs: [NodeConnectionTypes.Main], outputs: [NodeConnectionTypes.Main],
		properties: [{ displayName: 'Fields', name: 'fields', type: 'json', default: '{}' }],
	};
	async execute() {
		return [this.getInputData().map((item, index) => ({
			json: { ...item.json, ...this.getNodeParameter('fields', index) },
			pairedItem: { item: index },
		}))];
	}
}

class NoOp {
	description = {
		displayName: 'No Operation', name: 'noOp', group: ['organization'], version: 1, defaults: {},
		inputs: [NodeConnectionTypes.Main], outputs: [NodeConnectionTypes.Main], properties: [],
	};
	async execute() {
		return [this.getInputData()];
	}
}

/** A finished run as tests read it: each node's first output items by node name, and the run's error. */
function runResult(run) {
	const output = {};
	for (const [nodeName, taskData] of Object.entries(run.data.resultData.runData)) output[nodeName] = taskData[0]?.data?.main?.[0] ?? [];
	return { run, output, error: run.data.resultData.error };
}

function loadPackageTypes() {
	const nodes = {};
	for (const file of PACKAGE.n8n.nodes) {
		for (const NodeClass of Object.values(require(path.join(ROOT, file)))) {
			const instance = new NodeClass();
			nodes[`${PACKAGE.name}.${instance.description.name}`] = instance;
		}
	}
	const credentials = {};
	for (const file of PACKAGE.n8n.credentials) {
		for (const CredentialClass of Object.values(require(path.join(ROOT, file)))) {
			const instance = new CredentialClass();
			credentials[instance.name] = instance;
		}
	}
	return { nodes, credentials };
}

const { nodes: packageNodes, credentials: credentialTypes } = loadPackageTypes();
const nodeTypeMap = {
	...packageNodes,
	'n8n-nodes-base.manualTrigger': new ManualTrigger(),
	'n8n-nodes-base.fixedItems': new FixedItems(),
	'n8n-nodes-base.set': new SetFields(),
	[TEST_NODE_TYPE]: new NoOp(),
};

function createNodeTypes(extra = {}) {
	const map = { ...nodeTypeMap, ...extra };
	return {
		getByName: (type) => map[type],
		getByNameAndVersion: (type) => map[type],
		getKnownTypes: () => ({}),
	};
}

const AEP = `${PACKAGE.name}.aepFlowService`;
const AEP_TRIGGER = `${PACKAGE.name}.aepFlowServiceTrigger`;
/** The version a node added in the editor today gets; tests of saved workflows pass an older one. */
const LATEST_VERSION = 1.1;

/**
 * One n8n instance's worth of state for a test: a credential store (with the token n8n would persist)
 * pointing at a simulator.
 */
class N8nTestInstance {
	constructor({ simulatorUrl, credential = {} }) {
		this.credentialsHelper = new TestCredentialsHelper(credentialTypes);
		this.credentialsHelper.save(CREDENTIAL_ID, 'adobeAepApi', {
			environment: 'custom',
			platformUrl: simulatorUrl,
			imsUrl: simulatorUrl,
			...credential,
		});
		this.executions = 0;
	}

	get storedCredential() {
		return this.credentialsHelper.stored.get(CREDENTIAL_ID).data;
	}

	additionalData(hooks) {
		return {
			hooks,
			credentialsHelper: this.credentialsHelper,
			executionId: String(this.executions),
			currentNodeExecutionIndex: 0,
			restApiUrl: `${BASE}/rest`, instanceBaseUrl: BASE, formBaseUrl: `${BASE}/form`, formWaitingBaseUrl: `${BASE}/form-waiting`,
			formTestBaseUrl: `${BASE}/form-test`, webhookBaseUrl: `${BASE}/webhook`, webhookWaitingBaseUrl: `${BASE}/webhook-waiting`,
			webhookTestBaseUrl: `${BASE}/webhook-test`, mcpBaseUrl: `${BASE}/mcp`, mcpTestBaseUrl: `${BASE}/mcp-test`,
			variables: {},
			executeWorkflow: async () => { throw new Error('not used'); },
			getRunExecutionData: async () => undefined,
			getRuntimeCredential: async () => undefined,
			logAiEvent: () => {},
			startRunnerTask: async () => { throw new Error('not used'); },
		};
	}

	/** Lifecycle hooks for one execution, as n8n creates them per run. */
	hooks(mode, nodes, connections, settings = {}) {
		const now = new Date();
		const workflowData = { id: 'wf-1', nodes, connections, name: 'Test workflow', active: mode === 'trigger', settings, createdAt: now, updatedAt: now, isArchived: false, activeVersionId: null };
		return new ExecutionLifecycleHooks(mode, String(this.executions), workflowData);
	}

	/**
	 * Stores one more credential (e.g. a destination's) and returns the node's reference to it:
	 * pass it as `nodeOptions: { credentials }`, which adds it next to the AEP credential.
	 */
	saveCredential(type, data, id = `cred-${type}`) {
		this.credentialsHelper.save(id, type, data);
		return { [type]: { id, name: `${type} (test)` } };
	}

	/** A node of this package wired to the stored credential; `extra.credentials` are added to it. */
	node(name, type, parameters, extra = {}) {
		const { credentials, typeVersion = LATEST_VERSION, ...rest } = extra;
		return {
			id: `${name.replace(/\W+/g, '-').toLowerCase()}-id`,
			name,
			type,
			typeVersion,
			position: [0, 0],
			parameters,
			credentials: { adobeAepApi: { id: CREDENTIAL_ID, name: 'AEP (simulator)' }, ...credentials },
			...rest,
		};
	}

	/** `settings` are the workflow's settings, e.g. `{ timezone: 'Asia/Kolkata' }` as set in the editor. */
	workflow({ nodes, connections = {}, staticData = {}, settings = {} }) {
		return new Workflow({
			id: 'wf-1', name: 'Test workflow', nodes, connections, active: false,
			nodeTypes: createNodeTypes(), staticData, settings: { executionOrder: 'v1', ...settings },
		});
	}

	/**
	 * Runs a workflow from its first node, as "Execute workflow" in the editor does.
	 * Returns the output items of every node by name, and the run's error if it failed. `onStart` gets
	 * the running execution (n8n's cancellable promise: `cancel()` is what n8n's Stop button calls).
	 */
	async run({ nodes, connections, mode = 'manual', settings, onStart }) {
		this.executions++;
		const workflow = this.workflow({ nodes, connections, settings });
		const hooks = this.hooks(mode, nodes, connections, settings);
		const execution = new WorkflowExecute(this.additionalData(hooks), mode).run({ workflow, startNode: workflow.getNode(nodes[0].name) });
		onStart?.(execution);
		const run = await execution;
		return runResult(run);
	}

	/**
	 * Like runAepNode, but returns at once: `finished` is the result to come, `cancel()` stops the
	 * execution as n8n does when a user stops it (its cancel signal aborts).
	 */
	runAepNodeCancellable(parameters, options = {}) {
		let execution;
		const finished = this.runAepNode(parameters, { ...options, onStart: (started) => { execution = started; } });
		return { finished, cancel: () => execution.cancel() };
	}

	/**
	 * Manual Trigger -> one AEP Flow Service node with the given parameters (and optional input items).
	 * `settings` are the workflow's settings (e.g. `{ timezone }`).
	 */
	async runAepNode(parameters, { inputItems, nodeOptions, settings, onStart } = {}) {
		const start = inputItems
			? { id: 'items-id', name: 'Items', type: 'n8n-nodes-base.fixedItems', typeVersion: 1, position: [0, 0], parameters: { items: inputItems } }
			: { id: 'trigger-id', name: 'Start', type: 'n8n-nodes-base.manualTrigger', typeVersion: 1, position: [0, 0], parameters: {} };
		const aep = this.node('AEP', AEP, parameters, nodeOptions);
		const result = await this.run({
			nodes: [start, aep],
			connections: { [start.name]: { main: [[{ node: 'AEP', type: 'main', index: 0 }]] } },
			settings,
			onStart,
		});
		return { ...result, items: result.output.AEP ?? [] };
	}

	/**
	 * Tests the credential the way n8n's "Test" button does: the credential's test request is sent
	 * by n8n's routing engine from a temporary node, which always mints a fresh token.
	 */
	async testCredential() {
		const credentialType = credentialTypes.adobeAepApi;
		const node = {
			id: 'temp', name: 'Temp-Node', type: TEST_NODE_TYPE, typeVersion: 1, position: [0, 0], parameters: {},
			credentials: { adobeAepApi: { id: CREDENTIAL_ID, name: 'AEP (simulator)' } },
		};
		const testType = {
			description: {
				...nodeTypeMap[TEST_NODE_TYPE].description,
				credentials: [{ name: 'adobeAepApi', required: true }],
				properties: [{ displayName: 'Temp', name: 'temp', type: 'string', default: '', routing: { request: credentialType.test.request } }],
			},
		};
		const workflow = new Workflow({ nodes: [node], connections: {}, active: false, nodeTypes: createNodeTypes({ [TEST_NODE_TYPE]: testType }) });
		const runExecutionData = { resultData: { runData: {} } };
		const context = new ExecuteContext(workflow, node, this.additionalData(undefined), 'internal', runExecutionData, 0, [], { main: [[{ json: {} }]] }, { node, data: {}, source: null }, []);
		const credentialsDecrypted = { id: CREDENTIAL_ID, name: 'AEP (simulator)', type: 'adobeAepApi', data: { ...this.storedCredential } };
		try {
			await new RoutingNode(context, testType, credentialsDecrypted).runNode();
			return { status: 'OK', message: 'Connection successful!' };
		} catch (error) {
			const response = error.cause?.response;
			if (response) {
				// n8n's credential tester: the first rule for the status code gives the message.
				const rule = (credentialType.test.rules ?? []).find((r) => r.type === 'responseCode' && r.properties.value === response.status);
				if (rule) return { status: 'Error', message: rule.properties.message };
				return { status: 'Error', message: response.statusText || `Received HTTP status code: ${response.status}` };
			}
			if (error.cause?.code) return { status: 'Error', message: error.cause.code };
			return { status: 'Error', message: String(error.message) };
		}
	}

	/**
	 * Tests a credential that a node tests (`testedBy` on its credentials entry), the way n8n's
	 * credential tester does: the node's `methods.credentialTest` function with the decrypted data.
	 */
	async testCredentialByNode(type, data, nodeType = AEP) {
		const entry = nodeTypeMap[nodeType].description.credentials.find((c) => c.name === type);
		if (typeof entry?.testedBy !== 'string') throw new Error(`${nodeType} does not test ${type}`);
		const context = { logger: { debug() {}, info() {}, warn() {}, error() {} }, helpers: {} };
		return await nodeTypeMap[nodeType].methods.credentialTest[entry.testedBy].call(context, { id: 'temp', name: 'Test', type, data });
	}

	/**
	 * Calls a node's list search or load options method as the editor does when a picker opens
	 * (n8n's LoadOptionsContext, the node's stored credential). `kind` is 'listSearch' or 'loadOptions'.
	 */
	async callNodeMethod({ type = AEP, kind, method, parameters = {}, args = [] }) {
		const node = this.node('AEP', type, parameters);
		const workflow = this.workflow({ nodes: [node] });
		const context = new LoadOptionsContext(workflow, node, this.additionalData(undefined), 'parameters');
		return await nodeTypeMap[type].methods[kind][method].call(context, ...args);
	}

	/**
	 * Runs the rest of a workflow from a trigger's poll output, as n8n does after a poll emits
	 * (mode 'trigger'). Returns each node's output items by name.
	 */
	async runFromTrigger(workflow, triggerName, pollOutput) {
		this.executions++;
		const runExecutionData = createRunExecutionData({
			executionData: { nodeExecutionStack: [{ node: workflow.getNode(triggerName), data: { main: pollOutput }, source: null }] },
		});
		const hooks = this.hooks('trigger', Object.values(workflow.nodes), workflow.connectionsBySourceNode);
		const run = await new WorkflowExecute(this.additionalData(hooks), 'trigger', runExecutionData).processRunExecutionData(workflow);
		return runResult(run);
	}

	/**
	 * One poll of a trigger node, as n8n's poller runs it. `workflow` keeps the static data between
	 * polls (use `serializeState` / `workflowWithState` to simulate restarts).
	 */
	async poll(workflow, nodeName, { mode = 'trigger', activation = 'init', pollBudgetMs } = {}) {
		const getPollBudgetMs = pollBudgetMs === undefined ? undefined : () => pollBudgetMs;
		const context = new PollContext(workflow, workflow.getNode(nodeName), this.additionalData(undefined), mode, activation,
			undefined, undefined, undefined, undefined, undefined, getPollBudgetMs);
		return await workflow.nodeTypes.getByName(workflow.getNode(nodeName).type).poll.call(context);
	}
}

module.exports = { N8nTestInstance, AEP, AEP_TRIGGER, CREDENTIAL_ID, createNodeTypes };
