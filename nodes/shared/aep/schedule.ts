/**
 * Flow schedules, validated before anything is sent. Pure: errors are plain `Error`s whose message
 * names the field; callers turn them into node errors.
 */
export type SourceFrequency = 'once' | 'minute' | 'hour' | 'day' | 'week';

export interface SourceScheduleInput {
	frequency: SourceFrequency;
	interval?: number;
	/** Start, as anything `Date` parses or epoch milliseconds. */
	startTime?: string | number;
	backfill?: boolean;
}

/**
 * A date and time as epoch milliseconds, from ISO text, epoch seconds or milliseconds (told apart by
 * size: 1e11 s is the year 5138), a Date or a Luxon DateTime. Empty gives undefined.
 */
export function toEpochMs(value: unknown, field: string): number | undefined {
	if (value === undefined || value === null || value === '') return undefined;
	let ms: number;
	if (value instanceof Date) ms = value.getTime();
	else if (typeof value === 'object' && typeof (value as { toMillis?: unknown }).toMillis === 'function') ms = (value as { toMillis: () => number }).toMillis();
	else if (typeof value === 'number' || /^\d+$/.test(String(value).trim())) {
		const number = Number(value);
		ms = number < 1e11 ? number * 1000 : number;
	} else ms = Date.parse(String(value));
	if (!Number.isFinite(ms)) throw new Error(`"${field}" is not a valid date and time: ${String(value)}`);
	return ms;
}

export function epochSeconds(value: unknown, field: string): number | undefined {
	const ms = toEpochMs(value, field);
	return ms === undefined ? undefined : Math.floor(ms / 1000);
}

/** `scheduleParams` of a batch source flow. Adobe requires at least 15 minutes for a minute frequency. */
export function sourceSchedule(input: SourceScheduleInput): Record<string, string | number | boolean> {
	const frequencies: SourceFrequency[] = ['once', 'minute', 'hour', 'day', 'week'];
	if (!frequencies.includes(input.frequency)) throw new Error(`"Frequency" must be one of ${frequencies.join(', ')}`);
	const schedule: Record<string, string | number | boolean> = { frequency: input.frequency };
	const start = epochSeconds(input.startTime, 'Start Time');
	if (start !== undefined) schedule.startTime = start;
	if (input.frequency !== 'once') {
		const interval = Number(input.interval ?? 1);
		if (!Number.isInteger(interval) || interval < 1) throw new Error('"Interval" must be a whole number of at least 1');
		if (input.frequency === 'minute' && interval < 15) throw new Error('"Interval" must be at least 15 when "Frequency" is minute');
		schedule.interval = interval;
	}
	if (input.backfill !== undefined) schedule.backfill = input.backfill;
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
}

const EXPORT_INTERVALS: Record<ExportTimeUnit, number[]> = { hour: [3, 6, 9, 12], day: [1] };

/** `scheduleParams` of a dataset export flow: every 3, 6, 9 or 12 hours, or once a day. */
export function exportSchedule(input: ExportScheduleInput): Record<string, string | number> {
	const allowed = EXPORT_INTERVALS[input.timeUnit];
	if (!allowed) throw new Error('"Time Unit" must be hour or day');
	const interval = Number(input.interval);
	if (!allowed.includes(interval)) {
		throw new Error(`"Interval" must be ${allowed.join(', ')} when "Time Unit" is ${input.timeUnit} (got ${String(input.interval)})`);
	}
	const start = epochSeconds(input.startTime, 'Start Time');
	if (start === undefined) throw new Error('"Start Time" is required for a dataset export schedule');
	const schedule: Record<string, string | number> = { timeUnit: input.timeUnit, interval, startTime: start };
	const end = epochSeconds(input.endTime, 'End Time');
	if (end !== undefined) {
		if (end <= start) throw new Error('"End Time" must be after "Start Time"');
		schedule.endTime = end;
	}
	if (input.exportMode) schedule.exportMode = input.exportMode;
	if (input.folderNameTemplate) schedule.foldernameTemplate = input.folderNameTemplate;
	return schedule;
}
