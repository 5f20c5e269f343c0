'use strict';

// Creates and finishes runs as simulated time passes. Every schedule tick,
// run start and run finish is an event in one heap, so clock.advance() replays
// them strictly in simulated-time order however far it jumps.

const specs = require('../fixtures/specs');
const { EventHeap } = require('./heap');
const { createRandom } = require('./random');
const { flowSchedule, nextTick } = require('./schedule');
const { newRun, rollStatus, resolveOutcome, applyOutcome, runContext, RUN_CLIENTS } = require('./runFactory');

const STATUSES = { success: 'success', failed: 'failed', partialsuccess: 'partialSuccess', inprogress: 'inProgress' };
const MIN_DURATION = 60 * 1000;
const MAX_DURATION = 40 * 60 * 1000;

function normalizeStatus(status) {
  const s = STATUSES[String(status).toLowerCase()];
  if (!s) throw new Error(`unknown run status ${status}; use success, failed, partialSuccess or inProgress`);
  return s;
}

function createRunEngine({ store, clock, seed }) {
  let rng;
  const heap = new EventHeap();
  const schedules = new Map(); // "sandbox/flowId" -> { gen, onceDone }
  const live = new Map(); // runId -> { sandbox, flow, kind } for unfinished runs

  const key = (sandbox, flowId) => `${sandbox}/${flowId}`;
  const duration = () => rng.int(MIN_DURATION, MAX_DURATION);
  const startOffset = () => rng.int(200, 3000);

  function reset() {
    rng = createRandom((seed ^ 0x5eed5eed) >>> 0);
    heap.clear();
    schedules.clear();
    live.clear();
  }

  // What finishing a run needs to know about its flow, captured while the flow exists.
  function runInfo(sandbox, flow) {
    const kind = specs.flowKind(flow.flowSpec.id);
    const sourceConnection = flow.sourceConnectionIds && store.get(sandbox, 'sourceConnections', flow.sourceConnectionIds[0]);
    return { ...runContext(flow, kind, sourceConnection), sandbox };
  }

  function scheduleState(sandbox, flowId) {
    let state = schedules.get(key(sandbox, flowId));
    if (!state) schedules.set(key(sandbox, flowId), (state = { gen: 0, onceDone: false }));
    return state;
  }

  // (Re)computes the next tick of a flow; any previously queued tick becomes stale.
  function scheduleFlow(sandbox, flow, fromMs = clock.now()) {
    const state = scheduleState(sandbox, flow.id);
    state.gen++;
    if (flow.state !== 'enabled') return;
    const schedule = flowSchedule(flow, specs.flowKind(flow.flowSpec.id));
    if (!schedule || (schedule.once && state.onceDone)) return;
    const t = nextTick(schedule, fromMs);
    if (t !== null) heap.push({ t, type: 'tick', sandbox, flowId: flow.id, gen: state.gen });
  }

  function unscheduleFlow(sandbox, flowId) {
    scheduleState(sandbox, flowId).gen++;
  }

  // A run for `flow` created at `at`: 'scheduled' (on demand, starts shortly) or 'inProgress'.
  function createRun(sandbox, flow, { at = clock.now(), params, scheduled = false } = {}) {
    const sb = store.sandbox(sandbox);
    const info = runInfo(sandbox, flow);
    const startedAt = at + startOffset();
    const run = newRun({ store, sandbox: sb, flow, kind: info.kind, at, params, startedAt, status: scheduled ? 'scheduled' : 'inProgress' });
    store.insert(sb, 'runs', run);
    live.set(run.id, info);
    if (scheduled) heap.push({ t: at + rng.int(5000, 60000), type: 'start', sandbox, runId: run.id });
    else heap.push({ t: startedAt + duration(), type: 'finish', sandbox, runId: run.id });
    return run;
  }

  function recordLastRun(sandbox, run) {
    const flow = store.get(sandbox, 'flows', run.flowId);
    const d = run.metrics.durationSummary;
    if (!flow || (flow.lastRunDetails && flow.lastRunDetails.startedAtUTC > d.startedAtUTC)) return;
    // Run bookkeeping does not change the flow's etag, so it never races a client's PATCH.
    store.update(sandbox, 'flows', flow.id, (f) => {
      f.lastRunDetails = { id: run.id, state: run.metrics.statusSummary.status, startedAtUTC: d.startedAtUTC, completedAtUTC: d.completedAtUTC };
    }, { bump: false });
  }

  function finish(sandbox, runId, at, forced = {}) {
    const run = store.get(sandbox, 'runs', runId);
    if (!run) {
      live.delete(runId);
      return undefined;
    }
    const flow = store.get(sandbox, 'flows', run.flowId) || { id: run.flowId, flowSpec: run.flowSpec, sourceConnectionIds: [], targetConnectionIds: [] };
    const info = live.get(runId) || runInfo(sandbox, flow);
    const sb = store.sandbox(sandbox);
    const profile = sb.flowProfiles.get(run.flowId) || {};
    const status = forced.status ? normalizeStatus(forced.status) : rollStatus(rng, info.kind, profile);
    const outcome = resolveOutcome(rng, info.kind, status, profile, forced);
    store.update(sandbox, 'runs', runId, (r) => {
      if (r.metrics.durationSummary.startedAtUTC === undefined) r.metrics.durationSummary.startedAtUTC = at;
      applyOutcome(r, info, outcome, rng, at);
    }, { at, actor: RUN_CLIENTS[info.kind] });
    live.delete(runId);
    recordLastRun(sandbox, run);
    return run;
  }

  function start(sandbox, runId, at) {
    if (!live.has(runId)) return;
    store.update(sandbox, 'runs', runId, (r) => {
      r.metrics.statusSummary.status = 'inProgress';
      r.metrics.durationSummary = { startedAtUTC: at };
    }, { at, actor: RUN_CLIENTS[live.get(runId).kind] });
    heap.push({ t: at + duration(), type: 'finish', sandbox, runId });
  }

  function tick(event) {
    const state = schedules.get(key(event.sandbox, event.flowId));
    const flow = store.sandbox(event.sandbox) && store.get(event.sandbox, 'flows', event.flowId);
    if (!state || state.gen !== event.gen || !flow || flow.state !== 'enabled') return;
    createRun(event.sandbox, flow, { at: event.t });
    const schedule = flowSchedule(flow, specs.flowKind(flow.flowSpec.id));
    if (!schedule) return;
    if (schedule.once) {
      state.onceDone = true;
      return;
    }
    const next = nextTick(schedule, event.t + 1);
    if (next !== null) heap.push({ t: next, type: 'tick', sandbox: event.sandbox, flowId: flow.id, gen: state.gen });
  }

  function advanceTo(target) {
    while (heap.size && heap.peek().t <= target) {
      const event = heap.pop();
      clock.moveTo(event.t);
      if (!store.sandbox(event.sandbox)) continue;
      if (event.type === 'tick') tick(event);
      else if (event.type === 'start') start(event.sandbox, event.runId, event.t);
      else if (live.has(event.runId)) finish(event.sandbox, event.runId, event.t);
    }
  }

  // Test hook: finish (or re-finish) a run now with the given outcome.
  function setRunOutcome(sandbox, runId, outcome = {}) {
    if (!outcome.status) throw new Error('setRunOutcome needs a status');
    const status = normalizeStatus(outcome.status);
    if (status === 'inProgress') throw new Error('setRunOutcome finishes a run; inProgress is not a final status');
    const run = finish(sandbox, runId, clock.now(), { ...outcome, status });
    if (!run) throw new Error(`run ${runId} not found in sandbox ${sandbox}`);
    return run;
  }

  // Runs that started at `ticks` (at or before now): finished ones are complete at
  // once; runs still going stay in progress and finish later (forced inProgress:
  // at least a minute from now).
  function historicalRuns(sandbox, flow, ticks, { status } = {}) {
    const sb = store.sandbox(sandbox);
    const info = runInfo(sandbox, flow);
    const { kind } = info;
    const profile = sb.flowProfiles.get(flow.id) || {};
    const forced = status ? normalizeStatus(status) : null;
    const now = clock.now();
    const runs = [];
    let latest = null;
    for (const t of ticks) {
      const startedAt = Math.min(t + startOffset(), now);
      const completedAt = startedAt + duration();
      const run = newRun({ store, sandbox: sb, flow, kind, at: t, startedAt });
      if (forced === 'inProgress' || completedAt > now) {
        live.set(run.id, info);
        const finishAt = forced === 'inProgress' ? Math.max(completedAt, now + duration()) : completedAt;
        heap.push({ t: finishAt, type: 'finish', sandbox, runId: run.id });
      } else {
        const outcome = resolveOutcome(rng, kind, forced || rollStatus(rng, kind, profile), profile);
        applyOutcome(run, info, outcome, rng, completedAt);
        run.updatedAt = completedAt;
        if (!latest || startedAt > latest.metrics.durationSummary.startedAtUTC) latest = run;
      }
      runs.push(run);
    }
    store.insertMany(sb, 'runs', runs);
    if (latest) recordLastRun(sandbox, latest);
    return runs;
  }

  // Every schedule tick of `flow` in [fromMs, toMs) as historical runs (toMs <= now).
  function backfill(sandbox, flow, fromMs, toMs = clock.now()) {
    const schedule = flowSchedule(flow, specs.flowKind(flow.flowSpec.id));
    if (!schedule) return [];
    const ticks = [];
    const end = Math.min(toMs, clock.now());
    for (let t = nextTick(schedule, fromMs); t !== null && t < end; t = schedule.once ? null : nextTick(schedule, t + 1)) {
      ticks.push(t);
    }
    if (schedule.once && ticks.length) scheduleState(sandbox, flow.id).onceDone = true;
    return historicalRuns(sandbox, flow, ticks);
  }

  reset();

  return {
    scheduleFlow,
    unscheduleFlow,
    createRun,
    setRunOutcome,
    historicalRuns,
    backfill,
    advanceTo,
    reset,
  };
}

module.exports = { createRunEngine, MAX_DURATION };
