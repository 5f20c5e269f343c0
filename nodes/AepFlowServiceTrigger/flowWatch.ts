import type { IDataObject } from 'n8n-workflow';

import type { FlowKind } from '../shared/aep/flows';

/**
 * Missed Run's memory: the flows it watches and when each last ran, and the judgement of silence.
 * Pure: no n8n, no HTTP. At most MAX_WATCHED_FLOWS flows (about 150 bytes each, within 1 MB).
 */
export const MAX_WATCHED_FLOWS = 5_000;
/** The flow list is read again at most this often; runs read in between keep the last-run times fresh. */
export const FLOW_REFRESH_MS = 10 * 60_000;

export interface WatchedFlow {
	name: string;
	kind: FlowKind;
	/** How often the flow is scheduled to run; undefined for streaming and unscheduled flows. */
	everyMs?: number;
	/** When its last (counted) run was created or started. */
	lastRunAt: number;
	/** The last run time a silence was already reported for: once per silent period. */
	alertedFor?: number;
	/** When that silence was last reported (first alert or reminder), for reminders. */
	alertedAt?: number;
}

export interface FlowWatchState {
	version: 1;
	/** createdAt of the newest run read, for the next read. */
	cursor: number;
	refreshedAt: number;
	watched: Record<string, WatchedFlow>;
}

export interface SilenceSettings {
	/** Grace on top of a scheduled flow's interval, as a fraction of it (0.5 = 50 %). */
	graceRatio: number;
	/** Silence that counts for streaming or unscheduled flows; 0 does not watch them. */
	windowMs: number;
	/** A flow still silent this long after its last alert alerts again; 0 never reminds. */
	reminderMs: number;
}

const finite = (value: unknown): value is number => typeof value === 'number' && Number.isFinite(value) && value >= 0;

/** Reads stored state; anything unreadable starts afresh (with a warning), as on activation. */
export function loadFlowWatch(stored: unknown): { state: FlowWatchState | undefined; warnings: string[] } {
	if (stored === undefined) return { state: undefined, warnings: [] };
	const value = stored as Partial<FlowWatchState> | null;
	if (!value || value.version !== 1 || !finite(value.cursor) || !finite(value.refreshedAt) || !value.watched || typeof value.watched !== 'object' || Array.isArray(value.watched)) {
		return { state: undefined, warnings: ['The stored flow watch is not one this version knows; starting afresh.'] };
	}
	const watched: Record<string, WatchedFlow> = {};
	let dropped = 0;
	for (const [flowId, flow] of Object.entries(value.watched as Record<string, Partial<WatchedFlow> | null>)) {
		if (flow && finite(flow.lastRunAt)) {
			watched[flowId] = {
				name: String(flow.name ?? ''),
				kind: flow.kind === 'source' || flow.kind === 'destination' ? flow.kind : 'unknown',
				...(finite(flow.everyMs) && flow.everyMs > 0 ? { everyMs: flow.everyMs } : {}),
				lastRunAt: flow.lastRunAt,
				...(finite(flow.alertedFor) ? { alertedFor: flow.alertedFor } : {}),
				...(finite(flow.alertedAt) ? { alertedAt: flow.alertedAt } : {}),
			};
		} else dropped++;
	}
	const warnings = dropped ? [`Dropped ${dropped} watched flow${dropped === 1 ? '' : 's'} that were not readable.`] : [];
	return { state: { version: 1, cursor: value.cursor, refreshedAt: value.refreshedAt, watched }, warnings };
}

/** How long a flow may stay without a run before it counts as silent; undefined when it is not watched. */
export function allowedSilenceMs(flow: WatchedFlow, settings: SilenceSettings): number | undefined {
	if (flow.everyMs) return flow.everyMs * (1 + Math.max(0, settings.graceRatio));
	return settings.windowMs > 0 ? settings.windowMs : undefined;
}

export interface Silence {
	flowId: string;
	flow: WatchedFlow;
	silentMs: number;
	allowedMs: number;
	/** Whether this silence was reported before and this is a reminder of it. */
	reminder: boolean;
}

/**
 * The flows silent at `now` that were not reported for this silence yet, and, with reminders, those
 * reported at least `reminderMs` ago that are still silent.
 */
export function newSilences(state: FlowWatchState, now: number, settings: SilenceSettings): Silence[] {
	const silences: Silence[] = [];
	for (const [flowId, flow] of Object.entries(state.watched)) {
		const allowedMs = allowedSilenceMs(flow, settings);
		if (allowedMs === undefined) continue;
		const silentMs = now - flow.lastRunAt;
		if (silentMs <= allowedMs) continue;
		if (flow.alertedFor !== flow.lastRunAt) silences.push({ flowId, flow, silentMs, allowedMs, reminder: false });
		// A silence reported before this version kept alertedAt is not reminded of: its time is unknown.
		else if (settings.reminderMs > 0 && flow.alertedAt !== undefined && now - flow.alertedAt >= settings.reminderMs) {
			silences.push({ flowId, flow, silentMs, allowedMs, reminder: true });
		}
	}
	return silences.sort((a, b) => b.silentMs - a.silentMs);
}

/** Marks silences as reported at `now`, so each fires once (and reminds only after the reminder time). */
export function markReported(state: FlowWatchState, silences: Silence[], now: number): void {
	for (const found of silences) {
		const flow = state.watched[found.flowId];
		flow.alertedFor = found.flow.lastRunAt;
		flow.alertedAt = now;
	}
}

/** The item of a silence. */
export function silenceItem(silence: Silence, settings: SilenceSettings): IDataObject {
	const { flow } = silence;
	return {
		event: 'missedRun',
		alert: silence.reminder ? 'reminder' : 'first',
		flowId: silence.flowId,
		flowName: flow.name || null,
		flowType: flow.kind,
		lastRunAt: new Date(flow.lastRunAt).toISOString(),
		silentMinutes: Math.round(silence.silentMs / 60_000),
		expectedEveryMinutes: flow.everyMs ? Math.round(flow.everyMs / 60_000) : null,
		allowedSilenceMinutes: Math.round(silence.allowedMs / 60_000),
		basis: flow.everyMs ? 'schedule' : 'window',
		graceRatio: flow.everyMs ? settings.graceRatio : null,
	};
}
