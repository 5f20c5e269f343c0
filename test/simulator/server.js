'use strict';

// Local Adobe IMS + Experience Platform Flow Service simulator. One origin
// serves the IMS token endpoint, the platform APIs and the /__sim/ control API.

const http = require('node:http');
const crypto = require('node:crypto');
const { createClock } = require('./engine/clock');
const { createIms } = require('./ims/ims');
const { createStore } = require('./engine/store');
const { createRunEngine } = require('./engine/runEngine');
const { createBatches, DEFAULT_FILE_ROWS } = require('./engine/batches');
const { createSeeder } = require('./fixtures/seed');
const { createFaults } = require('./engine/faults');
const { createRequestLog } = require('./engine/requestLog');
const { createPlatform } = require('./engine/platform');
const { createControlRouter } = require('./engine/control');
const { createApiHandler } = require('./engine/api');
const { createBlobHandler, isBlobPath } = require('./connectors/blob');
const landingZone = require('./connectors/landingZone');
const { DEMO_DATASET_NAMES } = require('./fixtures/datasets');
const { PAGING_STYLES } = require('./flowservice/paging');
const { loadDemo } = require('./fixtures/demo');
const { readBody, parseQuery, lowerCaseHeaders, sendJson } = require('./engine/http');

const DEFAULT_CLIENT = Object.freeze({
  clientId: 'sim-client-id',
  clientSecret: 'sim-client-secret-7f3a9c',
  orgId: 'SIMORG0123456789@AdobeOrg',
  scopes: 'openid,AdobeID,read_organizations,additional_info.projectedProductContext,session',
});

const DEFAULTS = {
  port: 0,
  host: '127.0.0.1',
  startTime: Date.UTC(2026, 0, 5, 8, 0, 0),
  tokenLifetimeSeconds: 86399,
  latencyMs: 0,
  demo: false,
  seed: 42,
  rowErrorFileRows: DEFAULT_FILE_ROWS,
  // 'adobe': Adobe's documented next-page link; 'stress': '='-padded tokens and an extra query (see flowservice/paging.js).
  pagingStyle: 'adobe',
};

const isControlPath = (path) => path === '/__sim' || path.startsWith('/__sim/');

async function startSimulator(options = {}) {
  const opts = { ...DEFAULTS };
  for (const [key, value] of Object.entries(options)) if (value !== undefined) opts[key] = value;

  const clock = createClock(opts.startTime);
  const ims = createIms({ clock, tokenLifetimeSeconds: opts.tokenLifetimeSeconds });
  ims.registerClient(DEFAULT_CLIENT);
  const store = createStore({ clock, seed: opts.seed, orgId: DEFAULT_CLIENT.orgId });
  const batches = createBatches({ store, clock, rowErrorFileRows: opts.rowErrorFileRows });
  if (!PAGING_STYLES.includes(opts.pagingStyle)) throw new Error(`pagingStyle must be one of ${PAGING_STYLES.join(', ')}`);
  store.pagingStyle = opts.pagingStyle;
  const runEngine = createRunEngine({ store, clock, seed: opts.seed, batches });
  clock.onAdvance((target) => runEngine.advanceTo(target));
  const seeder = createSeeder({ store, runEngine, clock });
  const faults = createFaults();
  const log = createRequestLog();
  const platform = createPlatform({ store, runEngine, clock, ims, batches });
  let latencyMs = Number(opts.latencyMs) || 0;

  const storeApi = {
    list: store.list,
    get: store.get,
    counts: store.counts,
    sandboxNames: store.sandboxNames,
    seedFlows: seeder.seedFlows,
    seedRuns: seeder.seedRuns,
    seedDemo: () => loadDemo({ store, seeder, runEngine, clock }),
    setRunOutcome: runEngine.setRunOutcome,
    // Flow behaviours for tests (see README): scripted outcomes, held runs, paused schedules.
    scriptFlowOutcomes: runEngine.scriptFlowOutcomes,
    flowBehaviour: runEngine.flowBehaviour,
    pauseFlowRuns: runEngine.pauseFlowRuns,
    resumeFlowRuns: runEngine.resumeFlowRuns,
    holdRun: runEngine.holdRun,
    releaseRun: runEngine.releaseRun,
    // Failed-record diagnostics (see README): the flow option, error file size, ground truth.
    setErrorDiagnostics(sandbox, flowId, enabled) {
      if (typeof enabled !== 'boolean') throw new Error('enabled must be true or false');
      const flow = store.sandbox(sandbox) && store.get(sandbox, 'flows', flowId);
      if (!flow) throw new Error(`flow ${flowId} not found in sandbox ${sandbox}`);
      // Like lastRunDetails, a test setting does not change the flow's etag.
      return store.update(sandbox, 'flows', flowId, (f) => {
        f.options = { ...f.options, errorDiagnosticsEnabled: enabled };
      }, { bump: false });
    },
    setPagingStyle(style) {
      if (!PAGING_STYLES.includes(style)) throw new Error(`pagingStyle must be one of ${PAGING_STYLES.join(', ')}`);
      store.pagingStyle = style;
    },
    setRowErrorFileRows: batches.setRowErrorFileRows,
    rowErrorFileRows: batches.rowErrorFileRows,
    batchOf: batches.batchOf,
    batchIdsOfRun: batches.batchIdsOfRun,
    rowErrors: batches.rowErrors,
    rowErrorFiles: batches.rowErrorFiles,
    // Extra connection or flow specs (specs are global, as in AEP), e.g. to test paging or name clashes.
    addSpecs(resource, specs) {
      if (!['connectionSpecs', 'flowSpecs'].includes(resource)) throw new Error('resource must be connectionSpecs or flowSpecs');
      return store.insertMany(null, resource, specs);
    },
    // Catalog datasets (they are what dataset exports can export); `names` or the first `count` demo names.
    seedDatasets({ sandbox = 'prod', names, count = 5 } = {}) {
      const list = names || Array.from({ length: count }, (_, i) => DEMO_DATASET_NAMES[i % DEMO_DATASET_NAMES.length] + (i >= DEMO_DATASET_NAMES.length ? ` ${i + 1}` : ''));
      return list.map((name) => store.ensureDataset(sandbox, name));
    },
    // Serves a sandbox's Data Landing Zone from Azure (default) or AWS.
    setLandingZoneProvider(sandbox, provider) {
      landingZone.setProvider(store.ensureSandbox(sandbox), provider);
    },
    reset() {
      store.reset();
      store.pagingStyle = opts.pagingStyle;
      runEngine.reset();
      batches.reset();
    },
  };

  const sim = {
    url: null,
    clock: { now: clock.now, advance: clock.advance },
    store: storeApi,
    faults: { add: faults.add, clear: faults.clear, list: faults.list },
    log: { entries: log.entries, clear: log.clear, count: log.count, secretsSeen: log.secretsSeen },
    ims: { expireAll: ims.expireAll, tokenRequests: ims.tokenRequests, registerClient: ims.registerClient },
    setLatency(ms) {
      const n = Number(ms);
      if (!Number.isFinite(n) || n < 0) throw new RangeError('latency must be a number >= 0');
      latencyMs = n;
    },
    latencyMs: () => latencyMs,
    // Back to a fresh state (store, runs, faults, log, latency); clock and tokens stay.
    reset() {
      storeApi.reset();
      faults.clear();
      log.clear();
      latencyMs = Number(opts.latencyMs) || 0;
    },
    close: null,
  };
  const control = createControlRouter(sim);
  const blob = createBlobHandler({ store, clock });
  const api = createApiHandler({ log, faults, ims, platform, clock, latencyMs: () => latencyMs });

  function handleControl(req, res, path, query, text) {
    const match = control.match(req.method, path);
    let status = 200;
    let body;
    try {
      if (!match) [status, body] = [404, { error: `no control route ${req.method} ${path}` }];
      else if (match.methodNotAllowed) [status, body] = [405, { error: `method ${req.method} not allowed on ${path}` }];
      else ({ status, body } = match.handler({ body: text ? JSON.parse(text) : {}, query, params: match.params }));
    } catch (err) {
      [status, body] = [400, { error: err.message }];
    }
    sendJson(res, status, body, { 'x-request-id': crypto.randomUUID() });
  }

  const server = http.createServer(async (req, res) => {
    let url;
    let text;
    try {
      url = new URL(req.url, 'http://simulator');
      // Blob uploads are binary: the blob endpoint reads its own body.
      if (isBlobPath(url.pathname)) {
        await blob(req, res, url);
        return;
      }
      text = await readBody(req);
    } catch {
      res.destroy();
      return;
    }
    const path = url.pathname;
    const rawQuery = url.search.slice(1);
    const query = parseQuery(rawQuery);
    if (isControlPath(path)) {
      handleControl(req, res, path, query, text);
      return;
    }
    await api.handle(req, res, { path, rawQuery, query, headers: lowerCaseHeaders(req.headers), text, requestId: crypto.randomUUID() });
  });
  server.keepAliveTimeout = 5000;

  const sockets = new Set();
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });

  await new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(opts.port, opts.host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const { port } = server.address();
  const displayHost = opts.host.includes(':') ? `[${opts.host}]` : opts.host;
  sim.url = `http://${displayHost}:${port}`;
  sim.port = port;

  sim.close = () =>
    new Promise((resolve) => {
      server.close(() => resolve());
      for (const socket of sockets) socket.destroy();
      api.dropHanging();
    });

  if (opts.demo) storeApi.seedDemo();
  return sim;
}

module.exports = { startSimulator, DEFAULT_CLIENT };
