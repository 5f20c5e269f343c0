import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { aepRequest } from '../../../shared/transport/request';
import { firstItem } from '../../../shared/transport/paging';
import { requiredId, showFor } from '../common';
import { flowLocator } from './locator';

export const description: INodeProperties[] = [{ ...flowLocator, displayOptions: showFor('flow', 'get') }];

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const flowId = requiredId(this, 'flowId', 'Flow', itemIndex);
	const envelope = await aepRequest(this, { method: 'GET', path: `/flows/${encodeURIComponent(flowId)}`, itemIndex });
	return firstItem(envelope);
}
