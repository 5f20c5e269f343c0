'use strict';

// The batches that finished source runs wrote, per sandbox: batch id → a few
// numbers about its run (counts, times, cause, whether the flow had error
// diagnostics enabled). Catalog (/batches/{id}) and Data Access (error files,
// samples, input files) read them; the failed rows themselves are rebuilt on
// request by rowErrors.js, never stored. Nothing here draws from store.rng.

const rows = require('./rowErrors');

const DAY = 86400000;
const DIAGNOSTICS_TTL_MS = 30 * DAY;
const DEFAULT_FILE_ROWS = 1000;
const LENGTH_CACHE_MAX = 4096;
const SOURCE_KINDS = new Set(['source', 'streaming']);

function checkFileRows(n) {
  const rowsPerFile = Number(n);
  if (!Number.isInteger(rowsPerFile) || rowsPerFile < 1) throw new Error('rowErrorFileRows must be an integer >= 1');
  return rowsPerFile;
}

// The batch a finished source run wrote: its copy activity's Batch reference.
function batchIdOf(run) {
  const activity = run.activities && run.activities[0];
  const target = activity && activity.targetInfo && activity.targetInfo[0];
  const ref = target && target.reference;
  return ref && ref.type === 'Batch' && ref.ids ? ref.ids[0] : undefined;
}

const positive = (n) => (typeof n === 'number' && n > 0 ? n : 0);

function createBatches({ store, clock, rowErrorFileRows = DEFAULT_FILE_ROWS }) {
  const defaultFileRows = checkFileRows(rowErrorFileRows);
  let rowsPerFile = defaultFileRows;
  const lengths = new Map(); // "sandbox|batch|rowsPerFile|file" -> byte length (bounded)

  function reset() {
    rowsPerFile = defaultFileRows;
    lengths.clear();
  }

  function setRowErrorFileRows(n) {
    rowsPerFile = checkFileRows(n);
    return rowsPerFile;
  }

  const index = (sandboxName) => {
    const sb = typeof sandboxName === 'object' ? sandboxName : store.sandbox(sandboxName);
    return sb ? sb.batches : undefined;
  };

  // A run is finished again (setRunOutcome): the batch its old outcome wrote is gone.
  function forgetRun(sandboxName, run) {
    const id = batchIdOf(run);
    const batches = index(sandboxName);
    if (id && batches && batches.has(id) && batches.get(id).runId === run.id) batches.delete(id);
  }

  // Called once a run has its finished metrics. info: the run engine's runInfo; o: its outcome.
  function record(sandboxName, run, info, o, diagnostics) {
    if (!SOURCE_KINDS.has(info.kind)) return;
    const id = batchIdOf(run);
    const batches = index(sandboxName);
    if (!id || !batches) return;
    const m = run.metrics;
    const copyFailed = o.stage === 'copy';
    const cause = o.detail || o.errors[0] || null;
    batches.set(id, {
      id,
      runId: run.id,
      flowId: run.flowId,
      datasetId: info.datasetId,
      kind: info.kind,
      runStatus: o.status,
      stage: o.stage,
      createdAt: run.createdAt,
      startedAt: m.durationSummary.startedAtUTC,
      completedAt: m.durationSummary.completedAtUTC,
      inputRecordCount: copyFailed ? 0 : o.input,
      failedRecordCount: copyFailed ? 0 : o.failed,
      inputFileCount: positive(m.fileSummary.inputFileCount),
      inputByteSize: positive(m.sizeSummary.inputBytes),
      code: cause ? cause.code : null,
      message: cause ? cause.message : null,
      diagnostics: Boolean(diagnostics),
      sourceRef: info.sourceInfo && info.sourceInfo[0] ? info.sourceInfo[0].reference : null,
    });
  }

  function entry(sandboxName, batchId) {
    const batches = index(sandboxName);
    return batches ? batches.get(batchId) : undefined;
  }

  // A failed batch ingested nothing: its copy failed, it had no files, or the run failed with no row in.
  function status(e) {
    if (e.stage === 'copy' || e.stage === 'empty') return 'failed';
    const output = Math.max(0, e.inputRecordCount - e.failedRecordCount);
    return e.runStatus === 'failed' && output === 0 ? 'failed' : 'success';
  }

  const expired = (e) => clock.now() - e.completedAt > DIAGNOSTICS_TTL_MS;

  // Public view of an index entry (tests' ground truth).
  function batchOf(sandboxName, batchId) {
    const e = entry(sandboxName, batchId);
    if (!e) return undefined;
    const { sourceRef, runStatus, stage, code, message, ...rest } = e;
    return {
      ...rest,
      status: status(e),
      outputRecordCount: Math.max(0, e.inputRecordCount - e.failedRecordCount),
      errorCodes: code ? [code] : [],
      cause: code ? { code, message } : null,
      runStatus,
      stage,
      expired: expired(e),
      errorFiles: errorFiles(e).map((f) => f.name),
    };
  }

  function batchIdsOfRun(sandboxName, runId) {
    const run = store.sandbox(sandboxName) && store.get(sandboxName, 'runs', runId);
    if (!run) throw new Error(`run ${runId} not found in sandbox ${sandboxName}`);
    const id = batchIdOf(run);
    return id && entry(sandboxName, id) ? [id] : [];
  }

  function catalogBatch(e) {
    const batch = { id: e.id, status: status(e) };
    if (e.diagnostics) batch.tags = { acp_enableErrorDiagnostics: ['true'] };
    batch.relatedObjects = e.datasetId ? [{ type: 'dataSet', id: e.datasetId }] : [];
    batch.metrics = {
      inputRecordCount: e.inputRecordCount,
      outputRecordCount: Math.max(0, e.inputRecordCount - e.failedRecordCount),
      failedRecordCount: e.failedRecordCount,
      inputFileCount: e.inputFileCount,
      inputByteSize: e.inputByteSize,
    };
    batch.errors = rows.catalogErrors(e);
    batch.created = e.createdAt;
    batch.started = e.startedAt;
    batch.completed = e.completedAt;
    batch.updated = e.completedAt;
    return batch;
  }

  // The row error files Data Access lists: none without diagnostics or failed rows.
  function errorFiles(e) {
    if (!e.diagnostics || e.failedRecordCount <= 0) return [];
    return rows.fileLayout(e, rowsPerFile);
  }

  const fileBody = (e, file) => rows.jsonLines(rows.fileRows(e, file));

  function fileLength(sandboxName, e, file) {
    const key = `${sandboxName}|${e.id}|${rowsPerFile}|${file.name}`;
    let length = lengths.get(key);
    if (length === undefined) {
      length = Buffer.byteLength(fileBody(e, file));
      if (lengths.size >= LENGTH_CACHE_MAX) lengths.delete(lengths.keys().next().value);
      lengths.set(key, length);
    }
    return length;
  }

  // The error files as Data Access lists them: [{ name, length (bytes, a string), records }].
  function rowErrorFiles(sandboxName, batchId) {
    const e = entry(sandboxName, batchId);
    if (!e) throw new Error(`batch ${batchId} not found in sandbox ${sandboxName}`);
    const name = typeof sandboxName === 'object' ? sandboxName.name : sandboxName;
    return errorFiles(e).map((file) => ({ name: file.name, length: String(fileLength(name, e, file)), records: file.count }));
  }

  // Every failed row of the batch in file order (tests' ground truth; [] without diagnostics).
  function rowErrors(sandboxName, batchId) {
    const e = entry(sandboxName, batchId);
    if (!e) throw new Error(`batch ${batchId} not found in sandbox ${sandboxName}`);
    return errorFiles(e).flatMap((file) => rows.fileRows(e, file));
  }

  return {
    reset,
    record,
    forgetRun,
    entry,
    status,
    expired,
    batchOf,
    batchIdsOfRun,
    catalogBatch,
    errorFiles,
    fileBody,
    fileLength,
    samples: (e) => (errorFiles(e).length ? rows.firstRows(e, rows.SAMPLE_ROWS) : []),
    inputFiles: (e) => rows.inputFiles(e),
    rowErrors,
    rowErrorFiles,
    setRowErrorFileRows,
    rowErrorFileRows: () => rowsPerFile,
  };
}

module.exports = { createBatches, DIAGNOSTICS_TTL_MS, DEFAULT_FILE_ROWS };
