import type { IDataObject } from 'n8n-workflow';

import { flowKind, type FlowKind } from '../shared/aep/flows';
import { failedRecordRatio, runRecordCounts, runStatus, simplifyRun, type RunStatus } from '../shared/aep/runs';

/** What the user asked the trigger to fire on. Pure: building the query and matching runs need no n8n. */
export type TriggerEvent = 'newRun' | 'failedRun' | 'finishedRun';

export interface EventSettings {
	event: TriggerEvent;
	flowIds: string[];
	flowKind: 'all' | 'source' | 'destination';
	/** failedRun: also fire on runs that ended with failed records. */
	includePartialSuccess: boolean;
	minFailedRecords: number;
	/** Percent of input records, 0-100. */
	minFailedPercent: number;
	/** finishedRun: terminal statuses to fire on. */
	statuses: RunStatus[];
}

/** The run field the cursor follows: creation for new runs, last update for runs that end. */
export function timeField(event: TriggerEvent): 'createdAt' | 'updatedAt' {
	return event === 'newRun' ? 'createdAt' : 'updatedAt';
}

/** Statuses to ask the server for (undefined = any). Partial success may be reported as success. */
export function serverStatuses(settings: EventSettings): string[] | undefined {
	if (settings.event === 'newRun') return undefined;
	if (settings.event === 'failedRun') return settings.includePartialSuccess ? ['failed', 'partialSuccess', 'success'] : ['failed'];
	const wanted = new Set(settings.statuses);
	if (wanted.has('partialSuccess')) wanted.add('success');
	return [...wanted];
}

/** The `property` filters of a run query; `from` is the inclusive lower bound on the time field. */
export function runFilters(settings: EventSettings, from?: number): string[] {
	const filters: string[] = [];
	if (from !== undefined) filters.push(`${timeField(settings.event)}>=${from}`);
	const statuses = serverStatuses(settings);
	if (statuses) filters.push(`metrics.statusSummary.status==${statuses.join(',')}`);
	if (settings.flowIds.length) filters.push(`flowId==${settings.flowIds.join(',')}`);
	return filters;
}

function endedWithFailedRecords(run: IDataObject, settings: EventSettings): boolean {
	const failed = runRecordCounts(run).failed ?? 0;
	return failed > 0 && failed >= settings.minFailedRecords && failedRecordRatio(run) * 100 >= settings.minFailedPercent;
}

/** Whether a run (of a flow of the given kind) is an event for these settings. */
export function isEvent(run: IDataObject, kind: FlowKind, settings: EventSettings): boolean {
	if (settings.flowIds.length && !settings.flowIds.includes(String(run.flowId))) return false;
	if (settings.flowKind !== 'all' && kind !== settings.flowKind) return false;
	const status = runStatus(run);
	switch (settings.event) {
		case 'newRun':
			return true;
		case 'failedRun':
			if (status === 'failed') return true;
			return settings.includePartialSuccess && (status === 'partialSuccess' || status === 'success') && endedWithFailedRecords(run, settings);
		case 'finishedRun':
			if (status === 'success' && endedWithFailedRecords(run, { ...settings, minFailedRecords: 1, minFailedPercent: 0 })) {
				return settings.statuses.includes('partialSuccess') || settings.statuses.includes('success');
			}
			return settings.statuses.includes(status);
	}
}

/** The key an emitted event is remembered by: a run fires once per event (and once per terminal status). */
export function eventKey(run: IDataObject, event: TriggerEvent): string {
	return event === 'newRun' ? String(run.id) : `${String(run.id)}:${runStatus(run)}`;
}

export interface FlowInfo {
	name: string;
	kind: FlowKind;
	flowSpecId?: string;
}

export function flowInfo(flow: IDataObject): FlowInfo {
	return { name: String(flow.name ?? ''), kind: flowKind(flow), flowSpecId: (flow.flowSpec as IDataObject | undefined)?.id as string | undefined };
}

/** One output item per run: the flow's name and the run's essentials, with the raw run kept under `run`. */
export function eventItem(run: IDataObject, flow: FlowInfo | undefined, event: TriggerEvent): IDataObject {
	const simple = simplifyRun(run);
	return {
		event,
		flowName: flow?.name ?? null,
		flowType: flow?.kind ?? 'unknown',
		...simple,
		failedRecordPercent: Math.round(failedRecordRatio(run) * 10_000) / 100,
		flowSpecId: flow?.flowSpecId ?? ((run.flowSpec as IDataObject | undefined)?.id as string | undefined) ?? null,
		records: { ...simple.records },
		errors: simple.errors.map((error) => ({ ...error })),
		run,
	};
}
