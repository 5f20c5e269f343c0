import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { aepRequest } from '../../../shared/transport/request';
import { connectionLocator } from '../../descriptions/locators';
import { showFor, defineOperation } from '../../descriptions/operationDefinitions';
import { idParameter } from '../../parameters/itemParameters';

export const operation = defineOperation({
	resource: 'connection',
	operation: 'test',
	name: 'Test',
	action: 'Test a connection',
	description: 'Check that a base connection can reach its system with its credentials',
});

export const description: INodeProperties[] = [{ ...connectionLocator, displayOptions: showFor(operation) }];

/** Asks Flow Service to try the connection's credentials; a failed test is a result (`result: false`), not an error. */
export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const id = idParameter(this, 'connectionId', 'Connection', itemIndex);
	const outcome = await aepRequest<IDataObject>(this, { method: 'GET', path: `/connections/${encodeURIComponent(id)}/test`, itemIndex });
	return { id, ...outcome };
}
