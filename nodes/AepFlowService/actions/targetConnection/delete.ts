import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { locatorFor } from '../../descriptions/endpointConnectionDescriptions';
import { deleteOne } from '../../sharedOperations/endpointConnectionOperations';

export const description: INodeProperties[] = [locatorFor('targetConnection', 'delete')];

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	return await deleteOne(this, 'targetConnection', itemIndex);
}
