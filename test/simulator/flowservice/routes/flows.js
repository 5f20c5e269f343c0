'use strict';

// /flows[/{id}[/action|/runs]]: dataflows, their enable/disable actions and
// the schedule the run engine follows.

const common = require('./common');
const { badRequest } = require('../../engine/errors');
const { buildFlow, flowConnectionIds, inheritedAttributes, lastOperation, validateFlowParts } = require('../entities');

const FLOW_STATES = ['enabled', 'disabled', 'draft'];

function validatePatchedFlow(ctx, doc) {
  validateFlowParts(doc);
  if (!FLOW_STATES.includes(doc.state)) {
    throw badRequest(1456, `State ${doc.state} is not a valid value. Allowed values are [enabled, disabled, initializing].`);
  }
  flowConnectionIds(common.entityContext(ctx), doc);
}

function schedule(ctx, flow) {
  if (flow.state === 'enabled') ctx.runEngine.scheduleFlow(ctx.sandbox.name, flow);
  else ctx.runEngine.unscheduleFlow(ctx.sandbox.name, flow.id);
}

function action(ctx) {
  const flow = common.find(ctx, 'flows', ctx.params.id);
  const { op, subOp } = common.actionOp(ctx, ['enable', 'disable', 'publish']);
  if (op === 'publish') {
    const result = common.publishEntity(ctx, 'flows', flow);
    schedule(ctx, flow);
    return result;
  }
  if (subOp === 'progress') throw badRequest(1436, `Unsupported sub operation PROGRESS received for operation ${op}.`);
  common.checkIfMatch(ctx, flow, { required: false });
  const target = op === 'enable' ? 'enabled' : 'disabled';
  if (flow.state !== (op === 'enable' ? 'disabled' : 'enabled')) {
    throw badRequest(1422, `The action ${op} cannot be applied on the current state ${flow.state}. Please update the action and try again.`);
  }
  const updated = ctx.store.update(ctx.sandbox, 'flows', flow.id, (item) => {
    item.state = target;
    item.lastOperation = lastOperation(ctx.now, op);
  }, { actor: ctx.actor, at: ctx.now });
  schedule(ctx, updated);
  return common.writeResult(updated);
}

function register(router) {
  router.get('/flows', (ctx) => common.list(ctx, 'flows'));

  router.post('/flows', (ctx) => {
    common.allowParams(ctx, ['mode']);
    const flow = buildFlow(common.entityContext(ctx), common.requireBody(ctx), { draft: common.isDraftMode(ctx) });
    ctx.store.insert(ctx.sandbox, 'flows', flow);
    schedule(ctx, flow);
    return common.created(ctx, 'flows', flow);
  });

  router.get('/flows/:id', (ctx) => common.getOne(ctx, 'flows'));

  // The docs also link a flow's runs as /flows/{id}/runs.
  router.get('/flows/:id/runs', (ctx) => {
    const flow = common.find(ctx, 'flows', ctx.params.id);
    return common.list(ctx, 'runs', { linkPath: `flows/${flow.id}/runs`, fixedFilters: [`flowId==${flow.id}`] });
  });

  router.patch('/flows/:id', (ctx) =>
    common.patch(ctx, 'flows', {
      protect: (segments) => {
        if (segments[0] === 'flowSpec') throw badRequest(1455, 'An error has occurred while validating patch instructions: the flow spec of a flow cannot be updated.');
      },
      validate: (doc) => validatePatchedFlow(ctx, doc),
      mutate: (item, ops) => {
        item.inheritedAttributes = inheritedAttributes(common.entityContext(ctx), item.flowSpec.id, item.sourceConnectionIds, item.targetConnectionIds);
        item.lastOperation = lastOperation(ctx.now, 'update', ops);
      },
      afterCommit: (flow) => schedule(ctx, flow),
    }));

  router.delete('/flows/:id', (ctx) =>
    common.remove(ctx, 'flows', { afterDelete: (flow) => ctx.runEngine.unscheduleFlow(ctx.sandbox.name, flow.id) }));

  router.post('/flows/:id/action', action);
}

module.exports = { register };
