import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { deleteEntity } from '../../../shared/flowservice/entities';
import { connectionLocator } from '../../descriptions/locators';
import { showFor, defineOperation } from '../../descriptions/operationDefinitions';
import { idParameter } from '../../parameters/itemParameters';

export const operation = defineOperation({
	resource: 'connection',
	operation: 'delete',
	name: 'Delete',
	action: 'Delete a connection',
	description: 'Delete a base connection that no flow uses',
});

export const description: INodeProperties[] = [{ ...connectionLocator, displayOptions: showFor(operation) }];

/** Adobe refuses to delete a base connection that flows still use (FLOW-1418); that error is passed on. */
export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	return await deleteEntity(this, 'connections', idParameter(this, 'connectionId', 'Connection', itemIndex), itemIndex);
}
