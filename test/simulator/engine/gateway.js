'use strict';

// The checks Adobe's I/O gateway and Flow Service apply to every platform
// request before it reaches a route: bearer token, API key, org, sandbox and
// content type.

const { flowError, gatewayError, contentTypeError } = require('./errors');

function authenticate(headers, ims) {
  const authorization = headers.authorization;
  const match = typeof authorization === 'string' ? /^bearer\s+(\S+)\s*$/i.exec(authorization) : null;
  if (!match) throw gatewayError(403, '403010', 'Oauth token is missing.');
  const session = ims.verify(match[1]);
  if (!session) throw gatewayError(401, '401013', 'Oauth token is not valid');

  const apiKey = headers['x-api-key'];
  if (!apiKey) throw gatewayError(403, '403000', 'Api Key is required');
  if (apiKey !== session.clientId) throw gatewayError(403, '403003', 'Api Key is invalid');

  const org = headers['x-gw-ims-org-id'];
  if (!org) throw gatewayError(400, '400003', 'Missing header');
  if (org !== session.orgId) {
    throw flowError(2000, 403, 'The authorization token does not have access to this organization or the organization does not exist. Please ensure that the organization exists or contact your administrator to gain access.');
  }
  return session;
}

function resolveSandbox(headers, store) {
  const name = typeof headers['x-sandbox-name'] === 'string' ? headers['x-sandbox-name'].trim() : '';
  if (!name) {
    throw flowError(2105, 400, 'The header x-sandbox-name is missing in the request. Please add the header in the request and try again.');
  }
  const sandbox = store.sandbox(name);
  if (!sandbox) {
    throw flowError(2100, 404, `The sandbox with the name '${name}' could not be found. Please ensure that the sandbox name is correct and try again.`);
  }
  return sandbox;
}

// Bodies on POST/PATCH/PUT must be declared as JSON.
function requireJsonBody(method, headers, bodyText) {
  if (!['POST', 'PATCH', 'PUT'].includes(method) || !bodyText.trim()) return;
  if (!/json/i.test(headers['content-type'] || '')) throw contentTypeError();
}

module.exports = { authenticate, resolveSandbox, requireJsonBody };
