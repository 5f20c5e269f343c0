import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { locatorFor } from '../../descriptions/endpointConnectionDescriptions';
import { defineOperation } from '../../descriptions/operationDefinitions';
import { deleteOne } from '../../sharedOperations/endpointConnectionOperations';

export const operation = defineOperation({
	resource: 'targetConnection',
	operation: 'delete',
	name: 'Delete',
	action: 'Delete a target connection',
	description: 'Delete a target connection',
});

export const description: INodeProperties[] = [locatorFor(operation)];

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	return await deleteOne(this, 'targetConnection', itemIndex);
}
