import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { getEntity } from '../../../shared/flowservice/entities';
import { defineOperation } from '../../descriptions/operationDefinitions';
import { runIdParameter, simplifyParameter } from '../../descriptions/runDescriptions';
import { runIdOf, shapeRun } from '../../parameters/runParameters';

export const operation = defineOperation({
	resource: 'run',
	operation: 'get',
	name: 'Get',
	action: 'Get a run',
	description: 'Get a dataflow run by ID',
});

export const description: INodeProperties[] = [runIdParameter(operation), simplifyParameter(operation)];

/** One run, unwrapped from Adobe's list envelope. */
export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const run = await getEntity(this, 'runs', runIdOf(this, itemIndex), itemIndex);
	return shapeRun(this, run, itemIndex);
}
