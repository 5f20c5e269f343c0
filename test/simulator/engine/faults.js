'use strict';

// Injected failures, matched in the order they were added by method and path
// (a pathname prefix or a RegExp). Each fires `times` times (-1 or Infinity: always).
//
// Besides plain answers (status, headers, body), a fault can:
// - `ambiguous`: let the request do its work first, then answer `status` (default 500) or, with
//   `reset`, drop the connection, so the client cannot tell whether the entity was created;
// - `raw`: answer `status` with this exact text as the body and `contentType`, for bodies that are
//   not what Adobe documents (HTML, empty, `null`);
// - `trickleMs`: send the headers, then the body one byte every `trickleMs` milliseconds;
// - `stall`: send the headers and then nothing more;
// - `echo`: answer `status` with a body that echoes the request's headers and body back, as some
//   misbehaving gateways do in their error pages.

const { faultBody } = require('./errors');

function toMatcher(spec) {
  if (spec.path instanceof RegExp) return (p) => spec.path.test(p);
  if (typeof spec.pathRegex === 'string') {
    const re = new RegExp(spec.pathRegex);
    return (p) => re.test(p);
  }
  const prefix = spec.path === undefined ? '' : String(spec.path);
  return (p) => p.startsWith(prefix);
}

function describe(fault) {
  if (fault.ambiguous) return `ambiguous:${fault.reset ? 'reset' : fault.status}`;
  if (fault.reset) return 'reset';
  if (fault.hang) return 'hang';
  if (fault.stall) return 'stall';
  const parts = [];
  if (fault.trickleMs) parts.push(`trickle:${fault.trickleMs}ms`);
  if (fault.raw !== null) parts.push('raw');
  if (fault.echo) parts.push('echo');
  if (fault.latencyMs) parts.push(`latency:${fault.latencyMs}ms`);
  if (fault.status) parts.push(`status:${fault.status}`);
  return parts.join(',');
}

function createFaults() {
  let faults = [];
  let nextId = 1;

  function add(spec = {}) {
    const times = spec.times === undefined ? 1 : Number(spec.times);
    if (!spec.status && !spec.latencyMs && !spec.reset && !spec.hang && !spec.stall && !spec.ambiguous && !spec.trickleMs && spec.raw === undefined && !spec.echo) {
      throw new Error('a fault needs status, latencyMs, reset, hang, stall, ambiguous, trickleMs, raw or echo');
    }
    if (spec.raw !== undefined && typeof spec.raw !== 'string') throw new Error('a raw fault body is text');
    if (spec.status && !(Number(spec.status) >= 100 && Number(spec.status) <= 599)) throw new Error(`invalid fault status ${spec.status}`);
    const fault = {
      id: nextId++,
      method: spec.method ? String(spec.method).toUpperCase() : null,
      path: spec.path instanceof RegExp ? spec.path.toString() : spec.pathRegex ? `/${spec.pathRegex}/` : spec.path || '',
      matches: toMatcher(spec),
      status: spec.status ? Number(spec.status) : spec.ambiguous && !spec.reset ? 500 : spec.raw !== undefined || spec.trickleMs || spec.echo ? 200 : null,
      headers: spec.headers || {},
      body: spec.body,
      latencyMs: Number(spec.latencyMs) || 0,
      reset: Boolean(spec.reset),
      hang: Boolean(spec.hang),
      stall: Boolean(spec.stall),
      ambiguous: Boolean(spec.ambiguous),
      raw: spec.raw === undefined ? null : spec.raw,
      contentType: spec.contentType ? String(spec.contentType) : null,
      trickleMs: Number(spec.trickleMs) || 0,
      echo: Boolean(spec.echo),
      remaining: times < 0 ? Infinity : times,
    };
    fault.description = describe(fault);
    faults.push(fault);
    return fault.id;
  }

  // The first matching fault with uses left, consumed once.
  function take(method, pathname) {
    const fault = faults.find((f) => f.remaining > 0 && (!f.method || f.method === method) && f.matches(pathname));
    if (!fault) return null;
    fault.remaining--;
    if (fault.remaining === 0) faults = faults.filter((f) => f !== fault);
    return fault;
  }

  function responseBody(fault) {
    return fault.body !== undefined ? fault.body : faultBody(fault.status);
  }

  const list = () =>
    faults.map(({ id, method, path, status, latencyMs, reset, hang, stall, ambiguous, trickleMs, echo, remaining, description }) => ({
      id, method, path, status, latencyMs, reset, hang, stall, ambiguous, trickleMs, echo, remaining: remaining === Infinity ? -1 : remaining, description,
    }));

  return {
    add,
    take,
    responseBody,
    list,
    clear: () => {
      faults = [];
    },
  };
}

module.exports = { createFaults };
