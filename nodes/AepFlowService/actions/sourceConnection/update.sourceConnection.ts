import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { updateDescription } from '../../descriptions/endpointConnectionDescriptions';
import { defineOperation } from '../../descriptions/operationDefinitions';
import { updateOne } from '../../sharedOperations/endpointConnectionOperations';

export const operation = defineOperation({
	resource: 'sourceConnection',
	operation: 'update',
	name: 'Update',
	action: 'Update a source connection',
	description: 'Change a source connection with JSON Patch',
});

export const description: INodeProperties[] = updateDescription(operation);

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	return await updateOne(this, 'sourceConnection', itemIndex);
}
