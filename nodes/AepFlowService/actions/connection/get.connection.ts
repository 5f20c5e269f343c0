import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { getEntity } from '../../../shared/flowservice/entities';
import { connectionLocator } from '../../descriptions/locators';
import { showFor, defineOperation } from '../../descriptions/operationDefinitions';
import { idParameter, simplifyOn } from '../../parameters/itemParameters';
import { simplifyOutputParameter } from '../../descriptions/outputDescriptions';
import { simplifyConnection } from '../../../shared/aep/flows';

export const operation = defineOperation({
	resource: 'connection',
	operation: 'get',
	name: 'Get',
	action: 'Get a connection',
	description: 'Get a base connection by ID',
});

export const description: INodeProperties[] = [{ ...connectionLocator, displayOptions: showFor(operation) }, simplifyOutputParameter(operation)];

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const connection = await getEntity(this, 'connections', idParameter(this, 'connectionId', 'Connection', itemIndex), itemIndex);
	return simplifyOn(this, itemIndex) ? simplifyConnection(connection) : connection;
}
