import type { INodeProperties } from 'n8n-workflow';

/** Shows a parameter only for the given resource and operation. */
export function showFor(resource: string, operation: string | string[]): INodeProperties['displayOptions'] {
	return { show: { resource: [resource], operation: Array.isArray(operation) ? operation : [operation] } };
}
