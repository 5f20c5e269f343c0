import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { getEntity } from '../../../shared/flowservice/entities';
import { showFor } from '../../descriptions/displayOptions';
import { flowSpecLocator } from '../../descriptions/locators';
import { idParameter } from '../../parameters/itemParameters';

export const description: INodeProperties[] = [{ ...flowSpecLocator, displayOptions: showFor('flowSpec', 'get') }];

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	return await getEntity(this, 'flowSpecs', idParameter(this, 'flowSpec', 'Flow Spec', itemIndex), itemIndex);
}
