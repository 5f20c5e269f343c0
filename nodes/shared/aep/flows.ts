import type { IDataObject } from 'n8n-workflow';

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
