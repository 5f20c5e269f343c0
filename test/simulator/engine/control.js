'use strict';

// The /__sim/ control API: everything tests can do in-process, over HTTP
// (JSON in and out, no auth, not recorded in the request log).

const { createRouter } = require('./router');

const DURATION_UNITS = { ms: 1, seconds: 1000, minutes: 60000, hours: 3600000, days: 86400000 };

// {ms} or {seconds|minutes|hours|days}, summed.
function durationMs(body) {
  let total = 0;
  let given = false;
  for (const [unit, factor] of Object.entries(DURATION_UNITS)) {
    if (body[unit] === undefined) continue;
    const n = Number(body[unit]);
    if (!Number.isFinite(n) || n < 0) throw new Error(`${unit} must be a number >= 0`);
    total += n * factor;
    given = true;
  }
  if (!given) throw new Error('give ms (or seconds, minutes, hours, days)');
  return total;
}

const clockBody = (clock) => ({ now: clock.now(), iso: new Date(clock.now()).toISOString() });

function createControlRouter(sim) {
  const router = createRouter();
  const ok = (body = { ok: true }) => ({ status: 200, body });

  router.get('/__sim', () => ok({
    url: sim.url,
    clock: clockBody(sim.clock),
    sandboxes: Object.fromEntries(sim.store.sandboxNames().map((name) => [name, sim.store.counts(name)])),
    tokenRequests: sim.ims.tokenRequests(),
    faults: sim.faults.list(),
  }));

  router.post('/__sim/reset', ({ body }) => {
    sim.reset();
    if (body.demo) sim.store.seedDemo();
    return ok({ ok: true, clock: clockBody(sim.clock) });
  });

  router.post('/__sim/seed/flows', ({ body }) => {
    const flows = sim.store.seedFlows(body);
    return ok({ count: flows.length, items: flows });
  });

  router.post('/__sim/seed/runs', ({ body }) => {
    const runs = sim.store.seedRuns(body);
    const summary = { count: runs.length, firstId: runs[0]?.id, lastId: runs[runs.length - 1]?.id };
    if (runs.length <= 1000) summary.ids = runs.map((r) => r.id);
    return ok(summary);
  });

  router.post('/__sim/seed/demo', () => ok({ counts: sim.store.seedDemo() }));

  router.post('/__sim/seed/datasets', ({ body }) => {
    const datasets = sim.store.seedDatasets(body);
    return ok({ count: datasets.length, items: datasets });
  });

  router.post('/__sim/landingzone/provider', ({ body }) => {
    sim.store.setLandingZoneProvider(body.sandbox || 'prod', body.provider);
    return ok({ sandbox: body.sandbox || 'prod', provider: body.provider });
  });

  router.get('/__sim/clock', () => ok(clockBody(sim.clock)));
  router.post('/__sim/clock/advance', ({ body }) => {
    sim.clock.advance(durationMs(body));
    return ok(clockBody(sim.clock));
  });

  router.get('/__sim/faults', () => ok({ items: sim.faults.list() }));
  router.post('/__sim/faults', ({ body }) => ok({ id: sim.faults.add(body) }));
  router.delete('/__sim/faults', () => {
    sim.faults.clear();
    return ok();
  });

  router.get('/__sim/requests', ({ query }) => ok({ items: sim.log.entries(Number(query.since) || 0) }));
  router.delete('/__sim/requests', () => {
    sim.log.clear();
    return ok();
  });

  router.get('/__sim/tokens', () => ok({ requests: sim.ims.tokenRequests() }));
  router.post('/__sim/tokens/expire', () => {
    sim.ims.expireAll();
    return ok();
  });
  router.post('/__sim/clients', ({ body }) => ok(sim.ims.registerClient(body)));

  router.post('/__sim/latency', ({ body }) => {
    sim.setLatency(durationMs(body));
    return ok({ latencyMs: sim.latencyMs() });
  });

  router.post('/__sim/runs/:id/outcome', ({ body, params }) => {
    const { sandbox = 'prod', ...outcome } = body;
    return ok({ items: [sim.store.setRunOutcome(sandbox, params.id, outcome)] });
  });

  router.post('/__sim/runs/:id/hold', ({ body, params }) => ok({ items: [sim.store.holdRun(body.sandbox || 'prod', params.id)] }));
  router.post('/__sim/runs/:id/release', ({ body, params }) => ok({ items: [sim.store.releaseRun(body.sandbox || 'prod', params.id)] }));

  router.get('/__sim/flows/:id/behaviour', ({ query, params }) => ok(sim.store.flowBehaviour(query.sandbox || 'prod', params.id)));
  router.post('/__sim/flows/:id/outcomes', ({ body, params }) => {
    if (!Array.isArray(body.steps)) throw new Error('give steps: [{status, times?, errors?, detail?, failedRecordCount?, inputRecordCount?}]');
    return ok(sim.store.scriptFlowOutcomes(body.sandbox || 'prod', params.id, body.steps));
  });
  router.delete('/__sim/flows/:id/outcomes', ({ query, params }) => ok(sim.store.scriptFlowOutcomes(query.sandbox || 'prod', params.id, [])));
  router.post('/__sim/flows/:id/pause', ({ body, params }) => ok(sim.store.pauseFlowRuns(body.sandbox || 'prod', params.id)));
  router.post('/__sim/flows/:id/resume', ({ body, params }) => ok(sim.store.resumeFlowRuns(body.sandbox || 'prod', params.id)));

  // Failed-record diagnostics: a flow's errorDiagnosticsEnabled option, the batch index, error file size.
  router.post('/__sim/flows/:id/diagnostics', ({ body, params }) => {
    const sandbox = body.sandbox || 'prod';
    const flow = sim.store.setErrorDiagnostics(sandbox, params.id, body.enabled);
    return ok({ sandbox, flowId: flow.id, options: flow.options });
  });
  router.post('/__sim/batches/file-rows', ({ body }) => ok({ rowErrorFileRows: sim.store.setRowErrorFileRows(body.rows) }));
  router.get('/__sim/batches/:id', ({ query, params }) => {
    const batch = sim.store.batchOf(query.sandbox || 'prod', params.id);
    return batch ? ok(batch) : { status: 404, body: { error: `batch ${params.id} not found` } };
  });

  router.get('/__sim/counts', ({ query }) => ok(sim.store.counts(query.sandbox || 'prod') || {}));

  // Peek at stored entities without auth (debugging).
  router.get('/__sim/store/:sandbox/:resource', ({ params }) => ok({ items: sim.store.list(params.sandbox, params.resource) }));
  router.get('/__sim/store/:sandbox/:resource/:id', ({ params }) => {
    const item = sim.store.get(params.sandbox, params.resource, params.id);
    return item ? ok({ items: [item] }) : { status: 404, body: { error: `${params.resource} ${params.id} not found` } };
  });

  return router;
}

module.exports = { createControlRouter };
