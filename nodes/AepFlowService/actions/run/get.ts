import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { getEntity } from '../entities';
import { runIdOf, runIdParameter, shapeRun, simplifyParameter } from './runs';

export const description: INodeProperties[] = [runIdParameter(['get']), simplifyParameter(['get'])];

/** One run, unwrapped from Adobe's list envelope. */
export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const run = await getEntity(this, 'runs', runIdOf(this, itemIndex), itemIndex);
	return shapeRun(this, run, itemIndex);
}
