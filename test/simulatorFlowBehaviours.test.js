'use strict';

// The simulator's flow behaviours for trigger tests, checked over HTTP as the clock advances:
// scripted outcomes (fail N times, then succeed), held runs (stay in progress) and paused
// schedules (an enabled flow with no new runs), from JavaScript and from the /__sim control API.

const { startSimulator, DEFAULT_CLIENT } = require('./simulator/server');

const FS = '/data/foundation/flowservice';
const MINUTE = 60000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;
const COPY_ERROR = { code: 'CONNECTOR-1001-500', message: 'Error while copying from the source.' };

describe('simulator flow behaviours', () => {
  let sim;

  beforeAll(async () => {
    sim = await startSimulator();
  });

  afterAll(async () => {
    if (sim) await sim.close();
  });

  // A fresh token per call: advancing a day or more expires the previous one.
  async function token() {
    const form = new URLSearchParams({ grant_type: 'client_credentials', client_id: DEFAULT_CLIENT.clientId, client_secret: DEFAULT_CLIENT.clientSecret, scope: DEFAULT_CLIENT.scopes });
    const res = await fetch(`${sim.url}/ims/token/v3`, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: form.toString() });
    expect(res.status).toBe(200);
    return (await res.json()).access_token;
  }

  async function api(method, path, body) {
    const headers = {
      authorization: `Bearer ${await token()}`,
      'x-api-key': DEFAULT_CLIENT.clientId,
      'x-gw-ims-org-id': DEFAULT_CLIENT.orgId,
      'x-sandbox-name': 'prod',
    };
    if (body !== undefined) headers['content-type'] = 'application/json';
    const res = await fetch(sim.url + FS + path, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
    return { status: res.status, body: await res.json() };
  }

  async function control(method, path, body) {
    const init = { method, headers: body === undefined ? {} : { 'content-type': 'application/json' }, body: body === undefined ? undefined : JSON.stringify(body) };
    const res = await fetch(`${sim.url}/__sim${path}`, init);
    return { status: res.status, body: await res.json() };
  }

  // The flow's runs over HTTP, oldest first.
  async function runsOf(flowId) {
    const res = await api('GET', `/runs?property=${encodeURIComponent(`flowId==${flowId}`)}&limit=100`);
    expect(res.status).toBe(200);
    return res.body.items.sort((a, b) => a.createdAt - b.createdAt);
  }

  const status = (run) => run.metrics.statusSummary.status;
  const advance = (ms) => sim.clock.advance(ms);
  // One enabled Salesforce source flow, running hourly from an hour after now.
  const seedHourlyFlow = () => sim.store.seedFlows({ sandbox: 'prod', count: 1, kind: 'source', state: 'enabled' })[0];

  describe('scripted outcomes', () => {
    test('scheduled runs fail 3 times with the given error, then succeed, then are random again', async () => {
      const flow = seedHourlyFlow();
      const script = sim.store.scriptFlowOutcomes('prod', flow.id, [{ status: 'failed', times: 3, errors: [COPY_ERROR] }, { status: 'success' }]);
      expect(script.script).toEqual([{ status: 'failed', times: 3, errors: [COPY_ERROR] }, { status: 'success', times: 1 }]);

      advance(2 * HOUR + 45 * MINUTE); // runs last at most 40 minutes: both runs so far have finished
      let runs = await runsOf(flow.id);
      expect(runs.map(status)).toEqual(['failed', 'failed']);
      expect(sim.store.flowBehaviour('prod', flow.id).script).toEqual([{ status: 'failed', times: 1, errors: [COPY_ERROR] }, { status: 'success', times: 1 }]);

      advance(2 * HOUR);
      runs = await runsOf(flow.id);
      expect(runs.map(status)).toEqual(['failed', 'failed', 'failed', 'success']);
      for (const run of runs.slice(0, 3)) {
        expect(run.metrics.statusSummary.errors).toEqual([COPY_ERROR]);
        expect(run.metrics.durationSummary.completedAtUTC).toBeGreaterThanOrEqual(run.metrics.durationSummary.startedAtUTC);
      }
      expect(runs[3].metrics.statusSummary.errors).toEqual([]);
      expect(runs.map((r) => r.createdAt - runs[0].createdAt)).toEqual([0, HOUR, 2 * HOUR, 3 * HOUR]);
      expect(sim.store.flowBehaviour('prod', flow.id).script).toEqual([]);

      // The flow's lastRunDetails follows the scripted runs too.
      const stored = (await api('GET', `/flows/${flow.id}`)).body.items[0];
      expect(stored.lastRunDetails).toMatchObject({ id: runs[3].id, state: 'success' });

      // After the script: the flow's usual seeded mix (over two days something other than success shows up).
      advance(2 * DAY);
      const later = (await runsOf(flow.id)).slice(4).filter((r) => status(r) !== 'inProgress');
      expect(later.length).toBeGreaterThan(40);
      expect(new Set(later.map(status)).size).toBeGreaterThan(1);
    });

    test('a failed step without errors gets a realistic connector error; times -1 keeps the last outcome', async () => {
      const flow = seedHourlyFlow();
      sim.store.scriptFlowOutcomes('prod', flow.id, [{ status: 'failed' }, { status: 'success', times: -1 }]);
      advance(8 * HOUR);
      const runs = (await runsOf(flow.id)).filter((r) => status(r) !== 'inProgress');
      expect(runs.length).toBeGreaterThanOrEqual(7);
      expect(status(runs[0])).toBe('failed');
      expect(runs[0].metrics.statusSummary.errors[0].code).toMatch(/^CONNECTOR-\d{4}-500$/);
      expect(runs[0].metrics.statusSummary.errors[0].message).toBeTruthy();
      expect(runs.slice(1).map(status).every((s) => s === 'success')).toBe(true);
      expect(sim.store.flowBehaviour('prod', flow.id).script).toEqual([{ status: 'success', times: -1 }]);
      sim.store.scriptFlowOutcomes('prod', flow.id, []);
      expect(sim.store.flowBehaviour('prod', flow.id).script).toEqual([]);
    });

    test("a step's detail becomes the failing activity's cause", async () => {
      const flow = seedHourlyFlow();
      const detail = { code: 'CONNECTOR-1001-500', message: 'Failed to read data from the source: the remote server returned an error (401) Unauthorized.' };
      sim.store.scriptFlowOutcomes('prod', flow.id, [{ status: 'failed', errors: [COPY_ERROR], detail }]);
      advance(HOUR + 45 * MINUTE);
      const [run] = await runsOf(flow.id);
      expect(run.metrics.statusSummary.errors).toEqual([COPY_ERROR]);
      const causes = run.activities.flatMap((a) => (a.statusSummary.extensions && a.statusSummary.extensions.errors) || []);
      expect(causes).toEqual([detail]);
      expect(() => sim.store.scriptFlowOutcomes('prod', flow.id, [{ status: 'failed', detail: 'oops' }])).toThrow(/detail/);
    });

    test('seeded runs without a final status and on-demand runs take steps; a given status leaves the script alone', async () => {
      const flow = sim.store.seedFlows({ sandbox: 'prod', count: 1, kind: 'source', state: 'enabled' })[0];
      sim.store.scriptFlowOutcomes('prod', flow.id, [
        { status: 'failed', times: 2, failedRecordCount: 5, errors: [{ code: 'CONNECTOR-2001-500', message: 'Error in processing the copied data.' }] },
        { status: 'partialSuccess', failedRecordCount: 3, inputRecordCount: 100 },
        { status: 'success', times: 2 },
      ]);
      const [given] = sim.store.seedRuns({ sandbox: 'prod', flowId: flow.id, count: 1, status: 'success' });
      const seeded = sim.store.seedRuns({ sandbox: 'prod', flowId: flow.id, count: 2 });
      const [running] = sim.store.seedRuns({ sandbox: 'prod', flowId: flow.id, count: 1, status: 'inProgress' });
      const onDemand = await api('POST', '/runs', { flowId: flow.id });
      expect(onDemand.status).toBe(201);
      expect(sim.store.flowBehaviour('prod', flow.id).script).toEqual([{ status: 'success', times: 1 }]);

      advance(45 * MINUTE); // before the flow's first scheduled tick
      const byId = Object.fromEntries((await runsOf(flow.id)).map((r) => [r.id, r]));
      expect(status(byId[given.id])).toBe('success');
      for (const run of seeded) {
        expect(status(byId[run.id])).toBe('failed');
        expect(byId[run.id].metrics.recordSummary.failedRecordCount).toBe(5);
        expect(byId[run.id].metrics.statusSummary.errors[0].code).toBe('CONNECTOR-2001-500');
      }
      expect(status(byId[running.id])).toBe('partialSuccess');
      expect(byId[running.id].metrics.recordSummary).toMatchObject({ inputRecordCount: 100, failedRecordCount: 3 });
      expect(status(byId[onDemand.body.id])).toBe('success');

      // The re-trigger of a failed run takes the last step.
      const retry = await api('POST', `/runs/${seeded[0].id}/action?op=re-trigger`);
      expect(retry.status).toBe(200);
      advance(45 * MINUTE);
      expect(status((await api('GET', `/runs/${retry.body.id}`)).body.items[0])).toBe('success');
      expect(sim.store.flowBehaviour('prod', flow.id).script).toEqual([]);
    });

    test('bad scripts are refused', () => {
      const flow = seedHourlyFlow();
      expect(() => sim.store.scriptFlowOutcomes('prod', 'no-such-flow', [{ status: 'failed' }])).toThrow(/not found/);
      expect(() => sim.store.scriptFlowOutcomes('prod', flow.id, [{ status: 'exploded' }])).toThrow(/unknown run status/);
      expect(() => sim.store.scriptFlowOutcomes('prod', flow.id, [{ status: 'failed', times: 0 }])).toThrow(/times/);
      expect(() => sim.store.scriptFlowOutcomes('prod', flow.id, [{ status: 'failed', times: -1 }, { status: 'success' }])).toThrow(/last step/);
      expect(() => sim.store.scriptFlowOutcomes('prod', flow.id, [{ status: 'failed', errors: [{ code: 1 }] }])).toThrow(/code and message/);
      expect(() => sim.store.scriptFlowOutcomes('prod', flow.id, { status: 'failed' })).toThrow(/array/);
    });
  });

  describe('held runs', () => {
    test("the flow's next run stays inProgress with no completedAtUTC until setRunOutcome", async () => {
      const flow = seedHourlyFlow();
      sim.store.scriptFlowOutcomes('prod', flow.id, [{ status: 'inProgress' }]);
      advance(HOUR);
      const [held] = await runsOf(flow.id);
      expect(status(held)).toBe('inProgress');

      advance(2 * DAY);
      const runs = await runsOf(flow.id);
      expect(runs.length).toBeGreaterThanOrEqual(48);
      const still = runs.find((r) => r.id === held.id);
      expect(status(still)).toBe('inProgress');
      expect(still.metrics.durationSummary.startedAtUTC).toBeGreaterThanOrEqual(still.createdAt);
      expect(still.metrics.durationSummary.completedAtUTC).toBeUndefined();
      expect(still.updatedAt).toBe(held.updatedAt);
      // Later runs of the same flow finish as usual.
      expect(runs.filter((r) => r.id !== held.id && status(r) !== 'inProgress').length).toBeGreaterThanOrEqual(47);

      sim.store.setRunOutcome('prod', held.id, { status: 'success' });
      const done = (await api('GET', `/runs/${held.id}`)).body.items[0];
      expect(status(done)).toBe('success');
      expect(done.metrics.durationSummary.completedAtUTC).toBe(sim.clock.now());
      expect(() => sim.store.holdRun('prod', held.id)).toThrow(/has finished/);
    });

    test('holdRun keeps a running run running and a scheduled run scheduled; releaseRun lets them go on', async () => {
      const flow = seedHourlyFlow();
      const [running] = sim.store.seedRuns({ sandbox: 'prod', flowId: flow.id, count: 1, status: 'inProgress' });
      sim.store.holdRun('prod', running.id);
      const onDemand = await api('POST', '/runs', { flowId: flow.id });
      sim.store.holdRun('prod', onDemand.body.id);

      advance(5 * HOUR);
      const get = async (id) => (await api('GET', `/runs/${id}`)).body.items[0];
      let run = await get(running.id);
      expect(status(run)).toBe('inProgress');
      expect(run.metrics.durationSummary).toEqual({ startedAtUTC: running.metrics.durationSummary.startedAtUTC });
      expect(status(await get(onDemand.body.id))).toBe('scheduled');

      // Both came due while held: the running one finishes now, the scheduled one starts now.
      sim.store.releaseRun('prod', running.id);
      sim.store.releaseRun('prod', onDemand.body.id);
      run = await get(running.id);
      expect(['success', 'failed', 'partialSuccess']).toContain(status(run));
      expect(run.metrics.durationSummary.completedAtUTC).toBe(sim.clock.now());
      let started = await get(onDemand.body.id);
      expect(status(started)).toBe('inProgress');
      expect(started.metrics.durationSummary.startedAtUTC).toBe(sim.clock.now());
      advance(45 * MINUTE);
      started = await get(onDemand.body.id);
      expect(['success', 'failed', 'partialSuccess']).toContain(status(started));
    });
  });

  describe('paused schedules', () => {
    test('a paused flow stays enabled with its schedule but gets no new runs until resumed', async () => {
      const flow = seedHourlyFlow();
      advance(2 * HOUR);
      const before = await runsOf(flow.id);
      expect(before).toHaveLength(2);
      const flowBefore = (await api('GET', `/flows/${flow.id}`)).body.items[0];

      expect(sim.store.pauseFlowRuns('prod', flow.id)).toMatchObject({ paused: true });
      advance(6 * HOUR);
      const during = await runsOf(flow.id);
      expect(during.map((r) => r.id)).toEqual(before.map((r) => r.id));
      expect(during.every((r) => status(r) !== 'inProgress')).toBe(true); // runs already going still finish
      const flowDuring = (await api('GET', `/flows/${flow.id}`)).body.items[0];
      expect(flowDuring.state).toBe('enabled');
      expect(flowDuring.scheduleParams).toEqual(flowBefore.scheduleParams);
      expect(flowDuring.etag).toBe(flowBefore.etag);

      // On-demand runs still work while the schedule is paused.
      expect((await api('POST', '/runs', { flowId: flow.id })).status).toBe(201);

      expect(sim.store.resumeFlowRuns('prod', flow.id)).toMatchObject({ paused: false });
      advance(3 * HOUR);
      const after = await runsOf(flow.id);
      expect(after.length).toBe(before.length + 1 + 3);
      // Missed ticks are not made up: the new runs start at the first tick after resuming, an hour apart.
      const ticks = after.slice(-3).map((r) => r.createdAt);
      expect(ticks[1] - ticks[0]).toBe(HOUR);
      expect(ticks[2] - ticks[1]).toBe(HOUR);
      expect(ticks[0] - before[1].createdAt).toBe(7 * HOUR);
    });
  });

  describe('over the control API', () => {
    test('scripted outcomes', async () => {
      const flow = (await control('POST', '/seed/flows', { count: 1, kind: 'source', state: 'enabled' })).body.items[0];
      const set = await control('POST', `/flows/${flow.id}/outcomes`, { sandbox: 'prod', steps: [{ status: 'failed', times: 2, errors: [COPY_ERROR] }, { status: 'success' }] });
      expect(set.status).toBe(200);
      expect(set.body).toEqual({ sandbox: 'prod', flowId: flow.id, paused: false, script: [{ status: 'failed', times: 2, errors: [COPY_ERROR] }, { status: 'success', times: 1 }] });
      await control('POST', '/clock/advance', { hours: 3, minutes: 45 });
      const runs = await runsOf(flow.id);
      expect(runs.map(status)).toEqual(['failed', 'failed', 'success']);
      expect(runs[0].metrics.statusSummary.errors).toEqual([COPY_ERROR]);
      expect((await control('GET', `/flows/${flow.id}/behaviour`)).body.script).toEqual([]);

      await control('POST', `/flows/${flow.id}/outcomes`, { steps: [{ status: 'failed' }] });
      expect((await control('DELETE', `/flows/${flow.id}/outcomes?sandbox=prod`)).body.script).toEqual([]);
      expect((await control('POST', `/flows/${flow.id}/outcomes`, { steps: [{ status: 'nope' }] })).status).toBe(400);
      expect((await control('POST', `/flows/${flow.id}/outcomes`, {})).status).toBe(400);
      expect((await control('POST', '/flows/missing/outcomes', { steps: [] })).body.error).toMatch(/not found/);
    });

    test('held runs', async () => {
      const flow = (await control('POST', '/seed/flows', { count: 1, kind: 'source', state: 'enabled' })).body.items[0];
      const seeded = await control('POST', '/seed/runs', { flowId: flow.id, count: 1, status: 'inProgress' });
      const [runId] = seeded.body.ids;
      const held = await control('POST', `/runs/${runId}/hold`, { sandbox: 'prod' });
      expect(held.status).toBe(200);
      expect(held.body.items[0].id).toBe(runId);
      await control('POST', '/clock/advance', { hours: 4 });
      let run = (await api('GET', `/runs/${runId}`)).body.items[0];
      expect(status(run)).toBe('inProgress');
      expect(run.metrics.durationSummary.completedAtUTC).toBeUndefined();
      expect((await runsOf(flow.id)).length).toBe(5); // the flow's other runs go on

      const released = await control('POST', `/runs/${runId}/release`, {});
      expect(released.body.items[0].metrics.durationSummary.completedAtUTC).toBe(sim.clock.now());
      run = (await api('GET', `/runs/${runId}`)).body.items[0];
      expect(status(run)).not.toBe('inProgress');
      expect((await control('POST', `/runs/${runId}/hold`, {})).status).toBe(400);
      expect((await control('POST', '/runs/missing/release', {})).status).toBe(400);

      // The flow's next run, held through a script step, then finished with /outcome.
      await control('POST', `/flows/${flow.id}/outcomes`, { steps: [{ status: 'inProgress' }] });
      await control('POST', '/clock/advance', { hours: 1 });
      const next = (await runsOf(flow.id)).at(-1);
      await control('POST', '/clock/advance', { days: 1 });
      expect(status((await api('GET', `/runs/${next.id}`)).body.items[0])).toBe('inProgress');
      const finished = await control('POST', `/runs/${next.id}/outcome`, { status: 'failed', errors: [COPY_ERROR] });
      expect(finished.body.items[0].metrics.statusSummary).toMatchObject({ status: 'failed', errors: [COPY_ERROR] });
    });

    test('paused schedules', async () => {
      const flow = (await control('POST', '/seed/flows', { count: 1, kind: 'source', state: 'enabled' })).body.items[0];
      const paused = await control('POST', `/flows/${flow.id}/pause`, { sandbox: 'prod' });
      expect(paused.body).toMatchObject({ flowId: flow.id, paused: true });
      expect((await control('GET', `/flows/${flow.id}/behaviour?sandbox=prod`)).body.paused).toBe(true);
      await control('POST', '/clock/advance', { hours: 5 });
      expect(await runsOf(flow.id)).toEqual([]);
      const listed = (await api('GET', `/flows/${flow.id}`)).body.items[0];
      expect(listed).toMatchObject({ state: 'enabled', scheduleParams: flow.scheduleParams });

      expect((await control('POST', `/flows/${flow.id}/resume`, {})).body.paused).toBe(false);
      await control('POST', '/clock/advance', { hours: 2 });
      expect(await runsOf(flow.id)).toHaveLength(2);
      expect((await control('POST', '/flows/missing/pause', {})).status).toBe(400);
    });

    test('reset clears every behaviour', async () => {
      await control('POST', '/reset', {});
      const flow = seedHourlyFlow();
      sim.store.pauseFlowRuns('prod', flow.id);
      sim.store.scriptFlowOutcomes('prod', flow.id, [{ status: 'failed' }]);
      await control('POST', '/reset', {});
      const again = seedHourlyFlow(); // the same seeded id as before the reset
      expect(again.id).toBe(flow.id);
      expect((await control('GET', `/flows/${again.id}/behaviour`)).body).toEqual({ sandbox: 'prod', flowId: again.id, paused: false, script: [] });
      advance(HOUR);
      expect(await runsOf(again.id)).toHaveLength(1);
    });
  });
});

// Behaviours set and cleared before any run leave the seeded history exactly as without them.
test('unused behaviours do not change the seeded run history', async () => {
  const history = async (touch) => {
    const sim = await startSimulator({ seed: 7 });
    try {
      const flows = sim.store.seedFlows({ sandbox: 'prod', count: 6, kind: 'mixed', state: 'enabled', runsPerFlow: 4 });
      if (touch) {
        for (const flow of flows) {
          sim.store.scriptFlowOutcomes('prod', flow.id, [{ status: 'failed', times: 3 }]);
          sim.store.pauseFlowRuns('prod', flow.id);
          sim.store.scriptFlowOutcomes('prod', flow.id, []);
          sim.store.resumeFlowRuns('prod', flow.id);
        }
      }
      sim.clock.advance(3 * DAY);
      return JSON.stringify([sim.store.list('prod', 'runs'), sim.store.list('prod', 'flows')]);
    } finally {
      await sim.close();
    }
  };
  expect(await history(true)).toBe(await history(false));
});
