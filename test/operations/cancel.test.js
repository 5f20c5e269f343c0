'use strict';
// Stop means stop: an execution cancelled as n8n's Stop button does (its cancel signal aborts) ends at
// once, whether it sleeps between reads of a run, waits for an answer, or backs off before a retry,
// and sends nothing afterwards.
const { useEnvironment } = require('../harness/environment');
const { platformCalls } = require('../harness/requests');

const byId = (id) => ({ __rl: true, mode: 'id', value: id });
const RUNS = '/data/foundation/flowservice/runs';

const env = useEnvironment();

const seedFlow = () => env.sim.store.seedFlows({ sandbox: 'prod', count: 1, kind: 'source' })[0];

/** A run that stays in progress however long the test waits. */
function heldRun() {
	const flow = seedFlow();
	const [run] = env.sim.store.seedRuns({ sandbox: 'prod', flowId: flow.id, count: 1, status: 'inProgress' });
	env.sim.store.holdRun('prod', run.id);
	return run;
}

const delay = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

async function until(condition, what, timeoutMs = 10_000) {
	const deadline = Date.now() + timeoutMs;
	while (!condition()) {
		if (Date.now() > deadline) throw new Error(`Timed out waiting for ${what}`);
		await delay(20);
	}
}

/**
 * Starts the node, waits for `ready` and then `settleMs` (the simulator logs a request before its
 * answer reaches the node), cancels, and measures how long the execution took to end.
 */
async function cancelWhen(parameters, ready, what, settleMs = 0) {
	env.sim.log.clear();
	const execution = env.n8n.runAepNodeCancellable({ resource: 'run', ...parameters });
	await until(ready, what);
	await delay(settleMs);
	const requestsAtCancel = platformCalls(env.sim).length;
	const cancelledAt = Date.now();
	execution.cancel();
	const result = await execution.finished;
	const endedAfterMs = Date.now() - cancelledAt;
	return { ...result, endedAfterMs, requestsAtCancel };
}

const calls = () => platformCalls(env.sim);

describe('Run → Wait for Completion', () => {
	test('a cancel during the wait between two reads ends the execution at once, and nothing is sent afterwards', async () => {
		const run = heldRun();
		const { error, endedAfterMs, requestsAtCancel } = await cancelWhen(
			{ operation: 'waitForCompletion', runId: run.id, options: { pollIntervalSeconds: 30, maxWaitSeconds: 600 } },
			() => calls().length === 1 && calls()[0].status === 200,
			'the first read of the run',
			500,
		);
		expect(endedAfterMs).toBeLessThan(2000);
		expect(error.message).toBe(`The execution was cancelled while waiting for run ${run.id}`);
		expect(error.description).toBe('The run itself goes on in Experience Platform: cancelling the execution does not stop it.');
		expect(requestsAtCancel).toBe(1);
		await delay(1500);
		expect(calls().map((c) => `${c.method} ${c.path}`)).toEqual([`GET /runs/${run.id}`]);
	});

	test('with a short poll interval, a cancel after several reads stops the reads', async () => {
		const run = heldRun();
		const { error, endedAfterMs, requestsAtCancel } = await cancelWhen(
			{ operation: 'waitForCompletion', runId: run.id, options: { pollIntervalSeconds: 1 } },
			() => calls().length >= 2,
			'two reads of the run',
		);
		expect(endedAfterMs).toBeLessThan(2000);
		expect(error.message).toMatch(/^The execution was cancelled /);
		// 2.5 poll intervals later, no read was added.
		await delay(2500);
		expect(calls()).toHaveLength(requestsAtCancel);
	});

	test('a cancel while a read waits for its answer ends the execution at once', async () => {
		const run = heldRun();
		env.sim.faults.add({ method: 'GET', path: `${RUNS}/${run.id}`, hang: true, times: -1 });
		const started = Date.now();
		env.sim.log.clear();
		const execution = env.n8n.runAepNodeCancellable({ resource: 'run', operation: 'waitForCompletion', runId: run.id, options: { pollIntervalSeconds: 1 } });
		await delay(500);
		const cancelledAt = Date.now();
		execution.cancel();
		const { error } = await execution.finished;
		expect(Date.now() - cancelledAt).toBeLessThan(2000);
		expect(Date.now() - started).toBeLessThan(5000);
		expect(error.message).toBe(`The execution was cancelled during GET /data/foundation/flowservice/runs/${run.id}`);
	});
});

describe('Continue On Fail', () => {
	test('a cancel ends the waits of the items still to come too, without a request', async () => {
		const runs = [heldRun(), heldRun(), heldRun()];
		env.sim.log.clear();
		const execution = env.n8n.runAepNodeCancellable(
			{ resource: 'run', operation: 'waitForCompletion', runId: '={{ $json.id }}', options: { pollIntervalSeconds: 30 } },
			{ inputItems: JSON.stringify(runs.map((run) => ({ id: run.id }))), nodeOptions: { continueOnFail: true } },
		);
		await until(() => calls().length === 1, 'the first read');
		const cancelledAt = Date.now();
		execution.cancel();
		await execution.finished;
		expect(Date.now() - cancelledAt).toBeLessThan(2000);
		await delay(1000);
		expect(calls().map((c) => `${c.method} ${c.path}`)).toEqual([`GET /runs/${runs[0].id}`]);
	});
});

describe('Run → Create with Wait for Completion', () => {
	test('a cancel while waiting for the created run ends at once and says the run was created', async () => {
		const flow = seedFlow();
		env.sim.store.scriptFlowOutcomes('prod', flow.id, [{ status: 'inProgress', times: -1 }]);
		const { error, endedAfterMs } = await cancelWhen(
			{
				operation: 'create', flowId: byId(flow.id), windowStartTime: '2026-01-04T00:00:00Z', windowEndTime: '2026-01-05T00:00:00Z',
				waitForCompletion: true, options: { pollIntervalSeconds: 30 },
			},
			() => calls().length === 2,
			'the run to be created and read',
			500,
		);
		expect(endedAfterMs).toBeLessThan(2000);
		const [post, get] = calls();
		expect(post).toMatchObject({ method: 'POST', path: '/runs', status: 201 });
		const runId = get.path.split('/').pop();
		expect(error.message).toBe(`The execution was cancelled while waiting for run ${runId}`);
		expect(error.description).toBe(
			`The run itself goes on in Experience Platform: cancelling the execution does not stop it. Run ${runId} was created; wait for it with Run → Wait for Completion.`,
		);
		await delay(1000);
		expect(calls()).toHaveLength(2);
	});
});

describe('retry back-off', () => {
	test('a cancel while backing off after a 429 with a long Retry-After ends at once, without the retry', async () => {
		const run = heldRun();
		env.sim.faults.add({ method: 'GET', path: `${RUNS}/${run.id}`, status: 429, headers: { 'Retry-After': '40' }, times: -1 });
		const { error, endedAfterMs } = await cancelWhen(
			{ operation: 'get', runId: run.id },
			() => calls().length === 1,
			'the throttled answer',
		);
		expect(endedAfterMs).toBeLessThan(2000);
		expect(error.message).toBe(`The execution was cancelled during GET /data/foundation/flowservice/runs/${run.id}`);
		await delay(1000);
		expect(calls().map((c) => c.status)).toEqual([429]);
	});

	test('a cancel while backing off after 503s ends at once, without the next attempt', async () => {
		const run = heldRun();
		// Without Retry-After, the back-off after a 503 doubles from 0.25 s (with jitter).
		env.sim.faults.add({ method: 'GET', path: `${RUNS}/${run.id}`, status: 503, times: -1 });
		const { error, endedAfterMs, requestsAtCancel } = await cancelWhen(
			{ operation: 'get', runId: run.id },
			// The third attempt follows a back-off of 0.5 to 1 s before a fourth of 1 to 2 s.
			() => calls().length === 3,
			'three answers 503',
		);
		expect(endedAfterMs).toBeLessThan(500);
		expect(error.message).toBe(`The execution was cancelled during GET /data/foundation/flowservice/runs/${run.id}`);
		await delay(2500);
		expect(calls()).toHaveLength(requestsAtCancel);
	});
});
