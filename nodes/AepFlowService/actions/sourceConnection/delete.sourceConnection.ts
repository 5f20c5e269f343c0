import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { locatorFor } from '../../descriptions/endpointConnectionDescriptions';
import { defineOperation } from '../../descriptions/operationDefinitions';
import { deleteOne } from '../../sharedOperations/endpointConnectionOperations';

export const operation = defineOperation({
	resource: 'sourceConnection',
	operation: 'delete',
	name: 'Delete',
	action: 'Delete a source connection',
	description: 'Delete a source connection',
});

export const description: INodeProperties[] = [locatorFor(operation)];

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	return await deleteOne(this, 'sourceConnection', itemIndex);
}
