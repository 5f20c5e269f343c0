'use strict';

// Builds connections, source/target connections and flows with the metadata
// Flow Service adds (ids, timestamps, creators, sandbox, etag/version,
// inheritedAttributes, lastOperation). Used by the HTTP create routes and by
// seeding, so both produce identical shapes.

const crypto = require('node:crypto');
const specs = require('../fixtures/specs');
const { badRequest, invalidField } = require('../engine/errors');
const { validateScheduleParams } = require('../engine/schedule');
const { isSecretField } = require('../engine/secrets');
const { auditFields, sandboxFields } = require('../engine/audit');

// Service tokens act as the credential's technical account.
function actorFor(clientId) {
  const tech = crypto.createHash('sha1').update(clientId).digest('hex').slice(0, 24).toUpperCase();
  return { userId: `${tech}@techacct.adobe.com`, clientId };
}

// Stored connections never echo credentials back.
function maskSecrets(params) {
  if (!params || typeof params !== 'object') return params;
  return Object.fromEntries(
    Object.entries(params).map(([k, v]) => [k, isSecretField(k) && typeof v === 'string' ? '********' : v]),
  );
}

// ctx: { store, sandbox, actor, at }
function newEntity(ctx, fields) {
  const { store, sandbox, actor, at } = ctx;
  const etag = store.newEtag();
  const entity = {
    id: store.rng.uuid(),
    ...auditFields(at, actor.userId, actor.clientId),
    ...sandboxFields(sandbox),
    ...fields,
  };
  // Flows and connections mirror the etag in `version`.
  entity.version = etag;
  entity.etag = etag;
  return entity;
}

const compact = (obj) => Object.fromEntries(Object.entries(obj).filter(([, v]) => v !== undefined));

function requireName(body) {
  if (typeof body.name !== 'string' || !body.name.trim()) throw invalidField('name', 'Missing field "name".');
}

function requireSpec(body, field, lookup) {
  const id = body[field] && body[field].id;
  if (!id) throw invalidField(`${field}.id`, `Missing field "${field}.id".`);
  const spec = lookup(id);
  if (!spec) {
    throw badRequest(1413, 'The spec ID provided is invalid. Please provide a valid spec ID and try again.', {
      report: { field: `${field}.id`, id },
    });
  }
  return { id, version: String(body[field].version || '1.0') };
}

function requireRef(ctx, resource, id, field) {
  const item = ctx.store.get(ctx.sandbox, resource, id);
  if (!item) throw invalidField(field, `${resource} ${id} referenced in "${field}" does not exist in sandbox ${ctx.sandbox.name}.`);
  return item;
}

function buildConnection(ctx, body, { draft = false } = {}) {
  requireName(body);
  const connectionSpec = requireSpec(body, 'connectionSpec', specs.connectionSpec);
  let auth;
  if (body.auth && typeof body.auth === 'object') {
    auth = { specName: body.auth.specName, params: maskSecrets(body.auth.params || {}) };
  }
  if (connectionSpec.id === specs.SPEC_IDS.streaming) {
    // Streaming connections get an inlet the data is posted to.
    const inletId = ctx.store.rng.hex(32);
    auth = auth || { specName: 'Streaming Connection', params: {} };
    auth.params = { ...auth.params, inletId, inletUrl: `https://dcs.adobedc.net/collection/${inletId}` };
  }
  return newEntity(ctx, compact({
    name: body.name,
    description: body.description,
    connectionSpec,
    state: draft ? 'draft' : 'enabled',
    auth,
    labels: body.labels,
  }));
}

// Source and target connections share their shape.
function buildEndpointConnection(ctx, body, { draft = false } = {}) {
  requireName(body);
  const connectionSpec = requireSpec(body, 'connectionSpec', specs.connectionSpec);
  const base = body.baseConnectionId ? requireRef(ctx, 'connections', body.baseConnectionId, 'baseConnectionId') : null;
  let params = body.params;
  if (base && base.auth && base.auth.params && base.auth.params.inletUrl) {
    params = { ...params, inletId: base.auth.params.inletId, inletUrl: base.auth.params.inletUrl };
  }
  return newEntity(ctx, compact({
    name: body.name,
    description: body.description,
    baseConnectionId: base ? base.id : undefined,
    state: draft ? 'draft' : 'enabled',
    connectionSpec,
    data: body.data,
    params,
    typeInfo: connectionSpec.id === specs.SPEC_IDS.profileStore ? { type: 'ProfileFragments', id: 'ups' } : undefined,
    labels: body.labels,
    inheritedAttributes: base ? { baseConnection: { id: base.id, connectionSpec: base.connectionSpec } } : undefined,
  }));
}

function connectionSummary(ctx, connection) {
  const base = connection.baseConnectionId && ctx.store.get(ctx.sandbox, 'connections', connection.baseConnectionId);
  return compact({
    id: connection.id,
    connectionSpec: connection.connectionSpec,
    baseConnection: base ? { id: base.id, connectionSpec: base.connectionSpec } : undefined,
    typeInfo: connection.typeInfo,
  });
}

function inheritedAttributes(ctx, flowSpecId, sourceConnectionIds, targetConnectionIds) {
  const destination = specs.isDestinationFlowSpec(flowSpecId);
  const summaries = (resource, ids) =>
    ids.map((id) => ctx.store.get(ctx.sandbox, resource, id)).filter(Boolean).map((c) => connectionSummary(ctx, c));
  return {
    properties: destination ? { isDestinationFlow: true } : { isSourceFlow: true },
    sourceConnections: summaries('sourceConnections', sourceConnectionIds),
    targetConnections: summaries('targetConnections', targetConnectionIds),
  };
}

function requireIdList(ctx, body, field, resource) {
  const ids = body[field];
  if (!Array.isArray(ids) || ids.length === 0 || ids.some((id) => typeof id !== 'string')) {
    throw invalidField(field, `Missing field "${field}" (a non-empty array of ids).`);
  }
  ids.forEach((id, i) => requireRef(ctx, resource, id, `${field}[${i}]`));
  return [...ids];
}

// Both connection lists of a flow must name existing connections (create and PATCH).
function flowConnectionIds(ctx, flow) {
  return {
    sourceConnectionIds: requireIdList(ctx, flow, 'sourceConnectionIds', 'sourceConnections'),
    targetConnectionIds: requireIdList(ctx, flow, 'targetConnectionIds', 'targetConnections'),
  };
}

function lastOperation(at, operation, ops = []) {
  return { started: at, updated: at, percentCompleted: 100, status: { value: 'completed', errors: [] }, ops, operation };
}

function validateFlowParts(flow) {
  if (flow.transformations !== undefined && !Array.isArray(flow.transformations)) {
    throw invalidField('transformations', '"transformations" must be an array.');
  }
  if (flow.scheduleParams !== undefined) {
    const problem = validateScheduleParams(flow.scheduleParams);
    if (problem) throw invalidField('scheduleParams', problem);
  }
  validateOptions(flow.options);
}

// Adobe's OptionSpec: { errorDiagnosticsEnabled?: boolean, partialIngestionPercent?: number }.
function validateOptions(options) {
  if (options === undefined) return;
  if (!options || typeof options !== 'object' || Array.isArray(options)) throw invalidField('options', '"options" must be an object.');
  if (options.errorDiagnosticsEnabled !== undefined && typeof options.errorDiagnosticsEnabled !== 'boolean') {
    throw invalidField('options.errorDiagnosticsEnabled', '"options.errorDiagnosticsEnabled" must be a boolean.');
  }
  const percent = options.partialIngestionPercent;
  if (percent !== undefined && !(typeof percent === 'number' && percent >= 0 && percent <= 100)) {
    throw invalidField('options.partialIngestionPercent', '"options.partialIngestionPercent" must be a number from 0 to 100.');
  }
}

// Whether a flow's runs keep row-level error diagnostics (Adobe's default: off).
const diagnosticsEnabled = (flow) => Boolean(flow && flow.options && flow.options.errorDiagnosticsEnabled === true);

function buildFlow(ctx, body, { draft = false } = {}) {
  if (body.state !== undefined) throw badRequest(1410, '`State` is not allowed in the create flow request.');
  requireName(body);
  const flowSpec = requireSpec(body, 'flowSpec', specs.flowSpec);
  const { sourceConnectionIds, targetConnectionIds } = flowConnectionIds(ctx, body);
  validateFlowParts(body);
  const flow = newEntity(ctx, compact({
    name: body.name,
    description: body.description,
    flowSpec,
    state: draft ? 'draft' : 'enabled',
  }));
  Object.assign(flow, compact({
    sourceConnectionIds,
    targetConnectionIds,
    inheritedAttributes: inheritedAttributes(ctx, flowSpec.id, sourceConnectionIds, targetConnectionIds),
    scheduleParams: body.scheduleParams,
    transformations: body.transformations || [],
    options: body.options,
    labels: body.labels,
    runs: undefined,
    lastOperation: lastOperation(ctx.at, 'create'),
  }));
  flow.runs = `/runs?property=flowId==${flow.id}`;
  return flow;
}

module.exports = {
  actorFor,
  buildConnection,
  buildEndpointConnection,
  buildFlow,
  inheritedAttributes,
  lastOperation,
  validateFlowParts,
  diagnosticsEnabled,
  flowConnectionIds,
  maskSecrets,
};
