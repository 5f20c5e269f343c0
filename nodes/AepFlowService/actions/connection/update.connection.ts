import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { patchEntity } from '../../../shared/flowservice/entities';
import { connectionLocator } from '../../descriptions/locators';
import { defineOperation } from '../../descriptions/operationDefinitions';
import { updateParameters } from '../../descriptions/updateDescriptions';
import { idParameter, pinnedEtagOf } from '../../parameters/itemParameters';
import { nameAndDescriptionOperations, readPatchOperations, requireChanges, type UpdateFieldsInput } from '../../parameters/patchParameters';

export const operation = defineOperation({
	resource: 'connection',
	operation: 'update',
	name: 'Update',
	action: 'Update a connection',
	description: 'Change a base connection with JSON Patch',
});

export const description: INodeProperties[] = updateParameters(operation, connectionLocator, {
	fieldsHint: 'Name or description',
	patchHint: 'Your own JSON Patch operations, e.g. new auth params',
});

/** Patches the connection with its current etag (or the pinned one) and returns it as stored afterwards. */
export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const id = idParameter(this, 'connectionId', 'Connection', itemIndex);
	const pinnedEtag = pinnedEtagOf(this, itemIndex);
	const operations =
		this.getNodeParameter('updateType', itemIndex, 'fields') === 'patch'
			? readPatchOperations(this, itemIndex)
			: requireChanges(this, nameAndDescriptionOperations(this, this.getNodeParameter('updateFields', itemIndex, {}) as UpdateFieldsInput, 'connection', itemIndex), itemIndex);
	return await patchEntity(this, 'connections', id, operations, pinnedEtag, itemIndex);
}
