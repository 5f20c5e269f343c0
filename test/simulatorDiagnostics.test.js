'use strict';

// The simulator's failed-record diagnostics over real HTTP, without n8n: the flow's
// errorDiagnosticsEnabled option, the run's manifest links, Catalog batches, and the Data
// Access error files (listing, paging, downloads, samples, input files, expiry, faults),
// plus the promise that none of it changes the seeded run history.

const { platformHeaders } = require('./harness/simulatorHeaders');
const assert = require('node:assert/strict');
const { startSimulator, DEFAULT_CLIENT } = require('./simulator/server');

const FS = '/data/foundation/flowservice';
const CATALOG = '/data/foundation/catalog';
const EXPORT = '/data/foundation/export';
const DAY = 86400000;
const MAPPING_ERROR = {
  errors: [{ code: 'CONNECTOR-2001-500', message: 'Error in processing (parsing, validation or transformation) the copied data.' }],
  detail: { code: 'MAPPER-3700-400', message: "Mapper Transform Error: failed to evaluate expression to_date(birthDate, 'yyyy-MM-dd')." },
};

function client(sim) {
  let token = null;
  const headers = (extra = {}) => platformHeaders(token, extra);

  // Absolute hrefs (Data Access links) are fetched as they are.
  async function request(method, path, { body, headers: extra } = {}) {
    const init = { method, headers: headers(extra) };
    if (body !== undefined) {
      init.body = JSON.stringify(body);
      init.headers['content-type'] = 'application/json';
    }
    const res = await fetch(path.startsWith('http') ? path : sim.url + path, init);
    const text = await res.text();
    const type = res.headers.get('content-type') || '';
    return { status: res.status, headers: res.headers, text, body: /json/.test(type) && text ? JSON.parse(text) : undefined };
  }

  async function login() {
    const res = await fetch(`${sim.url}/ims/token/v3`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ grant_type: 'client_credentials', client_id: DEFAULT_CLIENT.clientId, client_secret: DEFAULT_CLIENT.clientSecret, scope: DEFAULT_CLIENT.scopes }).toString(),
    });
    assert.equal(res.status, 200);
    token = (await res.json()).access_token;
  }

  const control = async (method, path, body) => {
    const res = await fetch(`${sim.url}/__sim${path}`, { method, headers: { 'content-type': 'application/json' }, body: body && JSON.stringify(body) });
    return { status: res.status, body: JSON.parse(await res.text()) };
  };
  return { request, login, control, get: (path, opts) => request('GET', path, opts) };
}

const promotion = (run) => run.activities.find((a) => a.name === 'Promotion Activity');
const lines = (text) => text.split('\n').filter(Boolean).map((line) => JSON.parse(line));

// A finished run of `flowId` with the given outcome, and the batch it wrote.
function forcedRun(sim, flowId, outcome, sandbox = 'prod') {
  const [seeded] = sim.store.seedRuns({ sandbox, flowId, count: 1, status: 'success' });
  const run = sim.store.setRunOutcome(sandbox, seeded.id, outcome);
  const [batchId] = sim.store.batchIdsOfRun(sandbox, run.id);
  return { run, batchId };
}

// Every page of a Data Access listing, following _links.next.
async function allPages(api, path) {
  const pages = [];
  let res = await api.get(path);
  for (;;) {
    assert.equal(res.status, 200, res.text);
    pages.push(res.body);
    if (!res.body._links) break;
    res = await api.get(res.body._links.next.href);
  }
  return pages;
}

describe('failed-record diagnostics over HTTP', () => {
  let sim;
  let api;
  let flow; // seeded S3 source flow: diagnostics on
  let partial; // { run, batchId }: partialSuccess, 45 of 1000 rows failed

  beforeAll(async () => {
    sim = await startSimulator();
    api = client(sim);
    await api.login();
    flow = sim.store.seedFlows({ count: 2, kind: 'source' })[1];
    partial = forcedRun(sim, flow.id, { status: 'partialSuccess', failedRecordCount: 45, inputRecordCount: 1000 });
  });

  afterAll(async () => {
    if (sim) await sim.close();
  });

  test('seeded source flows have diagnostics on; POST /flows keeps the body options', async () => {
    const got = await api.get(`${FS}/flows/${flow.id}`);
    assert.deepEqual(got.body.items[0].options, { errorDiagnosticsEnabled: true });
    const [destination] = sim.store.seedFlows({ count: 1, kind: 'destination' });
    assert.equal(destination.options, undefined);

    const body = { name: 'Created without options', flowSpec: flow.flowSpec, sourceConnectionIds: flow.sourceConnectionIds, targetConnectionIds: flow.targetConnectionIds };
    const plain = await api.request('POST', `${FS}/flows`, { body });
    assert.equal(plain.status, 201);
    assert.equal(sim.store.get('prod', 'flows', plain.body.id).options, undefined);
    const withOptions = await api.request('POST', `${FS}/flows`, { body: { ...body, name: 'With options', options: { errorDiagnosticsEnabled: true, partialIngestionPercent: 5 } } });
    assert.deepEqual(sim.store.get('prod', 'flows', withOptions.body.id).options, { errorDiagnosticsEnabled: true, partialIngestionPercent: 5 });
    const bad = await api.request('POST', `${FS}/flows`, { body: { ...body, name: 'Bad', options: { errorDiagnosticsEnabled: 'yes' } } });
    assert.equal(bad.status, 400);
    assert.equal(bad.body.report.field, 'options.errorDiagnosticsEnabled');
  });

  test('manifest links only with diagnostics and failed rows', async () => {
    const { run, batchId } = partial;
    const ext = promotion(run).statusSummary.extensions;
    assert.equal(ext.batchId, batchId);
    assert.deepEqual(ext.manifest, {
      failedRecords: `https://platform.adobe.io/data/foundation/export/batches/${batchId}/meta?path=row_errors`,
      sampleErrors: `https://platform.adobe.io/data/foundation/export/batches/${batchId}/meta?path=row_error_samples.json`,
    });
    assert.equal(promotion(run).fileSummary.extensions.manifest.fileInfo, `https://platform.adobe.io/data/foundation/export/batches/${batchId}/meta?path=input_files`);

    const clean = forcedRun(sim, flow.id, { status: 'success', failedRecordCount: 0, inputRecordCount: 500 });
    assert.equal(promotion(clean.run).statusSummary.extensions.manifest, undefined);

    sim.store.setErrorDiagnostics('prod', flow.id, false);
    const hidden = forcedRun(sim, flow.id, { status: 'partialSuccess', failedRecordCount: 3, inputRecordCount: 100 });
    assert.equal(promotion(hidden.run).statusSummary.extensions.manifest, undefined);
    assert.ok(promotion(hidden.run).fileSummary.extensions.manifest.fileInfo);
    sim.store.setErrorDiagnostics('prod', flow.id, true);
  });

  test('a run forced to partialSuccess quotes its forced counts in every message', async () => {
    const { run } = forcedRun(sim, flow.id, { status: 'partialSuccess', failedRecordCount: 3, inputRecordCount: 100 });
    const messages = JSON.stringify(run).match(/Encountered \d+ errors in the data\. Successfully ingested \d+ rows\./g);
    assert.ok(messages.length > 0);
    assert.deepEqual([...new Set(messages)], ['Encountered 3 errors in the data. Successfully ingested 97 rows.']);
  });

  test('Catalog batch: shape, status and recordCounts summing to failedRecordCount', async () => {
    const { run, batchId } = partial;
    const res = await api.get(`${CATALOG}/batches/${batchId}`);
    assert.equal(res.status, 200);
    assert.deepEqual(Object.keys(res.body), [batchId]);
    const batch = res.body[batchId];
    const target = sim.store.get('prod', 'targetConnections', flow.targetConnectionIds[0]);
    assert.equal(batch.id, batchId);
    assert.equal(batch.status, 'success');
    assert.deepEqual(batch.tags, { acp_enableErrorDiagnostics: ['true'] });
    assert.deepEqual(batch.relatedObjects, [{ type: 'dataSet', id: target.params.dataSetId }]);
    assert.deepEqual(batch.metrics, {
      inputRecordCount: 1000,
      outputRecordCount: 955,
      failedRecordCount: 45,
      inputFileCount: run.metrics.fileSummary.inputFileCount,
      inputByteSize: run.metrics.sizeSummary.inputBytes,
    });
    assert.equal(batch.created, run.createdAt);
    assert.equal(batch.started, run.metrics.durationSummary.startedAtUTC);
    assert.equal(batch.completed, run.metrics.durationSummary.completedAtUTC);
    assert.equal(batch.updated, batch.completed);
    const [summary, ...perCode] = batch.errors;
    assert.equal(summary.code, 'INGEST-1212-400');
    assert.match(summary.description, /Encountered 45 errors in the data\. Successfully ingested 955 rows\./);
    assert.equal(summary.recordCount, undefined);
    assert.deepEqual(perCode.map((e) => e.code), ['INGEST-1401-400', 'INGEST-1555-400']);
    assert.equal(perCode.reduce((n, e) => n + e.recordCount, 0), 45);

    const projected = await api.get(`${CATALOG}/batches/${batchId}?properties=status,metrics`);
    assert.deepEqual(Object.keys(projected.body[batchId]), ['status', 'metrics']);

    // A mapping failure: every row failed in the mapper, the batch ingested nothing.
    const mapped = forcedRun(sim, flow.id, { status: 'failed', failedRecordCount: 20, inputRecordCount: 20, ...MAPPING_ERROR });
    const failedBatch = (await api.get(`${CATALOG}/batches/${mapped.batchId}`)).body[mapped.batchId];
    assert.equal(failedBatch.status, 'failed');
    assert.deepEqual(failedBatch.errors.slice(1), [{ code: 'MAPPER-3700-400', description: MAPPING_ERROR.detail.message, recordCount: 20 }]);
    const rows = sim.store.rowErrors('prod', mapped.batchId);
    assert.equal(rows.length, 20);
    for (const row of rows) assert.deepEqual([row._errors[0].code, row._errors[0].column, row._errors[0].path], ['MAPPER-3700-400', 'birthDate', '/person/birthDate']);
  });

  test('copy-failed, empty and clean batches', async () => {
    const runs = sim.store.seedRuns({ flowId: flow.id, count: 150, status: 'failed' });
    const copyFailed = runs.find((r) => r.activities.length === 1);
    const empty = runs.find((r) => r.activities.length === 2 && promotion(r).statusSummary.extensions.errors[0].code === '133');
    for (const run of [copyFailed, empty]) {
      assert.ok(run, 'the seeded failures include this cause');
      const [batchId] = sim.store.batchIdsOfRun('prod', run.id);
      const batch = (await api.get(`${CATALOG}/batches/${batchId}`)).body[batchId];
      assert.equal(batch.status, 'failed');
      assert.deepEqual([batch.metrics.inputRecordCount, batch.metrics.failedRecordCount, batch.metrics.outputRecordCount], [0, 0, 0]);
      assert.deepEqual(batch.errors, []);
      const list = await api.get(`${EXPORT}/batches/${batchId}/meta?path=row_errors`);
      assert.deepEqual(list.body, { data: [], _page: { limit: 100, count: 0 } });
    }
    const clean = forcedRun(sim, flow.id, { status: 'success', failedRecordCount: 0, inputRecordCount: 10 });
    const batch = (await api.get(`${CATALOG}/batches/${clean.batchId}`)).body[clean.batchId];
    assert.deepEqual([batch.status, batch.errors], ['success', []]);
    assert.equal((await api.get(`${EXPORT}/batches/${clean.batchId}/meta?path=row_error_samples.json`)).status, 404);
  });

  test('error files: listing and paging, bytes, line counts and codes match Catalog', async () => {
    sim.store.setRowErrorFileRows(7);
    const { batchId } = partial;
    const expected = sim.store.batchOf('prod', batchId).errorFiles;
    assert.ok(expected.length >= 7, `45 rows in files of 7: ${expected}`);
    const pages = await allPages(api, `${EXPORT}/batches/${batchId}/meta?path=row_errors&limit=3`);
    assert.equal(pages.length, Math.ceil(expected.length / 3));
    for (const page of pages.slice(0, -1)) assert.deepEqual(page._page, { limit: 3, count: 3 });
    const files = pages.flatMap((p) => p.data);
    assert.deepEqual(files.map((f) => f.name), expected);
    assert.deepEqual(sim.store.rowErrorFiles('prod', batchId).map((f) => [f.name, f.length]), files.map((f) => [f.name, f.length]));
    assert.equal(sim.store.rowErrorFiles('prod', batchId).reduce((n, f) => n + f.records, 0), 45);
    assert.match(expected[0], /^parsing_errors_0\.json$/);

    const catalog = (await api.get(`${CATALOG}/batches/${batchId}`)).body[batchId];
    const inputNames = new Set((await api.get(`${EXPORT}/batches/${batchId}/meta?path=input_files`)).body.data.map((f) => f.name));
    const byCode = {};
    const all = [];
    for (const file of files) {
      assert.equal(file._links.self.href, `${sim.url}${EXPORT}/batches/${batchId}/meta?path=row_errors%2F${file.name}`);
      const res = await api.get(file._links.self.href);
      assert.equal(res.status, 200);
      assert.equal(res.headers.get('content-type'), 'application/octet-stream');
      assert.equal(String(Buffer.byteLength(res.text)), file.length);
      const rows = lines(res.text);
      assert.ok(rows.length >= 1 && rows.length <= 7);
      for (const row of rows) {
        assert.deepEqual(Object.keys(row), ['_corrupt_record', '_errors', '_filename']);
        assert.ok(inputNames.has(row._filename), row._filename);
        const [error] = row._errors;
        byCode[error.code] = (byCode[error.code] || 0) + 1;
        if (file.name.startsWith('parsing_')) assert.deepEqual(Object.keys(error), ['code', 'message']);
        else assert.deepEqual(Object.keys(error), ['code', 'message', 'column', 'path']);
      }
      all.push(...rows);
      // The unencoded path and /failed?path= serve the same bytes.
      assert.equal((await api.get(`${EXPORT}/batches/${batchId}/meta?path=row_errors/${file.name}`)).text, res.text);
      assert.equal((await api.get(`${EXPORT}/batches/${batchId}/failed?path=${file.name}`)).text, res.text);
    }
    assert.equal(all.length, catalog.metrics.failedRecordCount);
    assert.deepEqual(byCode, Object.fromEntries(catalog.errors.filter((e) => e.recordCount).map((e) => [e.code, e.recordCount])));
    assert.deepEqual(all, sim.store.rowErrors('prod', batchId));

    const failedList = await allPages(api, `${EXPORT}/batches/${batchId}/failed?limit=4`);
    assert.deepEqual(failedList.flatMap((p) => p.data.map((f) => [f.name, f.length])), files.map((f) => [f.name, f.length]));

    const samples = await api.get(`${EXPORT}/batches/${batchId}/meta?path=row_error_samples.json`);
    assert.equal(samples.status, 200);
    assert.deepEqual(samples.body, { data: all.slice(0, 10), _page: { count: 10 } });
    sim.store.setRowErrorFileRows(1000);
    assert.deepEqual(sim.store.batchOf('prod', batchId).errorFiles, ['parsing_errors_0.json', 'conversion_errors_0.json']);
    assert.deepEqual(sim.store.rowErrors('prod', batchId), all, 'rows do not depend on the file size');
  });

  test('input files', async () => {
    const { batchId } = partial;
    const count = sim.store.batchOf('prod', batchId).inputFileCount;
    const list = await api.get(`${EXPORT}/batches/${batchId}/meta?path=input_files`);
    assert.equal(list.body.data.length, count);
    assert.deepEqual(list.body._page, { limit: 100, count });
    for (const file of list.body.data) {
      const res = await api.get(file._links.self.href);
      assert.equal(String(Buffer.byteLength(res.text)), file.length);
      assert.deepEqual(lines(res.text), [{ path: `acme-exports/orders/${file.name}` }]);
    }
  });

  test('diagnostics disabled: INGEST-1211-400 and no error files', async () => {
    const toggled = await api.control('POST', `/flows/${flow.id}/diagnostics`, { sandbox: 'prod', enabled: false });
    assert.deepEqual(toggled.body, { sandbox: 'prod', flowId: flow.id, options: { errorDiagnosticsEnabled: false } });
    const { batchId } = forcedRun(sim, flow.id, { status: 'partialSuccess', failedRecordCount: 12, inputRecordCount: 300 });
    await api.control('POST', `/flows/${flow.id}/diagnostics`, { enabled: true });

    const batch = (await api.get(`${CATALOG}/batches/${batchId}`)).body[batchId];
    assert.equal(batch.tags, undefined);
    assert.equal(batch.status, 'success');
    assert.equal(batch.errors.length, 1);
    assert.equal(batch.errors[0].code, 'INGEST-1211-400');
    assert.equal(batch.errors[0].recordCount, undefined);
    assert.match(batch.errors[0].description, /diagnostics/);
    assert.equal(sim.store.batchOf('prod', batchId).diagnostics, false, 'the option when the run finished counts');
    const list = await api.get(`${EXPORT}/batches/${batchId}/meta?path=row_errors`);
    assert.deepEqual(list.body, { data: [], _page: { limit: 100, count: 0 } });
    assert.deepEqual((await api.get(`${EXPORT}/batches/${batchId}/failed`)).body.data, []);
    for (const path of ['row_error_samples.json', 'row_errors/parsing_errors_0.json']) {
      const res = await api.get(`${EXPORT}/batches/${batchId}/meta?path=${path}`);
      assert.equal(res.status, 404);
      assert.match(res.body.detail, /No such path/);
    }
    assert.equal((await api.get(`${EXPORT}/batches/${batchId}/failed?path=parsing_errors_0.json`)).status, 404);
    assert.deepEqual(sim.store.rowErrors('prod', batchId), []);
  });

  test('unknown batch, other sandbox, unknown or missing path, unfinished run', async () => {
    const { batchId } = partial;
    const unknown = await api.get(`${CATALOG}/batches/01NOSUCHBATCH0000000000000`);
    assert.equal(unknown.status, 404);
    assert.match(unknown.body.type, /PSC-1002-404/);
    assert.equal((await api.get(`${EXPORT}/batches/01NOSUCHBATCH0000000000000/meta?path=row_errors`)).status, 404);
    assert.equal((await api.get(`${EXPORT}/batches/01NOSUCHBATCH0000000000000/failed`)).status, 404);
    const dev = { headers: { 'x-sandbox-name': 'dev' } };
    assert.equal((await api.get(`${CATALOG}/batches/${batchId}`, dev)).status, 404);
    assert.equal((await api.get(`${EXPORT}/batches/${batchId}/meta?path=row_errors`, dev)).status, 404);
    const noPath = await api.get(`${EXPORT}/batches/${batchId}/meta`);
    assert.equal(noPath.status, 400);
    assert.match(noPath.body.detail, /'path'/);
    assert.equal((await api.get(`${EXPORT}/batches/${batchId}/meta?path=nosuch`)).status, 404);
    assert.equal((await api.get(`${EXPORT}/batches/${batchId}/meta?path=row_errors/nosuch.json`)).status, 404);
    // Data Access sits behind the same gateway.
    assert.equal((await api.get(`${EXPORT}/batches/${batchId}/meta?path=row_errors`, { headers: { authorization: 'Bearer bogus' } })).body.error_code, '401013');

    const [running] = sim.store.seedRuns({ flowId: flow.id, count: 1, status: 'inProgress' });
    assert.deepEqual(sim.store.batchIdsOfRun('prod', running.id), []);
    const finished = sim.store.setRunOutcome('prod', running.id, { status: 'success' });
    assert.equal(sim.store.batchIdsOfRun('prod', finished.id).length, 1);
  });

  test('a run given a new outcome replaces its batch', async () => {
    const { run, batchId } = forcedRun(sim, flow.id, { status: 'partialSuccess', failedRecordCount: 2, inputRecordCount: 10 });
    sim.store.setRunOutcome('prod', run.id, { status: 'partialSuccess', failedRecordCount: 4, inputRecordCount: 10 });
    const [next] = sim.store.batchIdsOfRun('prod', run.id);
    assert.notEqual(next, batchId);
    assert.equal((await api.get(`${CATALOG}/batches/${batchId}`)).status, 404);
    assert.equal((await api.get(`${CATALOG}/batches/${next}`)).body[next].metrics.failedRecordCount, 4);
  });

  test('a batch of 2,000,000 failed rows serves one file at a time', async () => {
    const { batchId } = forcedRun(sim, flow.id, { status: 'failed', failedRecordCount: 2000000, inputRecordCount: 2000000 });
    const names = sim.store.batchOf('prod', batchId).errorFiles;
    assert.ok(names.length >= 2000 && names.length <= 2002, String(names.length));
    const list = await api.get(`${EXPORT}/batches/${batchId}/meta?path=row_errors&limit=2&start=1000`);
    assert.deepEqual(list.body.data.map((f) => f.name), names.slice(1000, 1002));
    const file = await api.get(list.body.data[1]._links.self.href);
    assert.equal(lines(file.text).length, 1000);
    assert.equal(String(Buffer.byteLength(file.text)), list.body.data[1].length);
  });

  test('faults apply to Data Access and Catalog batches', async () => {
    const { batchId } = partial;
    const path = `${EXPORT}/batches/${batchId}/meta`;
    sim.faults.add({ method: 'GET', path, status: 503, times: 1 });
    const faulted = await api.get(`${path}?path=row_errors`);
    assert.equal(faulted.status, 503);
    assert.match(faulted.body.type, /FLOW-1103-503/);
    assert.equal((await api.get(`${path}?path=row_errors`)).status, 200);
    assert.ok(sim.log.entries().some((e) => e.path === path && e.fault === 'status:503'));
    sim.faults.add({ method: 'GET', path: `${CATALOG}/batches/`, status: 429, times: 1 });
    assert.equal((await api.get(`${CATALOG}/batches/${batchId}`)).status, 429);
    assert.equal((await api.get(`${CATALOG}/batches/${batchId}`)).status, 200);
  });

  test('diagnostics expire 30 simulated days after the batch completed; Catalog keeps the batch', async () => {
    const { batchId } = partial;
    const completed = sim.store.batchOf('prod', batchId).completedAt;
    sim.clock.advance(completed + 30 * DAY - sim.clock.now());
    await api.login();
    assert.equal((await api.get(`${EXPORT}/batches/${batchId}/meta?path=row_errors`)).status, 200, 'exactly 30 days: still there');
    sim.clock.advance(60000);
    await api.login();
    for (const path of ['meta?path=row_errors', 'meta?path=row_error_samples.json', 'meta?path=input_files', 'failed', 'failed?path=parsing_errors_0.json']) {
      const res = await api.get(`${EXPORT}/batches/${batchId}/${path}`);
      assert.equal(res.status, 404, path);
      assert.match(res.body.detail, /not available.*expired/);
    }
    assert.equal(sim.store.batchOf('prod', batchId).expired, true);
    const catalog = await api.get(`${CATALOG}/batches/${batchId}`);
    assert.equal(catalog.status, 200);
    assert.equal(catalog.body[batchId].metrics.failedRecordCount, 45);
  });
});

describe('diagnostics keep the seeded history reproducible', () => {
  // The same steps on a fresh simulator; `toggle` switches diagnostics off on one flow first.
  async function scenario({ toggle = false, rowErrorFileRows } = {}) {
    const sim = await startSimulator({ demo: true, rowErrorFileRows });
    const flows = sim.store.seedFlows({ sandbox: 'dev', count: 8, kind: 'mixed', runsPerFlow: 20 });
    if (toggle) sim.store.setErrorDiagnostics('dev', flows[2].id, false);
    sim.clock.advance(2 * DAY);
    const forced = forcedRun(sim, flows[2].id, { status: 'partialSuccess', failedRecordCount: 30, inputRecordCount: 400 }, 'dev');
    const history = [];
    for (const sb of ['prod', 'dev']) {
      for (const run of sim.store.list(sb, 'runs')) {
        history.push([sb, run.id, run.etag, run.metrics.statusSummary.status, run.metrics.recordSummary.failedRecordCount, ...sim.store.batchIdsOfRun(sb, run.id)]);
      }
    }
    return { sim, history, forced };
  }

  async function bytesOf(sim, batchId) {
    const api = client(sim);
    await api.login();
    const list = await api.get(`${EXPORT}/batches/${batchId}/meta?path=row_errors`, { headers: { 'x-sandbox-name': 'dev' } });
    const texts = [];
    for (const file of list.body.data) texts.push((await api.get(file._links.self.href, { headers: { 'x-sandbox-name': 'dev' } })).text);
    return texts;
  }

  test('same seed: same history and the same row bytes; toggling diagnostics draws nothing', async () => {
    const a = await scenario({ rowErrorFileRows: 7 });
    const b = await scenario({ rowErrorFileRows: 7 });
    const c = await scenario({ toggle: true });
    try {
      assert.ok(a.history.length > 3000, String(a.history.length));
      assert.deepEqual(b.history, a.history);
      assert.deepEqual(c.history, a.history);
      assert.equal(a.forced.batchId, b.forced.batchId);
      const bytes = await bytesOf(a.sim, a.forced.batchId);
      assert.ok(bytes.length >= 5);
      assert.deepEqual(await bytesOf(b.sim, b.forced.batchId), bytes);
      assert.deepEqual(await bytesOf(a.sim, a.forced.batchId), bytes, 'the same request gives the same bytes');
      // Seeded failed or partial runs of seeded source flows come with diagnostics and files.
      const [sandbox, runId, , , failed, batchId] = a.history.find(([, , , status, n, id]) => status === 'partialSuccess' && n > 0 && n < 5000 && id);
      const entry = a.sim.store.batchOf(sandbox, batchId);
      assert.deepEqual([entry.runId, entry.diagnostics, entry.failedRecordCount], [runId, true, failed]);
      assert.equal(a.sim.store.rowErrors(sandbox, batchId).length, failed);
    } finally {
      await Promise.all([a.sim.close(), b.sim.close(), c.sim.close()]);
    }
  });
});
