import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { aepListAll } from '../../../shared/transport/paging';
import { maxItemsOf, returnAllAndLimit } from '../common';

export const description: INodeProperties[] = [...returnAllAndLimit('flow', 'getMany')];

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject[]> {
	return await aepListAll(this, { method: 'GET', path: '/flows', itemIndex }, maxItemsOf(this, itemIndex));
}
