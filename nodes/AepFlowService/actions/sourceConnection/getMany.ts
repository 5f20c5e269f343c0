import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { getManyDescription } from '../../descriptions/endpointConnectionDescriptions';
import { getMany } from '../../sharedOperations/endpointConnectionOperations';

export const description: INodeProperties[] = getManyDescription('sourceConnection');

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject[]> {
	return await getMany(this, 'sourceConnection', itemIndex);
}
