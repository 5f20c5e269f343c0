import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { updateDescription } from '../../descriptions/endpointConnectionDescriptions';
import { updateOne } from '../../sharedOperations/endpointConnectionOperations';

export const description: INodeProperties[] = updateDescription('targetConnection');

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	return await updateOne(this, 'targetConnection', itemIndex);
}
