'use strict';
// Date-times read in the workflow's time zone: the same text means the same instant wherever n8n runs.
const { isTimeZone, zoneOffsetMs, wallClockToEpochMs, readDateTime } = require('../../../../dist/nodes/shared/aep/zonedTime');
const { toEpochMs, epochSeconds, sourceSchedule, exportSchedule } = require('../../../../dist/nodes/shared/aep/schedule');

const HOUR = 3600_000;
const wall = (year, month, day, hour = 0, minute = 0, second = 0, millisecond = 0) => ({ year, month, day, hour, minute, second, millisecond });

describe('zone offsets', () => {
	test.each([
		['UTC', Date.UTC(2026, 0, 5, 8), 0],
		['America/New_York', Date.UTC(2026, 0, 5, 8), -5 * HOUR],
		['America/New_York', Date.UTC(2026, 6, 1, 8), -4 * HOUR],
		['Asia/Kolkata', Date.UTC(2026, 0, 5, 8), 5.5 * HOUR],
		['Asia/Kathmandu', Date.UTC(2026, 0, 5, 8), 5.75 * HOUR],
		['Australia/Lord_Howe', Date.UTC(2026, 0, 5, 8), 11 * HOUR],
		['Australia/Lord_Howe', Date.UTC(2026, 6, 5, 8), 10.5 * HOUR],
	])('%s at %d', (zone, at, offset) => {
		expect(zoneOffsetMs(at, zone)).toBe(offset);
		// Milliseconds and instants before 1970 do not disturb it.
		expect(zoneOffsetMs(at + 999, zone)).toBe(offset);
	});

	test('instants before 1970 and long ago', () => {
		expect(zoneOffsetMs(Date.UTC(1960, 0, 1, 12), 'Asia/Kolkata')).toBe(5.5 * HOUR);
		expect(zoneOffsetMs(Date.UTC(1960, 0, 1, 12) - 1, 'UTC')).toBe(0);
	});

	test('known and unknown zones', () => {
		expect(isTimeZone('Europe/Berlin')).toBe(true);
		expect(isTimeZone('UTC')).toBe(true);
		expect(isTimeZone('Mars/Olympus_Mons')).toBe(false);
		expect(isTimeZone('')).toBe(false);
		expect(isTimeZone(undefined)).toBe(false);
	});
});

describe('wall clocks to instants', () => {
	test.each([
		['UTC', wall(2026, 1, 5, 8), Date.UTC(2026, 0, 5, 8)],
		['America/New_York', wall(2026, 1, 5, 8), Date.UTC(2026, 0, 5, 13)],
		['America/New_York', wall(2026, 7, 1, 8), Date.UTC(2026, 6, 1, 12)],
		['Asia/Kolkata', wall(2026, 1, 5, 8), Date.UTC(2026, 0, 5, 2, 30)],
		['Asia/Kolkata', wall(2026, 1, 5, 0, 0, 0, 250), Date.UTC(2026, 0, 4, 18, 30, 0, 250)],
		['Pacific/Kiritimati', wall(2026, 1, 1), Date.UTC(2025, 11, 31, 10)],
	])('%s %j', (zone, clock, expected) => {
		expect(wallClockToEpochMs(clock, zone)).toBe(expected);
	});

	test('around daylight saving time (New York, 2026): the day before, the day of, the day after', () => {
		const ny = (clock) => wallClockToEpochMs(clock, 'America/New_York');
		expect(ny(wall(2026, 3, 7, 8))).toBe(Date.UTC(2026, 2, 7, 13));
		expect(ny(wall(2026, 3, 8, 1, 59))).toBe(Date.UTC(2026, 2, 8, 6, 59));
		expect(ny(wall(2026, 3, 8, 3))).toBe(Date.UTC(2026, 2, 8, 7));
		expect(ny(wall(2026, 3, 9, 8))).toBe(Date.UTC(2026, 2, 9, 12));
	});

	test('a skipped time moves forward by the gap; a time shown twice is the first of the two', () => {
		// 02:30 does not exist on 8 March 2026 in New York: clocks jump from 02:00 EST to 03:00 EDT.
		expect(wallClockToEpochMs(wall(2026, 3, 8, 2, 30), 'America/New_York')).toBe(Date.UTC(2026, 2, 8, 7, 30));
		// 01:30 happens twice on 1 November 2026: first in EDT (05:30Z), then in EST (06:30Z).
		expect(wallClockToEpochMs(wall(2026, 11, 1, 1, 30), 'America/New_York')).toBe(Date.UTC(2026, 10, 1, 5, 30));
		// Lord Howe moves by half an hour.
		expect(wallClockToEpochMs(wall(2026, 10, 4, 2, 15), 'Australia/Lord_Howe')).toBe(Date.UTC(2026, 9, 3, 15, 45));
	});
});

describe('reading date-time text', () => {
	test.each([
		['2026-01-05T08:00:00', { kind: 'wallClock', wall: wall(2026, 1, 5, 8) }],
		['2026-01-05 08:00', { kind: 'wallClock', wall: wall(2026, 1, 5, 8) }],
		['2026-01-05', { kind: 'wallClock', wall: wall(2026, 1, 5) }],
		['2026-01', { kind: 'wallClock', wall: wall(2026, 1, 1) }],
		['2026-01-05T8:00', { kind: 'wallClock', wall: wall(2026, 1, 5, 8) }],
		['2026-1-5', { kind: 'wallClock', wall: wall(2026, 1, 5) }],
		['2026-01-05 8:00 PM', { kind: 'wallClock', wall: wall(2026, 1, 5, 20) }],
		['  2026-01-05T08:00:00.5  ', { kind: 'wallClock', wall: wall(2026, 1, 5, 8, 0, 0, 500) }],
		['2026-01-05T08:00:00.123456789', { kind: 'wallClock', wall: wall(2026, 1, 5, 8, 0, 0, 123) }],
		['2026-01-05T08:00:00Z', { kind: 'instant', epochMs: Date.UTC(2026, 0, 5, 8) }],
		['2026-01-05t08:00:00z', { kind: 'instant', epochMs: Date.UTC(2026, 0, 5, 8) }],
		['2026-01-05T08:00:00+05:30', { kind: 'instant', epochMs: Date.UTC(2026, 0, 5, 2, 30) }],
		['2026-01-05T08:00:00+0530', { kind: 'instant', epochMs: Date.UTC(2026, 0, 5, 2, 30) }],
		['2026-01-05T08:00:00-05', { kind: 'instant', epochMs: Date.UTC(2026, 0, 5, 13) }],
		['2026-01-05T08:00:00.000-05:00', { kind: 'instant', epochMs: Date.UTC(2026, 0, 5, 13) }],
		['2026-01-05T24:00:00Z', { kind: 'instant', epochMs: Date.UTC(2026, 0, 6) }],
		['2028-02-29T00:00:00Z', { kind: 'instant', epochMs: Date.UTC(2028, 1, 29) }],
		['Mon, 05 Jan 2026 08:00:00 GMT', { kind: 'instant', epochMs: Date.UTC(2026, 0, 5, 8) }],
		['Jan 5, 2026 08:00 +0100', { kind: 'instant', epochMs: Date.UTC(2026, 0, 5, 7) }],
		['Jan 5, 2026 08:00', { kind: 'wallClock', wall: wall(2026, 1, 5, 8) }],
	])('%j', (text, expected) => {
		expect(readDateTime(text)).toEqual(expected);
	});

	test.each(['2026-02-30T08:00:00', '2027-02-29', '2026-13-01', '2026-01-05T25:00:00', '2026-01-05T24:30:00', '2026-01-05T08:60:00', '2026-01-05T08:00:60', '2026-01-05T08:00:00+24:00', '2026-01-05T08', '+002026-01-05T08:00:00', 'next monday', ''])(
		'%j is invalid',
		(text) => {
			expect(readDateTime(text)).toEqual({ kind: 'invalid' });
		},
	);
});

describe('toEpochMs in a time zone', () => {
	test.each([
		['UTC', Date.UTC(2026, 0, 5, 8)],
		['America/New_York', Date.UTC(2026, 0, 5, 13)],
		['Asia/Kolkata', Date.UTC(2026, 0, 5, 2, 30)],
	])('text without an offset is read in %s', (zone, expected) => {
		expect(toEpochMs('2026-01-05T08:00:00', 'Start Time', zone)).toBe(expected);
		expect(epochSeconds('2026-01-05T08:00:00', 'Start Time', zone)).toBe(expected / 1000);
	});

	test.each(['UTC', 'America/New_York', 'Asia/Kolkata', 'Mars/Olympus_Mons'])('offsets, Z, epoch numbers and dates keep their meaning in %s', (zone) => {
		expect(toEpochMs('2026-01-05T08:00:00Z', 'Start Time', zone)).toBe(Date.UTC(2026, 0, 5, 8));
		expect(toEpochMs('2026-01-05T08:00:00+01:00', 'Start Time', zone)).toBe(Date.UTC(2026, 0, 5, 7));
		expect(toEpochMs(1767600000, 'Start Time', zone)).toBe(1767600000000);
		expect(toEpochMs('1767600000', 'Start Time', zone)).toBe(1767600000000);
		expect(toEpochMs(1767600000123, 'Start Time', zone)).toBe(1767600000123);
		expect(toEpochMs(new Date(Date.UTC(2026, 0, 5, 8)), 'Start Time', zone)).toBe(Date.UTC(2026, 0, 5, 8));
		expect(toEpochMs({ toMillis: () => 1767600000000 }, 'Start Time', zone)).toBe(1767600000000);
		expect(toEpochMs('', 'Start Time', zone)).toBeUndefined();
		expect(toEpochMs(undefined, 'Start Time', zone)).toBeUndefined();
	});

	test('the answer does not depend on the zone of the machine n8n runs on', () => {
		const before = process.env.TZ;
		const answers = new Set();
		try {
			for (const machine of ['UTC', 'America/Los_Angeles', 'Asia/Tokyo', 'Pacific/Chatham']) {
				process.env.TZ = machine;
				answers.add(toEpochMs('2026-01-05T08:00:00', 'Start Time', 'Asia/Kolkata'));
				answers.add(toEpochMs('Jan 5, 2026 08:00', 'Start Time', 'Asia/Kolkata'));
				answers.add(toEpochMs('2026-1-5 8:00', 'Start Time', 'Asia/Kolkata'));
				answers.add(toEpochMs('2026-01-05T08:00:00+05:30', 'Start Time', 'Asia/Kolkata'));
			}
		} finally {
			if (before === undefined) delete process.env.TZ;
			else process.env.TZ = before;
		}
		expect([...answers]).toEqual([Date.UTC(2026, 0, 5, 2, 30)]);
	});

	test('an unreadable date names the field', () => {
		expect(() => toEpochMs('2026-02-30T08:00:00', 'Window Start', 'UTC')).toThrow('"Window Start" is not a valid date and time: 2026-02-30T08:00:00');
		expect(() => toEpochMs('next monday', 'Started After', 'UTC')).toThrow('"Started After" is not a valid date and time: next monday');
	});

	test('an unknown workflow time zone is refused when a value needs it, naming the field and the zone', () => {
		let error;
		try {
			toEpochMs('2026-01-05T08:00:00', 'Window Start', 'Mars/Olympus_Mons');
		} catch (caught) {
			error = caught;
		}
		expect(error.message).toBe('"Window Start" has no UTC offset, and the workflow\'s time zone "Mars/Olympus_Mons" is not a valid time zone');
		expect(error.hint).toBe(
			'Set the workflow\'s Timezone (workflow settings) to a zone such as Europe/Berlin, or give "Window Start" with an offset, such as 2026-01-05T08:00:00Z.',
		);
	});
});

describe('schedules in a time zone', () => {
	test('a source schedule start without an offset is read in the given zone', () => {
		expect(sourceSchedule({ frequency: 'day', interval: 1, startTime: '2026-03-09T08:00:00', timeZone: 'America/New_York' })).toEqual({
			frequency: 'day',
			interval: 1,
			startTime: Date.UTC(2026, 2, 9, 12) / 1000,
		});
	});

	test('an export schedule reads start and end in the given zone', () => {
		const schedule = exportSchedule(
			{ timeUnit: 'day', interval: 1, startTime: '2036-01-06T00:00:00', endTime: '2036-02-06T00:00:00', timeZone: 'Asia/Kolkata' },
			undefined,
			Date.UTC(2026, 0, 5),
		);
		expect(schedule).toEqual({ timeUnit: 'day', interval: 1, startTime: Date.UTC(2036, 0, 5, 18, 30) / 1000, endTime: Date.UTC(2036, 1, 5, 18, 30) / 1000 });
	});

	test('the year-2000 floor applies to the instant in the zone', () => {
		expect(() => sourceSchedule({ frequency: 'once', startTime: '2000-01-01T03:00:00', timeZone: 'Asia/Kolkata' })).toThrow(
			'"Start Time" is before the year 2000 (1999-12-31T21:30:00.000Z)',
		);
		expect(sourceSchedule({ frequency: 'once', startTime: '2000-01-01T03:00:00', timeZone: 'UTC' })).toEqual({ frequency: 'once', startTime: Date.UTC(2000, 0, 1, 3) / 1000 });
	});
});
