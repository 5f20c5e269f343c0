'use strict';

// Small HTTP helpers shared by the server and the routes.

const MAX_BODY_BYTES = 10 * 1024 * 1024;

function readBody(req) {
  return new Promise((resolve, reject) => {
    const chunks = [];
    let size = 0;
    req.on('data', (chunk) => {
      size += chunk.length;
      if (size > MAX_BODY_BYTES) {
        reject(new Error('request body too large'));
        req.destroy();
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

// Query string → { key: string | string[] } (repeated keys such as property become arrays).
function parseQuery(rawQuery) {
  const params = {};
  for (const [key, value] of new URLSearchParams(rawQuery)) {
    if (!(key in params)) params[key] = value;
    else if (Array.isArray(params[key])) params[key].push(value);
    else params[key] = [params[key], value];
  }
  return params;
}

const asArray = (value) => (value === undefined ? [] : Array.isArray(value) ? value : [value]);

// Single-valued parameters sent twice (aepp re-sends limit next to the href's own) use the first.
const first = (value) => (Array.isArray(value) ? value[0] : value);

const isTrue = (value) => String(first(value)).toLowerCase() === 'true';

function lowerCaseHeaders(headers) {
  const out = {};
  for (const [name, value] of Object.entries(headers)) out[name.toLowerCase()] = value;
  return out;
}

function sendJson(res, status, body, headers = {}, contentType = 'application/json;charset=utf-8') {
  const payload = body === undefined || status === 204 ? '' : JSON.stringify(body);
  const out = { ...headers };
  if (payload) out['content-type'] = contentType;
  out['content-length'] = Buffer.byteLength(payload);
  res.writeHead(status, out);
  res.end(payload);
  return out['content-length'];
}

// A body that is not JSON (Data Access error files): sent as given.
function sendText(res, status, text, headers = {}, contentType = 'application/octet-stream') {
  const out = { ...headers, 'content-type': contentType, 'content-length': Buffer.byteLength(text) };
  res.writeHead(status, out);
  res.end(text);
  return out['content-length'];
}

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

module.exports = { readBody, parseQuery, asArray, first, isTrue, lowerCaseHeaders, sendJson, sendText, sleep };
