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

export function epochSeconds(value: string | number | undefined, field: string): number | undefined {
	if (value === undefined || value === null || value === '') return undefined;
	const ms = typeof value === 'number' ? value : /^\d+$/.test(String(value)) ? Number(value) : Date.parse(String(value));
	if (!Number.isFinite(ms)) throw new Error(`"${field}" is not a valid date and time: ${String(value)}`);
	// Epoch seconds pass through; anything else is milliseconds.
	return ms < 1e11 ? Math.floor(ms) : Math.floor(ms / 1000);
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
