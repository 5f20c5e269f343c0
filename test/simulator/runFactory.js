'use strict';

// Run objects shaped like Flow Service's (see the documented success/failure
// examples): metrics.{duration,size,record,file,status}Summary and activities[]
// with statusSummary.extensions.errors and a Batch targetInfo reference.

const RUN_CLIENTS = {
  source: { userId: 'acp_foundation_connectors@AdobeID', clientId: 'acp_foundation_connectors' },
  streaming: { userId: 'acp_foundation_connectors@AdobeID', clientId: 'acp_foundation_connectors' },
  activation: { userId: 'aep_activation_batch@AdobeID', clientId: 'aep_activation_batch' },
  export: { userId: 'aep_activation_batch@AdobeID', clientId: 'aep_activation_batch' },
};

const SOURCE_FAILURES = [
  {
    weight: 4,
    code: 'CONNECTOR-1001-500',
    message: 'Error while copying from the source.',
    stage: 'copy',
    detail: { code: 'CONNECTOR-1001-500', message: 'Failed to read data from the source: the remote server returned an error (403) Forbidden.' },
  },
  {
    weight: 3,
    code: 'CONNECTOR-2001-500',
    message: 'Error in processing (parsing, validation or transformation) the copied data.',
    stage: 'ingest',
    detail: { code: 'INGEST-1212-400', message: 'Encountered errors while validating the data against the target schema. Review the row errors for details.' },
  },
  {
    weight: 2,
    code: 'CONNECTOR-2001-500',
    message: 'Error in processing (parsing, validation or transformation) the copied data.',
    stage: 'ingest',
    detail: { code: 'MAPPER-3700-400', message: "Mapper Transform Error: failed to evaluate expression to_date(birthDate, 'yyyy-MM-dd')." },
  },
  {
    weight: 1,
    code: 'CONNECTOR-2001-500',
    message: 'Error in processing (parsing, validation or transformation) the copied data.',
    stage: 'empty',
    detail: { code: '133', message: 'We are unable to locate any files uploaded for this batch. Please upload files to ingest.' },
  },
];

const DESTINATION_FAILURE = { code: 'ACTIVATION_BATCH-0000-FAILED', message: 'Job aborted.' };

// Finished runs are never mutated again (a new outcome replaces `metrics` and
// `activities` wholesale), so empty parts are shared: 100,000 seeded runs stay light.
const NONE = Object.freeze([]);
const EMPTY = Object.freeze({});

function newRun({ store, sandbox, flow, kind, at, status = 'inProgress', params, startedAt }) {
  const actor = RUN_CLIENTS[kind] || RUN_CLIENTS.source;
  const run = {
    id: store.rng.uuid(),
    createdAt: at,
    updatedAt: at,
    createdBy: actor.userId,
    updatedBy: actor.userId,
    createdClient: actor.clientId,
    updatedClient: actor.clientId,
    sandboxId: sandbox.id,
    sandboxName: sandbox.name,
    imsOrgId: sandbox.orgId,
    flowId: flow.id,
    flowSpec: { ...flow.flowSpec },
    providerRefId: store.rng.hex(16),
    etag: store.newEtag(),
  };
  if (params) run.params = params;
  run.metrics = {
    durationSummary: status === 'inProgress' ? { startedAtUTC: startedAt ?? at } : {},
    sizeSummary: {},
    recordSummary: {},
    fileSummary: {},
    statusSummary: { status, errors: [], activityRefs: [] },
  };
  run.activities = [];
  return run;
}

// Picks a final status (about 80% success, 12% failed, 8% partialSuccess by default).
function rollStatus(rng, kind, profile = {}) {
  const failed = 12 * (profile.failureFactor ?? 1);
  const partial = kind === 'streaming' ? 0 : 8 * (profile.partialFactor ?? 1);
  return rng.weighted([['success', 80], ['failed', failed], ['partialSuccess', partial]]);
}

// Fills in every number and error for a finished run. `forced` comes from setRunOutcome.
function resolveOutcome(rng, kind, status, profile = {}, forced = {}) {
  const zeroRecords = status === 'success' && kind !== 'streaming' && rng.chance(profile.emptyRate ?? 0.05);
  const input = zeroRecords ? 0 : rng.logInt(profile.minRecords || 200, profile.maxRecords || 2000000);
  const outcome = { status, input, failed: 0, errors: [], detail: null, stage: null };
  if (status === 'partialSuccess') outcome.failed = Math.max(1, Math.round(input * rng.float() * 0.02));
  if (status === 'failed') {
    if (kind === 'source' || kind === 'streaming') {
      // Streaming flows have no copy step to fail; forced failed records mean the data was read.
      const ingestOnly = kind === 'streaming' || Number(forced.failedRecordCount) > 0;
      const candidates = ingestOnly ? SOURCE_FAILURES.filter((f) => f.stage === 'ingest') : SOURCE_FAILURES;
      const failure = rng.weighted(candidates.map((f) => [f, f.weight]));
      outcome.errors = [{ code: failure.code, message: failure.message }];
      outcome.detail = failure.detail;
      outcome.stage = failure.stage;
      if (failure.stage === 'ingest') outcome.failed = input;
      if (failure.stage === 'empty') outcome.input = 0;
    } else {
      outcome.errors = [{ ...DESTINATION_FAILURE }];
      outcome.stage = 'activation';
      outcome.failed = rng.chance(0.5) ? input : 0;
    }
  }
  if (status === 'partialSuccess') {
    outcome.detail = {
      code: 'INGEST-1212-400',
      message: `Encountered ${outcome.failed} errors in the data. Successfully ingested ${input - outcome.failed} rows. Review the associated diagnostics for details.`,
    };
    outcome.errors = [{ code: 'INGEST-1212-400', message: outcome.detail.message }];
  }
  if (forced.failedRecordCount !== undefined) {
    outcome.failed = Number(forced.failedRecordCount);
    outcome.input = Math.max(outcome.input, outcome.failed);
  }
  if (Array.isArray(forced.errors)) outcome.errors = forced.errors.map((e) => ({ code: e.code, message: e.message }));
  if (forced.inputRecordCount !== undefined) outcome.input = Number(forced.inputRecordCount);
  return outcome;
}

function batchUrl(batchId, path) {
  return ['https://platform.adobe.io/data/foundation/export/batches/', batchId, '/meta?path=', path].join('');
}

function sourceMetrics(run, flow, o, rng, startedAt, completedAt) {
  const copyFailed = o.stage === 'copy';
  const bytes = copyFailed ? -1 : o.input * rng.int(180, 900);
  const files = copyFailed ? -1 : o.input === 0 ? 0 : rng.int(1, 24);
  const output = Math.max(0, o.input - o.failed);
  const batchId = rng.ulid();
  const copyId = rng.uuid();
  const copyEnd = startedAt + Math.round((completedAt - startedAt) * (copyFailed ? 1 : 0.4));
  const targetId = flow.targetConnectionIds[0];
  const batchRef = [{ id: targetId, type: 'TargetConnection', reference: { type: 'Batch', ids: [batchId] } }];
  const extensionErrors = o.detail ? [o.detail] : NONE;

  const activities = [{
    id: copyId,
    name: 'Copy Activity',
    updatedAtUTC: copyEnd,
    durationSummary: { startedAtUTC: startedAt, completedAtUTC: copyEnd },
    sizeSummary: { inputBytes: bytes, outputBytes: copyFailed ? -1 : bytes },
    recordSummary: EMPTY,
    fileSummary: { inputFileCount: files, outputFileCount: copyFailed ? 0 : files },
    statusSummary: { status: copyFailed ? 'failed' : 'success', errors: copyFailed ? o.errors : NONE, extensions: copyFailed ? { errors: extensionErrors } : EMPTY },
    sourceInfo: sourceInfo(flow, 'Folder', ['/inbound']),
    targetInfo: batchRef,
  }];
  if (!copyFailed) {
    const manifest = o.failed > 0 ? { failedRecords: batchUrl(batchId, 'row_errors'), sampleErrors: batchUrl(batchId, 'row_errors/samples') } : undefined;
    activities.push({
      id: 'promotionActivity',
      name: 'Promotion Activity',
      updatedAtUTC: completedAt,
      durationSummary: { startedAtUTC: copyEnd, completedAtUTC: completedAt },
      sizeSummary: { inputBytes: bytes, outputBytes: Math.round(bytes * (output / Math.max(1, o.input))) },
      recordSummary: { inputRecordCount: o.input, outputRecordCount: output, failedRecordCount: o.failed },
      fileSummary: { inputFileCount: files, outputFileCount: files, extensions: { manifest: { fileInfo: batchUrl(batchId, 'input_files') } } },
      statusSummary: {
        status: o.status,
        errors: o.status === 'success' ? NONE : o.errors,
        extensions: manifest ? { errors: extensionErrors, batchId, manifest } : { errors: extensionErrors, batchId },
      },
      targetInfo: batchRef,
    });
  }
  return {
    activities,
    metrics: {
      durationSummary: { startedAtUTC: startedAt, completedAtUTC: completedAt },
      sizeSummary: { inputBytes: bytes, outputBytes: copyFailed ? -1 : Math.round(bytes * (output / Math.max(1, o.input))) },
      recordSummary: copyFailed ? EMPTY : {
        inputRecordCount: o.input,
        outputRecordCount: output,
        failedRecordCount: o.failed,
        skippedRecordCount: 0,
        ...(o.failed > 0 ? { failedInfo: [{ code: o.detail ? o.detail.code : o.errors[0].code, message: o.detail ? o.detail.message : o.errors[0].message, count: o.failed, type: 'Error' }] } : {}),
      },
      fileSummary: { inputFileCount: files, outputFileCount: copyFailed ? 0 : files, activityRefs: [copyId] },
      statusSummary: { status: o.status, errors: o.errors.length ? o.errors : NONE, activityRefs: activities.map((a) => a.id) },
    },
  };
}

// sourceInfo is the same for every run of a flow.
const sourceInfoCache = new WeakMap();
function sourceInfo(flow, type, ids) {
  let cached = sourceInfoCache.get(flow);
  if (!cached || cached[0].reference.type !== type) {
    cached = Object.freeze([{ id: flow.sourceConnectionIds[0], type: 'SourceConnection', reference: { type, ids } }]);
    sourceInfoCache.set(flow, cached);
  }
  return cached;
}

// Entity ids in destination summaries: audiences for activation, datasets for exports.
function entityIdsFor(flow, kind, sourceConnection) {
  const ids = [];
  if (kind === 'export') {
    const datasets = (sourceConnection && sourceConnection.params && sourceConnection.params.datasets) || [];
    for (const d of datasets) if (d.dataSetId) ids.push(`dataset:${d.dataSetId}`);
  } else if (kind === 'activation') {
    for (const t of flow.transformations || []) {
      const selectors = t.params && t.params.segmentSelectors && t.params.segmentSelectors.selectors;
      for (const s of selectors || []) if (s.value && s.value.id) ids.push(`segment:${s.value.id}`);
    }
  }
  return ids.length ? ids : [`${kind === 'export' ? 'dataset' : 'segment'}:${flow.id}`];
}

function destinationMetrics(run, flow, o, rng, startedAt, completedAt, kind, entities) {
  const failed = o.status === 'failed';
  const skipped = failed ? 0 : Math.round(o.input * rng.float() * 0.01);
  const output = failed ? 0 : Math.max(0, o.input - skipped - o.failed);
  const bytes = output * rng.int(90, 160);
  const files = failed ? 0 : Math.max(1, Math.ceil(output / 1000000));
  const processorId = rng.uuid();
  const publisherId = rng.uuid();
  const split = startedAt + Math.round((completedAt - startedAt) * 0.6);
  const per = (n) => Math.round(n / entities.length);
  const sourceId = flow.sourceConnectionIds[0];
  const targetId = flow.targetConnectionIds[0];
  const failedInfo = failed ? [{ ...DESTINATION_FAILURE }] : o.failed > 0 ? [{ code: 'ACTIVATION_BATCH-0000-FAILED', message: 'Some records could not be exported.', count: o.failed }] : undefined;
  const recordSummary = {
    inputRecordCount: o.input,
    createdRecordCount: output,
    outputRecordCount: output,
    skippedRecordCount: skipped,
    failedRecordCount: o.failed,
    sourceSummaries: [{ id: sourceId, inputRecordCount: o.input, skippedRecordCount: skipped, entitySummaries: entities.map((id) => ({ id, inputRecordCount: per(o.input), skippedRecordCount: per(skipped) })) }],
    targetSummaries: [{ id: targetId, createdRecordCount: output, outputRecordCount: output, entitySummaries: entities.map((id) => ({ id, createdRecordCount: per(output), outputRecordCount: per(output) })) }],
    ...(skipped > 0 ? { skippedInfo: [{ code: 'ACTIVATION_BATCH-0000-SKIP', message: "Records didn't match attribute filter.", count: skipped }] } : {}),
    ...(failedInfo ? { failedInfo } : {}),
  };
  const batchId = rng.ulid();
  const activity = (id, name, from, to, status, extra) => ({
    id,
    name,
    updatedAtUTC: to,
    durationSummary: { startedAtUTC: from, completedAtUTC: to },
    latencySummary: EMPTY,
    ...extra,
    statusSummary: { status, errors: status === 'failed' ? o.errors : NONE, extensions: status === 'failed' ? { errors: o.errors } : { batchId } },
  });
  const processorName = kind === 'export' ? 'Dataset Export Activity' : 'Activation Batch XdmProcessor Activity';
  const activities = [
    activity(processorId, processorName, startedAt, failed ? completedAt : split, failed ? 'failed' : 'success', {
      sizeSummary: { inputBytes: bytes, outputBytes: bytes },
      recordSummary: failed ? { failedInfo } : { inputRecordCount: o.input, createdRecordCount: output, outputRecordCount: output, skippedRecordCount: skipped },
      fileSummary: { inputFileCount: files, outputFileCount: files },
      sourceInfo: sourceInfo(flow, kind === 'export' ? 'Dataset' : 'Audience', entities),
    }),
  ];
  if (!failed) {
    activities.push(activity(publisherId, 'Activation Batch Publisher Activity', split, completedAt, o.status === 'partialSuccess' ? 'partialSuccess' : 'success', {
      sizeSummary: { outputBytes: bytes },
      recordSummary: { inputRecordCount: output, createdRecordCount: output, outputRecordCount: output, failedRecordCount: o.failed },
      fileSummary: { outputFileCount: files },
      targetInfo: [{ id: targetId, type: 'TargetConnection', reference: { type: 'Batch', ids: [batchId] } }],
    }));
  }
  return {
    activities,
    metrics: {
      durationSummary: { startedAtUTC: startedAt, completedAtUTC: completedAt },
      sizeSummary: { inputBytes: bytes, outputBytes: bytes },
      recordSummary,
      fileSummary: { inputFileCount: files, outputFileCount: files },
      statusSummary: { status: o.status, errors: o.errors.length ? o.errors : NONE, activityRefs: activities.map((a) => a.id) },
    },
  };
}

// Mutates `run` into its finished state. info: { flow, kind, entities }.
function applyOutcome(run, info, outcome, rng, completedAt) {
  const startedAt = run.metrics.durationSummary.startedAtUTC ?? run.createdAt;
  const { flow, kind, entities } = info;
  const build = kind === 'activation' || kind === 'export' ? destinationMetrics : sourceMetrics;
  const { metrics, activities } = build(run, flow, outcome, rng, startedAt, Math.max(startedAt, completedAt), kind, entities);
  run.metrics = metrics;
  run.activities = activities;
  return run;
}

module.exports = { newRun, rollStatus, resolveOutcome, applyOutcome, entityIdsFor, RUN_CLIENTS };
