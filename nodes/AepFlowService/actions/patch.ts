import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { pinnedEtagParameter, showFor } from './common';
import type { PatchOperation } from './entities';
import { jsonParameter } from './json';

/** The "Operations (JSON)" parameter of an update done with JSON Patch. */
export function patchOperationsParameter(displayOptions: INodeProperties['displayOptions'], example = '/name'): INodeProperties {
	return {
		displayName: 'Operations (JSON)',
		name: 'operationsJson',
		type: 'json',
		default: `[\n  { "op": "replace", "path": "${example}", "value": "" }\n]`,
		description: 'JSON Patch operations (add, replace or remove) to apply',
		displayOptions,
	};
}

/** Reads and checks JSON Patch operations before anything is sent; one operation may stand without brackets. */
export function readPatchOperations(context: IExecuteFunctions, itemIndex: number): PatchOperation[] {
	const parsed = jsonParameter(context, 'operationsJson', 'Operations (JSON)', itemIndex, { shape: 'objectOrArray' });
	const operations = (Array.isArray(parsed) ? parsed : [parsed]) as PatchOperation[];
	for (const [position, operation] of operations.entries()) {
		const op = String(operation?.op ?? '').toLowerCase();
		if (!['add', 'replace', 'remove'].includes(op) || typeof operation.path !== 'string' || !operation.path.startsWith('/')) {
			throw new NodeOperationError(context.getNode(), `Operation ${position + 1} in "Operations (JSON)" is not a valid JSON Patch operation`, {
				itemIndex,
				description: 'Each operation needs "op" (add, replace or remove) and a "path" starting with /, e.g. { "op": "replace", "path": "/name", "value": "New name" }.',
			});
		}
	}
	return operations;
}

export interface UpdateFieldsInput {
	name?: string;
	description?: string;
}

/**
 * The parameters every Update operation shares: the entity, "Update With" fields or JSON Patch,
 * the fields (name and description, plus any given), the operations and the pinned etag.
 */
export function updateParameters(
	resource: string,
	locator: INodeProperties,
	{ fieldsHint, patchHint, extraFields = [] }: { fieldsHint: string; patchHint: string; extraFields?: INodeProperties[] },
): INodeProperties[] {
	const show = showFor(resource, 'update');
	const fields: INodeProperties[] = [
		{ displayName: 'Description', name: 'description', type: 'string', default: '' } as INodeProperties,
		{ displayName: 'Name', name: 'name', type: 'string', default: '' } as INodeProperties,
		...extraFields,
	].sort((a, b) => a.displayName.localeCompare(b.displayName));
	return [
		{ ...locator, displayOptions: show },
		{
			displayName: 'Update With',
			name: 'updateType',
			type: 'options',
			options: [
				{ name: 'Fields', value: 'fields', description: fieldsHint },
				{ name: 'JSON Patch', value: 'patch', description: patchHint },
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
			options: fields,
		},
		patchOperationsParameter({ show: { ...show?.show, updateType: ['patch'] } }),
		pinnedEtagParameter(resource, ['update']),
	];
}

/** Replace operations for a new name and description; an empty name is refused. */
export function nameAndDescriptionOperations(context: IExecuteFunctions, fields: UpdateFieldsInput, what: string, itemIndex: number): PatchOperation[] {
	const operations: PatchOperation[] = [];
	if (fields.name !== undefined) {
		if (!fields.name.trim()) {
			throw new NodeOperationError(context.getNode(), '"Name" is empty', { itemIndex, description: `Give the ${what} a name or remove the field.` });
		}
		operations.push({ op: 'replace', path: '/name', value: fields.name.trim() });
	}
	if (fields.description !== undefined) operations.push({ op: 'replace', path: '/description', value: fields.description });
	return operations;
}

/** Fails when the chosen fields add up to no change at all. */
export function requireChanges(context: IExecuteFunctions, operations: PatchOperation[], itemIndex: number): PatchOperation[] {
	if (operations.length === 0) {
		throw new NodeOperationError(context.getNode(), 'Nothing to update', { itemIndex, description: 'Add at least one field under "Update Fields".' });
	}
	return operations;
}
