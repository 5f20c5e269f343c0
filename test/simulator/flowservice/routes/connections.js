'use strict';

// Base connections: /connections[/{id}[/test|/explore|/action|/configs]].

const common = require('./common');
const { badRequest } = require('../../engine/errors');
const { buildConnection, maskSecrets } = require('../entities');
const { explore } = require('../../fixtures/explore');
const { uploadedFiles } = require('../../connectors/landingZone');

const EXPLORE_PARAMS = [
  'objectType', 'object', 'fileType', 'FileType', 'compressionType', 'CompressionType', 'columnDelimiter', 'encoding',
  'preview', 'determineProperties', 'fileProperties',
];

function protectSpec(segments) {
  if (segments[0] === 'connectionSpec') throw badRequest(1414, 'The connection spec of a connection cannot be updated.');
}

function validateState(doc) {
  if (!['enabled', 'disabled', 'draft'].includes(doc.state)) {
    throw badRequest(1456, `State ${doc.state} is not a valid value. Allowed values are [enabled, disabled, initializing].`);
  }
}

// Flows whose source or target side uses this base connection.
function flowsUsing(ctx, connectionId) {
  return ctx.store.list(ctx.sandbox, 'flows').filter((flow) => {
    const sides = [...(flow.inheritedAttributes?.sourceConnections || []), ...(flow.inheritedAttributes?.targetConnections || [])];
    return sides.some((side) => side.baseConnection && side.baseConnection.id === connectionId);
  });
}

function register(router) {
  router.get('/connections', (ctx) => common.list(ctx, 'connections'));

  router.post('/connections', (ctx) => {
    common.allowParams(ctx, ['mode']);
    const connection = buildConnection(common.entityContext(ctx), common.requireBody(ctx), { draft: common.isDraftMode(ctx) });
    ctx.store.insert(ctx.sandbox, 'connections', connection);
    return common.created(ctx, 'connections', connection);
  });

  router.get('/connections/:id', (ctx) => common.getOne(ctx, 'connections'));

  router.patch('/connections/:id', (ctx) =>
    common.patch(ctx, 'connections', {
      protect: protectSpec,
      validate: validateState,
      mutate: (item) => {
        if (item.auth && item.auth.params) item.auth.params = maskSecrets(item.auth.params);
      },
    }));

  router.delete('/connections/:id', (ctx) =>
    common.remove(ctx, 'connections', {
      guard: (connection) => {
        if (flowsUsing(ctx, connection.id).length) {
          throw badRequest(1418, `The base connection with the ID ${connection.id} cannot be deleted because the base connection is being used in one or more flows. Please ensure that corresponding flows are deleted before deleting a base connection.`);
        }
      },
    }));

  router.get('/connections/:id/test', (ctx) => {
    common.allowParams(ctx, []);
    const connection = common.find(ctx, 'connections', ctx.params.id);
    const ok = connection.state !== 'disabled' && !ctx.sandbox.failingConnectionTests.has(connection.id);
    return { status: 200, body: { result: ok } };
  });

  router.get('/connections/:id/explore', (ctx) => {
    common.allowParams(ctx, EXPLORE_PARAMS);
    const connection = common.find(ctx, 'connections', ctx.params.id);
    return { status: 200, body: explore(connection.connectionSpec.id, ctx.query, { uploads: uploadedFiles(ctx.sandbox) }) };
  });

  router.post('/connections/:id/action', (ctx) => common.publishAction(ctx, 'connections'));

  router.get('/connections/:id/configs', (ctx) => {
    common.allowParams(ctx, []);
    common.find(ctx, 'connections', ctx.params.id);
    return { status: 200, body: { items: [] } };
  });
}

module.exports = { register, EXPLORE_PARAMS, protectSpec, validateState };
