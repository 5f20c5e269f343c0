'use strict';

// /runs[/{id}[/action]]: run history, on-demand runs and re-triggers.

const common = require('./common');
const { badRequest } = require('../../engine/errors');
const { first } = require('../../engine/http');

function flowFor(ctx, flowId) {
  const flow = ctx.store.get(ctx.sandbox, 'flows', flowId);
  if (!flow) throw badRequest(1430, `Flow not found with id ${flowId}.`);
  return flow;
}

// POST /runs {flowId, params{startTime, windowStartTime, windowEndTime, deltaColumn}}.
function createRun(ctx) {
  common.allowParams(ctx, []);
  const body = common.requireBody(ctx);
  if (typeof body.flowId !== 'string' || !body.flowId.trim()) {
    throw badRequest(1446, 'The flow ID cannot be null or empty. Please update the flow ID and try again.');
  }
  const flow = flowFor(ctx, body.flowId);
  if (flow.state !== 'enabled') throw badRequest(1444, `Flow ${flow.id} is not in expected state enabled.`);
  const params = body.params && typeof body.params === 'object' ? body.params : undefined;
  const run = ctx.runEngine.createRun(ctx.sandbox.name, flow, { params, scheduled: true });
  return common.created(ctx, 'runs', run);
}

// Only failed runs, or successful runs that ingested nothing, may be retried.
function retriggerable(run) {
  const status = run.metrics.statusSummary.status;
  const records = run.metrics.recordSummary || {};
  return status === 'failed' || (status === 'success' && !(records.inputRecordCount > 0) && !(records.outputRecordCount > 0));
}

// POST /runs/{id}/action?op=re-trigger (docs) or RE_TRIGGER (spec): a new run of the same flow.
function action(ctx) {
  common.allowParams(ctx, ['op']);
  const run = common.find(ctx, 'runs', ctx.params.id);
  const op = String(first(ctx.query.op) || '').toLowerCase().replace(/[-_]/g, '');
  if (op !== 'retrigger') {
    throw badRequest(1435, `Unsupported action '${first(ctx.query.op) || ''}' received. Please use one of the supported action types and try again.`);
  }
  common.checkIfMatch(ctx, run, { required: false });
  if (!retriggerable(run)) {
    throw badRequest(1422, `The action re-trigger cannot be applied on the current state ${run.metrics.statusSummary.status}. Only failed runs, or successful runs that ingested no records, can be retried.`);
  }
  const retry = ctx.runEngine.createRun(ctx.sandbox.name, flowFor(ctx, run.flowId), { params: run.params ? { ...run.params } : undefined });
  return common.writeResult(retry);
}

function register(router) {
  router.get('/runs', (ctx) => common.list(ctx, 'runs'));
  router.post('/runs', createRun);
  router.get('/runs/:id', (ctx) => common.getOne(ctx, 'runs'));
  router.post('/runs/:id/action', action);
}

module.exports = { register };
