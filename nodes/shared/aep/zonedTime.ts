/**
 * Date-times read in a named time zone (IANA names such as Europe/Berlin), with nothing but the
 * runtime's Intl data: a package of n8n nodes ships no libraries. Pure: the same text and zone
 * give the same instant wherever n8n runs.
 */

/** A wall-clock time: what a clock in some zone shows. Months count from 1. */
export interface WallClock {
	year: number;
	month: number;
	day: number;
	hour: number;
	minute: number;
	second: number;
	millisecond: number;
}

const formatters = new Map<string, Intl.DateTimeFormat>();

/** The formatter that shows an instant as the wall clock of `zone`; throws a RangeError for an unknown zone. */
function formatterFor(zone: string): Intl.DateTimeFormat {
	let formatter = formatters.get(zone);
	if (!formatter) {
		formatter = new Intl.DateTimeFormat('en-US', {
			timeZone: zone,
			hourCycle: 'h23',
			era: 'short',
			year: 'numeric',
			month: 'numeric',
			day: 'numeric',
			hour: 'numeric',
			minute: 'numeric',
			second: 'numeric',
		});
		formatters.set(zone, formatter);
	}
	return formatter;
}

/** Whether `zone` names a time zone the runtime knows (IANA names, `UTC`, or an offset such as `+05:30`). */
export function isTimeZone(zone: unknown): zone is string {
	if (typeof zone !== 'string' || zone.trim() === '') return false;
	try {
		formatterFor(zone);
		return true;
	} catch {
		return false;
	}
}

/** Epoch milliseconds of a wall clock read as UTC; years below 100 are kept as they are. */
function utcOf(wall: WallClock): number {
	const date = new Date(0);
	date.setUTCFullYear(wall.year, wall.month - 1, wall.day);
	date.setUTCHours(wall.hour, wall.minute, wall.second, wall.millisecond);
	return date.getTime();
}

/** How far `zone`'s clock is ahead of UTC at the instant `epochMs`, in milliseconds (negative west of Greenwich). */
export function zoneOffsetMs(epochMs: number, zone: string): number {
	const wholeSecond = epochMs - (((epochMs % 1000) + 1000) % 1000);
	const parts: Record<string, string> = {};
	for (const part of formatterFor(zone).formatToParts(new Date(wholeSecond))) parts[part.type] = part.value;
	const year = Number(parts.year);
	const wall = utcOf({
		year: parts.era === 'BC' || parts.era === 'B' ? 1 - year : year,
		month: Number(parts.month),
		day: Number(parts.day),
		hour: Number(parts.hour),
		minute: Number(parts.minute),
		second: Number(parts.second),
		millisecond: 0,
	});
	return wall - wholeSecond;
}

/**
 * The instant at which `zone`'s clock shows `wall`. A time that the clock skips (the hour lost when
 * daylight saving time starts) is moved forward by the gap, as Luxon does; a time it shows twice (when
 * daylight saving time ends) is always the first of the two.
 */
export function wallClockToEpochMs(wall: WallClock, zone: string): number {
	const local = utcOf(wall);
	const first = zoneOffsetMs(local, zone);
	let guess = local - first;
	const second = zoneOffsetMs(guess, zone);
	if (second === first) return guess;
	guess -= second - first;
	const third = zoneOffsetMs(guess, zone);
	if (third === second) return guess;
	return local - Math.min(second, third);
}

/**
 * ISO 8601 date (the day optional) or date-time, with `T` or a space, seconds and fractions optional,
 * and an optional offset.
 */
const ISO_DATE_TIME = /^(\d{4})-(\d{2})(?:-(\d{2})(?:[T ](\d{1,2}):(\d{2})(?::(\d{2})(?:[.,](\d{1,9}))?)?)?)?\s*(Z|[+-]\d{2}(?::?\d{2})?)?$/i;

/** ISO 8601 with a six-digit year: `Date.parse` reads its dates in UTC and its times locally, so it is refused. */
const EXPANDED_YEAR = /^[+-]\d{6}-/;

/** Words and signs by which text that is not ISO 8601 names its own zone (as `Date.parse` understands them). */
const NAMED_ZONE = /\b(?:Z|GMT|UTC|UT|[ECMP][SD]T)\b|\d:\d{2}(?::\d{2}(?:\.\d+)?)?\s*[+-]\d{2}:?\d{2}\b/i;

const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

function daysIn(year: number, month: number): number {
	const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
	return month === 2 && leap ? 29 : DAYS_IN_MONTH[month - 1];
}

/** What a date-time text means, before any zone is applied. */
export type ReadDateTime = { kind: 'instant'; epochMs: number } | { kind: 'wallClock'; wall: WallClock } | { kind: 'invalid' };

/**
 * Reads date-time text: an instant when it carries an offset or zone (`Z`, `+05:30`, `GMT`), a wall
 * clock when it does not (`2026-01-05T08:00:00`; `2026-01-05` is midnight, `2026-01` the 1st), or invalid. ISO 8601 is
 * read field by field, so a 31 February is refused; other text that `Date.parse` understands
 * ("Jan 5, 2026 08:00") is taken as the wall clock it spells out.
 */
export function readDateTime(text: string): ReadDateTime {
	const trimmed = text.trim();
	const iso = ISO_DATE_TIME.exec(trimmed);
	if (iso) {
		const [, year, month, day = '1', hour = '0', minute = '0', second = '0', fraction = '', offset] = iso;
		const wall: WallClock = {
			year: Number(year),
			month: Number(month),
			day: Number(day),
			hour: Number(hour),
			minute: Number(minute),
			second: Number(second),
			millisecond: Number(fraction.padEnd(3, '0').slice(0, 3)),
		};
		const endOfDay = wall.hour === 24 && wall.minute === 0 && wall.second === 0 && wall.millisecond === 0;
		const valid =
			wall.month >= 1 && wall.month <= 12 && wall.day >= 1 && wall.day <= daysIn(wall.year, wall.month) && (wall.hour <= 23 || endOfDay) && wall.minute <= 59 && wall.second <= 59;
		if (!valid) return { kind: 'invalid' };
		if (offset === undefined) return { kind: 'wallClock', wall };
		if (offset.toUpperCase() === 'Z') return { kind: 'instant', epochMs: utcOf(wall) };
		const digits = offset.slice(1).replace(':', '');
		const hours = Number(digits.slice(0, 2));
		const minutes = Number(digits.slice(2) || '0');
		if (hours > 23 || minutes > 59) return { kind: 'invalid' };
		const sign = offset.startsWith('-') ? -1 : 1;
		return { kind: 'instant', epochMs: utcOf(wall) - sign * (hours * 60 + minutes) * 60_000 };
	}
	const parsed = EXPANDED_YEAR.test(trimmed) ? NaN : Date.parse(trimmed);
	if (!Number.isFinite(parsed)) return { kind: 'invalid' };
	if (NAMED_ZONE.test(trimmed)) return { kind: 'instant', epochMs: parsed };
	// Date.parse read the text in the server's zone; its wall clock there is the one the text spells out.
	const local = new Date(parsed);
	return {
		kind: 'wallClock',
		wall: {
			year: local.getFullYear(),
			month: local.getMonth() + 1,
			day: local.getDate(),
			hour: local.getHours(),
			minute: local.getMinutes(),
			second: local.getSeconds(),
			millisecond: local.getMilliseconds(),
		},
	};
}
