'use strict';
// The parts of n8n's editor REST API the queue-mode test needs: the owner, a signed-in session, a
// manual run (the editor's "Execute workflow") and the execution it creates. In queue mode `n8n
// execute` runs in regular mode, so manual runs go through this API, as the editor sends them.
const path = require('node:path');

const OWNER = { email: 'queue@example.com', firstName: 'Queue', lastName: 'Test', password: 'Queue-password-1' };
const BROWSER_ID = 'aep-queue-e2e';
const FINISHED = new Set(['success', 'error', 'crashed', 'canceled']);

/** n8n stores execution data in `flatted` form; its own copy of the library reads it. */
function flattedParse(n8nBin, text) {
	const installDir = path.resolve(path.dirname(n8nBin), '..', '..', '..');
	return require(require.resolve('flatted', { paths: [installDir] })).parse(text);
}

class N8nRest {
	constructor(url, n8nBin) {
		this.url = url;
		this.n8nBin = n8nBin;
		this.cookie = '';
	}

	async call(method, route, body) {
		const response = await fetch(`${this.url}${route}`, {
			method,
			headers: { 'content-type': 'application/json', 'browser-id': BROWSER_ID, ...(this.cookie ? { cookie: this.cookie } : {}) },
			body: body === undefined ? undefined : JSON.stringify(body),
			signal: AbortSignal.timeout(60_000),
		});
		const text = await response.text();
		if (!response.ok) throw new Error(`${method} ${route}: ${response.status} ${text.slice(0, 500)}`);
		return { response, json: text ? JSON.parse(text) : undefined };
	}

	/** Creates the owner on first use, then signs in. */
	async signIn() {
		try {
			await this.call('POST', '/rest/owner/setup', OWNER);
		} catch (error) {
			if (!/\b400\b/.test(error.message)) throw error;
		}
		const { response } = await this.call('POST', '/rest/login', { emailOrLdapLoginId: OWNER.email, password: OWNER.password });
		this.cookie = response.headers.getSetCookie().map((cookie) => cookie.split(';')[0]).join('; ');
		if (!this.cookie.includes('n8n-auth=')) throw new Error('Signing in to n8n gave no session cookie');
	}

	/** Starts a manual run from `triggerName`; returns its execution ID. */
	async runManually(workflowId, triggerName) {
		const { json } = await this.call('POST', `/rest/workflows/${workflowId}/run`, { triggerToStartFrom: { name: triggerName } });
		const id = json?.data?.executionId;
		if (!id) throw new Error(`n8n started no execution of ${workflowId}: ${JSON.stringify(json).slice(0, 300)}`);
		return String(id);
	}

	async execution(id) {
		const { json } = await this.call('GET', `/rest/executions/${id}`);
		return json.data;
	}

	/** Waits until the execution has finished; returns it with its run data read. */
	async finishedExecution(id, { timeoutMs = 300_000 } = {}) {
		const deadline = Date.now() + timeoutMs;
		for (;;) {
			const execution = await this.execution(id).catch(() => undefined);
			if (execution && FINISHED.has(execution.status)) {
				const data = typeof execution.data === 'string' ? flattedParse(this.n8nBin, execution.data) : execution.data;
				return { ...execution, data };
			}
			if (Date.now() >= deadline) throw new Error(`Execution ${id} did not finish within ${timeoutMs / 1000} s (status ${execution?.status})`);
			await new Promise((done) => setTimeout(done, 300));
		}
	}
}

/** Output items (json) of a node in an execution's data. */
module.exports = { N8nRest, OWNER };
