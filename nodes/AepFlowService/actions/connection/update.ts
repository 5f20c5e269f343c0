import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { pinnedEtagParameter, requiredId, showFor } from '../common';
import { patchEntity, type PatchOperation } from '../entities';
import { connectionLocator } from '../locators';
import { patchOperationsParameter, readPatchOperations } from '../patch';

const show = showFor('connection', 'update');

export const description: INodeProperties[] = [
	{ ...connectionLocator, displayOptions: show },
	{
		displayName: 'Update With',
		name: 'updateType',
		type: 'options',
		options: [
			{ name: 'Fields', value: 'fields', description: 'Name or description' },
			{ name: 'JSON Patch', value: 'patch', description: 'Your own JSON Patch operations, e.g. new auth params' },
		],
		default: 'fields',
		displayOptions: show,
	},
	{
		displayName: 'Update Fields',
		name: 'updateFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		displayOptions: { show: { ...show?.show, updateType: ['fields'] } },
		options: [
			{ displayName: 'Description', name: 'description', type: 'string', default: '' },
			{ displayName: 'Name', name: 'name', type: 'string', default: '' },
		],
	},
	patchOperationsParameter({ show: { ...show?.show, updateType: ['patch'] } }),
	pinnedEtagParameter('connection', ['update']),
];

function fieldOperations(context: IExecuteFunctions, itemIndex: number): PatchOperation[] {
	const fields = context.getNodeParameter('updateFields', itemIndex, {}) as { name?: string; description?: string };
	const operations: PatchOperation[] = [];
	if (fields.name !== undefined) {
		if (!fields.name.trim()) {
			throw new NodeOperationError(context.getNode(), '"Name" is empty', { itemIndex, description: 'Give the connection a name or remove the field.' });
		}
		operations.push({ op: 'replace', path: '/name', value: fields.name.trim() });
	}
	if (fields.description !== undefined) operations.push({ op: 'replace', path: '/description', value: fields.description });
	if (operations.length === 0) {
		throw new NodeOperationError(context.getNode(), 'Nothing to update', { itemIndex, description: 'Add at least one field under "Update Fields".' });
	}
	return operations;
}

/** Patches the connection with its current etag (or the pinned one) and returns it as stored afterwards. */
export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const id = requiredId(this, 'connectionId', 'Connection', itemIndex);
	const operations = this.getNodeParameter('updateType', itemIndex, 'fields') === 'patch' ? readPatchOperations(this, itemIndex) : fieldOperations(this, itemIndex);
	return await patchEntity(this, 'connections', id, operations, this.getNodeParameter('etag', itemIndex, '') as string, itemIndex);
}
