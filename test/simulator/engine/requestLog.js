'use strict';

// Record of every non-control request, for tests to assert on. Secrets never
// enter it: the Authorization value, client_secret and secret-looking body
// fields (passwords, keys, tokens) are replaced.

const { isSecretField } = require('./secrets');

const MAX_ENTRIES = 100000;
const REDACTED = '<redacted>';

function redactHeaders(headers) {
  const out = {};
  for (const [name, value] of Object.entries(headers)) {
    const key = name.toLowerCase();
    if (key === 'authorization') {
      const scheme = /^\s*(\S+)\s+\S/.exec(String(value));
      out[key] = scheme ? `${scheme[1]} ${REDACTED}` : REDACTED;
    } else {
      out[key] = value;
    }
  }
  return out;
}

// Deep copy with every secret-looking field replaced (client_secret, passwords, keys).
function redactSecrets(value) {
  if (Array.isArray(value)) return value.map(redactSecrets);
  if (!value || typeof value !== 'object') return value;
  const out = {};
  for (const [key, v] of Object.entries(value)) out[key] = isSecretField(key) && v !== null && typeof v !== 'object' ? REDACTED : redactSecrets(v);
  return out;
}

// Query parameters keep continuationToken; only credentials are hidden.
function redactParams(params) {
  const out = { ...params };
  for (const key of ['client_secret', 'access_token']) if (key in out) out[key] = REDACTED;
  return out;
}

// Redacts in place so the rest of the raw query string stays as sent.
const redactQuery = (rawQuery) => rawQuery.replace(/((?:^|&)(?:client_secret|access_token)=)[^&]*/g, `$1${encodeURIComponent(REDACTED)}`);

// The secret values a request carried: what the log redacts. Kept (never shown) so tests can prove
// that none of them comes back out of the package, wherever a server might echo it.
const MIN_SECRET_LENGTH = 8;
function collectSecrets({ headers, params, body }, into) {
  const add = (value) => {
    if (typeof value === 'string' && value.length >= MIN_SECRET_LENGTH) into.add(value);
  };
  const authorization = headers.authorization;
  if (typeof authorization === 'string') add(authorization.replace(/^Bearer\s+/i, ''));
  for (const key of ['client_secret', 'access_token']) add(Array.isArray(params[key]) ? params[key][0] : params[key]);
  const walk = (value) => {
    if (Array.isArray(value)) value.forEach(walk);
    else if (value && typeof value === 'object') {
      for (const [key, inner] of Object.entries(value)) {
        if (isSecretField(key) && typeof inner === 'string') add(inner);
        else walk(inner);
      }
    }
  };
  walk(body);
}

function createRequestLog() {
  let entries = [];
  let seq = 0;
  const secretsSeen = new Set();

  // Fields known when the request arrives; status and size are filled in when it ends.
  function begin({ method, path, query, params, headers, body, simTime, requestId }) {
    collectSecrets({ headers, params, body }, secretsSeen);
    const entry = {
      seq: ++seq,
      at: Date.now(),
      simTime,
      requestId,
      method,
      path,
      query: redactQuery(query),
      params: redactParams(params),
      headers: redactHeaders(headers),
      body: redactSecrets(body),
      status: null,
      responseBytes: 0,
      fault: null,
    };
    entries.push(entry);
    if (entries.length > MAX_ENTRIES) entries = entries.slice(entries.length - MAX_ENTRIES / 2);
    return entry;
  }

  return {
    begin,
    entries: (since = 0) => (since > 0 ? entries.filter((e) => e.seq > since) : entries.slice()),
    clear: () => {
      entries = [];
    },
    count: (filterFn) => (filterFn ? entries.filter(filterFn).length : entries.length),
    // Not emptied by clear(): a secret sent once must never come back for the rest of the test.
    secretsSeen: () => [...secretsSeen],
  };
}

module.exports = { createRequestLog };
