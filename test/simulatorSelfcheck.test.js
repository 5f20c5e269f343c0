'use strict';

// The simulator itself over real HTTP, without n8n: IMS and gateway errors, paging and filter
// errors, PATCH and actions, faults, the run engine, the landing zone, expired tokens, 100,000 runs
// and the CLI. The checks run in order on one simulator and build on each other's state.

const { platformHeaders } = require('./harness/simulatorHeaders');
const assert = require('node:assert/strict');
const { join } = require('node:path');
const { spawn } = require('node:child_process');
const { startSimulator, DEFAULT_CLIENT } = require('./simulator/server');

const FS = '/data/foundation/flowservice';
const DAY = 86400000;

function client(sim) {
  let token = null;
  const headers = (extra = {}) => platformHeaders(token, extra);

  async function request(method, path, { body, headers: extra, raw } = {}) {
    const init = { method, headers: raw ? extra : headers(extra) };
    if (body !== undefined) {
      init.body = typeof body === 'string' ? body : JSON.stringify(body);
      if (!raw && !('content-type' in (extra || {}))) init.headers['content-type'] = 'application/json';
    }
    const res = await fetch(sim.url + path, init);
    const text = await res.text();
    return { status: res.status, headers: res.headers, body: text ? JSON.parse(text) : undefined };
  }

  async function login(overrides = {}) {
    const form = new URLSearchParams({
      grant_type: 'client_credentials',
      client_id: DEFAULT_CLIENT.clientId,
      client_secret: DEFAULT_CLIENT.clientSecret,
      scope: DEFAULT_CLIENT.scopes,
      ...overrides,
    });
    const res = await request('POST', '/ims/token/v3', {
      raw: true,
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: form.toString(),
    });
    if (res.status === 200) token = res.body.access_token;
    return res;
  }

  const control = (method, path, body) => request(method, `/__sim${path}`, { raw: true, body, headers: body ? { 'content-type': 'application/json' } : {} });
  return { request, login, control, headers, get token() { return token; } };
}

const flowCode = (res) => res.body && res.body.type && res.body.type.replace('https://ns.adobe.com/aep/errors/', '');

describe('simulator over HTTP', () => {
  let sim;
  let api;
  let flows;
  const get = (path, opts) => api.request('GET', FS + path, opts);

  beforeAll(async () => {
    sim = await startSimulator();
    api = client(sim);
  });

  afterAll(async () => {
    if (sim) await sim.close();
  });

  test('IMS token and OAuth errors', async () => {
    const ok = await api.login();
    assert.equal(ok.status, 200);
    assert.equal(ok.body.token_type, 'bearer');
    assert.equal(ok.body.expires_in, 86399);
    assert.ok(ok.body.access_token.length > 200);
    const badSecret = await client(sim).login({ client_secret: 'nope' });
    assert.deepEqual([badSecret.status, badSecret.body.error], [401, 'invalid_client']);
    const badClient = await client(sim).login({ client_id: 'nope' });
    assert.deepEqual([badClient.status, badClient.body.error_description], [400, 'invalid client_id parameter']);
    const badScope = await client(sim).login({ scope: 'openid,superpowers' });
    assert.deepEqual([badScope.status, badScope.body.error_description], [400, 'Invalid scope: superpowers']);
    const badGrant = await client(sim).login({ grant_type: 'password' });
    assert.equal(badGrant.body.error, 'unsupported_grant_type');
  });

  test('gateway header checks', async () => {
    const without = (name) => api.request('GET', `${FS}/flows`, { raw: true, headers: Object.fromEntries(Object.entries(api.headers()).filter(([k]) => k !== name)) });
    assert.deepEqual((await without('authorization')).body, { error_code: '403010', message: 'Oauth token is missing.' });
    assert.equal((await get('/flows', { headers: { authorization: 'Bearer bogus' } })).body.error_code, '401013');
    assert.equal((await without('x-api-key')).body.error_code, '403000');
    assert.equal((await get('/flows', { headers: { 'x-api-key': 'other' } })).body.error_code, '403003');
    assert.equal((await without('x-gw-ims-org-id')).body.error_code, '400003');
    assert.equal(flowCode(await get('/flows', { headers: { 'x-gw-ims-org-id': 'OTHER@AdobeOrg' } })), 'FLOW-2000-403');
    assert.equal(flowCode(await without('x-sandbox-name')), 'FLOW-2105-400');
    assert.equal(flowCode(await get('/flows', { headers: { 'x-sandbox-name': 'nosuch' } })), 'FLOW-2100-404');
    const noType = await api.request('POST', `${FS}/flows`, { body: '{}', headers: { 'content-type': 'text/plain' } });
    assert.deepEqual([noType.status, noType.body.detail], [400, 'A valid content-type must be specified']);
  });

  test('seed 250 flows and page through them with continuation tokens', async () => {
    const seeded = await api.control('POST', '/seed/flows', { count: 250, kind: 'mixed' });
    assert.equal(seeded.body.count, 250);
    const filter = 'property=state%3D%3Denabled&orderby=-createdAt';
    const ids = [];
    let res = await get(`/flows?${filter}&limit=100`);
    let pages = 1;
    for (;;) {
      assert.equal(res.status, 200, JSON.stringify(res.body));
      ids.push(...res.body.items.map((f) => f.id));
      if (!res.body._links.next) break;
      const next = new URL(res.body._links.next.href, 'http://x');
      // Adobe's documented shape: only the token, and a token that needs no escaping.
      assert.deepEqual([...next.searchParams.keys()], ['continuationToken'], 'the link holds the token alone');
      assert.match(next.searchParams.get('continuationToken'), /^[A-Za-z0-9_-]+$/, 'the token is URL-safe');
      // As Adobe asks: the original property, orderby and limit are sent again with the token.
      res = await get(`${next.pathname}${next.search}&${filter}&limit=100`);
      pages++;
    }
    assert.equal(pages, 3);
    assert.equal(new Set(ids).size, 250);
    // The stress style: '='-padded tokens and the limit in the link, for clients' token handling.
    sim.store.setPagingStyle('stress');
    const stressed = new URL((await get(`/flows?${filter}&limit=100`)).body._links.next.href, 'http://x');
    assert.ok(stressed.searchParams.get('continuationToken').includes('='), 'token carries =');
    assert.equal(stressed.searchParams.get('limit'), '100');
    sim.store.setPagingStyle('adobe');
    flows = seeded.body.items;
    const first = await get(`/flows?${filter}&limit=100`);
    const token = new URL(first.body._links.next.href, 'http://x').searchParams.get('continuationToken');
    const mismatch = await get(`/flows?continuationToken=${encodeURIComponent(token)}&limit=100`);
    assert.equal(flowCode(mismatch), 'FLOW-1452-400');
    assert.equal(flowCode(await get('/flows?continuationToken=garbage')), 'FLOW-1452-400');
  });

  test('count, limit and filter errors', async () => {
    assert.deepEqual((await get('/flows?count=true')).body, { count: 250 });
    assert.equal(flowCode(await get('/flows?count=true&limit=5')), 'FLOW-1401-400');
    assert.equal((await get('/flows?property=inheritedAttributes.properties.isDestinationFlow%3D%3Dtrue&count=true')).body.count, 125);
    const codes = {
      'property=name~x': 'FLOW-1440-400',
      'property=createdAt!>5': 'FLOW-1450-400',
      'property=nosuch%3D%3D1': 'FLOW-1449-400',
      'property=createdAt<=1,2': 'FLOW-1443-400',
      'property=createdAt%3D%3D': 'FLOW-1453-400',
      'orderby=name-': 'FLOW-1432-400',
      'orderby=%23id': 'FLOW-1433-400',
      'bogus=1': 'FLOW-1451-400',
    };
    for (const [q, code] of Object.entries(codes)) assert.equal(flowCode(await get(`/flows?${q}`)), code, q);
    const byIds = await get(`/flows?property=id%3D%3D${flows[0].id},${flows[1].id}`);
    assert.equal(byIds.body.items.length, 2);
    const bySource = await get(`/flows?property=sourceConnectionIds[]%3D%3D${flows[3].sourceConnectionIds[0]}`);
    assert.deepEqual(bySource.body.items.map((f) => f.id), [flows[3].id]);
  });

  test('single GET, 404 body shape and sandbox isolation', async () => {
    const one = await get(`/flows/${flows[0].id}`);
    assert.equal(one.body.items[0].id, flows[0].id);
    const missing = await get('/flows/00000000-0000-4000-8000-000000000000');
    assert.equal(missing.status, 404);
    assert.equal(flowCode(missing), 'FLOW-1439-404');
    assert.equal(missing.body.report['request-id'], missing.headers.get('x-request-id'));
    assert.ok(missing.body.errorMessage && missing.body.errorDetails && missing.body.report['detailed-message']);
    const fromDev = await get(`/flows/${flows[0].id}`, { headers: { 'x-sandbox-name': 'dev' } });
    assert.equal(fromDev.status, 404);
  });

  test('PATCH with If-Match, stale etag 412, actions', async () => {
    const path = `/flows/${flows[0].id}`;
    const etag = (await get(path)).body.items[0].etag;
    const ops = [{ op: 'Replace', path: '/name', value: 'Renamed flow' }];
    assert.equal(flowCode(await api.request('PATCH', FS + path, { body: ops })), 'FLOW-1403-400');
    const ok = await api.request('PATCH', FS + path, { body: ops, headers: { 'if-match': etag } });
    assert.equal(ok.status, 200);
    assert.notEqual(ok.body.etag, etag);
    const stale = await api.request('PATCH', FS + path, { body: ops, headers: { 'if-match': etag } });
    assert.equal(stale.status, 412);
    assert.match(stale.body.errorMessage, /^Supplied version=\[.*\] does not match the current version on entity=\[.*\]$/);
    const unquoted = await api.request('PATCH', FS + path, { body: ops, headers: { 'if-match': ok.body.etag.replace(/"/g, '') } });
    assert.equal(unquoted.status, 412);
    const move = await api.request('PATCH', FS + path, { body: [{ op: 'move', from: '/name', path: '/description' }], headers: { 'if-match': ok.body.etag } });
    assert.equal(flowCode(move), 'FLOW-1434-400');
    assert.equal((await get(path)).body.items[0].name, 'Renamed flow');
    const disable = await api.request('POST', `${FS}${path}/action?op=disable`);
    assert.equal(disable.status, 200);
    assert.equal(flowCode(await api.request('POST', `${FS}${path}/action?op=disable`)), 'FLOW-1422-400');
    assert.equal((await api.request('POST', `${FS}${path}/action?op=ENABLE`)).status, 200);
  });

  test('create flow validation, Location header and connection in use', async () => {
    const missing = await api.request('POST', `${FS}/flows`, { body: { name: 'x', flowSpec: { id: flows[0].flowSpec.id } } });
    assert.equal(missing.status, 400);
    assert.equal(missing.body.report.field, 'sourceConnectionIds');
    const base = flows[0].inheritedAttributes.sourceConnections[0].baseConnection.id;
    const src = (await api.request('POST', `${FS}/sourceConnections`, { body: { name: 'src', baseConnectionId: base, connectionSpec: flows[0].inheritedAttributes.sourceConnections[0].connectionSpec } })).body;
    const created = await api.request('POST', `${FS}/flows`, {
      body: { name: 'API flow', flowSpec: flows[0].flowSpec, sourceConnectionIds: [src.id], targetConnectionIds: flows[0].targetConnectionIds, scheduleParams: { startTime: String(Math.floor(sim.clock.now() / 1000)), frequency: 'once' } },
    });
    assert.equal(created.status, 201);
    assert.equal(created.headers.get('location'), `${FS}/flows/${created.body.id}`);
    assert.equal(flowCode(await api.request('DELETE', `${FS}/connections/${base}`)), 'FLOW-1418-400');
    assert.equal((await api.request('DELETE', `${FS}/flows/${created.body.id}`)).status, 204);
  });

  test('429 fault with Retry-After is served once and logged', async () => {
    sim.faults.add({ method: 'GET', path: `${FS}/runs`, status: 429, headers: { 'Retry-After': '1' } });
    const throttled = await get('/runs?limit=1');
    assert.equal(throttled.status, 429);
    assert.equal(throttled.headers.get('retry-after'), '1');
    assert.deepEqual(throttled.body, { error_code: '429050', message: 'Too many requests' });
    assert.equal((await get('/runs?limit=1')).status, 200);
    const entry = sim.log.entries().find((e) => e.fault);
    assert.equal(entry.status, 429);
    const logged = JSON.stringify(sim.log.entries());
    assert.ok(!logged.includes(api.token) && !logged.includes(DEFAULT_CLIENT.clientSecret), 'no secrets in the log');
  });

  test('run engine over 3 simulated days', async () => {
    const from = sim.clock.now();
    await api.control('POST', '/clock/advance', { days: 3 });
    // Three days outlive the 24 h token, as they would against Adobe.
    assert.equal((await get('/flows?limit=1')).status, 401);
    await api.login();
    const runs = sim.store.list('prod', 'runs');
    const statuses = {};
    for (const run of runs) statuses[run.metrics.statusSummary.status] = (statuses[run.metrics.statusSummary.status] || 0) + 1;
    assert.ok(statuses.success > 0 && statuses.failed > 0 && statuses.partialSuccess > 0, JSON.stringify(statuses));
    for (const run of runs) {
      const d = run.metrics.durationSummary;
      if (run.metrics.statusSummary.status === 'inProgress') continue;
      assert.ok(d.completedAtUTC >= d.startedAtUTC && run.updatedAt === d.completedAtUTC && run.createdAt >= from);
      if (run.metrics.statusSummary.status === 'failed') assert.ok(run.metrics.statusSummary.errors.length > 0);
    }
    const withLastRun = sim.store.list('prod', 'flows').filter((f) => f.lastRunDetails).length;
    assert.ok(withLastRun > 200, `${withLastRun} flows with lastRunDetails`);
  });

  test('failed-runs poll: status + updatedAt filter ordered by updatedAt', async () => {
    const since = sim.clock.now() - DAY;
    const res = await get(`/runs?property=metrics.statusSummary.status%3D%3Dfailed&property=updatedAt%3E${since}&orderby=updatedAt&limit=10`);
    assert.equal(res.body.items.length, 10);
    let previous = since;
    for (const run of res.body.items) {
      assert.equal(run.metrics.statusSummary.status, 'failed');
      assert.ok(run.updatedAt > since && run.updatedAt >= previous);
      previous = run.updatedAt;
    }
    assert.ok(res.body._links.next);
  });

  test('on-demand run, re-trigger and forced outcome', async () => {
    const flow = flows[0];
    const created = await api.request('POST', `${FS}/runs`, { body: { flowId: flow.id, params: { startTime: '1767600000', windowStartTime: '1767500000', windowEndTime: '1767600000' } } });
    assert.equal(created.status, 201);
    const run = (await get(`/runs/${created.body.id}`)).body.items[0];
    assert.equal(run.metrics.statusSummary.status, 'scheduled');
    await api.control('POST', `/runs/${run.id}/outcome`, { status: 'failed', failedRecordCount: 12 });
    const failed = (await get(`/runs/${run.id}`)).body.items[0];
    assert.equal(failed.metrics.statusSummary.status, 'failed');
    assert.equal(failed.metrics.recordSummary.failedRecordCount, 12);
    const retry = await api.request('POST', `${FS}/runs/${run.id}/action?op=re-trigger`);
    assert.equal(retry.status, 200);
    assert.notEqual(retry.body.id, run.id);
    await api.control('POST', `/runs/${retry.body.id}/outcome`, { status: 'success', inputRecordCount: 500 });
    assert.equal(flowCode(await api.request('POST', `${FS}/runs/${retry.body.id}/action?op=RE_TRIGGER`)), 'FLOW-1422-400');
  });

  test('landing zone and exportable datasets', async () => {
    const zone = await api.request('GET', '/data/foundation/connectors/landingzone?type=user_drop_zone');
    assert.deepEqual(zone.body, { containerName: 'dlz-user-container', containerTTL: '7' });
    const creds = (await api.request('GET', '/data/foundation/connectors/landingzone/credentials?type=user_drop_zone')).body;
    const refreshed = (await api.request('POST', '/data/foundation/connectors/landingzone/credentials?type=user_drop_zone&action=refresh')).body;
    assert.equal(creds.SASUri, `${sim.url}/__blob/${creds.storageAccountName}/dlz-user-container?${creds.SASToken}`);
    assert.notEqual(creds.SASToken, refreshed.SASToken);

    // Upload through the SAS URI: a stale token is refused, the current one stores the file for explore/preview.
    const blobUrl = (sas) => { const u = new URL(sas); u.pathname += '/uploads/people.csv'; return u; };
    const put = (sas, headers = { 'x-ms-blob-type': 'BlockBlob' }) => fetch(blobUrl(sas), { method: 'PUT', headers, body: 'id;name\n1;Ann\n2;Bob\n' });
    const stale = await put(creds.SASUri);
    assert.equal(stale.status, 403);
    assert.match(await stale.text(), /<Code>AuthenticationFailed<\/Code>/);
    assert.equal((await put(refreshed.SASUri, {})).status, 400);
    assert.equal((await put(refreshed.SASUri)).status, 201);
    const root = (await get('/connectionSpecs/26f526f2-58f4-4712-961d-e41bf1ccc0e8/explore?objectType=folder&object=dlz-user-container/uploads')).body;
    assert.deepEqual(root.map((e) => e.path), ['dlz-user-container/uploads/people.csv']);
    const preview = (await get('/connectionSpecs/26f526f2-58f4-4712-961d-e41bf1ccc0e8/explore?objectType=file&object=dlz-user-container/uploads/people.csv&preview=true&determineProperties=true')).body;
    assert.deepEqual(preview.data, [{ id: '1', name: 'Ann' }, { id: '2', name: 'Bob' }]);
    assert.deepEqual(preview.properties, { fileType: 'delimited', compressionType: 'None', columnDelimiter: ';' });

    // The AWS variant of the same sandbox.
    await api.control('POST', '/landingzone/provider', { sandbox: 'prod', provider: 'aws' });
    const awsZone = (await api.request('GET', '/data/foundation/connectors/landingzone?type=user_drop_zone')).body;
    assert.equal(awsZone.dlzProvider, 'Amazon S3');
    assert.equal(awsZone.dataTTL.timeQuantity, 7);
    const awsCreds = (await api.request('GET', '/data/foundation/connectors/landingzone/credentials?type=user_drop_zone')).body;
    assert.ok(awsCreds.credentials.awsAccessKeyId && awsCreds.expiryTime > sim.clock.now() / 1000);
    await api.control('POST', '/landingzone/provider', { sandbox: 'prod', provider: 'azure' });
    const configs = await get('/connectionSpecs/23598e46-f560-407b-88d5-ea6207e49db0/configs?outputType=activationDatasets&outputField=datasets&start=0&limit=2');
    assert.equal(configs.body.items.length, 2);
    assert.equal(configs.body.pageInfo.hasNext, true);
    const dataset = await api.request('GET', `/data/foundation/catalog/dataSets/${configs.body.items[0].id}`);
    assert.ok(dataset.body[configs.body.items[0].id].schemaRef.id);
  });

  test('expired tokens answer 401', async () => {
    sim.ims.expireAll();
    assert.equal((await get('/flows?limit=1')).body.error_code, '401013');
    await api.login();
    sim.clock.advance(86399 * 1000);
    assert.equal((await get('/flows?limit=1')).status, 401);
    await api.login();
  });

  // Correctness only: what an idle poll costs at 1,000 and 100,000 runs is measured by the bench.
  test('100,000 runs: seeding, idle polls and count', async () => {
    const idlePoll = async () => {
      const q = `/runs?property=metrics.statusSummary.status%3D%3Dfailed&property=updatedAt%3E${sim.clock.now()}&orderby=updatedAt&limit=10`;
      for (let i = 0; i < 20; i++) assert.equal((await get(q)).body.items.length, 0);
    };
    await api.request('POST', '/__sim/reset', { raw: true });
    await api.login();
    const small = sim.store.seedFlows({ count: 1 })[0];
    sim.store.seedRuns({ flowId: small.id, count: 1000 });
    await idlePoll();
    sim.store.seedRuns({ flowId: small.id, count: 99000 });
    await idlePoll();
    assert.equal((await get('/runs?count=true')).body.count, 100000);
  });
});

test('cli.js --demo --port 0 starts, prints its URL and stops on SIGTERM', async () => {
  const child = spawn(process.execPath, [join(__dirname, 'simulator', 'cli.js'), '--demo', '--port', '0'], { stdio: ['ignore', 'pipe', 'inherit'] });
  try {
    const firstLine = await new Promise((resolve, reject) => {
      let out = '';
      child.stdout.on('data', (chunk) => {
        out += chunk;
        if (out.includes('\n')) resolve(out.split('\n')[0]);
      });
      child.once('exit', (code) => reject(new Error(`cli exited with ${code}`)));
      setTimeout(() => reject(new Error('cli printed nothing within 10 s')), 10000).unref();
    });
    const url = /(http:\/\/\S+)/.exec(firstLine)[1];
    const info = await (await fetch(`${url}/__sim`)).json();
    assert.equal(info.sandboxes.prod.flows, 40);
  } finally {
    const exited = new Promise((resolve) => child.once('exit', resolve));
    child.kill('SIGTERM');
    await exited;
  }
});
