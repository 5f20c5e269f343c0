import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { getEntity } from '../../../shared/flowservice/entities';
import { showFor } from '../../descriptions/displayOptions';
import { connectionLocator } from '../../descriptions/locators';
import { idParameter } from '../../parameters/itemParameters';

export const description: INodeProperties[] = [{ ...connectionLocator, displayOptions: showFor('connection', 'get') }];

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	return await getEntity(this, 'connections', idParameter(this, 'connectionId', 'Connection', itemIndex), itemIndex);
}
