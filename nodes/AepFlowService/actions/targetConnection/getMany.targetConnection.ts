import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { getManyDescription } from '../../descriptions/endpointConnectionDescriptions';
import { defineOperation } from '../../descriptions/operationDefinitions';
import { getMany } from '../../sharedOperations/endpointConnectionOperations';

export const operation = defineOperation({
	resource: 'targetConnection',
	operation: 'getMany',
	name: 'Get Many',
	action: 'Get many target connections',
	description: 'List target connections',
});

export const description: INodeProperties[] = getManyDescription(operation);

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject[]> {
	return await getMany(this, 'targetConnection', itemIndex);
}
