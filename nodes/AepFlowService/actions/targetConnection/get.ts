import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { getOne, locatorFor } from '../endpointConnections';

export const description: INodeProperties[] = [locatorFor('targetConnection', 'get')];

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	return await getOne(this, 'targetConnection', itemIndex);
}
