import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { getMany, getManyDescription } from '../endpointConnections';

export const description: INodeProperties[] = getManyDescription('sourceConnection');

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject[]> {
	return await getMany(this, 'sourceConnection', itemIndex);
}
