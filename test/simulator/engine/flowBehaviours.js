'use strict';

// Test hooks the run engine consults: scripted outcomes (a flow's next runs fail N
// times, then succeed), held runs (they never start or finish until released) and
// paused schedules (an enabled flow whose scheduler produces no runs). Nothing here
// draws from the random stream, so a simulator that uses none of them replays its
// seeded history exactly as before.

const FOREVER = -1;

function createFlowBehaviours() {
  const scripts = new Map(); // "sandbox/flowId" -> [{ outcome, remaining (FOREVER: every run) }]
  const paused = new Set(); // "sandbox/flowId"
  const assigned = new Map(); // runId -> final outcome a script gave the run when it was created
  const held = new Map(); // runId -> { freezeStart, pending: the start/finish event held back, or null }

  const key = (sandbox, flowId) => `${sandbox}/${flowId}`;

  function reset() {
    scripts.clear();
    paused.clear();
    assigned.clear();
    held.clear();
  }

  // steps: [{ outcome: { status, errors?, failedRecordCount?, inputRecordCount? }, times }], already checked.
  function setScript(sandbox, flowId, steps) {
    if (steps.length) scripts.set(key(sandbox, flowId), steps.map((s) => ({ outcome: s.outcome, remaining: s.times })));
    else scripts.delete(key(sandbox, flowId));
  }

  // The outcome the flow's next run gets from its script (used up), or null.
  function take(sandbox, flowId) {
    const script = scripts.get(key(sandbox, flowId));
    if (!script) return null;
    const step = script[0];
    if (step.remaining !== FOREVER && --step.remaining === 0) script.shift();
    if (!script.length) scripts.delete(key(sandbox, flowId));
    return step.outcome;
  }

  // A run created with a scripted outcome: `inProgress` holds it once it is running.
  function assign(runId, outcome) {
    if (outcome.status === 'inProgress') held.set(runId, { freezeStart: false, pending: null });
    else assigned.set(runId, outcome);
  }

  const outcomeFor = (runId) => assigned.get(runId);

  // The run is finished (or gone): nothing holds it any more.
  function forget(runId) {
    assigned.delete(runId);
    held.delete(runId);
  }

  // freezeStart: a scheduled run does not start either (holdRun keeps a run exactly as it is).
  function hold(runId, { freezeStart = true } = {}) {
    const existing = held.get(runId);
    if (existing) existing.freezeStart = existing.freezeStart || freezeStart;
    else held.set(runId, { freezeStart, pending: null });
  }

  // Stops holding the run; returns the event that came due while it was held (or null).
  function release(runId) {
    const entry = held.get(runId);
    held.delete(runId);
    return entry ? entry.pending : null;
  }

  // True when a held run's start or finish event is kept back (until release).
  function intercept(event) {
    const entry = held.get(event.runId);
    if (!entry || (event.type === 'start' && !entry.freezeStart)) return false;
    entry.pending = event;
    return true;
  }

  const pause = (sandbox, flowId) => paused.add(key(sandbox, flowId));
  const resume = (sandbox, flowId) => paused.delete(key(sandbox, flowId));
  const isPaused = (sandbox, flowId) => paused.size > 0 && paused.has(key(sandbox, flowId));

  function describe(sandbox, flowId) {
    const script = scripts.get(key(sandbox, flowId)) || [];
    return {
      sandbox,
      flowId,
      paused: paused.has(key(sandbox, flowId)),
      script: script.map((s) => ({ ...s.outcome, times: s.remaining })),
    };
  }

  return { reset, setScript, take, assign, outcomeFor, forget, hold, release, intercept, pause, resume, isPaused, describe };
}

module.exports = { createFlowBehaviours, FOREVER };
