'use strict';

// Bulk creation of realistic flows (with their connections) and of historical
// runs, for tests, benchmarks and the demo data.

const { TEMPLATES, SEED_PLAN } = require('./catalog/templates');
const { buildConnection, buildEndpointConnection, buildFlow } = require('./entities');
const { MAX_DURATION } = require('./runEngine');

// Entities seeded "through the UI".
const UI_ACTOR = { userId: '5A2B9C4D3E8F1A7B6C0D9E2F@AdobeID', clientId: 'exc_app' };
const SEED_KINDS = ['source', 'destination', 'mixed'];

function createSeeder({ store, runEngine, clock }) {
  // opts: { name, datasetName, object, at, state, schedule, scheduleStart, audience,
  //         selectorFrequency, profile, baseCache (Map: share base connections by name) }
  function createFlow(sandboxName, templateKey, opts) {
    const template = TEMPLATES[templateKey];
    if (!template) throw new Error(`unknown flow template ${templateKey}`);
    const sandbox = store.ensureSandbox(sandboxName);
    const ctx = { store, sandbox, actor: UI_ACTOR, at: opts.at };
    const dataset = store.ensureDataset(sandboxName, opts.datasetName || 'Customer Profiles');
    const parts = template({
      ...opts,
      rng: store.rng,
      dataset,
      startSec: Math.floor((opts.scheduleStart ?? opts.at) / 1000),
    });

    const baseConnection = (body) => {
      if (!body) return null;
      const cached = opts.baseCache && opts.baseCache.get(body.name);
      if (cached) return cached;
      const connection = store.insert(sandbox, 'connections', buildConnection(ctx, body));
      if (opts.baseCache) opts.baseCache.set(body.name, connection);
      return connection;
    };
    const endpoint = (resource, body, base) =>
      store.insert(sandbox, resource, buildEndpointConnection(ctx, base ? { ...body, baseConnectionId: base.id } : body));

    const source = endpoint('sourceConnections', parts.source, baseConnection(parts.sourceBase));
    const target = endpoint('targetConnections', parts.target, baseConnection(parts.targetBase));
    const flow = buildFlow(ctx, { ...parts.flow, name: opts.name, sourceConnectionIds: [source.id], targetConnectionIds: [target.id] });
    if (opts.state && opts.state !== 'enabled') flow.state = opts.state;
    store.insert(sandbox, 'flows', flow);
    if (opts.profile) sandbox.flowProfiles.set(flow.id, opts.profile);
    return flow;
  }

  function seedRuns({ sandbox = 'prod', flowId, count = 10, status, spacingMs = 15 * 60000 } = {}) {
    const flow = store.sandbox(sandbox) && store.get(sandbox, 'flows', flowId);
    if (!flow) throw new Error(`flow ${flowId} not found in sandbox ${sandbox}`);
    // Runs seeded in progress are current (the newest starts now); any other
    // seeded run has started and finished before now.
    const running = String(status).toLowerCase() === 'inprogress';
    const end = running ? clock.now() : clock.now() - MAX_DURATION - 60000;
    const ticks = Array.from({ length: count }, (_, i) => end - (count - 1 - i) * spacingMs);
    return runEngine.historicalRuns(sandbox, flow, ticks, { status });
  }

  function seedFlows({ sandbox = 'prod', count = 10, kind = 'source', state = 'enabled', runsPerFlow = 0 } = {}) {
    if (!SEED_KINDS.includes(kind)) throw new Error(`kind must be one of ${SEED_KINDS.join(', ')}`);
    const plan = kind === 'mixed'
      ? SEED_PLAN.source.flatMap((s, i) => [s, SEED_PLAN.destination[i % SEED_PLAN.destination.length]])
      : SEED_PLAN[kind];
    const now = clock.now();
    const flows = [];
    for (let i = 0; i < count; i++) {
      const [template, label, datasetName, object] = plan[i % plan.length];
      // Distinct createdAt values, oldest first, so list order is predictable.
      const at = now - (count - i) * 1000;
      const flow = createFlow(sandbox, template, { name: `${label} #${i + 1}`, datasetName, object, at, state });
      runEngine.scheduleFlow(sandbox, flow);
      if (runsPerFlow > 0) seedRuns({ sandbox, flowId: flow.id, count: runsPerFlow });
      flows.push(store.get(sandbox, 'flows', flow.id));
    }
    return flows;
  }

  return { createFlow, seedFlows, seedRuns };
}

module.exports = { createSeeder };
