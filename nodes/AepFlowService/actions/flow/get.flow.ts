import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { getEntity } from '../../../shared/flowservice/entities';
import { flowLocator } from '../../descriptions/locators';
import { showFor, defineOperation } from '../../descriptions/operationDefinitions';
import { idParameter, simplifyOn } from '../../parameters/itemParameters';
import { simplifyOutputParameter } from '../../descriptions/outputDescriptions';
import { simplifyFlow } from '../../../shared/aep/flows';

export const operation = defineOperation({
	resource: 'flow',
	operation: 'get',
	name: 'Get',
	action: 'Get a flow',
	description: 'Get a dataflow by ID',
});

export const description: INodeProperties[] = [{ ...flowLocator, displayOptions: showFor(operation) }, simplifyOutputParameter(operation)];

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const flow = await getEntity(this, 'flows', idParameter(this, 'flowId', 'Flow', itemIndex), itemIndex);
	return simplifyOn(this, itemIndex) ? simplifyFlow(flow) : flow;
}
