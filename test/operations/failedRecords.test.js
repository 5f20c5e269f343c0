'use strict';
// Run → Get Failed Records and Run → Get Errors' batch details: from a run to the rows Adobe
// rejected (Catalog batches, Data Access row-error files), through real workflow executions against
// the simulator, asserting the exact requests, the rows against the simulator's own, and every clear
// outcome when there is nothing to return.
const { useEnvironment } = require('../harness/environment');
const { platformCalls } = require('../harness/requests');

const byId = (id) => ({ __rl: true, mode: 'id', value: id });
const DAY = 24 * 3_600_000;

const env = useEnvironment();

const runNode = async (parameters, options) => {
	env.sim.log.clear();
	return await env.n8n.runAepNode({ resource: 'run', operation: 'getFailedRecords', ...parameters }, options);
};
const calls = () => platformCalls(env.sim).map((call) => `${call.method} ${call.service} ${call.path}${call.query?.path ? ` path=${call.query.path}` : ''}${call.query?.start ? ` start=${call.query.start}` : ''} ${call.status}`);

/** A source flow's finished run with `failed` failed records out of `input`; diagnostics as the flow has them. */
function failedRun({ failed = 20, input = 100, status = 'partialSuccess', diagnostics = true, detail } = {}) {
	const [flow] = env.sim.store.seedFlows({ sandbox: 'prod', count: 1, kind: 'source' });
	env.sim.store.setErrorDiagnostics('prod', flow.id, diagnostics);
	const [run] = env.sim.store.seedRuns({ sandbox: 'prod', flowId: flow.id, count: 1, status: 'inProgress' });
	env.sim.store.setRunOutcome('prod', run.id, { status, failedRecordCount: failed, inputRecordCount: input, ...(detail ? { detail } : {}) });
	const [batchId] = env.sim.store.batchIdsOfRun('prod', run.id);
	return { flow, run: env.sim.store.get('prod', 'runs', run.id), batchId };
}

/** The simulator's own rows of a batch, as the operation should return them. */
function expectedRows(run, batchId) {
	return env.sim.store.rowErrors('prod', batchId).map((row) => ({
		runId: run.id,
		flowId: run.flowId,
		batchId,
		errorCodes: row._errors.map((error) => error.code),
		errorMessages: row._errors.map((error) => error.message),
		sourceFile: row._filename,
		record: row._corrupt_record,
	}));
}

const fileNames = (batchId) => [...new Set(env.sim.store.rowErrors('prod', batchId).map((row) => row.__file))];

describe('Get Failed Records', () => {
	test('Return All reads the run, its Catalog batch, the file list and every file: one item per failed row', async () => {
		env.sim.store.setRowErrorFileRows(7);
		const { run, batchId } = failedRun({ failed: 20 });
		const { items, error } = await runNode({ runId: byId(run.id), returnAll: true });
		expect(error).toBeUndefined();
		const listed = env.sim.store.rowErrorFiles('prod', batchId).map((file) => file.name);
		expect(listed.length).toBeGreaterThanOrEqual(3);
		expect(calls()).toEqual([
			`GET flowservice /runs/${run.id} 200`,
			`GET catalog /batches/${batchId} 200`,
			`GET export /batches/${batchId}/meta path=row_errors 200`,
			...listed.map((name) => `GET export /batches/${batchId}/meta path=row_errors/${name} 200`),
		]);
		expect(items).toHaveLength(20);
		expect(items.map((item) => item.json)).toMatchObject(expectedRows(run, batchId));
		// Catalog and Data Access calls carry the credential's headers like every Flow Service call.
		const dataAccess = env.sim.log.entries().filter((entry) => entry.path.startsWith('/data/foundation/export/') || entry.path.startsWith('/data/foundation/catalog/'));
		expect(dataAccess).toHaveLength(2 + listed.length);
		for (const entry of dataAccess) {
			expect(entry.headers).toMatchObject({ 'x-api-key': 'sim-client-id', 'x-gw-ims-org-id': 'SIMORG0123456789@AdobeOrg', 'x-sandbox-name': 'prod' });
			expect(entry.headers.authorization).toMatch(/^Bearer \S+$/);
		}
		for (const item of items) {
			expect(listed).toContain(item.json.fileName);
			expect(item.pairedItem).toEqual({ item: 0 });
		}
		// Conversion errors name the column and the XDM path; parsing errors keep the raw row.
		const conversion = items.find((item) => item.json.errorCodes.includes('INGEST-1555-400'));
		expect(conversion.json.paths.length + conversion.json.columns.length).toBeGreaterThan(0);
		expect(typeof items[0].json.record).toBe('string');
	});

	test('Limit reads only the files the limit needs', async () => {
		env.sim.store.setRowErrorFileRows(7);
		const { run, batchId } = failedRun({ failed: 20 });
		const { items } = await runNode({ runId: byId(run.id), returnAll: false, limit: 5 });
		expect(items).toHaveLength(5);
		const first = env.sim.store.rowErrorFiles('prod', batchId)[0].name;
		expect(calls().slice(-1)).toEqual([`GET export /batches/${batchId}/meta path=row_errors/${first} 200`]);
		expect(calls().filter((line) => line.includes('path=row_errors/'))).toHaveLength(1);
	});

	test('pages over more than 100 error files with start', async () => {
		env.sim.store.setRowErrorFileRows(1);
		const { run, batchId } = failedRun({ failed: 130, input: 500 });
		const { items } = await runNode({ runId: byId(run.id), returnAll: true });
		expect(items).toHaveLength(130);
		const listings = calls().filter((line) => / path=row_errors( |$| start)/.test(line));
		expect(listings).toEqual([`GET export /batches/${batchId}/meta path=row_errors 200`, `GET export /batches/${batchId}/meta path=row_errors start=100 200`]);
		expect(new Set(items.map((item) => item.json.fileName)).size).toBe(130);
	});

	test('a run picked by its Experience Platform link', async () => {
		const { run } = failedRun({ failed: 3 });
		const url = `https://experience.adobe.com/#/@simorg/sname:prod/platform/source/dataflows/${run.flowId}/runs/${run.id}`;
		const { items, error } = await runNode({ runId: { __rl: true, mode: 'url', value: url }, returnAll: true });
		expect(error).toBeUndefined();
		expect(items).toHaveLength(3);
		expect(calls()[0]).toBe(`GET flowservice /runs/${run.id} 200`);
	});

	test('Output: One Item per Error File returns each file as binary data, byte for byte', async () => {
		env.sim.store.setRowErrorFileRows(7);
		const { run, batchId } = failedRun({ failed: 20 });
		const { items, error } = await runNode({ runId: byId(run.id), returnAll: true, output: 'files' });
		expect(error).toBeUndefined();
		const files = env.sim.store.rowErrorFiles('prod', batchId);
		expect(items.map((item) => item.json.fileName)).toEqual(files.map((file) => file.name));
		for (const [index, item] of items.entries()) {
			expect(item.binary.data).toMatchObject({ fileName: files[index].name, mimeType: 'application/x-ndjson' });
			const bytes = Buffer.from(item.binary.data.data, 'base64');
			expect(bytes.length).toBe(Number(files[index].length));
			expect(item.json).toMatchObject({ runId: run.id, batchId, bytes: bytes.length });
		}
		expect(items.reduce((sum, item) => sum + item.json.records, 0)).toBe(20);
	});

	describe('clear outcomes, not empty lists', () => {
		test('a run still in progress has no batches yet', async () => {
			const [flow] = env.sim.store.seedFlows({ sandbox: 'prod', count: 1, kind: 'source' });
			const [run] = env.sim.store.seedRuns({ sandbox: 'prod', flowId: flow.id, count: 1, status: 'inProgress' });
			const { error } = await runNode({ runId: byId(run.id), returnAll: true });
			expect(error.message).toBe(`Run ${run.id} has no batches yet: it is still running`);
			expect(error.description).toMatch(/Wait for Completion/);
			expect(calls()).toEqual([`GET flowservice /runs/${run.id} 200`]);
		});

		test('diagnostics were not enabled for the flow: says so and how to enable them', async () => {
			const { run, batchId } = failedRun({ failed: 12, diagnostics: false });
			const { error } = await runNode({ runId: byId(run.id), returnAll: true });
			expect(error.message).toBe(`Error diagnostics were not enabled for the flow of run ${run.id}: Adobe counted 12 failed records but kept none of them`);
			expect(error.description).toMatch(/errorDiagnosticsEnabled/);
			expect(calls()).toEqual([`GET flowservice /runs/${run.id} 200`, `GET catalog /batches/${batchId} 200`]);
		});

		test('diagnostics older than 30 days have expired', async () => {
			const { run, batchId } = failedRun({ failed: 5 });
			env.sim.clock.advance(31 * DAY);
			const { error } = await runNode({ runId: byId(run.id), returnAll: true });
			expect(error.message).toBe(`The failed records of run ${run.id} have expired: Adobe keeps them for 30 days`);
			expect(calls()).toEqual([`GET flowservice /runs/${run.id} 200`, `GET catalog /batches/${batchId} 200`]);
		});

		test('a run that failed no records says so; When There Are No Failed Records: Return Nothing gives no items', async () => {
			const { run } = failedRun({ failed: 0, status: 'success' });
			const { error } = await runNode({ runId: byId(run.id), returnAll: true });
			expect(error.message).toBe(`Run ${run.id} did not fail any records`);
			const quiet = await runNode({ runId: byId(run.id), returnAll: true, failedRecordOptions: { whenNone: 'nothing' } });
			expect(quiet.error).toBeUndefined();
			expect(quiet.items).toEqual([]);
		});

		test('a destination run: Catalog knows none of its batches', async () => {
			const [flow] = env.sim.store.seedFlows({ sandbox: 'prod', count: 1, kind: 'destination' });
			const [run] = env.sim.store.seedRuns({ sandbox: 'prod', flowId: flow.id, count: 1, status: 'success' });
			const { error } = await runNode({ runId: byId(run.id), returnAll: true });
			expect(error.message).toMatch(new RegExp(`^Adobe keeps no failed records for run ${run.id}: Catalog knows none of its`));
		});

		test('with Continue On Fail, a run without diagnostics is its error item and the next item still runs', async () => {
			const off = failedRun({ failed: 4, diagnostics: false });
			const on = failedRun({ failed: 3 });
			const { items, error } = await runNode(
				{ runId: byId('={{ $json.runId }}'), returnAll: true },
				{ inputItems: JSON.stringify([{ runId: off.run.id }, { runId: on.run.id }]), nodeOptions: { continueOnFail: true } },
			);
			expect(error).toBeUndefined();
			expect(items).toHaveLength(4);
			expect(items[0].json.error).toMatch(/^Error diagnostics were not enabled/);
			expect(items[0].pairedItem).toEqual({ item: 0 });
			expect(items.slice(1).map((item) => [item.json.runId, item.pairedItem.item])).toEqual([
				[on.run.id, 1],
				[on.run.id, 1],
				[on.run.id, 1],
			]);
		});

		test('a server error on an error file is an error naming Data Access, after retries', async () => {
			const { run, batchId } = failedRun({ failed: 3 });
			env.sim.faults.add({ method: 'GET', path: `/data/foundation/export/batches/${batchId}/meta`, status: 503, times: 10 });
			const { error } = await runNode({ runId: byId(run.id), returnAll: true });
			expect(error.message).toMatch(/503/);
			expect(error.description).toMatch(/\/data\/foundation\/export\/batches\//);
		});
	});

	test('a bad run ID is refused before any request: in the editor, and when an expression gives it', async () => {
		await expect(runNode({ runId: byId('not an id'), returnAll: true })).rejects.toThrow(/Not a run ID: a run ID looks like/);
		const { error } = await runNode({ runId: byId('={{ "not an id" }}'), returnAll: true });
		expect(error.message).toMatch(/The Run ID "not an id" is not a valid ID/);
		const link = await runNode({ runId: { __rl: true, mode: 'url', value: '={{ "https://experience.adobe.com/#/platform/source/dataflows" }}' }, returnAll: true });
		expect(link.error.message).toMatch(/The Run ID link .* holds no ID/);
		expect(calls()).toEqual([]);
	});
});

describe('the run picker', () => {
	test('lists the newest runs that failed or failed records, newest first, and nothing else', async () => {
		const healthy = failedRun({ failed: 0, status: 'success' });
		const partial = failedRun({ failed: 9 });
		const failed = failedRun({ failed: 30, status: 'failed' });
		env.sim.log.clear();
		const result = await env.n8n.callNodeMethod({ kind: 'listSearch', method: 'searchRunsWithFailures' });
		const ids = result.results.map((entry) => entry.value);
		expect(ids).toEqual(expect.arrayContaining([partial.run.id, failed.run.id]));
		expect(ids).not.toContain(healthy.run.id);
		expect(result.results.find((entry) => entry.value === failed.run.id).name).toMatch(/ · failed · 30 failed records · /);
		const [call] = platformCalls(env.sim);
		expect(call).toMatchObject({ method: 'GET', service: 'flowservice', path: '/runs' });
		expect(call.query).toMatchObject({ limit: '100', orderby: '-createdAt', property: 'metrics.statusSummary.status==failed,partialSuccess,success' });
		const typed = await env.n8n.callNodeMethod({ kind: 'listSearch', method: 'searchRunsWithFailures', args: [failed.run.id.slice(0, 8)] });
		expect(typed.results.map((entry) => entry.value)).toEqual([failed.run.id]);
	});
});

describe('Get Errors: per-batch details', () => {
	test('each error item carries its batches: Catalog status, failed records per code, and sample errors', async () => {
		const { run, batchId } = failedRun({ failed: 20 });
		env.sim.log.clear();
		const { items, error } = await env.n8n.runAepNode({ resource: 'run', operation: 'getErrors', runId: run.id });
		expect(error).toBeUndefined();
		expect(platformCalls(env.sim).map((call) => `${call.method} ${call.service} ${call.path} ${call.query?.path ?? ''}`.trim())).toEqual([
			`GET flowservice /runs/${run.id}`,
			`GET catalog /batches/${batchId}`,
			`GET export /batches/${batchId}/meta row_error_samples.json`,
		]);
		const [batch] = items[0].json.batches;
		expect(batch).toMatchObject({ batchId, known: true, failedRecordCount: 20, errorDiagnostics: true, diagnosticsExpired: false });
		const counted = batch.errors.filter((entry) => entry.recordCount !== null);
		expect(counted.reduce((sum, entry) => sum + entry.recordCount, 0)).toBe(20);
		const truth = env.sim.store.rowErrors('prod', batchId);
		for (const entry of counted) expect(entry.recordCount).toBe(truth.filter((row) => row._errors.some((e) => e.code === entry.code)).length);
		expect(batch.sampleErrors.length).toBeGreaterThan(0);
		expect(batch.sampleErrors[0]).toMatchObject({ runId: run.id, batchId, errorCodes: truth[0]._errors.map((e) => e.code), record: truth[0]._corrupt_record });
	});

	test('without diagnostics: Catalog says so, and no samples are asked for', async () => {
		const { run, batchId } = failedRun({ failed: 8, diagnostics: false });
		env.sim.log.clear();
		const { items } = await env.n8n.runAepNode({ resource: 'run', operation: 'getErrors', runId: run.id });
		expect(platformCalls(env.sim)).toHaveLength(2);
		expect(items[0].json.batches[0]).toMatchObject({ batchId, errorDiagnostics: false, failedRecordCount: 8 });
		expect(items[0].json.batches[0].errors.map((entry) => entry.code)).toEqual(['INGEST-1211-400']);
		expect(items[0].json.batches[0].sampleErrors).toBeUndefined();
	});
});
