import type { IExecuteFunctions } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import type { PatchOperation } from '../../shared/flowservice/entities';
import { jsonParameter } from './jsonParameters';

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
