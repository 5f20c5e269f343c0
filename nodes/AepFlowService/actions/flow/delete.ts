import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { idParameter, showFor } from '../common';
import { deleteEntity } from '../entities';
import { flowLocator } from '../locators';

export const description: INodeProperties[] = [{ ...flowLocator, displayOptions: showFor('flow', 'delete') }];

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	return await deleteEntity(this, 'flows', idParameter(this, 'flowId', 'Flow', itemIndex), itemIndex);
}
