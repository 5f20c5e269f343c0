import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { idParameter, showFor } from '../common';
import { getEntity } from '../entities';
import { flowSpecLocator } from '../locators';

export const description: INodeProperties[] = [{ ...flowSpecLocator, displayOptions: showFor('flowSpec', 'get') }];

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	return await getEntity(this, 'flowSpecs', idParameter(this, 'flowSpec', 'Flow Spec', itemIndex), itemIndex);
}
