import type { ILoadOptionsFunctions, INodePropertyOptions } from 'n8n-workflow';

import { flowKind } from '../aep/flows';
import { aepListAll } from '../transport/paging';

/** Every flow of the sandbox as a picker option, sorted by name. */
export async function getFlows(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
	const flows = await aepListAll(this, { method: 'GET', path: '/flows', query: { orderby: 'name' } });
	return flows
		.map((flow) => ({
			name: String(flow.name ?? flow.id),
			value: String(flow.id),
			description: `${flowKind(flow)} flow, ${String(flow.state ?? 'unknown state')}`,
		}))
		.sort((a, b) => a.name.localeCompare(b.name));
}
