import { echoed, InvalidInput } from './inputChecks';
import { isTimeZone, readDateTime, wallClockToEpochMs } from './zonedTime';

/**
 * Flow schedules, validated before anything is sent. Pure: errors are `InvalidInput`s whose message
 * names the field and whose hint says how to fix it; callers turn them into node errors.
 */
export type SourceFrequency = 'once' | 'minute' | 'hour' | 'day' | 'week';

export interface SourceScheduleInput {
	frequency: SourceFrequency;
	interval?: number;
	/** Start, as a date-time (see `toEpochMs`) or epoch seconds or milliseconds. */
	startTime?: string | number;
	/** The zone a start without an offset is read in: the workflow's. */
	timeZone: string;
}

/**
 * A date and time as epoch milliseconds, from ISO text, epoch seconds or milliseconds (told apart by
 * size: 1e11 s is the year 5138), a Date or a Luxon DateTime. Text without an offset or zone
 * (`2026-01-05T08:00:00`, as n8n's date picker gives it) is read in `timeZone`, the workflow's time
 * zone, so it means the same wherever n8n runs; text with one (`Z`, `+05:30`) keeps its meaning.
 * Empty gives undefined.
 */
export function toEpochMs(value: unknown, field: string, timeZone: string): number | undefined {
	if (value === undefined || value === null || value === '') return undefined;
	let ms: number;
	if (value instanceof Date) ms = value.getTime();
	else if (typeof value === 'object' && typeof (value as { toMillis?: unknown }).toMillis === 'function') ms = (value as { toMillis: () => number }).toMillis();
	else if (typeof value === 'number' || /^\d+$/.test(String(value).trim())) {
		const number = Number(value);
		ms = number < 1e11 ? number * 1000 : number;
	} else {
		const read = readDateTime(String(value));
		if (read.kind === 'wallClock') {
			if (!isTimeZone(timeZone)) {
				throw new InvalidInput(
					`"${field}" has no UTC offset, and the workflow's time zone ${echoed(String(timeZone))} is not a valid time zone`,
					`Set the workflow's Timezone (workflow settings) to a zone such as Europe/Berlin, or give "${field}" with an offset, such as 2026-01-05T08:00:00Z.`,
				);
			}
			ms = wallClockToEpochMs(read.wall, timeZone);
		} else ms = read.kind === 'instant' ? read.epochMs : NaN;
	}
	if (!Number.isFinite(ms)) {
		throw new InvalidInput(`"${field}" is not a valid date and time: ${String(value)}`, `Set "${field}" to a date and time such as 2026-01-05T08:00:00Z.`);
	}
	return ms;
}

export function epochSeconds(value: unknown, field: string, timeZone: string): number | undefined {
	const ms = toEpochMs(value, field, timeZone);
	return ms === undefined ? undefined : Math.floor(ms / 1000);
}

/**
 * Experience Platform schedules nothing before 2000: an earlier start is a slip, most often a small
 * number read as seconds since 1970, or a year typed with two digits.
 */
export const EARLIEST_SCHEDULE_START_MS = Date.UTC(2000, 0, 1);

/** A schedule start in epoch seconds, refused before the year 2000. */
function scheduleStart(value: unknown, field: string, timeZone: string): number | undefined {
	const start = epochSeconds(value, field, timeZone);
	if (start !== undefined && start * 1000 < EARLIEST_SCHEDULE_START_MS) {
		throw new InvalidInput(
			`"${field}" is before the year 2000 (${new Date(start * 1000).toISOString()})`,
			`Set "${field}" to a date and time from 2000 on, such as 2026-01-05T08:00:00Z. A number counts epoch seconds, or milliseconds from 12 digits on.`,
		);
	}
	return start;
}

/** How the fields of a source schedule are named where it is set (Flow Create and Flow Update differ). */
export interface SourceScheduleLabels {
	frequency: string;
	interval: string;
	startTime: string;
}

const SOURCE_SCHEDULE_LABELS: SourceScheduleLabels = { frequency: 'Frequency', interval: 'Interval', startTime: 'Start Time' };

/** `scheduleParams` of a batch source flow. Adobe requires at least 15 minutes for a minute frequency. */
export function sourceSchedule(input: SourceScheduleInput, labels: SourceScheduleLabels = SOURCE_SCHEDULE_LABELS): Record<string, string | number | boolean> {
	const frequencies: SourceFrequency[] = ['once', 'minute', 'hour', 'day', 'week'];
	if (!frequencies.includes(input.frequency)) {
		throw new InvalidInput(`"${labels.frequency}" must be one of ${frequencies.join(', ')}`, `Pick one of ${frequencies.join(', ')} for "${labels.frequency}".`);
	}
	const schedule: Record<string, string | number | boolean> = { frequency: input.frequency };
	const start = scheduleStart(input.startTime, labels.startTime, input.timeZone);
	if (start !== undefined) schedule.startTime = start;
	if (input.frequency !== 'once') {
		const interval = Number(input.interval ?? 1);
		if (!Number.isInteger(interval) || interval < 1) {
			throw new InvalidInput(`"${labels.interval}" must be a whole number of at least 1`, `Set "${labels.interval}" to how many ${input.frequency}s lie between two runs.`);
		}
		if (input.frequency === 'minute' && interval < 15) {
			throw new InvalidInput(`"${labels.interval}" must be at least 15 when "${labels.frequency}" is minute`, `Set "${labels.interval}" to 15 or more, or pick another "${labels.frequency}".`);
		}
		schedule.interval = interval;
	}
	return schedule;
}

export type ExportTimeUnit = 'hour' | 'day';
export type ExportMode = 'DAILY_FULL_EXPORT' | 'FIRST_FULL_THEN_INCREMENTAL';

export interface ExportScheduleInput {
	timeUnit: ExportTimeUnit;
	interval: number;
	startTime: string | number;
	endTime?: string | number;
	exportMode?: ExportMode;
	folderNameTemplate?: string;
	/** The zone a start or end without an offset is read in: the workflow's. */
	timeZone: string;
}

/** How the fields of a dataset export schedule are named where it is set (Flow Create and Dataset Export differ). */
export interface ExportScheduleLabels {
	timeUnit: string;
	interval: string;
	startTime: string;
	endTime: string;
}

const EXPORT_SCHEDULE_LABELS: ExportScheduleLabels = { timeUnit: 'Time Unit', interval: 'Interval', startTime: 'Start Time', endTime: 'End Time' };

const EXPORT_INTERVALS: Record<ExportTimeUnit, number[]> = { hour: [3, 6, 9, 12], day: [1] };

/**
 * `scheduleParams` of a dataset export flow: every 3, 6, 9 or 12 hours, or once a day. An end that
 * has passed at `nowMs` is refused: such a flow would never export anything.
 */
export function exportSchedule(
	input: ExportScheduleInput,
	labels: ExportScheduleLabels = EXPORT_SCHEDULE_LABELS,
	nowMs: number = Date.now(),
): Record<string, string | number> {
	const allowed = EXPORT_INTERVALS[input.timeUnit];
	if (!allowed) throw new InvalidInput(`"${labels.timeUnit}" must be hour or day`, `Pick hour or day for "${labels.timeUnit}".`);
	const interval = Number(input.interval);
	if (!allowed.includes(interval)) {
		throw new InvalidInput(
			`"${labels.interval}" must be ${allowed.join(', ')} when "${labels.timeUnit}" is ${input.timeUnit} (got ${String(input.interval)})`,
			`Set "${labels.interval}" to ${allowed.join(', ')}, or change "${labels.timeUnit}".`,
		);
	}
	const start = scheduleStart(input.startTime, labels.startTime, input.timeZone);
	if (start === undefined) {
		throw new InvalidInput(`"${labels.startTime}" is required for a dataset export schedule`, `Set "${labels.startTime}" to when the first export runs.`);
	}
	const schedule: Record<string, string | number> = { timeUnit: input.timeUnit, interval, startTime: start };
	const end = epochSeconds(input.endTime, labels.endTime, input.timeZone);
	if (end !== undefined) {
		if (end <= start) {
			throw new InvalidInput(`"${labels.endTime}" must be after "${labels.startTime}"`, `Set "${labels.endTime}" later than "${labels.startTime}", or leave it empty to keep exporting.`);
		}
		if (end * 1000 <= nowMs) {
			throw new InvalidInput(
				`"${labels.endTime}" has already passed (${new Date(end * 1000).toISOString()})`,
				`Set "${labels.endTime}" to a time in the future, or leave it empty to keep exporting.`,
			);
		}
		schedule.endTime = end;
	}
	if (input.exportMode) schedule.exportMode = input.exportMode;
	if (input.folderNameTemplate) schedule.foldernameTemplate = input.folderNameTemplate;
	return schedule;
}
