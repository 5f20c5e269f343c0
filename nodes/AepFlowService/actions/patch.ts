import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import type { PatchOperation } from './entities';

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

/** Reads and checks JSON Patch operations before anything is sent. */
export function readPatchOperations(context: IExecuteFunctions, itemIndex: number): PatchOperation[] {
	const raw = context.getNodeParameter('operationsJson', itemIndex) as unknown;
	let parsed = raw;
	if (typeof raw === 'string') {
		try {
			parsed = JSON.parse(raw);
		} catch (error) {
			throw new NodeOperationError(context.getNode(), `"Operations (JSON)" is not valid JSON: ${(error as Error).message}`, {
				itemIndex,
				description: 'Fix the JSON. Keys and strings need double quotes.',
			});
		}
	}
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
