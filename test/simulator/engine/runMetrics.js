'use strict';

// metrics and activities[] of finished runs, shaped like the documented
// success and failure examples: {duration,size,record,file,status}Summary,
// statusSummary.extensions.errors and a Batch targetInfo reference.

const DESTINATION_FAILURE = { code: 'ACTIVATION_BATCH-0000-FAILED', message: 'Job aborted.' };

// Finished runs are never mutated again (a new outcome replaces `metrics` and
// `activities` wholesale), so empty parts are shared: 100,000 seeded runs stay light.
const NONE = Object.freeze([]);
const EMPTY = Object.freeze({});

function batchUrl(batchId, path) {
  return ['https://platform.adobe.io/data/foundation/export/batches/', batchId, '/meta?path=', path].join('');
}

// Source runs: a copy activity, then (unless the copy failed) a promotion activity.
function sourceMetrics(info, o, rng, startedAt, completedAt) {
  const { flow } = info;
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
  // What the failed records are reported under: the activity's cause, else the run's first error.
  const failedCause = o.detail || o.errors[0];

  const activities = [{
    id: copyId,
    name: 'Copy Activity',
    updatedAtUTC: copyEnd,
    durationSummary: { startedAtUTC: startedAt, completedAtUTC: copyEnd },
    sizeSummary: { inputBytes: bytes, outputBytes: copyFailed ? -1 : bytes },
    recordSummary: EMPTY,
    fileSummary: { inputFileCount: files, outputFileCount: copyFailed ? 0 : files },
    statusSummary: { status: copyFailed ? 'failed' : 'success', errors: copyFailed ? o.errors : NONE, extensions: copyFailed ? { errors: extensionErrors } : EMPTY },
    sourceInfo: info.sourceInfo,
    targetInfo: batchRef,
  }];
  if (!copyFailed) {
    // Row error links exist only when the flow had error diagnostics on and rows failed.
    const manifest = o.failed > 0 && o.diagnostics ? { failedRecords: batchUrl(batchId, 'row_errors'), sampleErrors: batchUrl(batchId, 'row_error_samples.json') } : undefined;
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
        ...(o.failed > 0 && failedCause ? { failedInfo: [{ code: failedCause.code, message: failedCause.message, count: o.failed, type: 'Error' }] } : {}),
      },
      fileSummary: { inputFileCount: files, outputFileCount: copyFailed ? 0 : files, activityRefs: [copyId] },
      statusSummary: { status: o.status, errors: o.errors.length ? o.errors : NONE, activityRefs: activities.map((a) => a.id) },
    },
  };
}

// Destination runs (audience activation, dataset export): a processing activity, then a publisher.
function destinationMetrics(info, o, rng, startedAt, completedAt) {
  const { flow, kind, entities } = info;
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
      sourceInfo: info.sourceInfo,
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

module.exports = { sourceMetrics, destinationMetrics, DESTINATION_FAILURE };
