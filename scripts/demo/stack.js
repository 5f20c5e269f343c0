'use strict';
// Brings up n8n with this package installed the way a user installs it, a credential pointing at the
// AEP simulator and the given workflows; also runs single workflows through the n8n CLI.
const { execFile } = require('node:child_process');
const { mkdirSync, rmSync, writeFileSync } = require('node:fs');
const { join } = require('node:path');

const { n8nCli, n8nEnv, prepareUserFolder, startN8n } = require('../n8n-local');
const { simulatorCredential } = require('./workflows');

const OWNER = { email: 'demo@example.com', firstName: 'Demo', lastName: 'User', password: 'Demo-password-1' };

/**
 * Creates a fresh n8n user folder with the package, the credential and the workflows imported
 * (n8n must not be running while importing), and publishes the workflows to activate.
 */
function prepareInstance({ bin, userFolder, port, simulator, client, workflows, publish = [], extraCredentials = [] }) {
	rmSync(userFolder, { recursive: true, force: true });
	prepareUserFolder(userFolder);
	const env = n8nEnv(userFolder, port);
	const importDir = join(userFolder, 'import');
	mkdirSync(join(importDir, 'workflows'), { recursive: true });
	writeFileSync(join(importDir, 'credentials.json'), JSON.stringify([...simulatorCredential({ simulatorUrl: simulator.url, ...client }), ...extraCredentials]));
	for (const workflow of workflows) writeFileSync(join(importDir, 'workflows', `${workflow.id}.json`), JSON.stringify(workflow));
	n8nCli(bin, ['import:credentials', `--input=${join(importDir, 'credentials.json')}`], env);
	n8nCli(bin, ['import:workflow', '--separate', `--input=${join(importDir, 'workflows')}`], env);
	for (const id of publish) n8nCli(bin, ['publish:workflow', `--id=${id}`], env);
	return env;
}

/**
 * Runs one workflow (it must start with a Manual Trigger) through `n8n execute` and returns its run
 * data. Asynchronous on purpose: the simulator may live in this very process and must keep answering.
 */
function executeWorkflow(bin, env, id) {
	// n8n prints the result through its logger at info level, as one multi-line JSON document.
	const cliEnv = { ...env, N8N_LOG_LEVEL: 'info' };
	return new Promise((resolve, reject) => {
		execFile(process.execPath, [bin, 'execute', `--id=${id}`, '--rawOutput'], { env: cliEnv, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 }, (error, stdout, stderr) => {
			const start = stdout.indexOf('\n{\n');
			const end = stdout.lastIndexOf('\n}');
			if (error || start === -1 || end === -1) {
				reject(new Error(`n8n execute --id=${id} failed${error ? ` (exit ${error.code})` : ''}:\n${(stdout + stderr).split("\n").filter((line) => /error|message|description/i.test(line)).slice(-30).join("\n")}`));
				return;
			}
			resolve(JSON.parse(stdout.slice(start + 1, end + 2)));
		});
	});
}

/** Creates the instance owner so the editor can be opened (a fresh n8n asks for one). */
async function setUpOwner(url) {
	const response = await fetch(`${url}/rest/owner/setup`, {
		method: 'POST',
		headers: { 'content-type': 'application/json' },
		body: JSON.stringify(OWNER),
	});
	if (!response.ok && response.status !== 400) throw new Error(`Owner set-up failed: ${response.status} ${await response.text()}`);
	return OWNER;
}

async function startInstance({ bin, env, onOutput }) {
	const { child, url } = await startN8n(bin, env, { onOutput });
	const owner = await setUpOwner(url);
	const stop = () =>
		new Promise((resolve) => {
			if (child.exitCode !== null) return resolve();
			child.once('exit', () => resolve());
			child.kill('SIGTERM');
			setTimeout(() => child.kill('SIGKILL'), 15_000).unref();
		});
	return { child, url, owner, stop };
}

/**
 * The items a node output in an execution's run data: from `n8n execute --rawOutput` (`data` or
 * `resultData` at the top) or from an execution record of the REST API (`data.resultData`).
 */
function nodeItems(result, nodeName) {
	const runData = result.data?.resultData?.runData ?? result.resultData?.runData ?? {};
	return runData[nodeName]?.[0]?.data?.main?.[0] ?? [];
}

/** The JSON of those items. */
const nodeOutput = (result, nodeName) => nodeItems(result, nodeName).map((item) => item.json);

module.exports = { prepareInstance, executeWorkflow, startInstance, nodeItems, nodeOutput, OWNER };
