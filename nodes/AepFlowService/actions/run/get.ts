import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { getEntity } from '../../../shared/flowservice/entities';
import { runIdParameter, simplifyParameter } from '../../descriptions/runDescriptions';
import { runIdOf, shapeRun } from '../../parameters/runParameters';

export const description: INodeProperties[] = [runIdParameter(['get']), simplifyParameter(['get'])];

/** One run, unwrapped from Adobe's list envelope. */
export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const run = await getEntity(this, 'runs', runIdOf(this, itemIndex), itemIndex);
	return shapeRun(this, run, itemIndex);
}
