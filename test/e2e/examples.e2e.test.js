'use strict';
// The example workflows of examples/, imported as they are into a real n8n 2.x with the packed package,
// run against the AEP simulator. Only what a user replaces changes: the credential placeholders become
// the simulator's credential and a local SMTP catcher's, the Slack webhook URL the local catcher's.
// Trigger examples run activated in `n8n start` (their polls fire on new runs); the others through
// `n8n execute` from their Manual Trigger (the health report also has its Schedule Trigger).
const fs = require('node:fs');
const net = require('node:net');
const os = require('node:os');
const path = require('node:path');

const { ensureN8n, n8nCli } = require('../../scripts/n8n-local');
const { prepareInstance, executeWorkflow, startInstance, nodeItems } = require('../../scripts/demo/stack');
const { startCatcher } = require('../../scripts/demo/catcher');
const { freePort } = require('../../scripts/queue-stack');
const { CREDENTIAL } = require('../../scripts/demo/workflows');
const { startSimulator, DEFAULT_CLIENT } = require('../simulator/server');

jest.setTimeout(15 * 60_000);

const EXAMPLES = path.join(__dirname, '..', '..', 'examples');
const SLACK_PLACEHOLDER = 'https://hooks.slack.com/services/REPLACE/WITH/YOUR-WEBHOOK';
const SMTP_CREDENTIAL = { id: 'exampleSmtpCatcher', name: 'SMTP (local catcher)' };

/** An example as a user imports it, with the placeholders a user replaces filled in. */
function example(file, { slackUrl } = {}) {
	const text = fs.readFileSync(path.join(EXAMPLES, file), 'utf8');
	const workflow = JSON.parse(slackUrl ? text.split(SLACK_PLACEHOLDER).join(slackUrl) : text);
	for (const node of workflow.nodes) {
		if (node.credentials?.adobeAepApi) node.credentials.adobeAepApi = { ...CREDENTIAL };
		if (node.credentials?.smtp) node.credentials.smtp = { ...SMTP_CREDENTIAL };
	}
	return workflow;
}

/** A minimal SMTP server (no TLS, no auth) that keeps every message it accepts. */
function startSmtpCatcher() {
	const messages = [];
	const server = net.createServer((socket) => {
		let buffer = '';
		let message = null;
		socket.write('220 localhost ESMTP catcher\r\n');
		socket.on('data', (chunk) => {
			buffer += chunk.toString('utf8');
			for (;;) {
				if (message?.reading) {
					const end = buffer.indexOf('\r\n.\r\n');
					if (end === -1) return;
					message.data = buffer.slice(0, end);
					buffer = buffer.slice(end + 5);
					message.reading = false;
					messages.push({ from: message.from, to: message.to, data: message.data });
					socket.write('250 OK queued\r\n');
					continue;
				}
				const lineEnd = buffer.indexOf('\r\n');
				if (lineEnd === -1) return;
				const line = buffer.slice(0, lineEnd);
				buffer = buffer.slice(lineEnd + 2);
				const verb = line.slice(0, 4).toUpperCase();
				if (verb === 'EHLO' || verb === 'HELO') socket.write('250 localhost\r\n');
				else if (verb === 'MAIL') (message = { from: line.slice(10).trim(), to: [] }), socket.write('250 OK\r\n');
				else if (verb === 'RCPT') message.to.push(line.slice(8).trim()), socket.write('250 OK\r\n');
				else if (verb === 'DATA') (message.reading = true), socket.write('354 End data with <CR><LF>.<CR><LF>\r\n');
				else if (verb === 'QUIT') socket.end('221 Bye\r\n');
				else socket.write('250 OK\r\n');
			}
		});
		socket.on('error', () => {});
	});
	return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve({ port: server.address().port, messages, close: () => new Promise((done) => server.close(done)) })));
}

async function waitFor(condition, timeoutMs) {
	const deadline = Date.now() + timeoutMs;
	while (!condition() && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 500));
	return condition();
}

/**
 * The bytes of a binary item: n8n keeps them in its user folder (filesystem mode, the default) and the
 * item holds their ID, `filesystem-v2:<path under the storage folder>`; in memory mode, base64 in `data`.
 */
function binaryContent(binary) {
	if (!binary.id) return Buffer.from(binary.data, 'base64');
	const name = path.basename(binary.id.slice(binary.id.indexOf(':') + 1));
	const found = [];
	const walk = (dir) => {
		for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
			const full = path.join(dir, entry.name);
			if (entry.isDirectory()) walk(full);
			else if (entry.name === name && full.endsWith(binary.id.slice(binary.id.indexOf(':') + 1))) found.push(full);
		}
	};
	walk(path.join(userFolder, '.n8n'));
	if (found.length !== 1) throw new Error(`binary data ${binary.id}: ${found.length} files found in ${userFolder}/.n8n`);
	return fs.readFileSync(found[0]);
}

/** Quoted-printable (RFC 2045) back to text: soft line breaks joined, =XX bytes decoded as UTF-8. */
function fromQuotedPrintable(text) {
	const joined = text.replace(/=\r?\n/g, '');
	const bytes = [];
	for (let i = 0; i < joined.length; i++) {
		if (joined[i] === '=' && /^[0-9A-F]{2}$/.test(joined.slice(i + 1, i + 3))) bytes.push(parseInt(joined.slice(i + 1, i + 3), 16)), (i += 2);
		else bytes.push(...Buffer.from(joined[i], 'utf8'));
	}
	return Buffer.from(bytes).toString('utf8');
}

/** The quoted CSV n8n's Convert to File writes, as rows of fields. */
function parseCsv(text) {
	const rows = [];
	let row = [];
	let field = '';
	let quoted = false;
	for (let i = 0; i < text.length; i++) {
		const c = text[i];
		if (quoted) {
			if (c === '"' && text[i + 1] === '"') (field += '"'), i++;
			else if (c === '"') quoted = false;
			else field += c;
		} else if (c === '"') quoted = true;
		else if (c === ',') row.push(field), (field = '');
		else if (c === '\n') row.push(field), rows.push(row), (row = []), (field = '');
		else if (c !== '\r') field += c;
	}
	if (field !== '' || row.length) row.push(field), rows.push(row);
	return rows;
}

let bin, sim, catcher, smtp, env, n8n, flows;
const userFolder = path.join(os.tmpdir(), `aep-examples-e2e-${process.pid}`);

beforeAll(async () => {
	bin = ensureN8n();
	// The simulator's clock an hour behind the real one: runs of "the last day" by n8n's clock are its recent runs.
	sim = await startSimulator({ port: 0, startTime: Date.now() - 60 * 60_000 });
	catcher = await startCatcher();
	smtp = await startSmtpCatcher();
	// Disabled flows get no scheduled runs: every run below is one the test made.
	flows = sim.store.seedFlows({ sandbox: 'prod', count: 3, kind: 'source', state: 'disabled' });
	// flows[1] is failing when the Recovered trigger is activated; 1,200 of its records failed (the CSV
	// example reads up to 1,000 per run).
	const [earlier] = sim.store.seedRuns({ sandbox: 'prod', flowId: flows[1].id, count: 1, status: 'failed' });
	sim.store.setRunOutcome('prod', earlier.id, { status: 'failed', failedRecordCount: 1200, inputRecordCount: 5000 });
	const files = fs.readdirSync(EXAMPLES).filter((file) => file.endsWith('.json'));
	expect(files.sort()).toEqual(['daily-health-report-email.json', 'failed-records-to-csv.json', 'failed-run-alert-slack.json', 'recovered-notice-slack.json', 'retry-failed-runs.json']);
	const workflows = [
		example('failed-run-alert-slack.json', { slackUrl: `${catcher.url}/alert` }),
		example('recovered-notice-slack.json', { slackUrl: `${catcher.url}/recovered` }),
		example('daily-health-report-email.json'),
		example('retry-failed-runs.json'),
		example('failed-records-to-csv.json'),
	];
	const port = await freePort();
	env = prepareInstance({ bin, userFolder, port, simulator: sim, client: DEFAULT_CLIENT, workflows, publish: [workflows[0].id, workflows[1].id] });
	const smtpCredential = path.join(userFolder, 'import', 'smtp.json');
	fs.writeFileSync(smtpCredential, JSON.stringify([{ ...SMTP_CREDENTIAL, type: 'smtp', data: { user: '', password: '', host: '127.0.0.1', port: smtp.port, secure: false, disableStartTls: true, hostName: '' } }]));
	n8nCli(bin, ['import:credentials', `--input=${smtpCredential}`], env);
});

afterAll(async () => {
	await n8n?.stop();
	await sim?.close();
	await catcher?.close();
	await smtp?.close();
	fs.rmSync(userFolder, { recursive: true, force: true });
});

describe('trigger examples, activated in n8n start', () => {
	test('a failed run posts its Slack alert with the first failed rows; a failing flow that runs well posts the all-clear', async () => {
		n8n = await startInstance({ bin, env });
		// Both activation polls have read the runs (the Recovered trigger also learns which flows are failing).
		const runReads = () => sim.log.entries().filter((entry) => entry.path === '/data/foundation/flowservice/runs').length;
		expect(await waitFor(() => runReads() >= 2, 60_000)).toBe(true);
		await new Promise((resolve) => setTimeout(resolve, 3000));

		// After activation: flows[1] runs well, flows[2] fails 60 of 100 records.
		sim.clock.advance(45 * 60_000);
		sim.store.seedRuns({ sandbox: 'prod', flowId: flows[1].id, count: 1, status: 'success' });
		const [failedRun] = sim.store.seedRuns({ sandbox: 'prod', flowId: flows[2].id, count: 1, status: 'inProgress' });
		sim.store.setRunOutcome('prod', failedRun.id, { status: 'failed', failedRecordCount: 60, inputRecordCount: 100 });

		// The next poll (every minute, on the minute) delivers both.
		const arrived = () => ['/alert', '/recovered'].every((route) => catcher.messages.some((message) => message.path === route));
		expect(await waitFor(arrived, 180_000)).toBe(true);
		const alerts = catcher.messages.filter((message) => message.path === '/alert');
		expect(alerts).toHaveLength(1);
		expect(alerts[0].body.text).toContain(`:red_circle: Dataflow *${flows[2].name}*`);
		expect(alerts[0].body.text).toContain('failed in sandbox prod');
		expect(alerts[0].body.text).toContain(`Run ${failedRun.id} started`);
		expect(alerts[0].body.text).toMatch(/, 60 failed records, cause: \w+/);
		const [batchId] = sim.store.batchIdsOfRun('prod', failedRun.id);
		const [firstRow] = sim.store.rowErrors('prod', batchId);
		const sampleLines = alerts[0].body.text.split('\n').filter((line) => line.startsWith('  ↳ '));
		expect(sampleLines).toHaveLength(3);
		expect(sampleLines[0]).toContain(`↳ ${firstRow._errors.map((error) => error.code).join(', ')}: `);
		const allClear = catcher.messages.filter((message) => message.path === '/recovered');
		expect(allClear).toHaveLength(1);
		expect(allClear[0].body.text).toContain(`:large_green_circle: Dataflow *${flows[1].name}* recovered in sandbox prod after 1 failed run\n`);
		expect(allClear[0].body.text).toMatch(/^Down \d+ min since \S+; last error \S+: /m);
		await n8n.stop();
		n8n = undefined;
	});
});

describe('manual examples, run by n8n execute', () => {
	test('the daily health report emails one table of the enabled flows', async () => {
		const enabled = sim.store.seedFlows({ sandbox: 'prod', count: 2, kind: 'source', state: 'enabled' });
		sim.store.seedRuns({ sandbox: 'prod', flowId: enabled[0].id, count: 2, status: 'success' });
		const [failed] = sim.store.seedRuns({ sandbox: 'prod', flowId: enabled[1].id, count: 1, status: 'failed' });
		sim.store.setRunOutcome('prod', failed.id, { status: 'failed', failedRecordCount: 7, inputRecordCount: 100 });
		const result = await executeWorkflow(bin, env, 'aepExampleHealthReport');
		expect(nodeItems(result, 'Send report')).toHaveLength(1);
		expect(smtp.messages).toHaveLength(1);
		const [mail] = smtp.messages;
		expect(mail.from).toBe('<aep-alerts@example.com>');
		expect(mail.to).toEqual(['<data-team@example.com>']);
		expect(mail.data).toMatch(/^Subject: Dataflow health: 1 of 2 enabled flows failed their last run\r?$/m);
		const body = fromQuotedPrintable(mail.data.slice(mail.data.indexOf('\r\n\r\n')));
		for (const flow of enabled) expect(body).toContain(`<td>${flow.name}</td>`);
		expect(body).toMatch(/<tr><td>[^<]+<\/td><td>source<\/td><td>failed<\/td><td>1<\/td><td>[^<]+<\/td><\/tr>/);
		// One row per enabled flow: the disabled flows of the trigger test are not in the report.
		expect(body.match(/<tr><td>/g)).toHaveLength(2);
		expect(body).not.toContain('This email was sent automatically');
	});

	test('the failed records of the last day become one CSV file, a row per failed record', async () => {
		const result = await executeWorkflow(bin, env, 'aepExampleFailedRecordsCsv');
		const runIds = nodeItems(result, 'Failed runs (last day)').map((item) => item.json.runId);
		expect(runIds.length).toBeGreaterThanOrEqual(2);
		// Up to Limit (1,000) rows per run, in the order of Adobe's error files.
		const rowsOf = (runId) => sim.store.batchIdsOfRun('prod', runId).flatMap((batchId) => sim.store.rowErrors('prod', batchId));
		const expected = runIds.flatMap((runId) => rowsOf(runId).slice(0, 1000));
		expect(expected).toHaveLength(1000 + 60 + 7);
		const [file] = nodeItems(result, 'CSV file');
		expect(file.binary.data).toMatchObject({ mimeType: 'text/csv', fileExtension: 'csv', fileName: expect.stringMatching(/^failed-records-\d{4}-\d{2}-\d{2}\.csv$/) });
		const csv = binaryContent(file.binary.data).toString('utf8');
		const [header, ...rows] = parseCsv(csv.trim());
		expect(header).toEqual(['runId', 'flowId', 'errorCodes', 'errorMessages', 'columns', 'paths', 'record']);
		expect(rows).toHaveLength(expected.length);
		expect(rows.map((row) => row[2])).toEqual(expected.map((row) => row._errors.map((error) => error.code).join(' ')));
	});

	test('retry re-triggers every failed run of the last day', async () => {
		const result = await executeWorkflow(bin, env, 'aepExampleRetryFailedRuns');
		const failed = nodeItems(result, 'Failed runs (last day)').map((item) => item.json);
		const retried = nodeItems(result, 'Retry run').map((item) => item.json);
		expect(failed.length).toBeGreaterThanOrEqual(3);
		expect(retried).toHaveLength(failed.length);
		for (const [i, run] of retried.entries()) {
			expect(run).toMatchObject({ flowId: failed[i].flowId, runId: expect.any(String) });
			expect(run.runId).not.toBe(failed[i].runId);
			expect(sim.store.get('prod', 'runs', run.runId)).toBeTruthy();
		}
	});
});
