import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { locatorFor } from '../../descriptions/endpointConnectionDescriptions';
import { defineOperation } from '../../descriptions/operationDefinitions';
import { getOne } from '../../sharedOperations/endpointConnectionOperations';

export const operation = defineOperation({
	resource: 'sourceConnection',
	operation: 'get',
	name: 'Get',
	action: 'Get a source connection',
	description: 'Get a source connection by ID',
});

export const description: INodeProperties[] = [locatorFor(operation)];

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	return await getOne(this, 'sourceConnection', itemIndex);
}
