import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { getManyDescription } from '../../descriptions/endpointConnectionDescriptions';
import { defineOperation } from '../../descriptions/operationDefinitions';
import { getMany } from '../../sharedOperations/endpointConnectionOperations';

export const operation = defineOperation({
	resource: 'sourceConnection',
	operation: 'getMany',
	name: 'Get Many',
	action: 'Get many source connections',
	description: 'List source connections',
});

export const description: INodeProperties[] = getManyDescription(operation);

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject[]> {
	return await getMany(this, 'sourceConnection', itemIndex);
}
