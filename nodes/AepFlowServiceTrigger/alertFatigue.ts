import type { IDataObject } from 'n8n-workflow';

import type { FlowMemory } from './flowMemory';

/**
 * Control over alert floods, pure: "first per flow until it recovers" keeps a failing flow to one
 * alert (and optional reminders), and a digest sums up a burst of events in one item.
 */
export type RepeatMode = 'everyEvent' | 'firstPerFlow';
export type OutputMode = 'eachEvent' | 'digest';

export interface RepeatSettings {
	mode: RepeatMode;
	/** With firstPerFlow: fire again for a flow still in trouble after this many hours; 0 never does. */
	reminderHours: number;
}

const HOUR = 3_600_000;

export interface RepeatVerdict {
	fire: boolean;
	/** Fields for the item when it fires: first alert or reminder, and how many events were held back. */
	details: IDataObject;
	/** Applied once the run is handled. */
	commit(): void;
}

/** Whether an event of a flow fires, or is held back because the flow already alerted. */
export function repeatVerdict(memory: FlowMemory, flowId: string, at: number, settings: RepeatSettings): RepeatVerdict {
	const slot = memory.alerting[flowId];
	if (!slot) {
		return { fire: true, details: { alert: 'first', heldBackSinceLastAlert: 0 }, commit: () => (memory.alerting[flowId] = { alertedAt: at, heldBack: 0 }) };
	}
	const remind = settings.reminderHours > 0 && at - slot.alertedAt >= settings.reminderHours * HOUR;
	if (remind) {
		return {
			fire: true,
			details: { alert: 'reminder', heldBackSinceLastAlert: slot.heldBack, alertingSince: new Date(slot.firstAlertAt ?? slot.alertedAt).toISOString() },
			commit: () => (memory.alerting[flowId] = { alertedAt: at, heldBack: 0, firstAlertAt: slot.firstAlertAt ?? slot.alertedAt }),
		};
	}
	// A held-back run is remembered as handled (never judged twice), so each counts once.
	return { fire: false, details: {}, commit: () => slot.heldBack++ };
}

/** A good run of the flow: its next event is a first alert again. */
export function clearAlerting(memory: FlowMemory, flowId: string): void {
	delete memory.alerting[flowId];
}

const increment = (counts: Record<string, number>, key: string | null | undefined, by = 1) => {
	const name = key ?? 'none';
	counts[name] = (counts[name] ?? 0) + by;
};

/**
 * One item for a poll's events: counts by flow, by error category and by error code, the failed
 * records in all, the time span, and the events themselves, so a burst is one message.
 */
export function digestOf(event: string, items: IDataObject[]): IDataObject {
	const byFlow = new Map<string, { flowId: string; flowName: unknown; count: number }>();
	const byErrorCategory: Record<string, number> = {};
	const byErrorCode: Record<string, number> = {};
	let failedRecords = 0;
	const times: number[] = [];
	for (const item of items) {
		const flowId = String(item.flowId);
		const entry = byFlow.get(flowId) ?? { flowId, flowName: item.flowName ?? null, count: 0 };
		entry.count++;
		byFlow.set(flowId, entry);
		increment(byErrorCategory, item.errorCategory as string | null);
		const codes = new Set(((item.errors as IDataObject[] | undefined) ?? []).map((error) => String(error.code || 'none')));
		for (const code of codes.size ? codes : new Set(['none'])) increment(byErrorCode, code);
		failedRecords += Number((item.records as IDataObject | undefined)?.failed ?? 0) || 0;
		for (const field of ['startedAt', 'completedAt', 'lastRunAt']) {
			const time = Date.parse(String(item[field] ?? ''));
			if (Number.isFinite(time)) times.push(time);
		}
	}
	return {
		event,
		digest: true,
		count: items.length,
		flowCount: byFlow.size,
		byFlow: [...byFlow.values()].sort((a, b) => b.count - a.count),
		byErrorCategory,
		byErrorCode,
		failedRecords,
		from: times.length ? new Date(Math.min(...times)).toISOString() : null,
		to: times.length ? new Date(Math.max(...times)).toISOString() : null,
		events: items,
	};
}
