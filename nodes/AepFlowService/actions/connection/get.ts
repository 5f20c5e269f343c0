import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { idParameter, showFor } from '../common';
import { getEntity } from '../entities';
import { connectionLocator } from '../locators';

export const description: INodeProperties[] = [{ ...connectionLocator, displayOptions: showFor('connection', 'get') }];

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	return await getEntity(this, 'connections', idParameter(this, 'connectionId', 'Connection', itemIndex), itemIndex);
}
