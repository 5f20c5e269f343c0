import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

/** Shows a parameter only for the given resource and operation. */
export function showFor(resource: string, operation: string | string[]): INodeProperties['displayOptions'] {
	return { show: { resource: [resource], operation: Array.isArray(operation) ? operation : [operation] } };
}

export function returnAllAndLimit(resource: string, operation: string): INodeProperties[] {
	return [
		{
			displayName: 'Return All',
			name: 'returnAll',
			type: 'boolean',
			default: false,
			description: 'Whether to return all results or only up to a given limit',
			displayOptions: showFor(resource, operation),
		},
		{
			displayName: 'Limit',
			name: 'limit',
			type: 'number',
			typeOptions: { minValue: 1 },
			default: 50,
			description: 'Max number of results to return',
			displayOptions: { show: { ...showFor(resource, operation)?.show, returnAll: [false] } },
		},
	];
}

/** Max items a Get Many call should return: undefined when Return All is on. */
export function maxItemsOf(context: IExecuteFunctions, itemIndex: number): number | undefined {
	if (context.getNodeParameter('returnAll', itemIndex, false) as boolean) return undefined;
	return context.getNodeParameter('limit', itemIndex, 50) as number;
}

const UUID_LIKE = /^[A-Za-z0-9][A-Za-z0-9-]{7,}$/;

/** Reads a resource locator (or plain string) parameter holding an Adobe ID, and checks it before any call. */
export function requiredId(context: IExecuteFunctions, name: string, label: string, itemIndex: number): string {
	const value = context.getNodeParameter(name, itemIndex, '', { extractValue: true }) as string | IDataObject;
	const id = String(typeof value === 'object' && value !== null ? (value.value ?? '') : value).trim();
	if (id === '') {
		throw new NodeOperationError(context.getNode(), `The ${label} is empty`, {
			itemIndex,
			description: `Set "${label}": pick one from the list or paste its ID.`,
		});
	}
	if (!UUID_LIKE.test(id)) {
		throw new NodeOperationError(context.getNode(), `The ${label} "${id}" is not a valid ID`, {
			itemIndex,
			description: `An Adobe ID looks like 2edc08ac-4df5-4fe6-936f-81a19ce92f5c. Check "${label}".`,
		});
	}
	return id;
}
