'use strict';

// Data Landing Zone (Connectors API, /data/foundation/connectors): the Azure
// container of a sandbox and its SAS credentials; action=refresh rotates them.

const common = require('./common');
const { badRequest } = require('../errors');
const { first } = require('../http');

const CONTAINERS = { user_drop_zone: 'dlz-user-container', dlz_destination: 'dlz-destination' };

function zoneType(ctx) {
  const type = first(ctx.query.type) || 'user_drop_zone';
  if (!CONTAINERS[type]) throw badRequest(1452, `Invalid value ${type} for field type. Allowed values are [user_drop_zone, dlz_destination].`);
  return type;
}

function sasToken(rng, now) {
  const expiry = new Date(now + 7 * 86400000).toISOString().slice(0, 19) + 'Z';
  const signature = encodeURIComponent(Buffer.from(rng.hex(32), 'hex').toString('base64'));
  return `sv=2020-10-02&si=dlz-${rng.uuid()}&sr=c&sp=racwdlm&se=${expiry}&sig=${signature}`;
}

// One container per sandbox and type; created on first use.
function zone(ctx, type) {
  let state = ctx.sandbox.landingZones.get(type);
  if (!state) {
    state = { storageAccountName: `dlblobstore${ctx.store.rng.base36(13)}`, sasToken: sasToken(ctx.store.rng, ctx.now) };
    ctx.sandbox.landingZones.set(type, state);
  }
  return state;
}

function credentials(type, state) {
  const containerName = CONTAINERS[type];
  return {
    containerName,
    SASToken: state.sasToken,
    storageAccountName: state.storageAccountName,
    SASUri: `https://${state.storageAccountName}.blob.core.windows.net/${containerName}?${state.sasToken}`,
  };
}

function register(router) {
  router.get('/landingzone', (ctx) => {
    common.allowParams(ctx, ['type']);
    const type = zoneType(ctx);
    zone(ctx, type);
    return { status: 200, body: { containerName: CONTAINERS[type], containerTTL: '7' } };
  });

  router.get('/landingzone/credentials', (ctx) => {
    common.allowParams(ctx, ['type']);
    const type = zoneType(ctx);
    return { status: 200, body: credentials(type, zone(ctx, type)) };
  });

  router.post('/landingzone/credentials', (ctx) => {
    common.allowParams(ctx, ['type', 'action']);
    const type = zoneType(ctx);
    if (String(first(ctx.query.action) || '').toLowerCase() !== 'refresh') {
      throw badRequest(1452, `Invalid value ${first(ctx.query.action) || ''} for field action. Allowed values are [refresh].`);
    }
    const state = zone(ctx, type);
    state.sasToken = sasToken(ctx.store.rng, ctx.now);
    return { status: 200, body: credentials(type, state) };
  });
}

module.exports = { register };
