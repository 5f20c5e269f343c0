import type { INodeProperties } from 'n8n-workflow';

import { formatFilter, parseRawFilter } from '../../shared/transport/filters';

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

/** Checks and normalises the raw filters a user typed; throws (with the bad filter in the message) before any call. */
export function rawPropertyFilters(value: unknown): string[] {
	const entries = Array.isArray(value) ? value : value ? [value] : [];
	return entries
		.map((entry) => String(entry).trim())
		.filter((entry) => entry !== '')
		.map((entry) => formatFilter(parseRawFilter(entry)));
}
