import type { INodeProperties } from 'n8n-workflow';

import { showFor, type OperationKey } from './operationDefinitions';

export function returnAllAndLimit(operation: OperationKey): INodeProperties[] {
	return [
		{
			displayName: 'Return All',
			name: 'returnAll',
			type: 'boolean',
			default: false,
			description: 'Whether to return all results or only up to a given limit',
			displayOptions: showFor(operation),
		},
		{
			displayName: 'Limit',
			name: 'limit',
			type: 'number',
			typeOptions: { minValue: 1 },
			default: 50,
			description: 'Max number of results to return',
			displayOptions: showFor(operation, { returnAll: [false] }),
		},
	];
}

/** A "Property Filters" option for a Get Many filters collection: raw Flow Service filters, all of which must match. */
export function propertyFiltersOption(example: string): INodeProperties {
	return {
		displayName: 'Property Filters',
		name: 'property',
		type: 'string',
		typeOptions: { multipleValues: true },
		default: [],
		placeholder: `e.g. ${example}`,
		description: 'Raw Flow Service filters: a path, an operator (==, &gt;, &lt;, &gt;= or &lt;=) and a value. All must match.',
	};
}

/** The "Filters" collection of a Get Many: filters Flow Service applies before paging. */
export function filtersCollection(operation: OperationKey, { description, options }: { description?: string; options: INodeProperties['options'] }): INodeProperties {
	return {
		displayName: 'Filters',
		name: 'filters',
		type: 'collection',
		placeholder: 'Add Filter',
		default: {},
		displayOptions: showFor(operation),
		...(description !== undefined ? { description } : {}),
		options,
	};
}
