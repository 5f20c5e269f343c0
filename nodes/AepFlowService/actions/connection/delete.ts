import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { deleteEntity } from '../../../shared/flowservice/entities';
import { showFor } from '../../descriptions/displayOptions';
import { connectionLocator } from '../../descriptions/locators';
import { idParameter } from '../../parameters/itemParameters';

export const description: INodeProperties[] = [{ ...connectionLocator, displayOptions: showFor('connection', 'delete') }];

/** Adobe refuses to delete a base connection that flows still use (FLOW-1418); that error is passed on. */
export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	return await deleteEntity(this, 'connections', idParameter(this, 'connectionId', 'Connection', itemIndex), itemIndex);
}
