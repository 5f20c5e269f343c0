'use strict';

// Source and target connections behave the same; only the flow field that
// references them differs.

const common = require('./common');
const { badRequest } = require('../../engine/errors');
const { buildEndpointConnection } = require('../entities');
const { protectSpec, validateState } = require('./connections');

// resource: 'sourceConnections' | 'targetConnections'; flowField: the flow list that points at it.
function registerConnectionResource(router, resource, flowField) {
  router.get(`/${resource}`, (ctx) => common.list(ctx, resource));

  router.post(`/${resource}`, (ctx) => {
    common.allowParams(ctx, ['mode']);
    const connection = buildEndpointConnection(common.entityContext(ctx), common.requireBody(ctx), { draft: common.isDraftMode(ctx) });
    ctx.store.insert(ctx.sandbox, resource, connection);
    return common.created(ctx, resource, connection);
  });

  router.get(`/${resource}/:id`, (ctx) => common.getOne(ctx, resource));

  router.patch(`/${resource}/:id`, (ctx) => common.patch(ctx, resource, { protect: protectSpec, validate: validateState }));

  router.delete(`/${resource}/:id`, (ctx) =>
    common.remove(ctx, resource, {
      guard: (connection) => {
        const inUse = ctx.store.list(ctx.sandbox, 'flows').some((flow) => (flow[flowField] || []).includes(connection.id));
        if (inUse) throw badRequest(1447, `Found active flows containing id ${connection.id}.`);
      },
    }));

  router.post(`/${resource}/:id/action`, (ctx) => common.publishAction(ctx, resource));
}

module.exports = { registerConnectionResource };
