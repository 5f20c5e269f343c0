import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { getEntity } from '../../../shared/flowservice/entities';
import { connectionLocator } from '../../descriptions/locators';
import { showFor, defineOperation } from '../../descriptions/operationDefinitions';
import { idParameter } from '../../parameters/itemParameters';

export const operation = defineOperation({
	resource: 'connection',
	operation: 'get',
	name: 'Get',
	action: 'Get a connection',
	description: 'Get a base connection by ID',
});

export const description: INodeProperties[] = [{ ...connectionLocator, displayOptions: showFor(operation) }];

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	return await getEntity(this, 'connections', idParameter(this, 'connectionId', 'Connection', itemIndex), itemIndex);
}
