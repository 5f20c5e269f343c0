import type { IDataObject, INodeProperties } from 'n8n-workflow';

import { errorCategory } from '../../shared/aep/errorCategories';
import { flowKind, type FlowKind } from '../../shared/aep/flows';
import type { RunTimeField } from '../../shared/aep/runFilters';
import type { FlowMemory } from '../flowMemory';
import { failedRecordRatio, runRecordCounts, runStatus, simplifyRun, type RunStatus } from '../../shared/aep/runs';

/*
 * What a run event of the trigger is made of, and what every event shares: the flow filters, the
 * failed-record thresholds and the output item. Pure: building the query and matching runs need no
 * n8n, so each event can be tested on plain runs.
 */

/** The trigger parameter that picks the event; each event's own parameters show only for its value. */
export const EVENT_PARAMETER = 'event';

/** The filters on flows, the same for every event. */
export interface FlowFilterSettings {
	flowIds: string[];
	flowKind: 'all' | Exclude<FlowKind, 'unknown'>;
}

/** Reads a node parameter, or `fallback` when it is not set (as for a parameter the chosen event hides). */
export type ParameterReader = <T>(name: string, fallback: T) => T;

/**
 * One event the trigger fires on. `Settings` are the event's own, read from its own parameters;
 * the flow filters are applied alike for every event and are not part of them.
 */
export interface RunEvent<Value extends string, Settings extends object> {
	/** The Event parameter's value. It is also stored with the trigger's position, so it never changes. */
	readonly value: Value;
	/** How the Event parameter lists it. */
	readonly option: { readonly name: string; readonly description: string };
	/** Parameters of this event only; defineRunEvent makes them show only when it is chosen. */
	readonly parameters: INodeProperties[];
	readonly timeField: RunTimeField;
	readSettings(read: ParameterReader): Settings;
	/** Statuses to ask the server for (undefined = any); `matches` has the last word. */
	serverStatuses(settings: Settings): RunStatus[] | undefined;
	/** Whether a run is this event, by its status and records; `now` is Adobe's clock. */
	matches(run: IDataObject, settings: Settings, now: number): boolean;
	/** The key an emitted event is remembered by: a run fires once per key. */
	key(run: IDataObject): string;
	/**
	 * The latest time-field value a run may have to be judged now (default: now plus the clock skew).
	 * A run after it waits for later polls, and the cursor does not pass it.
	 */
	horizon?(settings: Settings, now: number): number;
	/** Fields this event adds to its items, e.g. how long a delayed run has been running. */
	describe?(run: IDataObject, settings: Settings, now: number): IDataObject;
	/** Whether its items carry the flow's usual run duration (the median of its recent finished runs). */
	readonly withUsualDuration?: boolean;
	/**
	 * For an event that depends on what came before the run (Recovered): judges a run, in order, with
	 * what the trigger remembers per flow. `commit` updates that memory and is called only once the
	 * run is handled, so a poll that stops early remembers nothing it did not handle.
	 */
	judgeWithMemory?(run: IDataObject, memory: FlowMemory, at: number): { matches: boolean | 'remembered'; commit(): void; details?: IDataObject };
	/** Whether the first activation learns the flow memory from the runs before it. */
	readonly learnsHistory?: boolean;
	/** Whether its alerts can be held back per flow (Repeat) and summed up (Output: digest). */
	readonly alertControl?: boolean;
	/** Whether its alerts can be summed up in a digest (Output), without Repeat (which it does by itself). */
	readonly digestOnly?: boolean;
	/** Statuses of the good runs that end a flow's alert streak, when the event does not read them already. */
	readonly clearedBy?: RunStatus[];
	/** Whether the event is judged per flow (the flows are watched) rather than per run. */
	readonly watchesFlows?: boolean;
}

/**
 * Declares an event. Its parameters get the condition that shows them only when it is chosen, built
 * from its value, so the value is written once.
 */
export function defineRunEvent<const Value extends string, Settings extends object>(event: RunEvent<Value, Settings>): RunEvent<Value, Settings> {
	return {
		...event,
		parameters: event.parameters.map((parameter) => ({
			...parameter,
			displayOptions: { ...parameter.displayOptions, show: { [EVENT_PARAMETER]: [event.value], ...parameter.displayOptions?.show } },
		})),
	};
}

/** Whether a run belongs to the picked flows and flow type; `kind` is that of the run's flow. */
export function passesFlowFilters(run: IDataObject, kind: FlowKind, settings: FlowFilterSettings): boolean {
	if (settings.flowIds.length && !settings.flowIds.includes(String(run.flowId))) return false;
	return settings.flowKind === 'all' || kind === settings.flowKind;
}

export interface FailedRecordThresholds {
	minFailedRecords: number;
	/** Percent of input records, 0-100. */
	minFailedPercent: number;
}

/** Whether a run ended with failed records, at least as many as the thresholds ask for. */
export function endedWithFailedRecords(run: IDataObject, thresholds: FailedRecordThresholds): boolean {
	const failed = runRecordCounts(run).failed ?? 0;
	return failed > 0 && failed >= thresholds.minFailedRecords && failedRecordRatio(run) * 100 >= thresholds.minFailedPercent;
}

/** The key of an event on a run that ends: a run fires once per terminal status it reaches. */
export function runAndStatusKey(run: IDataObject): string {
	return `${String(run.id)}:${runStatus(run)}`;
}

export interface FlowInfo {
	name: string;
	kind: FlowKind;
	flowSpecId?: string;
}

export function flowInfo(flow: IDataObject): FlowInfo {
	return { name: String(flow.name ?? ''), kind: flowKind(flow), flowSpecId: (flow.flowSpec as IDataObject | undefined)?.id as string | undefined };
}

/**
 * One output item per run: the flow's name and the run's essentials, with the raw run kept under
 * `run`. `errorCategory` sums up the errors for routing (null when the run has none).
 */
export function eventItem(run: IDataObject, flow: FlowInfo | undefined, event: string): IDataObject {
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
		errorCategory: errorCategory(simple.errors, flow?.kind),
		run,
	};
}
