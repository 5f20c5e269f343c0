'use strict';

// Simulated time. Everything time-related in the simulator (token expiry,
// createdAt/updatedAt, run schedules) reads this clock, never Date.now().

function createClock(startTime) {
  if (!Number.isFinite(startTime)) throw new TypeError('startTime must be a number (epoch ms)');
  let now = startTime;
  const listeners = [];

  return {
    startTime,
    now: () => now,
    // Listeners (the run engine) replay their events up to the target before
    // the clock settles there, moving the clock forward event by event.
    advance(ms) {
      const delta = Number(ms);
      if (!Number.isFinite(delta) || delta < 0) throw new RangeError('advance(ms) needs a number >= 0');
      const target = now + delta;
      for (const listener of listeners) listener(target);
      if (target > now) now = target;
      return now;
    },
    moveTo(t) {
      if (t > now) now = t;
    },
    onAdvance(listener) {
      listeners.push(listener);
    },
  };
}

module.exports = { createClock };
