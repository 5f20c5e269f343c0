import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { locatorFor } from '../../descriptions/endpointConnectionDescriptions';
import { getOne } from '../../sharedOperations/endpointConnectionOperations';

export const description: INodeProperties[] = [locatorFor('targetConnection', 'get')];

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	return await getOne(this, 'targetConnection', itemIndex);
}
