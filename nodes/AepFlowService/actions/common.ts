import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { toEpochMs } from '../../shared/aep/schedule';
import { listValues } from '../../shared/transport/filters';

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

/** Whether a value looks like an Adobe ID (a UUID or a similar token), checked before any call. */
export const isAdobeId = (value: string): boolean => UUID_LIKE.test(value);

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
	if (!isAdobeId(id)) {
		throw new NodeOperationError(context.getNode(), `The ${label} "${id}" is not a valid ID`, {
			itemIndex,
			description: `An Adobe ID looks like 2edc08ac-4df5-4fe6-936f-81a19ce92f5c. Check "${label}".`,
		});
	}
	return id;
}

/** The optional etag a user may pin on an update; empty means "read the current one first". */
export function pinnedEtagParameter(resource: string, operations: string[]): INodeProperties {
	return {
		displayName: 'Etag',
		name: 'etag',
		type: 'string',
		default: '',
		placeholder: 'e.g. "0c003dbf-0000-0200-0000-5f36e92d0000"',
		description:
			'Only apply the change if the entity still has this etag (optimistic locking). Leave empty to use the current etag.',
		displayOptions: showFor(resource, operations),
	};
}

/** Splits a comma-separated or array parameter into trimmed, non-empty strings. */
export function listParameter(context: IExecuteFunctions, name: string, itemIndex: number): string[] {
	return listValues(context.getNodeParameter(name, itemIndex, ''));
}

/** Runs a pure validation and reports its message as a node error on this item. */
export function validated<T>(context: IExecuteFunctions, itemIndex: number, build: () => T): T {
	try {
		return build();
	} catch (error) {
		// A `hint` on the error (see bodies.ts) says how to fix the input.
		throw new NodeOperationError(context.getNode(), (error as Error).message, { itemIndex, description: (error as { hint?: string }).hint });
	}
}

/** A date-time parameter value as epoch milliseconds; a bad value is reported naming the field. */
export function dateTimeMs(context: IExecuteFunctions, value: unknown, label: string, itemIndex: number): number | undefined {
	try {
		return toEpochMs(value, label);
	} catch (error) {
		throw new NodeOperationError(context.getNode(), (error as Error).message, {
			itemIndex,
			description: `Set "${label}" to a date and time such as 2026-01-05T08:00:00Z.`,
		});
	}
}

/** Reads a required text parameter, failing before any call when it is empty. The value is never echoed: some are secrets. */
export function requiredText(context: IExecuteFunctions, name: string, label: string, itemIndex: number): string {
	const value = String(context.getNodeParameter(name, itemIndex, '') ?? '').trim();
	if (value === '') throw new NodeOperationError(context.getNode(), `"${label}" is empty`, { itemIndex, description: `Set "${label}".` });
	return value;
}
