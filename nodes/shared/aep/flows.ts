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
