/**
 * Builds Flow Service `property` filters. Each filter is one `property=` parameter; Adobe ANDs
 * repeated parameters and ORs comma-separated values of `==`.
 */
export type FilterOperator = '==' | '>' | '<' | '>=' | '<=';

export interface PropertyFilter {
	path: string;
	operator: FilterOperator;
	values: Array<string | number | boolean>;
}

const PATH_PATTERN = /^[A-Za-z_][\w]*(\[\])?(\.[A-Za-z_][\w]*(\[\])?)*$/;

export function propertyFilter(path: string, operator: FilterOperator, value: string | number | boolean | Array<string | number | boolean>): PropertyFilter {
	const values = (Array.isArray(value) ? value : [value]).filter((v) => String(v).trim() !== '');
	if (!PATH_PATTERN.test(path)) throw new Error(`"${path}" is not a valid property path: use dots for nesting and [] for arrays`);
	if (values.length === 0) throw new Error(`The filter on "${path}" has no value`);
	if (operator !== '==' && values.length > 1) throw new Error(`Operator ${operator} accepts a single value (filter on "${path}")`);
	return { path, operator, values };
}

export function formatFilter(filter: PropertyFilter): string {
	return `${filter.path}${filter.operator}${filter.values.map((v) => String(v).trim()).join(',')}`;
}

/** The `property` query values for a list of filters, ready to be sent as repeated parameters. */
export function propertyParams(filters: PropertyFilter[]): string[] {
	return filters.map(formatFilter);
}

const RAW_FILTER = /^([A-Za-z_][\w.[\]]*?)(==|>=|<=|>|<)(.+)$/;

/** Parses a raw filter a user typed, e.g. `state==enabled` or `createdAt>=1700000000000`. */
export function parseRawFilter(raw: string): PropertyFilter {
	const match = RAW_FILTER.exec(raw.trim());
	if (!match) {
		throw new Error(`"${raw}" is not a property filter: write path, operator (==, >, <, >=, <=) and value, e.g. state==enabled`);
	}
	return propertyFilter(match[1], match[2] as FilterOperator, match[3].split(','));
}

/** Values given as an array or as comma-separated text, trimmed, empty ones dropped. */
export function listValues(value: unknown): string[] {
	const parts = Array.isArray(value) ? value : value === undefined || value === null ? [] : String(value).split(',');
	return parts.map((part) => String(part).trim()).filter((part) => part !== '');
}
