'use strict';

// JSON Patch as Flow Service accepts it: add | replace | remove in any case
// (the spec says ADD/REPLACE/REMOVE, the docs add/replace/remove); an array of
// operations or a single one. move/copy/test are FLOW-1434.

const { badRequest, invalidField } = require('../engine/errors');

const SUPPORTED = new Set(['add', 'replace', 'remove']);

function parsePointer(path) {
  if (typeof path !== 'string' || !path.startsWith('/')) throw invalidField('path', `Invalid JSON pointer "${path}".`);
  return path.slice(1).split('/').map((p) => p.replace(/~1/g, '/').replace(/~0/g, '~'));
}

function normalizeOperations(body) {
  const ops = Array.isArray(body) ? body : body && typeof body === 'object' ? [body] : null;
  if (!ops || ops.length === 0) {
    throw badRequest(1405, 'The request body cannot be null or empty. Please provide a request body and try again.');
  }
  return ops.map((op) => {
    if (!op || typeof op !== 'object') throw invalidField('op', 'Each patch instruction must be an object.');
    const name = String(op.op || '').toLowerCase();
    if (!SUPPORTED.has(name)) {
      throw badRequest(1434, `Unsupported operation '${op.op}' received. Please use one of the supported operation types and try again.`);
    }
    const segments = parsePointer(op.path);
    if (name !== 'remove' && op.value === undefined) throw invalidField('value', `Missing field "value" for ${name} ${op.path}.`);
    return { op: name, path: op.path, segments, value: op.value };
  });
}

function applyOne(doc, { op, path, segments, value }) {
  let parent = doc;
  for (const segment of segments.slice(0, -1)) {
    const next = Array.isArray(parent) ? parent[Number(segment)] : parent[segment];
    if (next === undefined || next === null || typeof next !== 'object') {
      throw badRequest(1455, `An error has occurred while validating patch instructions: Missing field "${segment}" in path ${path}.`);
    }
    parent = next;
  }
  const last = segments[segments.length - 1];
  const copy = value === undefined ? undefined : structuredClone(value);
  if (Array.isArray(parent)) {
    const index = last === '-' ? parent.length : Number(last);
    const max = op === 'add' ? parent.length : parent.length - 1;
    if (!Number.isInteger(index) || index < 0 || index > max) {
      throw badRequest(1455, `An error has occurred while validating patch instructions: Invalid array index "${last}" in path ${path}.`);
    }
    if (op === 'add') parent.splice(index, 0, copy);
    else if (op === 'replace') parent[index] = copy;
    else parent.splice(index, 1);
    return;
  }
  if (op === 'remove') {
    if (!(last in parent)) throw badRequest(1455, `An error has occurred while validating patch instructions: Missing field "${last}".`);
    delete parent[last];
    return;
  }
  // replace of an absent field is accepted like add (entities omit empty optional fields).
  parent[last] = copy;
}

// Applies the operations to a deep copy; `protect(segments)` may throw for read-only paths.
function applyPatch(entity, body, protect = () => {}) {
  const ops = normalizeOperations(body);
  const doc = structuredClone(entity);
  for (const op of ops) {
    protect(op.segments, op);
    applyOne(doc, op);
  }
  return { doc, ops: ops.map(({ op, path, value }) => (value === undefined ? { op, path } : { op, path, value })) };
}

module.exports = { applyPatch };
