import type { IDataObject } from 'n8n-workflow';

import { toIso } from './runs';

export type FlowKind = 'source' | 'destination' | 'unknown';

/** Whether a flow brings data into Platform (source) or sends it out (destination). */
export function flowKind(flow: IDataObject): FlowKind {
	const properties = ((flow.inheritedAttributes as IDataObject | undefined)?.properties as IDataObject | undefined) ?? {};
	if (properties.isDestinationFlow === true || properties.isDestinationFlow === 'true') return 'destination';
	if (properties.isSourceFlow === true || properties.isSourceFlow === 'true') return 'source';
	return 'unknown';
}

/** Server-side filters selecting source or destination flows. */
export const FLOW_KIND_FILTERS: Record<Exclude<FlowKind, 'unknown'>, string> = {
	source: 'inheritedAttributes.properties.isSourceFlow==true',
	destination: 'inheritedAttributes.properties.isDestinationFlow==true',
};

/** A flow's Mapping transformation, as Flow Service stores it: `{ name: 'Mapping', params: { mappingId, mappingVersion } }`. */
export function mappingTransformation(mappingId: string, mappingVersion: number | string): IDataObject {
	// Adobe documents the version as a string ("0"); a number is sent as its text.
	return { name: 'Mapping', params: { mappingId, mappingVersion: String(mappingVersion) } };
}

/** Where a flow's Mapping transformation sits among its transformations (Adobe spells the name in any case); -1 when it has none. */
export function mappingIndex(flow: IDataObject): number {
	const transformations = Array.isArray(flow.transformations) ? (flow.transformations as IDataObject[]) : [];
	return transformations.findIndex((transformation) => String(transformation?.name ?? '').toLowerCase() === 'mapping');
}

/** A flow's Mapping transformation, or undefined when it has none. */
export function mappingOf(flow: IDataObject): IDataObject | undefined {
	const index = mappingIndex(flow);
	return index === -1 ? undefined : (flow.transformations as IDataObject[])[index];
}

const timeOf = (value: unknown): string | null => toIso(value) ?? null;

/**
 * A flow's essentials for Simplify: what it is, what it connects, when it runs and how its last run
 * went, with times as ISO text. `etag` stays, so an update can pin it.
 */
export function simplifyFlow(flow: IDataObject): IDataObject {
	const lastRun = (flow.lastRunDetails as IDataObject | undefined) ?? {};
	const schedule = (flow.scheduleParams as IDataObject | undefined) ?? null;
	return {
		id: flow.id ?? null,
		name: flow.name ?? null,
		description: flow.description ?? null,
		state: flow.state ?? null,
		flowType: flowKind(flow),
		flowSpecId: ((flow.flowSpec as IDataObject | undefined)?.id as string | undefined) ?? null,
		sourceConnectionIds: Array.isArray(flow.sourceConnectionIds) ? flow.sourceConnectionIds : [],
		targetConnectionIds: Array.isArray(flow.targetConnectionIds) ? flow.targetConnectionIds : [],
		schedule: schedule && { frequency: schedule.frequency ?? schedule.timeUnit ?? null, interval: schedule.interval ?? null, startTime: timeOf(Number(schedule.startTime) * 1000) },
		errorDiagnostics: ((flow.options as IDataObject | undefined)?.errorDiagnosticsEnabled as boolean | undefined) ?? null,
		lastRun: lastRun.id ? { runId: lastRun.id, status: (lastRun.state as string | undefined) ?? null, startedAt: timeOf(lastRun.startedAtUTC), completedAt: timeOf(lastRun.completedAtUTC) } : null,
		createdAt: timeOf(flow.createdAt),
		updatedAt: timeOf(flow.updatedAt),
		etag: flow.etag ?? null,
	};
}

/** A base connection's essentials for Simplify; its auth params (secrets, masked by Adobe) stay out. */
export function simplifyConnection(connection: IDataObject): IDataObject {
	const spec = (connection.connectionSpec as IDataObject | undefined) ?? {};
	return {
		id: connection.id ?? null,
		name: connection.name ?? null,
		description: connection.description ?? null,
		state: connection.state ?? null,
		connectionSpecId: spec.id ?? null,
		authSpecName: ((connection.auth as IDataObject | undefined)?.specName as string | undefined) ?? null,
		createdAt: timeOf(connection.createdAt),
		updatedAt: timeOf(connection.updatedAt),
		etag: connection.etag ?? null,
	};
}
