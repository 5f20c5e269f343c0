import type { IDataObject } from 'n8n-workflow';

const UNIT_MS: Record<string, number> = { minute: 60_000, hour: 3_600_000, day: 86_400_000, week: 7 * 86_400_000 };

/**
 * How often a flow is scheduled to run, in ms, from its `scheduleParams`: source flows say
 * `frequency` and `interval`, destination flows `timeUnit` and `interval`. Undefined for flows that
 * run once, stream, or have no schedule.
 */
export function scheduledEveryMs(flow: IDataObject): number | undefined {
	const schedule = flow.scheduleParams as IDataObject | undefined;
	if (!schedule || typeof schedule !== 'object') return undefined;
	const unit = String(schedule.frequency ?? schedule.timeUnit ?? '').toLowerCase();
	const unitMs = UNIT_MS[unit];
	if (!unitMs) return undefined;
	const interval = Number(schedule.interval ?? 1);
	return Number.isFinite(interval) && interval >= 1 ? unitMs * interval : unitMs;
}
