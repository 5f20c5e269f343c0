import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { deleteEntity } from '../../../shared/flowservice/entities';
import { showFor } from '../../descriptions/displayOptions';
import { flowLocator } from '../../descriptions/locators';
import { idParameter } from '../../parameters/itemParameters';

export const description: INodeProperties[] = [{ ...flowLocator, displayOptions: showFor('flow', 'delete') }];

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	return await deleteEntity(this, 'flows', idParameter(this, 'flowId', 'Flow', itemIndex), itemIndex);
}
