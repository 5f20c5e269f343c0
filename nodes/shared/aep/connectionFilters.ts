import { rawPropertyFilters } from '../../AepFlowService/parameters/filterParameters';
import { formatFilter, propertyFilter } from '../transport/filters';

export interface EndpointFilters {
	baseConnectionId?: string;
	connectionSpecId?: string;
	property?: string[] | string;
}

/** Turns the UI filters into Flow Service `property` filters; a bad raw filter fails before any call. */
export function endpointFilters(filters: EndpointFilters): string[] {
	const result: string[] = [];
	for (const [path, value] of [
		['baseConnectionId', filters.baseConnectionId],
		['connectionSpec.id', filters.connectionSpecId],
	] as const) {
		if (value?.trim()) result.push(formatFilter(propertyFilter(path, '==', value.trim())));
	}
	return [...result, ...rawPropertyFilters(filters.property)];
}
