'use strict';

// Data Access (/data/foundation/export): the error diagnostics of the batch a
// source run wrote. /batches/{id}/meta?path=row_errors lists its error files,
// path=row_errors/{name} downloads one (JSON Lines), row_error_samples.json
// answers the first rows and input_files the files the batch read;
// /batches/{id}/failed lists and downloads the same error files. Diagnostics
// last 30 simulated days after the batch completed.

const { ApiError } = require('../engine/errors');
const { first } = require('../engine/http');

const MAX_LIMIT = 100;
const ROOT = '/data/foundation/export';

// Adobe-style problem bodies; the DAAS codes are the simulator's own (Adobe documents none).
function dataAccessError(status, code, title, detail) {
  return new ApiError(status, (requestId) => ({
    type: `http://ns.adobe.com/aep/errors/DAAS-${code}-${status}`,
    title,
    status,
    detail,
    report: { 'request-id': requestId },
  }));
}

const batchNotFound = (id) => dataAccessError(404, 1001, 'Not Found', `Batch ${id} not found.`);
const noSuchPath = (id, path) => dataAccessError(404, 1004, 'Not Found', `No such path ${path} in the metadata of batch ${id}.`);
const noSuchFile = (id, name) => dataAccessError(404, 1004, 'Not Found', `No such failed file ${name} in batch ${id}.`);
const expired = (id) => dataAccessError(404, 1010, 'Not Found', `The error diagnostics of batch ${id} are not available: they expired 30 days after the batch completed.`);

// The batch, if it exists here and its diagnostics have not expired.
function liveBatch(ctx) {
  const entry = ctx.batches.entry(ctx.sandbox, ctx.params.id);
  if (!entry) throw batchNotFound(ctx.params.id);
  if (ctx.batches.expired(entry)) throw expired(entry.id);
  return entry;
}

function pageParams(query) {
  const limit = Math.floor(Number(first(query.limit)));
  const start = Math.floor(Number(first(query.start)));
  return {
    limit: Number.isFinite(limit) && limit >= 1 ? Math.min(limit, MAX_LIMIT) : MAX_LIMIT,
    start: Number.isFinite(start) && start > 0 ? start : 0,
  };
}

// files: [{ name, length: () => bytes }]; href(name) links one; nextHref(start, limit) the next page.
function listing(files, query, href, nextHref) {
  const { start, limit } = pageParams(query);
  const page = files.slice(start, start + limit);
  const body = {
    data: page.map((f) => ({ name: f.name, length: String(f.length()), _links: { self: { href: href(f.name) } } })),
    _page: { limit, count: page.length },
  };
  if (start + limit < files.length) body._links = { next: { href: nextHref(start + limit, limit) } };
  return { status: 200, body };
}

const download = (text) => ({ status: 200, text, contentType: 'application/octet-stream' });

function errorFiles(ctx, entry) {
  return ctx.batches.errorFiles(entry).map((file) => ({ ...file, length: () => ctx.batches.fileLength(ctx.sandbox.name, entry, file) }));
}

function inputFiles(ctx, entry) {
  return ctx.batches.inputFiles(entry).map((file) => ({ ...file, length: () => Buffer.byteLength(file.body) }));
}

function meta(ctx) {
  const raw = first(ctx.query.path);
  if (raw === undefined || raw === '') {
    throw dataAccessError(400, 1400, 'Bad Request', "Required query parameter 'path' is missing.");
  }
  const entry = liveBatch(ctx);
  const path = String(raw).replace(/^\/+|\/+$/g, '');
  const base = `${ctx.origin}${ROOT}/batches/${entry.id}/meta`;
  const metaHref = (p) => `${base}?path=${encodeURIComponent(p)}`;
  const slash = path.indexOf('/');
  const [dir, name] = slash < 0 ? [path, null] : [path.slice(0, slash), path.slice(slash + 1)];

  if (dir === 'row_errors' || dir === 'input_files') {
    const files = dir === 'row_errors' ? errorFiles(ctx, entry) : inputFiles(ctx, entry);
    if (name === null) {
      return listing(files, ctx.query, (n) => metaHref(`${dir}/${n}`), (start, limit) => `${base}?path=${dir}&start=${start}&limit=${limit}`);
    }
    const file = files.find((f) => f.name === name);
    if (!file) throw noSuchPath(entry.id, path);
    return download(dir === 'row_errors' ? ctx.batches.fileBody(entry, file) : file.body);
  }
  if (path === 'row_error_samples.json') {
    const samples = ctx.batches.samples(entry);
    if (!samples.length) throw noSuchPath(entry.id, path);
    return { status: 200, body: { data: samples, _page: { count: samples.length } } };
  }
  throw noSuchPath(entry.id, path);
}

function failed(ctx) {
  const entry = liveBatch(ctx);
  const files = errorFiles(ctx, entry);
  const base = `${ctx.origin}${ROOT}/batches/${entry.id}/failed`;
  const raw = first(ctx.query.path);
  if (raw === undefined || raw === '') {
    return listing(files, ctx.query, (n) => `${base}?path=${encodeURIComponent(n)}`, (start, limit) => `${base}?start=${start}&limit=${limit}`);
  }
  const name = String(raw).replace(/^\/+/, '').replace(/^row_errors\//, '');
  const file = files.find((f) => f.name === name);
  if (!file) throw noSuchFile(entry.id, name);
  return download(ctx.batches.fileBody(entry, file));
}

function register(router) {
  router.get('/batches/:id/meta', meta);
  router.get('/batches/:id/failed', failed);
}

module.exports = { register };
