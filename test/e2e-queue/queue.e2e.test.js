'use strict';
// Queue mode end to end: the packed package in n8n 2.41.1 scaled out (one main, two workers, Redis
// as the queue, PostgreSQL as the shared database), all started here on loopback. Main runs the
// poll triggers and enqueues; workers execute; the credential (and the IMS token n8n keeps in it)
// is shared through the database. Run with `npm run test:e2e:queue`.
const fs = require('node:fs');
const path = require('node:path');

const { ensureN8n, N8N_VERSION, projectRoot } = require('../../scripts/n8n-local');
const { startQueueStack, stopQueueStack, waitFor, rssBytes, sleep } = require('../../scripts/queue-stack');
const { startCatcher } = require('../../scripts/demo/catcher');
const demo = require('../../scripts/demo/workflows');
const { startSimulator, DEFAULT_CLIENT } = require('../simulator/server');
const { N8nRest } = require('./rest');
const { nodeOutput } = require('../../scripts/demo/stack');

jest.setTimeout(25 * 60_000);

const HOUR = 3_600_000;
const MANUAL = demo.manual().name;
const SANDBOX = 'prod';
// Every poll trigger here polls twice a minute, at these seconds (two one-minute schedules).
const POLL_SECONDS = [5, 35];
const POLL_TIMES = { item: POLL_SECONDS.map((second) => ({ mode: 'custom', cronExpression: `${second} * * * * *` })) };
const TRIGGER_WORKFLOWS = ['queueFailedRuns', 'queueRecovered', 'queueDigest'];

let bin, sim, catcher, stack, rest;
let alertFlows = [];
const memory = new Map(); // process name -> { peak, last }
let sampler;

/** A poll trigger whose every output item is posted, with the execution that posted it, to the sink. */
function alertWorkflow(id, name, parameters, sinkPath, body) {
	return demo.workflow(id, name, [
		demo.node(name, `n8n-nodes-adobe-aep.aepFlowServiceTrigger`, 1, { pollTimes: POLL_TIMES, flowKind: 'all', ...parameters }, [0, 0], { credentials: demo.credentials }),
		demo.node(`Post ${name}`, 'n8n-nodes-base.httpRequest', 4.2, {
			method: 'POST',
			url: `${catcher.url}${sinkPath}`,
			sendBody: true,
			specifyBody: 'json',
			jsonBody: `={{ JSON.stringify({ executionId: $execution.id, ${body} }) }}`,
			options: {},
		}, [260, 0]),
	]);
}

const runsOfAlertFlows = () => {
	const ids = new Set(alertFlows.map((flow) => flow.id));
	return sim.store.list(SANDBOX, 'runs').filter((run) => ids.has(run.flowId));
};
const statusOf = (run) => run.metrics?.statusSummary?.status;

/** What the simulator says should have been alerted: every failed run, and every first success after failures. */
function groundTruth() {
	const runs = runsOfAlertFlows();
	const failed = runs.filter((run) => statusOf(run) === 'failed').map((run) => run.id);
	const recovered = [];
	for (const flow of alertFlows) {
		const finished = runs.filter((run) => run.flowId === flow.id && ['failed', 'success', 'partialSuccess'].includes(statusOf(run))).sort((a, b) => a.updatedAt - b.updatedAt);
		let failing = false;
		for (const run of finished) {
			if (statusOf(run) === 'failed') failing = true;
			else if (failing) {
				recovered.push(run.id);
				failing = false;
			}
		}
	}
	return { failed: failed.sort(), recovered: recovered.sort() };
}

const sinkMessages = (sinkPath) => catcher.messages.filter((message) => message.path === sinkPath).map((message) => message.body);
function delivered() {
	return {
		failed: sinkMessages('/failed').map((body) => body.runId).sort(),
		recovered: sinkMessages('/recovered').map((body) => body.runId).sort(),
		digest: sinkMessages('/digest').flatMap((body) => body.runIds).sort(),
	};
}

/** Every expected alert has arrived (duplicates are judged at the end). */
function allArrived() {
	const expected = groundTruth();
	const got = delivered();
	const has = (list, ids) => ids.every((id) => list.includes(id));
	return has(got.failed, expected.failed) && has(got.digest, expected.failed) && has(got.recovered, expected.recovered);
}

async function executionRows(where = '') {
	const { rows } = await stack.postgres.query(`select id, "workflowId", mode, status, finished from execution_entity ${where} order by id`);
	return rows.map((row) => ({ ...row, id: String(row.id) }));
}

async function noExecutionRunning() {
	const rows = await executionRows();
	return rows.every((row) => ['success', 'error', 'crashed', 'canceled'].includes(row.status));
}

/** Whether the worker logs say a worker ran (started and finished) the execution, and main enqueued it. */
function ranOnWorker(id) {
	const worker = stack.workers.find((each) => each.logs.text.includes(`Worker started execution ${id} `) && each.logs.text.includes(`Worker finished execution ${id} `));
	return worker && stack.main.logs.text.includes(`Enqueued execution ${id} `) ? worker.name : undefined;
}

/** Polls start at the POLL_SECONDS; restarts and token expiry happen well away from them. */
async function awayFromPollTicks() {
	const safe = () => {
		const second = new Date().getSeconds() % 30;
		const offset = (second - (POLL_SECONDS[0] % 30) + 30) % 30;
		return offset >= 6 && offset <= 18;
	};
	await waitFor('a moment away from poll ticks', () => safe(), { timeoutMs: 40_000, intervalMs: 200 });
}

function sampleMemory() {
	const processes = [
		['main', stack?.main?.pid],
		...(stack?.workers ?? []).map((worker) => [worker.name, worker.pid]),
		['redis', stack?.redis?.pid],
		['postgres', stack?.postgres?.pid],
	];
	let total = 0;
	for (const [name, pid] of processes) {
		if (!pid) continue;
		const rss = rssBytes(pid);
		total += rss;
		const entry = memory.get(name) ?? { peak: 0, last: 0 };
		memory.set(name, { peak: Math.max(entry.peak, rss), last: rss });
	}
	// This test process: the AEP simulator, the sink and Jest.
	const self = process.memoryUsage().rss;
	const own = memory.get('test process') ?? { peak: 0, last: 0 };
	memory.set('test process', { peak: Math.max(own.peak, self), last: self });
	total += self;
	const all = memory.get('total') ?? { peak: 0, last: 0 };
	memory.set('total', { peak: Math.max(all.peak, total), last: total });
}

async function runAndWait(workflowId) {
	const id = await rest.runManually(workflowId, MANUAL);
	return rest.finishedExecution(id);
}

beforeAll(async () => {
	bin = ensureN8n();
	sim = await startSimulator({ port: 0 });
	catcher = await startCatcher();
	// More than 100 flows, so Return All reads two pages; all disabled (no runs).
	sim.store.seedFlows({ sandbox: SANDBOX, count: 130, kind: 'mixed', state: 'disabled' });
	// Hourly source flows that fail and recover on a script; every simulated hour ends one run.
	alertFlows = sim.store
		.seedFlows({ sandbox: SANDBOX, count: 12, kind: 'source', state: 'enabled' })
		.filter((flow) => flow.scheduleParams?.frequency === 'hour' && String(flow.scheduleParams.interval) === '1')
		.slice(0, 3);
	if (alertFlows.length !== 3) throw new Error(`The simulator seeded ${alertFlows.length} hourly source flows, not 3`);
	const scripts = [
		[{ status: 'failed', times: 3 }, { status: 'success' }, { status: 'failed', times: 2 }, { status: 'success', times: -1 }],
		[{ status: 'failed', times: 5 }, { status: 'success', times: -1 }],
		[{ status: 'success', times: 2 }, { status: 'failed' }, { status: 'success', times: -1 }],
	];
	alertFlows.forEach((flow, i) => sim.store.scriptFlowOutcomes(SANDBOX, flow.id, scripts[i]));
	const flowIds = alertFlows.map((flow) => flow.id);

	const workflows = [
		demo.workflow('queueListFlows', 'Queue: list every flow', [demo.manual(), demo.aep('List flows', { resource: 'flow', operation: 'getMany', returnAll: true }, 220)]),
		demo.workflow('queueOneFlow', 'Queue: one flow', [demo.manual(), demo.aep('One flow', { resource: 'flow', operation: 'getMany', returnAll: false, limit: 1 }, 220)]),
		alertWorkflow('queueFailedRuns', 'Failed run', { event: 'failedRun', flowIds, options: { repeat: 'everyEvent' } }, '/failed', 'runId: $json.runId, flowId: $json.flowId'),
		alertWorkflow('queueRecovered', 'Recovered', { event: 'recoveredRun', flowIds, options: {} }, '/recovered', 'runId: $json.runId, flowId: $json.flowId'),
		alertWorkflow('queueDigest', 'Failed runs digest', { event: 'failedRun', flowIds, options: { output: 'digest' } }, '/digest', 'count: $json.count, runIds: $json.events.map(e => e.runId)'),
	];
	stack = await startQueueStack({
		bin,
		simulatorCredential: demo.simulatorCredential({ simulatorUrl: sim.url, ...DEFAULT_CLIENT }),
		workflows,
		publish: TRIGGER_WORKFLOWS,
	});
	sampler = setInterval(sampleMemory, 1_000);
	sampleMemory();
	rest = new N8nRest(stack.url, bin);
	await rest.signIn();
});

afterAll(async () => {
	clearInterval(sampler);
	// The logs of every process are kept in test-results/ (the last run's only).
	const logsTo = path.join(projectRoot, 'test-results', 'queue-mode-logs');
	if (stack) await stopQueueStack(stack, { logsTo });
	await sim?.close();
	await catcher?.close();
	// Nothing a user sees may hold a secret: n8n's own logs of every process included.
	const secrets = [DEFAULT_CLIENT.clientSecret, ...(sim?.log.secretsSeen() ?? [])].filter(Boolean);
	for (const secret of secrets) globalThis.__knownSecrets?.add(secret);
	if (stack && fs.existsSync(logsTo)) {
		for (const file of fs.readdirSync(logsTo)) {
			const text = fs.readFileSync(path.join(logsTo, file), 'utf8');
			const secret = secrets.find((each) => text.includes(each));
			if (secret) throw new Error(`${file} holds a secret (…${secret.slice(-4)})`);
		}
	}
});

test('a manual run through the REST API executes on a worker and returns every flow (Return All over 100+)', async () => {
	const execution = await runAndWait('queueListFlows');
	expect(execution.status).toBe('success');
	expect(execution.mode).toBe('manual');
	const ids = nodeOutput(execution, 'List flows').map((flow) => flow.id);
	const expected = sim.store.list(SANDBOX, 'flows').map((flow) => flow.id);
	expect(expected.length).toBeGreaterThan(100);
	expect(ids.sort()).toEqual(expected.sort());
	expect(ranOnWorker(execution.id)).toMatch(/^worker-\d$/);
	// Two pages of at most 100 flows, read by the worker.
	const pages = sim.log.entries().filter((entry) => entry.path === '/data/foundation/flowservice/flows' && entry.params.limit === '100');
	expect(pages.length).toBeGreaterThanOrEqual(2);
});

test('IMS tokens are shared through the database by main and both workers, and re-minted once per process after an expiry', async () => {
	// Start-up: main's activation polls (one per active trigger workflow) found the credential without a
	// token and share one mint; the manual run above found the token main stored.
	const atStartUp = sim.ims.tokenRequests();
	expect(atStartUp).toBeGreaterThanOrEqual(1);
	expect(atStartUp).toBeLessThanOrEqual(2);

	// 60 executions, 30 at a time, on both workers: the stored token serves them all.
	sim.setLatency(100);
	const ids = [];
	for (let batch = 0; batch < 2; batch++) {
		const started = await Promise.all(Array.from({ length: 30 }, () => rest.runManually('queueOneFlow', MANUAL)));
		const finished = await Promise.all(started.map((id) => rest.finishedExecution(id)));
		expect(finished.map((execution) => execution.status)).toEqual(started.map(() => 'success'));
		ids.push(...started);
	}
	const workers = ids.map(ranOnWorker);
	expect(workers.every(Boolean)).toBe(true);
	expect(new Set(workers).size).toBe(2);
	expect(sim.ims.tokenRequests()).toBe(atStartUp);

	// Forced expiry with 10 executions in flight: each call sent with the old token gets one 401; each
	// process mints once for all its calls (n8n would mint once per call); every execution succeeds; the
	// stored token then serves everyone again.
	await awayFromPollTicks();
	sim.setLatency(1_500);
	const inFlight = await Promise.all(Array.from({ length: 10 }, () => rest.runManually('queueOneFlow', MANUAL)));
	const pending = () => sim.log.entries().filter((entry) => entry.path === '/data/foundation/flowservice/flows' && entry.status === null).length;
	await waitFor('10 calls in flight at the simulator', () => pending() >= 10, { timeoutMs: 60_000, intervalMs: 20 });
	const beforeExpiry = sim.ims.tokenRequests();
	sim.ims.expireAll();
	const afterExpiryRuns = await Promise.all(inFlight.map((id) => rest.finishedExecution(id)));
	sim.setLatency(0);
	expect(afterExpiryRuns.map((execution) => execution.status)).toEqual(inFlight.map(() => 'success'));
	const reminted = sim.ims.tokenRequests() - beforeExpiry;
	expect(reminted).toBeGreaterThanOrEqual(1);
	// One per worker that had calls in flight.
	expect(reminted).toBeLessThanOrEqual(2);
	const unauthorized = sim.log.entries().filter((entry) => entry.status === 401).length;
	expect(unauthorized).toBeLessThanOrEqual(inFlight.length);

	const settled = sim.ims.tokenRequests();
	const later = await Promise.all(Array.from({ length: 10 }, () => rest.runManually('queueOneFlow', MANUAL)));
	const laterRuns = await Promise.all(later.map((id) => rest.finishedExecution(id)));
	expect(laterRuns.map((execution) => execution.status)).toEqual(later.map(() => 'success'));
	expect([...inFlight, ...later].every((id) => ranOnWorker(id))).toBe(true);
	expect(sim.ims.tokenRequests()).toBe(settled);
	console.log(`[queue] IMS token requests: ${atStartUp} at start-up (${TRIGGER_WORKFLOWS.length} trigger workflows activated), +0 over ${ids.length + 1} executions, +${reminted} after a forced expiry with ${inFlight.length} executions in flight, +0 over the next ${later.length}`);
});

test('failed runs reach the sink exactly once across a SIGTERM and a SIGKILL restart of main; recoveries and digests too; every execution ran on a worker', async () => {
	const restarts = [];
	const advanceHours = (hours) => {
		for (let i = 0; i < hours; i++) sim.clock.advance(HOUR);
	};
	const settle = async (what) => {
		await waitFor(`${what}: every expected alert at the sink`, allArrived, { timeoutMs: 240_000, intervalMs: 500 });
		await waitFor(`${what}: no execution still running`, noExecutionRunning, { timeoutMs: 120_000, intervalMs: 500 });
	};
	const restartMain = async (signal, hoursWhileDown) => {
		await awayFromPollTicks();
		await stack.main.stop(signal);
		// Runs keep failing while main is down.
		advanceHours(hoursWhileDown);
		const ms = await stack.main.start();
		restarts.push({ signal, ms });
		await rest.signIn();
	};

	// Main up: runs fail and are polled on schedule.
	advanceHours(2);
	await settle('before any restart');
	expect(groundTruth().failed.length).toBeGreaterThanOrEqual(1);

	await restartMain('SIGTERM', 2);
	await settle('after the SIGTERM restart');

	advanceHours(1);
	await settle('between the restarts');
	expect(groundTruth().recovered.length).toBeGreaterThanOrEqual(1);

	await restartMain('SIGKILL', 2);
	await settle('after the SIGKILL restart');

	advanceHours(2);
	await settle('after both restarts');

	// One more poll of every trigger after the last alert: nothing arrives twice.
	const mark = sim.log.entries().at(-1)?.seq ?? 0;
	const polled = () => sim.log.entries(mark).filter((entry) => entry.path === '/data/foundation/flowservice/runs' && entry.status !== null).length >= TRIGGER_WORKFLOWS.length;
	await waitFor('one more poll of every trigger', polled, { timeoutMs: 90_000, intervalMs: 500 });
	await waitFor('no execution still running', noExecutionRunning, { timeoutMs: 120_000, intervalMs: 500 });
	await sleep(2_000);
	await waitFor('no execution still running', noExecutionRunning, { timeoutMs: 120_000, intervalMs: 500 });

	const expected = groundTruth();
	const got = delivered();
	expect(expected.failed.length).toBeGreaterThanOrEqual(8);
	expect(expected.recovered.length).toBeGreaterThanOrEqual(3);
	// Exactly once: the same run IDs, each as often as the simulator has it (once).
	expect(got.failed).toEqual(expected.failed);
	expect(got.digest).toEqual(expected.failed);
	expect(got.recovered).toEqual(expected.recovered);
	// One digest per poll that found failures: fewer digests than failures.
	expect(sinkMessages('/digest').length).toBeLessThan(expected.failed.length);

	// Every execution of the alert workflows was enqueued by main and run by a worker, and succeeded.
	const ids = TRIGGER_WORKFLOWS.map((id) => `'${id}'`).join(',');
	const executions = await executionRows(`where "workflowId" in (${ids})`);
	expect(executions.length).toBeGreaterThan(0);
	expect(executions.every((row) => row.mode === 'trigger' && row.status === 'success')).toBe(true);
	expect(executions.filter((row) => !ranOnWorker(row.id))).toEqual([]);
	// Every message came from one of those executions, and each execution posted once per item.
	const executionIds = new Set(executions.map((row) => row.id));
	const messages = ['/failed', '/recovered', '/digest'].flatMap(sinkMessages);
	expect(messages.every((body) => executionIds.has(String(body.executionId)))).toBe(true);
	expect(new Set(sinkMessages('/digest').map((body) => String(body.executionId))).size).toBe(sinkMessages('/digest').length);
	expect(restarts.map((restart) => restart.signal)).toEqual(['SIGTERM', 'SIGKILL']);
	console.log(`[queue] alerts: ${got.failed.length} failed runs, ${got.recovered.length} recoveries, ${sinkMessages('/digest').length} digests over ${executions.length} trigger executions; main restarted after SIGTERM in ${(restarts[0].ms / 1000).toFixed(1)} s, after SIGKILL in ${(restarts[1].ms / 1000).toFixed(1)} s`);
});

test('main\'s poll renews the IMS token ahead of its expiry, once for the cluster; the old token then expires with 10 executions in flight and nobody mints again', async () => {
	// The stored token was minted after the forced expiry above; its IMS answer's Date is Adobe's clock then.
	const issuedAt = Math.max(...sim.log.entries().filter((entry) => entry.path === '/ims/token/v3' && entry.status === 200).map((entry) => entry.simTime));
	const lifetime = 86_399_000;
	const before = sim.ims.tokenRequests();
	const mark = sim.log.entries().at(-1)?.seq ?? 0;

	// Past half the lifetime on Adobe's clock: the next poll of main's three triggers renews, with one token request.
	await awayFromPollTicks();
	sim.clock.advance(Math.max(0, issuedAt + lifetime / 2 + 5 * 60_000 - sim.clock.now()));
	await waitFor('the renewal by a poll of main', () => sim.ims.tokenRequests() > before, { timeoutMs: 90_000, intervalMs: 200 });
	// A whole minute more of polls (two ticks of every trigger): no other process and no other poll mints.
	const renewedAt = sim.log.entries().at(-1)?.seq ?? 0;
	const polledTwice = () => sim.log.entries(renewedAt).filter((entry) => entry.path === '/data/foundation/flowservice/runs' && entry.status === 200).length >= 2 * TRIGGER_WORKFLOWS.length;
	await waitFor('two more polls of every trigger', polledTwice, { timeoutMs: 120_000, intervalMs: 500 });
	expect(sim.ims.tokenRequests()).toBe(before + 1);
	const renewal = sim.log.entries(mark).filter((entry) => entry.path === '/ims/token/v3');
	expect(renewal.map((entry) => entry.status)).toEqual([200]);

	// The old token expires while 10 executions are in flight on the workers: they carry the renewed one.
	await awayFromPollTicks();
	sim.setLatency(1_500);
	const inFlight = await Promise.all(Array.from({ length: 10 }, () => rest.runManually('queueOneFlow', MANUAL)));
	const pending = () => sim.log.entries(renewedAt).filter((entry) => entry.path === '/data/foundation/flowservice/flows' && entry.status === null).length;
	await waitFor('10 calls in flight at the simulator', () => pending() >= 10, { timeoutMs: 60_000, intervalMs: 20 });
	sim.clock.advance(issuedAt + lifetime + 60_000 - sim.clock.now());
	const finished = await Promise.all(inFlight.map((id) => rest.finishedExecution(id)));
	sim.setLatency(0);
	expect(finished.map((execution) => execution.status)).toEqual(inFlight.map(() => 'success'));
	expect(inFlight.every((id) => ranOnWorker(id))).toBe(true);
	// And a poll of every trigger after the expiry.
	const expired = sim.log.entries().at(-1)?.seq ?? 0;
	const polled = () => sim.log.entries(expired).filter((entry) => entry.path === '/data/foundation/flowservice/runs' && entry.status === 200).length >= TRIGGER_WORKFLOWS.length;
	await waitFor('a poll of every trigger after the expiry', polled, { timeoutMs: 90_000, intervalMs: 500 });
	expect(sim.log.entries(mark).filter((entry) => entry.status === 401)).toEqual([]);
	expect(sim.ims.tokenRequests()).toBe(before + 1);
	console.log(`[queue] IMS token renewal: +${sim.ims.tokenRequests() - before} token request (by main's poll, ${TRIGGER_WORKFLOWS.length} triggers) past half the lifetime; the old token's expiry with ${inFlight.length} executions in flight: +0 requests, 0 answers 401`);
});

test('memory per process and start-up times (printed for the README)', () => {
	sampleMemory();
	const mb = (bytes) => `${Math.round(bytes / 1_048_576)} MB`;
	const lines = [
		`n8n ${N8N_VERSION} queue mode, Node ${process.version}, PostgreSQL ${stack.postgres.version} (${stack.postgres.source}), Redis ${stack.redis.version} (${stack.redis.source})`,
		`Redis + PostgreSQL up: ${(stack.timings.servicesMs / 1000).toFixed(1)} s; credential and workflow import: ${(stack.timings.importMs / 1000).toFixed(1)} s`,
		'| Process | Ready after (each start) | Peak RSS | RSS at the end |',
		'| --- | --- | --- | --- |',
	];
	for (const proc of [stack.main, ...stack.workers]) {
		const { peak, last } = memory.get(proc.name) ?? { peak: 0, last: 0 };
		lines.push(`| n8n ${proc.name} | ${proc.starts.map((ms) => `${(ms / 1000).toFixed(1)} s`).join(', ')} | ${mb(peak)} | ${mb(last)} |`);
	}
	for (const name of ['redis', 'postgres', 'test process']) {
		const { peak, last } = memory.get(name) ?? { peak: 0, last: 0 };
		if (peak) lines.push(`| ${name} | | ${mb(peak)} | ${mb(last)} |`);
	}
	lines.push(`| all | | ${mb(memory.get('total').peak)} | ${mb(memory.get('total').last)} |`);
	// n8n's own word on the database version (it warns about PostgreSQL older than 16).
	const warning = /Postgres \d+ is not supported[^\n]*/.exec(stack.main.logs.text)?.[0];
	if (warning) lines.push(`n8n warned: ${warning}`);
	const report = lines.join('\n');
	console.log(`[queue] memory and start-up:\n${report}`);
	const out = path.join(projectRoot, 'test-results');
	fs.mkdirSync(out, { recursive: true });
	fs.writeFileSync(path.join(out, 'queue-mode.md'), `${report}\n`);
	for (const proc of [stack.main, ...stack.workers]) expect(proc.starts.length).toBeGreaterThan(0);
	expect(memory.get('total').peak).toBeGreaterThan(0);
});
