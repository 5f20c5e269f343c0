'use strict';
// A test environment: a fresh AEP simulator on a free loopback port and an n8n instance whose
// credential points at it. `expectNoSecrets` scans anything a user could see for the client secret
// and every access token issued.
const { startSimulator, DEFAULT_CLIENT } = require('../simulator/server');
const { N8nTestInstance } = require('./n8n');

async function startEnvironment({ simulator = {}, credential = {} } = {}) {
	const sim = await startSimulator(simulator);
	const n8n = new N8nTestInstance({
		simulatorUrl: sim.url,
		credential: {
			clientId: DEFAULT_CLIENT.clientId,
			clientSecret: DEFAULT_CLIENT.clientSecret,
			orgId: DEFAULT_CLIENT.orgId,
			...credential,
		},
	});
	// The client secret, every token n8n persisted, and every secret the simulator received: tokens in
	// Authorization headers (also ones minted mid-call) and secret fields of request bodies.
	const secrets = () => [DEFAULT_CLIENT.clientSecret, credential.clientSecret, ...n8n.credentialsHelper.persistedTokens, ...sim.log.secretsSeen()].filter(Boolean);
	function expectNoSecrets(value) {
		const text = userVisibleText(value);
		for (const secret of secrets()) {
			if (text.includes(secret)) throw new Error(`A secret (…${secret.slice(-4)}) leaked into: ${text.slice(0, 300)}`);
		}
	}
	// Everything a workflow run, a poll or an editor call hands back (outputs, errors, the execution
	// data n8n stores) is scanned, so an echoed secret fails whichever test provoked it.
	for (const method of ['run', 'poll', 'runFromTrigger', 'callNodeMethod', 'testCredential']) {
		const original = n8n[method].bind(n8n);
		n8n[method] = async (...args) => {
			let result;
			try {
				result = await original(...args);
			} catch (error) {
				expectNoSecrets(error);
				throw error;
			}
			expectNoSecrets(result);
			return result;
		};
	}
	const close = async () => {
		// The per-file scan (secret-scan.js) checks every log line against what this environment used.
		for (const secret of secrets()) globalThis.__knownSecrets?.add(secret);
		await sim.close();
	};
	return { sim, n8n, expectNoSecrets, close };
}

/**
 * JSON.stringify drops Error fields; keep the ones a user sees. `node` is left out: a node's own
 * parameters are where the user typed a secret (the workflow holds it), not something output adds.
 */
function errorReplacer(key, value) {
	if (key === 'node' && value && typeof value === 'object' && 'parameters' in value) return undefined;
	if (value instanceof Error) {
		return { name: value.name, message: value.message, description: value.description, context: value.context, stack: value.stack, cause: value.cause };
	}
	return value;
}

/**
 * The usual set-up of a test file: a fresh environment for every test, its logs scanned for secrets
 * and everything closed afterwards. The handle always points at the running test's environment, so
 * a file writes `const env = useEnvironment();` once and uses `env.sim`, `env.n8n` in its tests.
 */
function useEnvironment(options = {}) {
	let current;
	beforeEach(async () => {
		current = await startEnvironment(options);
	});
	afterEach(async () => {
		current.expectNoSecrets(globalThis.__capturedLogs);
		await current.close();
	});
	// `restart(options)` swaps the running test's environment for one started with other options.
	const restart = async (other) => {
		await current.close();
		current = await startEnvironment(other);
	};
	return new Proxy({}, { get: (_target, key) => (key === 'restart' ? restart : current?.[key]) });
}

/** Everything of a value a user can see, as text: errors with their fields, without the node's own parameters. */
const userVisibleText = (value) => (typeof value === 'string' ? value : JSON.stringify(value, errorReplacer));

module.exports = { startEnvironment, useEnvironment, userVisibleText, DEFAULT_CLIENT };
