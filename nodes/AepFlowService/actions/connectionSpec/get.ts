import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { getEntity } from '../../../shared/flowservice/entities';
import { showFor } from '../../descriptions/displayOptions';
import { connectionSpecLocator } from '../../descriptions/locators';
import { idParameter } from '../../parameters/itemParameters';

export const description: INodeProperties[] = [{ ...connectionSpecLocator, displayOptions: showFor('connectionSpec', 'get') }];

/** The spec itself, unwrapped from the `items` envelope (aepp returns the envelope here, unlike every other get). */
export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	return await getEntity(this, 'connectionSpecs', idParameter(this, 'connectionSpec', 'Connection Spec', itemIndex), itemIndex);
}
