'use strict';

// The pipeline of every non-control request: request log, latency, injected
// faults, then the IMS token endpoint or the platform routes.

const { ApiError, flowError } = require('./errors');
const { first, sendJson, sleep } = require('./http');

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

  async function handle(req, res, { path, rawQuery, query, headers, text, requestId }) {
    const entry = log.begin({ method: req.method, path, query: rawQuery, params: query, headers, body: loggedBody(headers, text), simTime: clock.now(), requestId });
    const respond = (status, body, extraHeaders = {}, contentType) => {
      entry.status = status;
      entry.responseBytes = sendJson(res, status, body, { 'x-request-id': requestId, ...extraHeaders }, contentType);
    };
    try {
      if (latencyMs()) await sleep(latencyMs());
      const fault = faults.take(req.method, path);
      if (fault) {
        entry.fault = fault.description;
        if (fault.latencyMs) await sleep(fault.latencyMs);
        if (fault.reset) {
          entry.status = 0;
          req.socket.destroy();
          return;
        }
        if (fault.hang) {
          hanging.add(res);
          res.on('close', () => hanging.delete(res));
          return;
        }
        if (fault.status) {
          const body = faults.responseBody(fault);
          respond(fault.status, typeof body === 'function' ? body(requestId) : body, fault.headers);
          return;
        }
      }
      if (path === IMS_TOKEN_PATH) {
        if (req.method !== 'POST') respond(405, { error: 'invalid_request', error_description: 'use POST' });
        else {
          const result = ims.tokenRequest(imsParams(query, headers, text));
          respond(result.status, result.body);
        }
        return;
      }
      const result = platform({ method: req.method, path, query, headers, bodyText: text, requestId });
      respond(result.status, result.body, result.headers, result.contentType);
    } catch (err) {
      const apiError = err instanceof ApiError ? err : flowError(1102, 500, `An internal error has occurred: ${err.message}`);
      if (!(err instanceof ApiError)) process.emitWarning(`simulator error on ${req.method} ${path}: ${err.stack}`);
      respond(apiError.status, apiError.render(requestId), apiError.headers, apiError.contentType);
    }
  }

  return { handle, dropHanging: () => hanging.clear() };
}

module.exports = { createApiHandler };
