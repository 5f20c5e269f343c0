'use strict';

// The Azure Blob Storage side of the Data Landing Zone: the SAS URI the
// simulator issues is <origin>/__blob/<account>/<container>?<sas token>, so
// `PUT <origin>/__blob/<account>/<container>/<blob path>?<sas token>` with
// `x-ms-blob-type: BlockBlob` stores a file that explore and preview then see,
// and GET reads it back. A wrong, stale (rotated) or expired token gets the
// 403 XML error Azure sends. No Adobe gateway checks apply here: the SAS token
// is the only credential, as on Azure.

const crypto = require('node:crypto');
const { zoneByAccount } = require('./landingZone');

const PREFIX = '/__blob/';
const MAX_BLOB_BYTES = 10 * 1024 * 1024;
const X_MS_VERSION = '2020-10-02';

const isBlobPath = (path) => path.startsWith(PREFIX);

const escapeXml = (text) => String(text).replace(/[<>&"']/g, (c) => `&#${c.charCodeAt(0)};`);

function readRaw(req) {
  return new Promise((resolve, reject) => {
    const chunks = [];
    let size = 0;
    req.on('data', (chunk) => {
      size += chunk.length;
      if (size > MAX_BLOB_BYTES) {
        reject(new Error('blob too large'));
        req.destroy();
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

// Azure's timestamp style in error messages: 2026-01-05T08:00:00.0000000Z.
const azureTime = (ms) => new Date(ms).toISOString().replace(/\.(\d{3})Z$/, '.$10000Z');

function sendError(res, requestId, now, status, code, message, extra = '') {
  const xml = `\uFEFF<?xml version="1.0" encoding="utf-8"?><Error><Code>${code}</Code><Message>${escapeXml(message)}\nRequestId:${requestId}\nTime:${azureTime(now)}</Message>${extra}</Error>`;
  const body = Buffer.from(xml, 'utf8');
  res.writeHead(status, {
    'content-type': 'application/xml',
    'content-length': body.length,
    'x-ms-request-id': requestId,
    'x-ms-version': X_MS_VERSION,
    'x-ms-error-code': code,
  });
  res.end(body);
}

const AUTH_FAILED = 'Server failed to authenticate the request. Make sure the value of Authorization header is formed correctly including the signature.';

// null when the SAS token grants access now; otherwise [status, code, message, extra xml].
function checkSas(state, query, now) {
  const presented = new URLSearchParams(query);
  if (!presented.get('sig')) {
    return [401, 'NoAuthenticationInformation', 'Server failed to authenticate the request. Please refer to the information in the www-authenticate header.', ''];
  }
  const current = new URLSearchParams(state.sasToken);
  if (presented.get('sig') !== current.get('sig') || presented.get('si') !== current.get('si')) {
    return [403, 'AuthenticationFailed', AUTH_FAILED, '<AuthenticationErrorDetail>Signature did not match. String to sign used was the signed resource of a stored access policy that does not grant this signature.</AuthenticationErrorDetail>'];
  }
  const expiry = Date.parse(current.get('se'));
  if (!(expiry > now)) {
    const detail = `Signature not valid in the specified time frame: Start [] - Expiry [${new Date(expiry).toUTCString()}] - Current [${new Date(now).toUTCString()}]`;
    return [403, 'AuthenticationFailed', AUTH_FAILED, `<AuthenticationErrorDetail>${escapeXml(detail)}</AuthenticationErrorDetail>`];
  }
  return null;
}

// deps: { store, clock }
function createBlobHandler({ store, clock }) {
  return async function handle(req, res, url) {
    const requestId = crypto.randomUUID();
    const now = clock.now();
    const fail = (...args) => sendError(res, requestId, now, ...args);
    const [account, containerName, ...rest] = url.pathname.slice(PREFIX.length).split('/').map((part) => decodeURIComponent(part));
    const blobName = rest.join('/');
    let body;
    try {
      body = await readRaw(req);
    } catch {
      res.destroy();
      return;
    }

    const state = account && zoneByAccount(store, account);
    if (!state) return fail(400, 'InvalidUri', 'The requested URI does not represent any resource on the server.');
    const denied = checkSas(state, url.search.slice(1), now);
    if (denied) return fail(...denied);
    if (containerName !== state.containerName) return fail(404, 'ContainerNotFound', 'The specified container does not exist.');
    if (!blobName) return fail(400, 'InvalidUri', 'The requested URI does not represent any resource on the server.');

    if (req.method === 'PUT') {
      if (String(req.headers['x-ms-blob-type'] || '') !== 'BlockBlob') {
        return fail(400, 'MissingRequiredHeader', "An HTTP header that's mandatory for this request is not specified.", '<HeaderName>x-ms-blob-type</HeaderName>');
      }
      const md5 = crypto.createHash('md5').update(body).digest('base64');
      const etag = `"0x8DC${crypto.randomBytes(6).toString('hex').toUpperCase()}"`;
      state.blobs.set(blobName, {
        content: body,
        contentType: req.headers['content-type'] || 'application/octet-stream',
        lastModified: now,
        etag,
      });
      res.writeHead(201, {
        etag,
        'last-modified': new Date(now).toUTCString(),
        'content-md5': md5,
        'content-length': 0,
        'x-ms-request-id': requestId,
        'x-ms-version': X_MS_VERSION,
        'x-ms-request-server-encrypted': 'true',
      });
      res.end();
      return undefined;
    }
    if (req.method === 'GET' || req.method === 'HEAD') {
      const blob = state.blobs.get(blobName);
      if (!blob) return fail(404, 'BlobNotFound', 'The specified blob does not exist.');
      res.writeHead(200, {
        'content-type': blob.contentType,
        'content-length': blob.content.length,
        etag: blob.etag,
        'last-modified': new Date(blob.lastModified).toUTCString(),
        'x-ms-blob-type': 'BlockBlob',
        'x-ms-request-id': requestId,
        'x-ms-version': X_MS_VERSION,
      });
      res.end(req.method === 'HEAD' ? undefined : blob.content);
      return undefined;
    }
    if (req.method === 'DELETE') {
      if (!state.blobs.delete(blobName)) return fail(404, 'BlobNotFound', 'The specified blob does not exist.');
      res.writeHead(202, { 'content-length': 0, 'x-ms-request-id': requestId, 'x-ms-version': X_MS_VERSION, 'x-ms-delete-type-permanent': 'true' });
      res.end();
      return undefined;
    }
    return fail(405, 'UnsupportedHttpVerb', 'The resource doesn\'t support specified Http Verb.');
  };
}

module.exports = { createBlobHandler, isBlobPath };
