import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { deleteEntity } from '../../../shared/flowservice/entities';
import { flowLocator } from '../../descriptions/locators';
import { showFor, defineOperation } from '../../descriptions/operationDefinitions';
import { idParameter } from '../../parameters/itemParameters';

export const operation = defineOperation({
	resource: 'flow',
	operation: 'delete',
	name: 'Delete',
	action: 'Delete a flow',
	description: 'Delete a dataflow',
});

export const description: INodeProperties[] = [{ ...flowLocator, displayOptions: showFor(operation) }];

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	return await deleteEntity(this, 'flows', idParameter(this, 'flowId', 'Flow', itemIndex), itemIndex);
}
