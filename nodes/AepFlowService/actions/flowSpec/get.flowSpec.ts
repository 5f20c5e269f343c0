import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { getEntity } from '../../../shared/flowservice/entities';
import { flowSpecLocator } from '../../descriptions/locators';
import { showFor, defineOperation } from '../../descriptions/operationDefinitions';
import { idParameter } from '../../parameters/itemParameters';

export const operation = defineOperation({
	resource: 'flowSpec',
	operation: 'get',
	name: 'Get',
	action: 'Get a flow spec',
	description: 'Get a flow spec by ID',
});

export const description: INodeProperties[] = [{ ...flowSpecLocator, displayOptions: showFor(operation) }];

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	return await getEntity(this, 'flowSpecs', idParameter(this, 'flowSpec', 'Flow Spec', itemIndex), itemIndex);
}
