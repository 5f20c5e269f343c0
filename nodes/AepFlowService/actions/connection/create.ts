import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { showFor } from '../common';
import { createAndGet } from '../entities';
import { jsonParameter, requireKeys } from '../json';

export const description: INodeProperties[] = [
	{
		displayName: 'Connection (JSON)',
		name: 'connectionJson',
		type: 'json',
		required: true,
		default: '{\n  "name": "",\n  "connectionSpec": { "id": "", "version": "1.0" },\n  "auth": { "specName": "", "params": {} }\n}',
		description: 'The base connection to create, as Flow Service expects it',
		displayOptions: showFor('connection', 'create'),
	},
];

/** Creates a base connection, then returns it as stored (with its id and etag). */
export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const body = jsonParameter(this, 'connectionJson', 'Connection (JSON)', itemIndex);
	requireKeys(this, body, ['name', 'connectionSpec.id'], 'Connection (JSON)', itemIndex);
	return await createAndGet(this, 'connections', body, itemIndex);
}
