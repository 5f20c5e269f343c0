import type { IDataObject, ILoadOptionsFunctions, INodePropertyOptions } from 'n8n-workflow';

import { flowKind } from '../aep/flows';
import { aepListAll } from '../transport/paging';

/** Every entity of a collection (all pages) as picker options, sorted by name. */
async function collectionOptions(
	context: ILoadOptionsFunctions,
	collection: 'flows' | 'connectionSpecs' | 'flowSpecs',
	describe: (entity: IDataObject) => string | undefined,
): Promise<INodePropertyOptions[]> {
	const entities = await aepListAll(context, { method: 'GET', path: `/${collection}` });
	return entities
		.map((entity) => ({ name: String(entity.name ?? entity.id), value: String(entity.id), description: describe(entity) }))
		.sort((a, b) => a.name.localeCompare(b.name));
}

export async function getFlows(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
	return await collectionOptions(this, 'flows', (flow) => `${flowKind(flow)} flow, ${String(flow.state ?? 'unknown state')}`);
}

export async function getConnectionSpecs(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
	return await collectionOptions(this, 'connectionSpecs', (spec) => spec.description as string | undefined);
}

export async function getFlowSpecs(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
	return await collectionOptions(this, 'flowSpecs', (spec) => spec.description as string | undefined);
}
