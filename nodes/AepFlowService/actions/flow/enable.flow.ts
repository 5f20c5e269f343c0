import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { setFlowState } from '../../../shared/flowservice/flowState';
import { flowLocator } from '../../descriptions/locators';
import { defineOperation, showFor } from '../../descriptions/operationDefinitions';
import { pinnedEtagParameter } from '../../descriptions/updateDescriptions';
import { idParameter, pinnedEtagOf } from '../../parameters/itemParameters';

export const operation = defineOperation({
	resource: 'flow',
	operation: 'enable',
	name: 'Enable',
	action: 'Enable a flow',
	description: 'Let a dataflow run on its schedule',
});

export const description: INodeProperties[] = [{ ...flowLocator, displayOptions: showFor(operation) }, pinnedEtagParameter(operation)];

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	return await setFlowState(this, idParameter(this, 'flowId', 'Flow', itemIndex), 'enable', pinnedEtagOf(this, itemIndex), itemIndex);
}
