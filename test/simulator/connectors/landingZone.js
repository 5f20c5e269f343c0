'use strict';

// Data Landing Zone (Connectors API, /data/foundation/connectors): the container
// of a sandbox and its credentials; action=refresh rotates them.
//
// A sandbox's landing zone is on Azure (container + SAS token) unless it is
// switched to AWS (S3 bucket folder + temporary keys): the sandbox named
// `aws-test` starts on AWS, and setProvider() switches any sandbox. The Azure
// SAS URI points at this simulator (/__blob/<account>/<container>?<sas>), so a
// test can upload files with plain HTTP; see ./blob.js.

const common = require('../flowservice/routes/common');
const { badRequest } = require('../engine/errors');
const { first } = require('../engine/http');

const CONTAINERS = { user_drop_zone: 'dlz-user-container', dlz_destination: 'dlz-destination' };
const PROVIDERS = ['azure', 'aws'];
const TTL_DAYS = 7;
const DAY_MS = 86400000;
// AWS hands out short-lived keys (Adobe documents a 12-hour session).
const AWS_CREDENTIAL_MS = 12 * 3600000;

function zoneType(ctx) {
  const type = first(ctx.query.type) || 'user_drop_zone';
  if (!CONTAINERS[type]) throw badRequest(1452, `Invalid value ${type} for field type. Allowed values are [user_drop_zone, dlz_destination].`);
  return type;
}

function providerOf(sandbox) {
  return sandbox.landingZoneProvider || (sandbox.name === 'aws-test' ? 'aws' : 'azure');
}

function setProvider(sandbox, provider) {
  if (!PROVIDERS.includes(provider)) throw new Error(`provider must be one of ${PROVIDERS.join(', ')}`);
  sandbox.landingZoneProvider = provider;
}

function sasToken(rng, now) {
  const expiry = new Date(now + TTL_DAYS * DAY_MS).toISOString().slice(0, 19) + 'Z';
  const signature = encodeURIComponent(Buffer.from(rng.hex(32), 'hex').toString('base64'));
  return `sv=2020-10-02&si=dlz-${rng.uuid()}&sr=c&sp=racwdlm&se=${expiry}&sig=${signature}`;
}

function awsKeys(rng, now) {
  return {
    awsAccessKeyId: `ASIA${rng.hex(8).toUpperCase()}`,
    awsSecretAccessKey: Buffer.from(rng.hex(30), 'hex').toString('base64'),
    awsSessionToken: Buffer.from(rng.hex(96), 'hex').toString('base64'),
    expiryTime: Math.floor((now + AWS_CREDENTIAL_MS) / 1000),
  };
}

// One container per sandbox and type; created on first use. Uploaded blobs live in `blobs`.
function zoneState(store, sandbox, type, now) {
  let state = sandbox.landingZones.get(type);
  if (!state) {
    state = {
      type,
      containerName: CONTAINERS[type],
      storageAccountName: `dlblobstore${store.rng.base36(13)}`,
      sasToken: sasToken(store.rng, now),
      blobs: new Map(),
    };
    sandbox.landingZones.set(type, state);
  }
  return state;
}

// The AWS side of a zone, made when a sandbox first reads it on AWS.
function awsState(store, state, now) {
  state.bucketName ??= `dlz-prod-${store.rng.base36(10)}`;
  state.aws ??= awsKeys(store.rng, now);
  return state;
}

function rotate(ctx, state) {
  if (providerOf(ctx.sandbox) === 'aws') state.aws = awsKeys(ctx.store.rng, ctx.now);
  else state.sasToken = sasToken(ctx.store.rng, ctx.now);
}

const zone = (ctx, type) => zoneState(ctx.store, ctx.sandbox, type, ctx.now);

// The simulator's own origin, as the caller reached it.
const originOf = (ctx) => `http://${ctx.headers.host || 'localhost'}`;

// AWS keeps each sandbox's zone in a folder of a shared bucket.
const awsPath = (sandbox, state) => ({ bucketName: state.bucketName, dlzFolder: `${state.containerName}/${sandbox.id}` });

function container(ctx, type) {
  const state = zone(ctx, type);
  if (providerOf(ctx.sandbox) === 'aws') {
    awsState(ctx.store, state, ctx.now);
    return {
      dlzProvider: 'Amazon S3',
      dlzPath: awsPath(ctx.sandbox, state),
      dataTTL: { timeUnit: 'days', timeQuantity: TTL_DAYS },
    };
  }
  return { containerName: state.containerName, containerTTL: String(TTL_DAYS) };
}

function credentials(ctx, type) {
  const state = zone(ctx, type);
  if (providerOf(ctx.sandbox) === 'aws') {
    const { expiryTime, ...keys } = awsState(ctx.store, state, ctx.now).aws;
    return {
      credentials: keys,
      dlzPath: awsPath(ctx.sandbox, state),
      dlzProvider: 'Amazon S3',
      expiryTime,
    };
  }
  return {
    containerName: state.containerName,
    SASToken: state.sasToken,
    storageAccountName: state.storageAccountName,
    SASUri: `${originOf(ctx)}/__blob/${state.storageAccountName}/${state.containerName}?${state.sasToken}`,
  };
}

// The zone whose Azure storage account is `account`, across sandboxes (for the blob endpoint).
function zoneByAccount(store, account) {
  for (const name of store.sandboxNames()) {
    for (const state of store.sandbox(name).landingZones.values()) {
      if (state.storageAccountName === account) return state;
    }
  }
  return undefined;
}

// Blobs uploaded to a sandbox's source landing zone, keyed by "<container>/<blob path>" as explore names them.
function uploadedFiles(sandbox) {
  const state = sandbox.landingZones.get('user_drop_zone');
  const files = new Map();
  if (state) for (const [name, blob] of state.blobs) files.set(`${state.containerName}/${name}`, blob);
  return files;
}

function register(router) {
  router.get('/landingzone', (ctx) => {
    common.allowParams(ctx, ['type']);
    return { status: 200, body: container(ctx, zoneType(ctx)) };
  });

  router.get('/landingzone/credentials', (ctx) => {
    common.allowParams(ctx, ['type']);
    return { status: 200, body: credentials(ctx, zoneType(ctx)) };
  });

  router.post('/landingzone/credentials', (ctx) => {
    common.allowParams(ctx, ['type', 'action']);
    const type = zoneType(ctx);
    if (String(first(ctx.query.action) || '').toLowerCase() !== 'refresh') {
      throw badRequest(1452, `Invalid value ${first(ctx.query.action) || ''} for field action. Allowed values are [refresh].`);
    }
    rotate(ctx, zone(ctx, type));
    return { status: 200, body: credentials(ctx, type) };
  });
}

module.exports = { register, setProvider, zoneByAccount, uploadedFiles };
