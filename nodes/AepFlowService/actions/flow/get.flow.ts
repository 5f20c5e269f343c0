import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { getEntity } from '../../../shared/flowservice/entities';
import { flowLocator } from '../../descriptions/locators';
import { showFor, defineOperation } from '../../descriptions/operationDefinitions';
import { idParameter } from '../../parameters/itemParameters';

export const operation = defineOperation({
	resource: 'flow',
	operation: 'get',
	name: 'Get',
	action: 'Get a flow',
	description: 'Get a dataflow by ID',
});

export const description: INodeProperties[] = [{ ...flowLocator, displayOptions: showFor(operation) }];

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	return await getEntity(this, 'flows', idParameter(this, 'flowId', 'Flow', itemIndex), itemIndex);
}
