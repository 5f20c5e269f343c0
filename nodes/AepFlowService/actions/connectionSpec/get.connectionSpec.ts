import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { getEntity } from '../../../shared/flowservice/entities';
import { connectionSpecLocator } from '../../descriptions/locators';
import { showFor, defineOperation } from '../../descriptions/operationDefinitions';
import { idParameter } from '../../parameters/itemParameters';

export const operation = defineOperation({
	resource: 'connectionSpec',
	operation: 'get',
	name: 'Get',
	action: 'Get a connection spec',
	description: 'Get a connection spec by ID',
});

export const description: INodeProperties[] = [{ ...connectionSpecLocator, displayOptions: showFor(operation) }];

/** The spec itself, unwrapped from the `items` envelope (aepp returns the envelope here, unlike every other get). */
export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	return await getEntity(this, 'connectionSpecs', idParameter(this, 'connectionSpec', 'Connection Spec', itemIndex), itemIndex);
}
