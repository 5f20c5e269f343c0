'use strict';

// Catalog Service datasets (/data/foundation/catalog/dataSets): the shape
// clients read to resolve a dataset id to its name and schema; and batches
// (/batches/{id}): the status, metrics and errors of the batch a source run wrote.

const { ApiError } = require('../engine/errors');
const { first } = require('../engine/http');

function catalogNotFound(id, what = 'dataset') {
  return new ApiError(404, (requestId) => ({
    type: 'http://ns.adobe.com/aep/errors/PSC-1002-404',
    title: 'Not Found',
    status: 404,
    detail: `Requested ${what} ${id} not found`,
    report: { 'request-id': requestId },
  }));
}

// ?properties=name,schemaRef projects each dataset.
function project(dataset, properties) {
  if (!properties) return dataset;
  const fields = String(properties).split(',').map((p) => p.trim());
  return Object.fromEntries(fields.filter((f) => f in dataset).map((f) => [f, dataset[f]]));
}

function register(router) {
  router.get('/dataSets', (ctx) => {
    const all = [...ctx.sandbox.datasets.values()];
    const start = Math.max(0, Number(first(ctx.query.start)) || 0);
    const limit = Math.min(100, Math.max(1, Number(first(ctx.query.limit)) || 50));
    const name = first(ctx.query.name);
    const matching = name ? all.filter((d) => d.name === name) : all;
    const page = matching.slice(start, start + limit);
    return { status: 200, body: Object.fromEntries(page.map((d) => [d.id, project(d, first(ctx.query.properties))])) };
  });

  router.get('/dataSets/:id', (ctx) => {
    const dataset = ctx.sandbox.datasets.get(ctx.params.id);
    if (!dataset) throw catalogNotFound(ctx.params.id);
    return { status: 200, body: { [dataset.id]: project(dataset, first(ctx.query.properties)) } };
  });

  // Batches stay in Catalog after their diagnostics expired.
  router.get('/batches/:id', (ctx) => {
    const entry = ctx.batches.entry(ctx.sandbox, ctx.params.id);
    if (!entry) throw catalogNotFound(ctx.params.id, 'batch');
    return { status: 200, body: { [entry.id]: project(ctx.batches.catalogBatch(entry), first(ctx.query.properties)) } };
  });
}

module.exports = { register };
