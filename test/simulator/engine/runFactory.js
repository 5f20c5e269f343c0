'use strict';

// Run objects: creation, the roll of a final status, and the numbers and
// errors of an outcome (see runMetrics.js for the finished shape).

const { sourceMetrics, destinationMetrics, DESTINATION_FAILURE } = require('./runMetrics');
const { auditFields, sandboxFields } = require('./audit');

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

function newRun({ store, sandbox, flow, kind, at, status = 'inProgress', params, startedAt }) {
  const actor = RUN_CLIENTS[kind] || RUN_CLIENTS.source;
  const run = {
    id: store.rng.uuid(),
    ...auditFields(at, actor.userId, actor.clientId),
    ...sandboxFields(sandbox),
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
  if (forced.failedRecordCount !== undefined) {
    outcome.failed = Number(forced.failedRecordCount);
    outcome.input = Math.max(outcome.input, outcome.failed);
  }
  if (forced.inputRecordCount !== undefined) outcome.input = Number(forced.inputRecordCount);
  // After the forced counts, so that the message quotes the numbers the run reports.
  if (status === 'partialSuccess') {
    outcome.detail = {
      code: 'INGEST-1212-400',
      message: `Encountered ${outcome.failed} errors in the data. Successfully ingested ${Math.max(0, outcome.input - outcome.failed)} rows. Review the associated diagnostics for details.`,
    };
    outcome.errors = [{ code: 'INGEST-1212-400', message: outcome.detail.message }];
  }
  if (Array.isArray(forced.errors)) outcome.errors = forced.errors.map((e) => ({ code: e.code, message: e.message }));
  // Forced errors describe the whole failure: the activity's cause is the forced `detail` or none,
  // never a rolled one (that would put two unrelated failures in one run).
  if (Array.isArray(forced.errors) || forced.detail !== undefined) {
    outcome.detail = forced.detail ? { code: forced.detail.code, message: forced.detail.message } : null;
  }
  return outcome;
}

// What every run of a flow shares: its kind, the exported entities and the sourceInfo reference.
function runContext(flow, kind, sourceConnection) {
  const params = (sourceConnection && sourceConnection.params) || {};
  const entities = [];
  if (kind === 'export') {
    for (const d of params.datasets || []) if (d.dataSetId) entities.push(`dataset:${d.dataSetId}`);
  } else if (kind === 'activation') {
    for (const t of flow.transformations || []) {
      const selectors = t.params && t.params.segmentSelectors && t.params.segmentSelectors.selectors;
      for (const s of selectors || []) if (s.value && s.value.id) entities.push(`segment:${s.value.id}`);
    }
  }
  if (!entities.length) entities.push(`${kind === 'export' ? 'dataset' : 'segment'}:${flow.id}`);
  const reference = kind === 'export' ? { type: 'Dataset', ids: entities }
    : kind === 'activation' ? { type: 'Audience', ids: entities }
    : params.tableName ? { type: 'Table', ids: [params.tableName] }
    : { type: 'Folder', ids: [params.path || '/'] };
  const sourceInfo = Object.freeze([{ id: flow.sourceConnectionIds[0], type: 'SourceConnection', reference }]);
  return { flow, kind, entities, sourceInfo };
}

// Mutates `run` into its finished state. info: a runContext.
function applyOutcome(run, info, outcome, rng, completedAt) {
  const startedAt = run.metrics.durationSummary.startedAtUTC ?? run.createdAt;
  const build = info.kind === 'activation' || info.kind === 'export' ? destinationMetrics : sourceMetrics;
  const { metrics, activities } = build(info, outcome, rng, startedAt, Math.max(startedAt, completedAt));
  run.metrics = metrics;
  run.activities = activities;
  return run;
}

module.exports = { newRun, rollStatus, resolveOutcome, applyOutcome, runContext, RUN_CLIENTS };
