'use strict';

// /connectionSpecs[/{id}[/explore|/configs]]. configs lists the exportable
// datasets with offset paging (start/limit/pageInfo), the only offset-paged
// endpoint of Flow Service.

const common = require('./common');
const { badRequest, flowError } = require('../../engine/errors');
const { first } = require('../../engine/http');
const { explore } = require('../../fixtures/explore');
const { EXPLORE_PARAMS } = require('./connections');
const { uploadedFiles } = require('../../connectors/landingZone');

const CONFIG_PARAMS = ['outputType', 'outputField', 'start', 'limit', 'properties'];

function requireParam(ctx, name) {
  const value = first(ctx.query[name]);
  if (!value) {
    throw flowError(2119, 400, `The request context does not contain the required query parameter ${name}. Please provide the missing query parameter and try again.`);
  }
  return value;
}

function exportableDatasets(ctx) {
  common.allowParams(ctx, CONFIG_PARAMS);
  common.find(ctx, 'connectionSpecs', ctx.params.id);
  const outputType = requireParam(ctx, 'outputType');
  requireParam(ctx, 'outputField');
  if (outputType !== 'activationDatasets') throw badRequest(1452, `Invalid value ${outputType} for field outputType.`);
  const start = ctx.query.start === undefined ? 0 : Number(first(ctx.query.start));
  if (!Number.isInteger(start) || start < 0) throw badRequest(1452, `Invalid value ${first(ctx.query.start)} for field start.`);
  const limit = common.parseLimit(ctx.query.limit, 100, 20);
  const properties = first(ctx.query.properties);
  const fields = properties ? ['id', ...String(properties).split(',').map((p) => p.trim()).filter(Boolean)] : null;

  const all = [...ctx.sandbox.datasets.values()];
  const items = all.slice(start, start + limit).map((ds) => (fields ? Object.fromEntries(fields.filter((f) => f in ds).map((f) => [f, ds[f]])) : ds));
  return {
    status: 200,
    body: { items, pageInfo: { start, end: start + items.length - 1, total: all.length, hasNext: start + limit < all.length } },
  };
}

function register(router) {
  router.get('/connectionSpecs', (ctx) => common.listAll(ctx, 'connectionSpecs'));
  router.get('/connectionSpecs/:id', (ctx) => common.getOne(ctx, 'connectionSpecs'));
  router.get('/connectionSpecs/:id/explore', (ctx) => {
    common.allowParams(ctx, EXPLORE_PARAMS);
    common.find(ctx, 'connectionSpecs', ctx.params.id);
    return { status: 200, body: explore(ctx.params.id, ctx.query, { uploads: uploadedFiles(ctx.sandbox) }) };
  });
  router.get('/connectionSpecs/:id/configs', exportableDatasets);
}

module.exports = { register };
