'use strict';

// The pipeline of every non-control request: request log, latency, injected
// faults, then the IMS token endpoint or the platform routes.

const { ApiError, flowError } = require('./errors');
const { first, sendJson, sendText, sleep } = require('./http');

const IMS_TOKEN_PATH = '/ims/token/v3';

// What the request log keeps of a body: parsed JSON, form fields, or the raw text.
function loggedBody(headers, text) {
  if (!text) return null;
  const type = headers['content-type'] || '';
  if (/x-www-form-urlencoded/i.test(type)) return Object.fromEntries(new URLSearchParams(text));
  try {
    return JSON.parse(text);
  } catch {
    return text.length > 4096 ? `${text.slice(0, 4096)}…` : text;
  }
}

// IMS reads its parameters from the form body, falling back to the query string.
function imsParams(query, headers, text) {
  const fromQuery = Object.fromEntries(Object.entries(query).map(([k, v]) => [k, first(v)]));
  let fromBody = {};
  if (/json/i.test(headers['content-type'] || '')) {
    try {
      fromBody = JSON.parse(text || '{}');
    } catch {
      fromBody = {};
    }
  } else if (text) {
    fromBody = Object.fromEntries(new URLSearchParams(text));
  }
  return { ...fromQuery, ...fromBody };
}

// deps: { log, faults, ims, platform, clock, latencyMs: () => number }
function createApiHandler({ log, faults, ims, platform, clock, latencyMs }) {
  const hanging = new Set();

  // An answer that never completes on its own: dropped when the client gives up or the simulator closes.
  function keepHanging(res) {
    hanging.add(res);
    res.on('close', () => hanging.delete(res));
  }

  // Sends a body one byte at a time, so no idle-socket timeout ever fires on the client.
  function trickle(res, payload, intervalMs) {
    let sent = 0;
    const timer = setInterval(() => {
      if (res.destroyed || sent >= payload.length) {
        clearInterval(timer);
        if (!res.destroyed) res.end();
        return;
      }
      res.write(payload.subarray(sent, sent + 1));
      sent++;
    }, intervalMs);
    res.on('close', () => clearInterval(timer));
  }

  function imsAnswer(method, query, headers, text) {
    if (method !== 'POST') return { status: 405, body: { error: 'invalid_request', error_description: 'use POST' } };
    return ims.tokenRequest(imsParams(query, headers, text));
  }

  async function handle(req, res, { path, rawQuery, query, headers, text, requestId }) {
    const entry = log.begin({ method: req.method, path, query: rawQuery, params: query, headers, body: loggedBody(headers, text), simTime: clock.now(), requestId });
    // Adobe's Date header is Adobe's clock: here, the simulated one (a fault may give its own).
    const clockHeader = { date: new Date(clock.now()).toUTCString() };
    const withClock = (headers = {}) => (Object.keys(headers).some((name) => name.toLowerCase() === 'date') ? headers : { ...clockHeader, ...headers });
    const respond = (status, body, extraHeaders = {}, contentType) => {
      entry.status = status;
      entry.responseBytes = sendJson(res, status, body, { 'x-request-id': requestId, ...withClock(extraHeaders) }, contentType);
    };
    try {
      if (latencyMs()) await sleep(latencyMs());
      const fault = faults.take(req.method, path);
      if (fault) entry.fault = fault.description;
      if (fault && fault.latencyMs) await sleep(fault.latencyMs);
      if (fault && !fault.ambiguous && !fault.trickleMs && !fault.stall) {
        if (fault.reset) {
          entry.status = 0;
          req.socket.destroy();
          return;
        }
        if (fault.hang) {
          keepHanging(res);
          return;
        }
        if (fault.echo) {
          // The echo goes in `detail`, a field clients show to their users.
          respond(fault.status, { title: 'Gateway error', detail: `Could not process the request ${JSON.stringify({ headers, body: text })}` }, fault.headers);
          return;
        }
        if (fault.raw !== null) {
          entry.status = fault.status;
          const rawHeaders = { 'x-request-id': requestId, ...withClock(fault.headers), 'content-length': Buffer.byteLength(fault.raw) };
          if (fault.contentType) rawHeaders['content-type'] = fault.contentType;
          res.writeHead(fault.status, rawHeaders);
          res.end(fault.raw);
          entry.responseBytes = rawHeaders['content-length'];
          return;
        }
        if (fault.status) {
          const body = faults.responseBody(fault);
          respond(fault.status, typeof body === 'function' ? body(requestId) : body, fault.headers);
          return;
        }
      }
      const result = path === IMS_TOKEN_PATH ? imsAnswer(req.method, query, headers, text) : platform({ method: req.method, path, query, headers, bodyText: text, requestId });
      if (fault && fault.ambiguous) {
        // The work is done (the entity exists); the client only sees a failure.
        entry.effect = result.status;
        if (fault.reset) {
          entry.status = 0;
          req.socket.destroy();
        } else {
          const body = faults.responseBody(fault);
          respond(fault.status, typeof body === 'function' ? body(requestId) : body, fault.headers);
        }
        return;
      }
      if (fault && (fault.trickleMs || fault.stall)) {
        const payload = fault.raw !== null ? fault.raw : result.text !== undefined ? result.text : JSON.stringify(result.body ?? '');
        entry.status = result.status;
        res.writeHead(result.status, { 'x-request-id': requestId, ...clockHeader, 'content-type': fault.contentType || result.contentType || 'application/json;charset=utf-8', 'content-length': Buffer.byteLength(payload) });
        keepHanging(res);
        if (fault.stall) return;
        trickle(res, Buffer.from(payload), fault.trickleMs);
        return;
      }
      if (result.text !== undefined) {
        // A text answer (result.text, result.contentType), e.g. a JSON Lines error file.
        entry.status = result.status;
        entry.responseBytes = sendText(res, result.status, result.text, { 'x-request-id': requestId, ...withClock(result.headers) }, result.contentType);
        return;
      }
      respond(result.status, result.body, result.headers, result.contentType);
    } catch (err) {
      const apiError = err instanceof ApiError ? err : flowError(1102, 500, `An internal error has occurred: ${err.message}`);
      if (!(err instanceof ApiError)) process.emitWarning(`simulator error on ${req.method} ${path}: ${err.stack}`);
      respond(apiError.status, apiError.render(requestId), apiError.headers, apiError.contentType);
    }
  }

  return {
    handle,
    dropHanging: () => {
      for (const res of hanging) res.destroy();
      hanging.clear();
    },
  };
}

module.exports = { createApiHandler };
