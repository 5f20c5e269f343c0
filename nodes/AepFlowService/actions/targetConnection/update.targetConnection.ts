import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { updateDescription } from '../../descriptions/endpointConnectionDescriptions';
import { defineOperation } from '../../descriptions/operationDefinitions';
import { updateOne } from '../../sharedOperations/endpointConnectionOperations';

export const operation = defineOperation({
	resource: 'targetConnection',
	operation: 'update',
	name: 'Update',
	action: 'Update a target connection',
	description: 'Change a target connection with JSON Patch',
});

export const description: INodeProperties[] = updateDescription(operation);

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	return await updateOne(this, 'targetConnection', itemIndex);
}
