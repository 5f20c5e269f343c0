'use strict';

// Turns a flow's scheduleParams into run ticks. Sources use
// {startTime (epoch s), frequency once|minute|hour|day|week, interval};
// dataset exports use {startTime, endTime?, timeUnit hour|day, interval} where
// interval 0 means a single export.

const UNIT_MS = { minute: 60000, hour: 3600000, day: 86400000, week: 604800000 };
const FREQUENCIES = ['once', 'minute', 'hour', 'day', 'week'];

// Epoch seconds per the docs; values that already look like ms are accepted too.
function epochMs(value) {
  const n = Number(value);
  if (!Number.isFinite(n) || n <= 0) return undefined;
  return n > 1e11 ? n : n * 1000;
}

// Returns an error message, or null when the params are usable.
function validateScheduleParams(params) {
  if (params === null || typeof params !== 'object' || Array.isArray(params)) return 'scheduleParams must be an object.';
  const { frequency, timeUnit, interval, startTime } = params;
  if (startTime !== undefined && epochMs(startTime) === undefined) return `Invalid value ${startTime} for scheduleParams.startTime.`;
  if (timeUnit !== undefined && !['hour', 'day'].includes(String(timeUnit).toLowerCase())) {
    return `Invalid value ${timeUnit} for scheduleParams.timeUnit. Allowed values are [hour, day].`;
  }
  if (frequency !== undefined && !FREQUENCIES.includes(String(frequency).toLowerCase())) {
    return `Invalid value ${frequency} for scheduleParams.frequency. Allowed values are [${FREQUENCIES.join(', ')}].`;
  }
  if (interval !== undefined && (!Number.isFinite(Number(interval)) || Number(interval) < 0)) {
    return `Invalid value ${interval} for scheduleParams.interval.`;
  }
  if (timeUnit === undefined && String(frequency).toLowerCase() === 'minute' && Number(interval) < 15) {
    return 'scheduleParams.interval must be at least 15 when frequency is minute.';
  }
  return null;
}

// { once, periodMs, startMs, endMs } or null when the flow has no usable schedule.
function parseSchedule(params, fallbackStartMs) {
  if (!params || typeof params !== 'object') return null;
  const unit = String(params.timeUnit ?? params.frequency ?? '').toLowerCase();
  const startMs = epochMs(params.startTime) ?? fallbackStartMs;
  const endMs = epochMs(params.endTime);
  const interval = params.interval === undefined || params.interval === '' ? 1 : Number(params.interval);
  if (unit === 'once' || (params.timeUnit !== undefined && interval === 0)) return { once: true, startMs, endMs };
  if (!UNIT_MS[unit] || !(interval > 0)) return null;
  return { once: false, periodMs: UNIT_MS[unit] * interval, startMs, endMs };
}

// First tick at or after `fromMs`, or null when the schedule is over.
function nextTick(schedule, fromMs) {
  let t;
  if (schedule.once) t = Math.max(schedule.startMs, fromMs);
  else if (fromMs <= schedule.startMs) t = schedule.startMs;
  else t = schedule.startMs + Math.ceil((fromMs - schedule.startMs) / schedule.periodMs) * schedule.periodMs;
  if (schedule.endMs !== undefined && t > schedule.endMs) return null;
  return t;
}

// Audience activation flows carry their schedule per audience in
// transformations[].params.segmentSelectors.selectors[].value.schedule.
const SELECTOR_PERIODS = {
  DAILY: 86400000,
  EVERY_3_HOURS: 3 * 3600000,
  EVERY_6_HOURS: 6 * 3600000,
  EVERY_8_HOURS: 8 * 3600000,
  EVERY_12_HOURS: 12 * 3600000,
};

function selectorSchedule(flow) {
  for (const t of flow.transformations || []) {
    const selectors = (t.params && t.params.segmentSelectors && t.params.segmentSelectors.selectors) || [];
    for (const selector of selectors) {
      const s = selector.value && selector.value.schedule;
      if (!s || !s.startDate) continue;
      const startMs = Date.parse(`${s.startDate}T${s.startTime || '00:00'}:00Z`);
      if (!Number.isFinite(startMs)) continue;
      const frequency = String(s.frequency || '').toUpperCase();
      if (frequency === 'ONCE') return { once: true, startMs };
      if (SELECTOR_PERIODS[frequency]) return { once: false, periodMs: SELECTOR_PERIODS[frequency], startMs };
    }
  }
  return null;
}

const HOURLY = 3600000;

// The schedule the run engine follows for a flow. Streaming flows without
// scheduleParams report hourly runs, as AEP does for streaming dataflows.
function flowSchedule(flow, kind) {
  return (
    parseSchedule(flow.scheduleParams, flow.createdAt) ||
    selectorSchedule(flow) ||
    (kind === 'streaming' ? { once: false, periodMs: HOURLY, startMs: flow.createdAt + HOURLY } : null)
  );
}

module.exports = { validateScheduleParams, flowSchedule, nextTick };
