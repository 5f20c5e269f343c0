import { formatFilter, propertyFilter } from '../transport/filters';

/** The run fields the trigger's cursor can follow. */
export type RunTimeField = 'createdAt' | 'updatedAt';

/** One condition of a runs query; conditions are ANDed by Flow Service. */
export type RunFilterClause =
	| { since: { field: RunTimeField; from: number } }
	| { statuses: readonly string[] | undefined }
	| { flowIds: readonly string[] }
	| { startedAfter: number }
	| { startedBefore: number };

/**
 * The `property` filters of a runs query, in the order the clauses are given: how every runs query
 * of the package (Run → Get Many and the trigger) spells a run filter. Empty lists add nothing.
 */
export function runPropertyFilters(clauses: RunFilterClause[]): string[] {
	const filters: string[] = [];
	for (const clause of clauses) {
		if ('since' in clause) filters.push(formatFilter(propertyFilter(clause.since.field, '>=', clause.since.from)));
		else if ('statuses' in clause) {
			if (clause.statuses?.length) filters.push(formatFilter(propertyFilter('metrics.statusSummary.status', '==', [...clause.statuses])));
		} else if ('flowIds' in clause) {
			if (clause.flowIds.length) filters.push(formatFilter(propertyFilter('flowId', '==', [...clause.flowIds])));
		} else if ('startedAfter' in clause) filters.push(formatFilter(propertyFilter('metrics.durationSummary.startedAtUTC', '>', clause.startedAfter)));
		else filters.push(formatFilter(propertyFilter('metrics.durationSummary.startedAtUTC', '<', clause.startedBefore)));
	}
	return filters;
}
