'use strict';

// Creates and finishes runs as simulated time passes. Every schedule tick,
// run start and run finish is an event in one heap, so clock.advance() replays
// them strictly in simulated-time order however far it jumps. Test hooks
// (flowBehaviours.js) script a flow's outcomes, hold runs and pause schedules.

const specs = require('../fixtures/specs');
const { EventHeap } = require('./heap');
const { createRandom } = require('./random');
const { createFlowBehaviours, FOREVER } = require('./flowBehaviours');
const { flowSchedule, nextTick } = require('./schedule');
const { newRun, rollStatus, resolveOutcome, applyOutcome, runContext, RUN_CLIENTS } = require('./runFactory');
const { diagnosticsEnabled } = require('../flowservice/entities');

const STATUSES = { success: 'success', failed: 'failed', partialsuccess: 'partialSuccess', inprogress: 'inProgress' };
const MIN_DURATION = 60 * 1000;
const MAX_DURATION = 40 * 60 * 1000;
const FINAL = ['success', 'failed', 'partialSuccess'];

function normalizeStatus(status) {
  const s = STATUSES[String(status).toLowerCase()];
  if (!s) throw new Error(`unknown run status ${status}; use success, failed, partialSuccess or inProgress`);
  return s;
}

// batches (engine/batches.js, optional): where finished source runs record the batch they wrote.
function createRunEngine({ store, clock, seed, batches }) {
  let rng;
  const heap = new EventHeap();
  const schedules = new Map(); // "sandbox/flowId" -> { gen, onceDone }
  const live = new Map(); // runId -> { sandbox, flow, kind } for unfinished runs
  const behaviours = createFlowBehaviours();

  const key = (sandbox, flowId) => `${sandbox}/${flowId}`;
  const duration = () => rng.int(MIN_DURATION, MAX_DURATION);
  const startOffset = () => rng.int(200, 3000);

  function reset() {
    rng = createRandom((seed ^ 0x5eed5eed) >>> 0);
    heap.clear();
    schedules.clear();
    live.clear();
    behaviours.reset();
  }

  // What finishing a run needs to know about its flow, captured while the flow exists.
  function runInfo(sandbox, flow) {
    const kind = specs.flowKind(flow.flowSpec.id);
    const sourceConnection = flow.sourceConnectionIds && store.get(sandbox, 'sourceConnections', flow.sourceConnectionIds[0]);
    const targetConnection = flow.targetConnectionIds && store.get(sandbox, 'targetConnections', flow.targetConnectionIds[0]);
    const datasetId = (targetConnection && targetConnection.params && targetConnection.params.dataSetId) || null;
    return { ...runContext(flow, kind, sourceConnection), sandbox, datasetId };
  }

  // Error diagnostics are what the flow has when the run finishes (its current options).
  function withDiagnostics(sandbox, flowId, fallback, outcome) {
    outcome.diagnostics = diagnosticsEnabled(store.get(sandbox, 'flows', flowId) || fallback);
    return outcome;
  }

  function recordBatch(sandbox, run, info, outcome) {
    if (batches) batches.record(sandbox, run, info, outcome, outcome.diagnostics);
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
    const scripted = behaviours.take(sandbox, flow.id);
    if (scripted) behaviours.assign(run.id, scripted);
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

  // forced: setRunOutcome's outcome; otherwise the run's scripted outcome, if any.
  function finish(sandbox, runId, at, forced) {
    const run = store.get(sandbox, 'runs', runId);
    if (!run) {
      live.delete(runId);
      behaviours.forget(runId);
      return undefined;
    }
    if (!forced) forced = behaviours.outcomeFor(runId) || {};
    const flow = store.get(sandbox, 'flows', run.flowId) || { id: run.flowId, flowSpec: run.flowSpec, sourceConnectionIds: [], targetConnectionIds: [] };
    const info = live.get(runId) || runInfo(sandbox, flow);
    const sb = store.sandbox(sandbox);
    const profile = sb.flowProfiles.get(run.flowId) || {};
    const status = forced.status ? normalizeStatus(forced.status) : rollStatus(rng, info.kind, profile);
    const outcome = withDiagnostics(sandbox, run.flowId, info.flow, resolveOutcome(rng, info.kind, status, profile, forced));
    // A finished run given a new outcome writes a new batch; the old one is gone.
    if (batches) batches.forgetRun(sandbox, run);
    store.update(sandbox, 'runs', runId, (r) => {
      if (r.metrics.durationSummary.startedAtUTC === undefined) r.metrics.durationSummary.startedAtUTC = at;
      applyOutcome(r, info, outcome, rng, at);
    }, { at, actor: RUN_CLIENTS[info.kind] });
    recordBatch(sandbox, run, info, outcome);
    live.delete(runId);
    behaviours.forget(runId);
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
    // A paused flow keeps its schedule (ticks go on) but its scheduler creates no run.
    if (!behaviours.isPaused(event.sandbox, flow.id)) createRun(event.sandbox, flow, { at: event.t });
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
      else if (behaviours.intercept(event)) continue; // a held run: the event waits for releaseRun
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

  function requireFlow(sandbox, flowId) {
    const flow = store.sandbox(sandbox) && store.get(sandbox, 'flows', flowId);
    if (!flow) throw new Error(`flow ${flowId} not found in sandbox ${sandbox}`);
    return flow;
  }

  // One step of a script: { status, times = 1 (-1: every run from then on), and what setRunOutcome
  // takes: errors?, detail?, failedRecordCount?, inputRecordCount? }.
  function scriptStep(step, index, last) {
    const where = `step ${index + 1}`;
    if (!step || typeof step !== 'object' || Array.isArray(step)) throw new Error(`${where} must be an object`);
    if (!step.status) throw new Error(`${where} needs a status`);
    const status = normalizeStatus(step.status);
    const times = step.times === undefined ? 1 : Number(step.times);
    if (times !== FOREVER && !(Number.isInteger(times) && times > 0)) throw new Error(`${where}: times must be an integer > 0, or -1 for every run`);
    if (times === FOREVER && !last) throw new Error(`${where}: times -1 (every run) only fits the last step`);
    const outcome = { status };
    if (step.errors !== undefined) {
      if (!FINAL.includes(status) || !Array.isArray(step.errors)) throw new Error(`${where}: errors must be an array of {code, message} on a finished status`);
      for (const e of step.errors) {
        if (!e || typeof e.code !== 'string' || typeof e.message !== 'string') throw new Error(`${where}: each error needs a string code and message`);
      }
      outcome.errors = step.errors.map((e) => ({ code: e.code, message: e.message }));
    }
    if (step.detail !== undefined) {
      const d = step.detail;
      if (!FINAL.includes(status) || (d !== null && (typeof d !== 'object' || typeof d.code !== 'string' || typeof d.message !== 'string'))) {
        throw new Error(`${where}: detail must be {code, message} (or null) on a finished status`);
      }
      outcome.detail = d && { code: d.code, message: d.message };
    }
    for (const field of ['failedRecordCount', 'inputRecordCount']) {
      if (step[field] === undefined) continue;
      const n = Number(step[field]);
      if (!Number.isInteger(n) || n < 0) throw new Error(`${where}: ${field} must be an integer >= 0`);
      outcome[field] = n;
    }
    return { outcome, times };
  }

  // Test hook: the flow's next runs (schedule ticks, on-demand runs, re-triggers, seeded
  // runs without a final status) take these outcomes in order, then the flow's runs are
  // random again. Replaces the flow's script; [] clears it.
  function scriptFlowOutcomes(sandbox, flowId, steps) {
    requireFlow(sandbox, flowId);
    if (!Array.isArray(steps)) throw new Error('steps must be an array of {status, times?, errors?, failedRecordCount?, inputRecordCount?}');
    behaviours.setScript(sandbox, flowId, steps.map((step, i) => scriptStep(step, i, i === steps.length - 1)));
    return behaviours.describe(sandbox, flowId);
  }

  function flowBehaviour(sandbox, flowId) {
    requireFlow(sandbox, flowId);
    return behaviours.describe(sandbox, flowId);
  }

  // Test hook: the flow's schedule stops producing runs (it stays enabled, its
  // scheduleParams unchanged) until resumeFlowRuns; ticks passed meanwhile are lost.
  function pauseFlowRuns(sandbox, flowId) {
    requireFlow(sandbox, flowId);
    behaviours.pause(sandbox, flowId);
    return behaviours.describe(sandbox, flowId);
  }

  function resumeFlowRuns(sandbox, flowId) {
    requireFlow(sandbox, flowId);
    behaviours.resume(sandbox, flowId);
    return behaviours.describe(sandbox, flowId);
  }

  function liveRun(sandbox, runId) {
    const run = store.sandbox(sandbox) && store.get(sandbox, 'runs', runId);
    if (!run) throw new Error(`run ${runId} not found in sandbox ${sandbox}`);
    return run;
  }

  // Test hook: the run stays as it is (scheduled or inProgress) however far the clock
  // moves, until releaseRun or setRunOutcome.
  function holdRun(sandbox, runId) {
    const run = liveRun(sandbox, runId);
    if (!live.has(runId)) throw new Error(`run ${runId} has finished (${run.metrics.statusSummary.status}); only scheduled or inProgress runs can be held`);
    behaviours.hold(runId);
    return run;
  }

  // Lets a held run go on: what came due while it was held (its start or finish) happens now.
  function releaseRun(sandbox, runId) {
    liveRun(sandbox, runId);
    const pending = behaviours.release(runId);
    if (pending && live.has(runId)) {
      if (pending.type === 'start') start(sandbox, runId, clock.now());
      else finish(sandbox, runId, clock.now());
    }
    return store.get(sandbox, 'runs', runId);
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
      // A given final status wins over the flow's script (and leaves it unused).
      const scripted = forced && forced !== 'inProgress' ? null : behaviours.take(sandbox, flow.id);
      const startedAt = Math.min(t + startOffset(), now);
      const completedAt = startedAt + duration();
      const run = newRun({ store, sandbox: sb, flow, kind, at: t, startedAt });
      if (forced === 'inProgress' || completedAt > now || (scripted && scripted.status === 'inProgress')) {
        live.set(run.id, info);
        const finishAt = forced === 'inProgress' ? Math.max(completedAt, now + duration()) : completedAt;
        heap.push({ t: finishAt, type: 'finish', sandbox, runId: run.id });
        if (scripted) behaviours.assign(run.id, scripted);
      } else {
        const outcome = scripted
          ? resolveOutcome(rng, kind, scripted.status, profile, scripted)
          : resolveOutcome(rng, kind, forced || rollStatus(rng, kind, profile), profile);
        withDiagnostics(sandbox, flow.id, flow, outcome);
        applyOutcome(run, info, outcome, rng, completedAt);
        run.updatedAt = completedAt;
        recordBatch(sandbox, run, info, outcome);
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
    scriptFlowOutcomes,
    flowBehaviour,
    pauseFlowRuns,
    resumeFlowRuns,
    holdRun,
    releaseRun,
    historicalRuns,
    backfill,
    advanceTo,
    reset,
  };
}

module.exports = { createRunEngine, MAX_DURATION };
