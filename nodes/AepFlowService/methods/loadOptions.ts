import type { ILoadOptionsFunctions, INodePropertyOptions } from 'n8n-workflow';

import { aepListAll } from '../../shared/transport/paging';

async function specOptions(context: ILoadOptionsFunctions, collection: 'connectionSpecs' | 'flowSpecs'): Promise<INodePropertyOptions[]> {
	const specs = await aepListAll(context, { method: 'GET', path: `/${collection}` });
	return specs
		.map((spec) => ({ name: String(spec.name ?? spec.id), value: String(spec.id), description: spec.description as string | undefined }))
		.sort((a, b) => a.name.localeCompare(b.name));
}

export async function getConnectionSpecs(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
	return await specOptions(this, 'connectionSpecs');
}

export async function getFlowSpecs(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
	return await specOptions(this, 'flowSpecs');
}

export { getFlows } from '../../shared/methods/flowOptions';
