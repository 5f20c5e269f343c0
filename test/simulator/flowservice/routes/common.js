'use strict';

// Behaviour shared by the Flow Service resources: list envelopes with filters,
// ordering and continuation tokens; single GETs; etag-checked PATCH; DELETE;
// the publish action; and the {id, etag} write responses.

const { badRequest, flowError, notFound } = require('../../engine/errors');
const { asArray, first, isTrue } = require('../../engine/http');
const { parseFilter, parseOrderBy } = require('../filters');
const { RESOURCES } = require('../resources');
const paging = require('../paging');
const query = require('../query');
const { applyPatch } = require('../patch');

const LIST_PARAMS = ['property', 'limit', 'orderby', 'continuationToken', 'count'];
const DEFAULT_LIMIT = 50;
const MAX_LIMIT = 100;
const READ_ONLY = new Set([
  'id', 'createdAt', 'updatedAt', 'createdBy', 'updatedBy', 'createdClient', 'updatedClient', 'sandboxId', 'sandboxName',
  'imsOrgId', 'etag', 'version', 'inheritedAttributes', 'lastOperation', 'lastRunDetails', 'runs',
]);

function allowParams(ctx, allowed) {
  for (const name of Object.keys(ctx.query)) {
    if (!allowed.includes(name)) throw badRequest(1451, `Invalid params ${name} provided in query params.`);
  }
}

function parseLimit(raw, max = MAX_LIMIT, fallback = DEFAULT_LIMIT) {
  if (raw === undefined) return fallback;
  const n = Number(first(raw));
  if (!Number.isInteger(n) || n < 1) throw badRequest(1452, `Invalid value ${first(raw)} for field limit.`);
  return Math.min(n, max);
}

// GET /<resource>: {items, _links} or {count}.
function list(ctx, resource, { linkPath = resource, fixedFilters = [] } = {}) {
  allowParams(ctx, LIST_PARAMS);
  const def = RESOURCES[resource];
  const collection = ctx.store.collection(ctx.sandbox, resource);
  const rawFilters = asArray(ctx.query.property);
  const filters = [...fixedFilters, ...rawFilters].map((f) => parseFilter(f, def));
  const orderby = first(ctx.query.orderby);
  const sort = parseOrderBy(orderby, def);
  const counting = isTrue(ctx.query.count);

  if (counting) {
    if (ctx.query.limit !== undefined) {
      throw badRequest(1401, 'The limit and count parameters cannot be given together in the same request. Please provide either only the limit or the count parameter and try again.', {
        errorMessage: 'The limit and count parameters cannot be given together.',
      });
    }
    return { status: 200, body: { count: query.count(collection, filters, Infinity) } };
  }

  const limit = parseLimit(ctx.query.limit);
  const hash = paging.queryHash(linkPath, [...fixedFilters, ...rawFilters], orderby, limit);
  let page = { offset: 0, after: null, maxSeq: collection.lastSeq };
  const token = first(ctx.query.continuationToken);
  if (token !== undefined) {
    const state = paging.decodeToken(token, hash);
    page = { offset: state.o, after: paging.cursorFrom(state), maxSeq: state.s };
  }
  const result = query.list(collection, filters, sort, { ...page, limit });
  const links = result.hasMore
    ? paging.nextLink(linkPath, paging.encodeToken({ o: result.next.offset, s: page.maxSeq, h: hash, ...paging.cursorTo(result.next.after) }, ctx.store.pagingStyle), limit, ctx.store.pagingStyle)
    : {};
  return { status: 200, body: { items: result.items, _links: links } };
}

// Spec lists (connectionSpecs, flowSpecs): Adobe declares only `property` there and answers every
// spec in one list, without paging.
const SPEC_LIST_PARAMS = ['property'];

function listAll(ctx, resource) {
  allowParams(ctx, SPEC_LIST_PARAMS);
  const def = RESOURCES[resource];
  const collection = ctx.store.collection(ctx.sandbox, resource);
  const filters = asArray(ctx.query.property).map((f) => parseFilter(f, def));
  const result = query.list(collection, filters, parseOrderBy(undefined, def), { offset: 0, after: null, maxSeq: collection.lastSeq, limit: Infinity });
  return { status: 200, body: { items: result.items } };
}

function find(ctx, resource, id) {
  const item = ctx.store.get(ctx.sandbox, resource, id);
  if (!item) throw notFound(resource, id);
  return item;
}

function getOne(ctx, resource) {
  allowParams(ctx, []);
  return { status: 200, body: { items: [find(ctx, resource, ctx.params.id)] } };
}

// If-Match must carry the current etag, quotes included.
function checkIfMatch(ctx, entity, { required }) {
  const ifMatch = ctx.headers['if-match'];
  if (ifMatch === undefined || ifMatch === '') {
    if (!required) return;
    throw badRequest(1403, "The header 'If-Match' is missing in the request. Please provide the header and try again.", { title: 'Header is missing' });
  }
  if (ifMatch !== entity.etag) {
    throw flowError(
      1404,
      412,
      `The supplied version '${ifMatch}' does not match the current version on entity '${entity.etag}'. Please ensure that the supplied version matches the current version on entity and try again.`,
      { errorMessage: `Supplied version=[${ifMatch}] does not match the current version on entity=[${entity.etag}]` },
    );
  }
}

const writeResult = (entity, status = 200, headers = {}) => ({ status, headers, body: { id: entity.id, etag: entity.etag } });

function created(ctx, resource, entity) {
  return writeResult(entity, 201, { location: `${ctx.serviceRoot}/${resource}/${entity.id}` });
}

// Replaces the stored entity's fields with the patched document's.
function commit(ctx, resource, id, doc, mutateAfter) {
  return ctx.store.update(ctx.sandbox, resource, id, (item) => {
    for (const key of Object.keys(item)) if (!(key in doc)) delete item[key];
    Object.assign(item, doc);
    if (mutateAfter) mutateAfter(item);
  }, { actor: ctx.actor, at: ctx.now });
}

// PATCH /<resource>/{id}. options: { protect(segments), validate(doc), afterCommit(entity, ops) }
function patch(ctx, resource, { protect = () => {}, validate = () => {}, afterCommit = () => {}, mutate } = {}) {
  allowParams(ctx, []);
  const entity = find(ctx, resource, ctx.params.id);
  checkIfMatch(ctx, entity, { required: true });
  const { doc, ops } = applyPatch(entity, ctx.body, (segments, op) => {
    if (READ_ONLY.has(segments[0])) {
      throw badRequest(1455, `An error has occurred while validating patch instructions: the field "${op.path}" cannot be modified.`);
    }
    protect(segments, op);
  });
  validate(doc, ops);
  const updated = commit(ctx, resource, entity.id, doc, mutate && ((item) => mutate(item, ops)));
  afterCommit(updated, ops);
  return writeResult(updated);
}

// DELETE /<resource>/{id}. guard(entity) may throw when the entity is still in use.
function remove(ctx, resource, { guard = () => {}, afterDelete = () => {} } = {}) {
  allowParams(ctx, []);
  const entity = find(ctx, resource, ctx.params.id);
  guard(entity);
  ctx.store.remove(ctx.sandbox, resource, entity.id);
  afterDelete(entity);
  return { status: 204 };
}

function actionOp(ctx, allowed) {
  allowParams(ctx, ['op', 'subOp']);
  const op = String(first(ctx.query.op) || '').toLowerCase().replace(/-/g, '_');
  if (!op) throw badRequest(1435, 'The query parameter op is missing. Please provide the action to perform and try again.');
  const subOp = first(ctx.query.subOp);
  if (subOp !== undefined && !['apply', 'rollback', 'progress'].includes(String(subOp).toLowerCase())) {
    throw badRequest(1435, `Unsupported sub action '${subOp}' received. Please use one of the supported sub action types and try again.`);
  }
  if (['finalize', 'finalize_update'].includes(op)) {
    throw badRequest(1402, `The action '${op}' is supported for provider requests only.`);
  }
  if (!allowed.includes(op)) {
    throw badRequest(1435, `Unsupported action '${first(ctx.query.op)}' received. Please use one of the supported action types and try again.`);
  }
  return { op, subOp: subOp && String(subOp).toLowerCase() };
}

// A draft becomes enabled (POST /<resource>/{id}/action?op=publish).
function publishEntity(ctx, resource, entity) {
  checkIfMatch(ctx, entity, { required: false });
  if (entity.state !== 'draft') {
    throw badRequest(1422, `The action publish cannot be applied on the current state ${entity.state}. Please update the action and try again.`);
  }
  const updated = ctx.store.update(ctx.sandbox, resource, entity.id, (item) => {
    item.state = 'enabled';
  }, { actor: ctx.actor, at: ctx.now });
  return writeResult(updated);
}

function publishAction(ctx, resource) {
  const entity = find(ctx, resource, ctx.params.id);
  actionOp(ctx, ['publish']);
  return publishEntity(ctx, resource, entity);
}

function requireBody(ctx) {
  if (ctx.body === undefined || ctx.body === null || typeof ctx.body !== 'object' || Array.isArray(ctx.body)) {
    throw badRequest(1405, 'The request body cannot be null or empty. Please provide a request body and try again.');
  }
  return ctx.body;
}

const isDraftMode = (ctx) => String(first(ctx.query.mode) || '').toLowerCase() === 'draft';

// The entity-building context used by ../entities.js.
const entityContext = (ctx) => ({ store: ctx.store, sandbox: ctx.sandbox, actor: ctx.actor, at: ctx.now });

module.exports = {
  listAll,
  LIST_PARAMS,
  allowParams,
  parseLimit,
  list,
  find,
  getOne,
  checkIfMatch,
  writeResult,
  created,
  patch,
  remove,
  actionOp,
  publishEntity,
  publishAction,
  requireBody,
  isDraftMode,
  entityContext,
};
