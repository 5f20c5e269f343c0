import type { IDataObject } from 'n8n-workflow';

import type { FlowKind } from '../../shared/aep/flows';
import { type RunTimeField, runPropertyFilters } from '../../shared/aep/runFilters';
import type { RunStatus } from '../../shared/aep/runs';
import { delayedRun } from './delayedRun';
import { failedRun } from './failedRun';
import { finishedRun } from './finishedRun';
import { missedRun } from './missedRun';
import { newRun } from './newRun';
import { recoveredRun } from './recoveredRun';
import { passesFlowFilters, type FlowFilterSettings, type ParameterReader, type RunEvent } from './runEvent';

/**
 * Every event the trigger fires on. The node's Event options and per-event parameters and the poll
 * read this list, so an event is its own module plus one line here.
 */
export const RUN_EVENTS = [delayedRun, failedRun, finishedRun, missedRun, newRun, recoveredRun] as const;

type RegisteredEvent = (typeof RUN_EVENTS)[number];

/** The Event parameter's values, as the registered events spell them. */
export type TriggerEvent = RegisteredEvent['value'];

/** Failures are what a trigger on dataflow runs is mostly for. */
export const DEFAULT_EVENT: TriggerEvent = failedRun.value;

/** What the user asked the trigger to fire on: the event, the flow filters and that event's own settings. */
export type EventSettings = {
	[Event in RegisteredEvent as Event['value']]: { event: Event['value'] } & FlowFilterSettings & ReturnType<Event['readSettings']>;
}[TriggerEvent];

// Built from the list, so it holds every value exactly once.
const EVENTS_BY_VALUE = Object.fromEntries(RUN_EVENTS.map((event) => [event.value, event])) as Record<TriggerEvent, RegisteredEvent>;

/**
 * The event settings name, taking those settings. They always hold that event's own settings
 * (readEventSettings builds them so), which the compiler cannot follow from a union of events.
 */
const eventOf = (settings: EventSettings) => EVENTS_BY_VALUE[settings.event] as RunEvent<TriggerEvent, EventSettings>;

/** Whether a value (typed, stored or from an expression) is a registered event. */
export function isTriggerEvent(value: unknown): value is TriggerEvent {
	return typeof value === 'string' && Object.prototype.hasOwnProperty.call(EVENTS_BY_VALUE, value);
}

/** The settings for `event`: the flow filters plus what its own parameters say. */
export function readEventSettings(event: TriggerEvent, flowFilters: FlowFilterSettings, read: ParameterReader): EventSettings {
	return { event, ...flowFilters, ...EVENTS_BY_VALUE[event].readSettings(read) } as EventSettings;
}

export function timeField(event: TriggerEvent): RunTimeField {
	return EVENTS_BY_VALUE[event].timeField;
}

/** Statuses to ask the server for (undefined = any). */
export function serverStatuses(settings: EventSettings): RunStatus[] | undefined {
	return eventOf(settings).serverStatuses(settings);
}

/**
 * The `property` filters of a run query; `from` is the inclusive lower bound on the time field.
 * `withClearing` also asks for the good runs that end a flow's alert streak (Repeat per flow).
 */
export function runFilters(settings: EventSettings, from?: number, withClearing = false): string[] {
	const statuses = serverStatuses(settings);
	const clearing = withClearing ? (EVENTS_BY_VALUE[settings.event].clearedBy ?? []) : [];
	return runPropertyFilters([
		...(from !== undefined ? [{ since: { field: timeField(settings.event), from } }] : []),
		{ statuses: statuses && [...new Set([...statuses, ...clearing])] },
		{ flowIds: settings.flowIds },
	]);
}

/** Whether the event is judged per flow (Missed Run) rather than per run. */
export function watchesFlows(event: TriggerEvent): boolean {
	return EVENTS_BY_VALUE[event].watchesFlows === true;
}

/** Whether the event's alerts can be held back per flow and summed up in a digest. */
export function hasAlertControl(event: TriggerEvent): boolean {
	return EVENTS_BY_VALUE[event].alertControl === true;
}

/** Whether the event's alerts can be summed up in a digest (Output). */
export function allowsDigest(event: TriggerEvent): boolean {
	return hasAlertControl(event) || EVENTS_BY_VALUE[event].digestOnly === true;
}

/** Whether a run (of a flow of the given kind) is an event for these settings, at `now` (Adobe's clock). */
export function isEvent(run: IDataObject, kind: FlowKind, settings: EventSettings, now = Date.now()): boolean {
	return passesFlowFilters(run, kind, settings) && eventOf(settings).matches(run, settings, now);
}

/** The latest time-field value a run may have to be judged at `now`; `skewMs` is the clock allowance. */
export function eventHorizon(settings: EventSettings, now: number, skewMs: number): number {
	const event = eventOf(settings);
	return event.horizon ? event.horizon(settings, now) : now + skewMs;
}

/** The fields the event adds to an item of this run. */
export function eventDetails(run: IDataObject, settings: EventSettings, now: number): IDataObject {
	return eventOf(settings).describe?.(run, settings, now) ?? {};
}

/** The event's judge with the flow memory, for an event that depends on earlier runs. */
export function memoryJudge(event: TriggerEvent): RunEvent<TriggerEvent, EventSettings>['judgeWithMemory'] {
	return (EVENTS_BY_VALUE[event] as RunEvent<TriggerEvent, EventSettings>).judgeWithMemory;
}

/** Whether the first activation learns the flow memory from earlier runs. */
export function learnsHistory(event: TriggerEvent): boolean {
	return EVENTS_BY_VALUE[event].learnsHistory === true;
}

/** Whether the event's items carry the flow's usual run duration. */
export function withUsualDuration(event: TriggerEvent): boolean {
	return EVENTS_BY_VALUE[event].withUsualDuration === true;
}

/** The key an emitted event is remembered by. */
export function eventKey(run: IDataObject, event: TriggerEvent): string {
	return EVENTS_BY_VALUE[event].key(run);
}
