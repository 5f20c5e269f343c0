'use strict';

// Adobe IMS OAuth server-to-server token endpoint (POST /ims/token/v3).
// Tokens are opaque JWT-looking strings that expire on the simulated clock.

const crypto = require('node:crypto');

const b64url = (value) => Buffer.from(typeof value === 'string' ? value : JSON.stringify(value)).toString('base64url');
const scopeSet = (scopes) => new Set(String(scopes || '').split(',').map((s) => s.trim()).filter(Boolean));

function createIms({ clock, tokenLifetimeSeconds = 86399 }) {
  const clients = new Map();
  const tokens = new Map(); // token -> { clientId, orgId, expiresAt, epoch }
  let epoch = 0;
  let requests = 0;

  function registerClient({ clientId, clientSecret, orgId, scopes }) {
    if (!clientId || !clientSecret || !orgId) throw new Error('registerClient needs clientId, clientSecret and orgId');
    clients.set(clientId, { clientId, clientSecret, orgId, scopes: scopeSet(scopes) });
    return { clientId, orgId, scopes: [...scopeSet(scopes)].join(',') };
  }

  function mint(client, scope) {
    const now = clock.now();
    const header = { alg: 'RS256', x5u: 'ims_na1-key-at-1.cer', kid: 'ims_na1-key-at-1', itt: 'at' };
    const payload = {
      id: `${now}_${crypto.randomUUID()}_ue1`,
      org: client.orgId,
      type: 'access_token',
      client_id: client.clientId,
      user_id: `${crypto.createHash('sha1').update(client.clientId).digest('hex').slice(0, 24).toUpperCase()}@techacct.adobe.com`,
      as: 'ims-na1',
      ctp: 0,
      moi: crypto.randomBytes(4).toString('hex'),
      created_at: String(now),
      expires_in: String(tokenLifetimeSeconds * 1000),
      scope,
    };
    const token = `${b64url(header)}.${b64url(payload)}.${crypto.randomBytes(192).toString('base64url')}`;
    tokens.set(token, { clientId: client.clientId, orgId: client.orgId, expiresAt: now + tokenLifetimeSeconds * 1000, epoch });
    return token;
  }

  const oauthError = (status, error, description) => ({ status, body: { error, error_description: description } });

  // params: the form fields merged over the query-string ones.
  function tokenRequest(params) {
    requests++;
    const client = clients.get(params.client_id);
    if (!client) return oauthError(400, 'invalid_client', 'invalid client_id parameter');
    if (params.client_secret !== client.clientSecret) return oauthError(401, 'invalid_client', 'invalid client_secret parameter');
    if (params.grant_type !== 'client_credentials') {
      return oauthError(400, 'unsupported_grant_type', `unsupported grant_type ${params.grant_type || ''}`.trim());
    }
    const requested = scopeSet(params.scope);
    const notAllowed = [...requested].filter((s) => !client.scopes.has(s));
    if (requested.size === 0 || notAllowed.length) {
      return oauthError(400, 'invalid_scope', `Invalid scope: ${notAllowed.join(',')}`);
    }
    const accessToken = mint(client, [...requested].join(','));
    return { status: 200, body: { access_token: accessToken, token_type: 'bearer', expires_in: tokenLifetimeSeconds } };
  }

  // The token's session, or null when unknown, expired or revoked.
  function verify(token) {
    const session = tokens.get(token);
    if (!session) return null;
    if (session.epoch < epoch || clock.now() >= session.expiresAt) return null;
    return session;
  }

  return {
    registerClient,
    tokenRequest,
    verify,
    expireAll: () => {
      epoch++;
    },
    tokenRequests: () => requests,
  };
}

module.exports = { createIms };
