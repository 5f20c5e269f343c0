'use strict';
// Missed Run's pure parts: a flow's cadence from its schedule, when silence counts, once per
// silent period, and stored state read safely.
const { allowedSilenceMs, markReported, newSilences, loadFlowWatch, silenceItem } = require('../../../dist/nodes/AepFlowServiceTrigger/flowWatch');
const { scheduledEveryMs } = require('../../../dist/nodes/shared/aep/flowCadence');

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;

describe('flow cadence', () => {
	test.each([
		['hourly source flow', { scheduleParams: { frequency: 'hour', interval: '1' } }, HOUR],
		['every 15 minutes', { scheduleParams: { frequency: 'minute', interval: 15 } }, 15 * MINUTE],
		['daily export', { scheduleParams: { timeUnit: 'day', interval: 1, exportMode: 'DAILY_FULL_EXPORT' } }, 24 * HOUR],
		['weekly, interval missing', { scheduleParams: { frequency: 'week' } }, 7 * 24 * HOUR],
		['once', { scheduleParams: { frequency: 'once' } }, undefined],
		['streaming (no schedule)', {}, undefined],
	])('%s', (_name, flow, expected) => {
		expect(scheduledEveryMs(flow)).toBe(expected);
	});
});

describe('silence', () => {
	const settings = { graceRatio: 0.5, windowMs: 24 * HOUR, reminderMs: 0 };
	const state = (watched) => ({ version: 1, cursor: 0, refreshedAt: 0, watched });

	test('a scheduled flow is silent past interval plus grace; a streaming one past the window; once per silence', () => {
		const watched = {
			hourly: { name: 'Hourly', kind: 'source', everyMs: HOUR, lastRunAt: 0 },
			streaming: { name: 'Stream', kind: 'source', lastRunAt: 0 },
			reported: { name: 'Old', kind: 'source', everyMs: HOUR, lastRunAt: 0, alertedFor: 0 },
		};
		expect(allowedSilenceMs(watched.hourly, settings)).toBe(90 * MINUTE);
		expect(allowedSilenceMs(watched.streaming, { ...settings, windowMs: 0 })).toBeUndefined();
		expect(newSilences(state(watched), 90 * MINUTE, settings)).toEqual([]);
		expect(newSilences(state(watched), 91 * MINUTE, settings).map((s) => s.flowId)).toEqual(['hourly']);
		const both = newSilences(state(watched), 25 * HOUR, settings);
		expect(both.map((s) => s.flowId).sort()).toEqual(['hourly', 'streaming']);
		expect(silenceItem(both.find((s) => s.flowId === 'hourly'), settings)).toMatchObject({ event: 'missedRun', basis: 'schedule', expectedEveryMinutes: 60, allowedSilenceMinutes: 90, silentMinutes: 1500 });
	});

	test('a reminder comes every reminder time while the flow stays silent; a run ends the silence and its reminders', () => {
		const watched = { hourly: { name: 'Hourly', kind: 'source', everyMs: HOUR, lastRunAt: 0 } };
		const reminding = { ...settings, reminderMs: 6 * HOUR };
		const watch = state(watched);
		const first = newSilences(watch, 2 * HOUR, reminding);
		expect(first.map((s) => [s.flowId, s.reminder])).toEqual([['hourly', false]]);
		expect(silenceItem(first[0], reminding).alert).toBe('first');
		markReported(watch, first, 2 * HOUR);
		expect(newSilences(watch, 8 * HOUR - 1, reminding)).toEqual([]);
		const reminder = newSilences(watch, 8 * HOUR, reminding);
		expect(reminder.map((s) => [s.flowId, s.reminder])).toEqual([['hourly', true]]);
		expect(silenceItem(reminder[0], reminding)).toMatchObject({ alert: 'reminder', silentMinutes: 480 });
		markReported(watch, reminder, 8 * HOUR);
		expect(newSilences(watch, 13 * HOUR, reminding)).toEqual([]);
		// Without reminders, the same silence never fires twice.
		expect(newSilences(watch, 100 * HOUR, settings)).toEqual([]);
		// A run ends the silence: the next one is a first alert again.
		watch.watched.hourly.lastRunAt = 20 * HOUR;
		expect(newSilences(watch, 21 * HOUR, reminding)).toEqual([]);
		expect(newSilences(watch, 22 * HOUR, reminding).map((s) => s.reminder)).toEqual([false]);
		// A silence stored without its alert time (an older state) is not reminded of.
		const older = state({ hourly: { name: 'Hourly', kind: 'source', everyMs: HOUR, lastRunAt: 0, alertedFor: 0 } });
		expect(newSilences(older, 100 * HOUR, reminding)).toEqual([]);
	});

	test.each([
		['nothing stored', undefined, false, 0],
		['a foreign value', { cursor: 'x' }, false, 1],
		['unreadable watched flows', { version: 1, cursor: 5, refreshedAt: 5, watched: { a: null, b: { lastRunAt: 'x' }, c: { name: 'C', lastRunAt: 3 } } }, true, 1],
	])('stored %s is read safely', (_name, stored, hasState, warnings) => {
		const loaded = loadFlowWatch(stored);
		expect(loaded.state !== undefined).toBe(hasState);
		expect(loaded.warnings).toHaveLength(warnings);
		if (hasState) expect(Object.keys(loaded.state.watched)).toEqual(['c']);
	});
});
