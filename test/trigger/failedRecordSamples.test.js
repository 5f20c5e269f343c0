'use strict';
// Include Failed Record Samples: Failed Run and Finished Run items carry the first rows Adobe
// rejected, fetched after the events are settled, within the poll's budget, at most 2 requests per
// event; when time is short or Adobe fails, the item says why and the event is never held back.
const { useEnvironment } = require('../harness/environment');
const { TriggerDriver } = require('../harness/trigger');
const { platformCalls } = require('../harness/requests');

const MINUTE = 60_000;
const env = useEnvironment();

const trigger = (event, options, { pollBudgetMs } = {}) =>
	new TriggerDriver(env.n8n, { event, flowKind: 'all', flowIds: [], options, ...(event === 'finishedRun' ? { statuses: ['success', 'failed', 'partialSuccess'] } : {}) }, { pollBudgetMs });

/** A flow, an activated trigger, then one run of the flow that fails `failed` records. */
async function failingRun(driver, { failed = 20, diagnostics = true, status = 'failed' } = {}) {
	const [flow] = env.sim.store.seedFlows({ sandbox: 'prod', count: 1, kind: 'source' });
	env.sim.store.setErrorDiagnostics('prod', flow.id, diagnostics);
	env.sim.clock.advance(MINUTE);
	await driver.poll();
	const [run] = env.sim.store.seedRuns({ sandbox: 'prod', flowId: flow.id, count: 1, status: 'inProgress' });
	env.sim.store.setRunOutcome('prod', run.id, { status, failedRecordCount: failed, inputRecordCount: 100 });
	const [batchId] = env.sim.store.batchIdsOfRun('prod', run.id);
	env.sim.clock.advance(MINUTE);
	env.sim.log.clear();
	return { flow, run, batchId };
}

const dataAccessCalls = () => platformCalls(env.sim).filter((call) => call.service === 'export').map((call) => `${call.method} ${call.path} ${call.query.path}${call.query.start ? ` start=${call.query.start}` : ''}`);

describe('Include Failed Record Samples', () => {
	test('5 samples: one request to Adobe\'s sample file; the rows are the batch\'s first', async () => {
		const driver = trigger('failedRun', { failedRecordSamples: 5 });
		const { run, batchId } = await failingRun(driver);
		const [item] = await driver.poll();
		expect(item).toMatchObject({ event: 'failedRun', runId: run.id, failedRecordSamplesStatus: 'included' });
		expect(dataAccessCalls()).toEqual([`GET /batches/${batchId}/meta row_error_samples.json`]);
		const truth = env.sim.store.rowErrors('prod', batchId).slice(0, 5);
		expect(item.failedRecordSamples.map((row) => [row.batchId, row.errorCodes, row.record])).toEqual(truth.map((row) => [batchId, row._errors.map((e) => e.code), row._corrupt_record]));
		expect(item.failedRecordSamples[0]).toMatchObject({ runId: run.id, flowId: run.flowId, fileName: 'row_error_samples.json' });
	});

	test('25 samples: the error-file list and the first file, two requests', async () => {
		env.sim.store.setRowErrorFileRows(12);
		const driver = trigger('failedRun', { failedRecordSamples: 25 });
		const { batchId } = await failingRun(driver, { failed: 40 });
		const [item] = await driver.poll();
		const [first] = env.sim.store.rowErrorFiles('prod', batchId);
		expect(dataAccessCalls()).toEqual([`GET /batches/${batchId}/meta row_errors`, `GET /batches/${batchId}/meta row_errors/${first.name}`]);
		expect(item.failedRecordSamples).toHaveLength(first.records);
		expect(item.failedRecordSamples.every((row) => row.fileName === first.name)).toBe(true);
	});

	test('a flow without error diagnostics: no request, and the item says so', async () => {
		const driver = trigger('failedRun', { failedRecordSamples: 5 });
		const { run } = await failingRun(driver, { diagnostics: false });
		const [item] = await driver.poll();
		expect(item).toMatchObject({ runId: run.id, failedRecordSamples: [], failedRecordSamplesStatus: 'noDiagnostics' });
		expect(dataAccessCalls()).toEqual([]);
	});

	test('a run without failed records: no request', async () => {
		const driver = trigger('finishedRun', { failedRecordSamples: 5 });
		const { run } = await failingRun(driver, { failed: 0, status: 'success' });
		const [item] = await driver.poll();
		expect(item).toMatchObject({ runId: run.id, failedRecordSamples: [], failedRecordSamplesStatus: 'noFailedRecords' });
		expect(dataAccessCalls()).toEqual([]);
	});

	test('a poll budget too short for samples: the event comes without them, at once, and once', async () => {
		const driver = trigger('failedRun', { failedRecordSamples: 5 }, { pollBudgetMs: 1_000 });
		const { run } = await failingRun(driver);
		const [item] = await driver.poll();
		expect(item).toMatchObject({ runId: run.id, failedRecordSamples: [], failedRecordSamplesStatus: 'skippedForTime' });
		expect(item.failedRecordSamplesReason).toMatch(/Get Failed Records/);
		expect(dataAccessCalls()).toEqual([]);
		expect(await driver.poll()).toEqual([]);
	});

	test('Data Access failing: the event comes with the reason, and is not fired again', async () => {
		const driver = trigger('failedRun', { failedRecordSamples: 5 });
		const { run, batchId } = await failingRun(driver);
		env.sim.faults.add({ method: 'GET', path: `/data/foundation/export/batches/${batchId}/meta`, status: 503, times: 10 });
		const [item] = await driver.poll();
		env.sim.faults.clear();
		expect(item).toMatchObject({ runId: run.id, failedRecordSamples: [], failedRecordSamplesStatus: 'unavailable' });
		expect(item.failedRecordSamplesReason).toMatch(/503/);
		// Two attempts at most: the samples never eat the poll's budget.
		expect(dataAccessCalls()).toHaveLength(2);
		driver.restart();
		env.sim.clock.advance(MINUTE);
		expect(await driver.poll()).toEqual([]);
	});

	test('in a digest, each event carries its samples', async () => {
		const driver = trigger('failedRun', { failedRecordSamples: 3, output: 'digest' });
		const first = await failingRun(driver);
		const [run2] = env.sim.store.seedRuns({ sandbox: 'prod', flowId: first.flow.id, count: 1, status: 'inProgress' });
		env.sim.store.setRunOutcome('prod', run2.id, { status: 'failed', failedRecordCount: 7, inputRecordCount: 10 });
		const [digest] = await driver.poll();
		expect(digest.count).toBe(2);
		expect(digest.events.map((event) => [event.runId, event.failedRecordSamples.length, event.failedRecordSamplesStatus])).toEqual(
			expect.arrayContaining([
				[first.run.id, 3, 'included'],
				[run2.id, 3, 'included'],
			]),
		);
	});
});
