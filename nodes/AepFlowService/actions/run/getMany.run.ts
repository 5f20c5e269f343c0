import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { runPropertyFilters } from '../../../shared/aep/runFilters';
import { hasChosenStatus, serverStatusesFor } from '../../../shared/aep/runs';
import { entityPages, listEntities } from '../../../shared/flowservice/entities';
import { returnAllAndLimit, filtersCollection } from '../../descriptions/listDescriptions';
import { showFor, defineOperation } from '../../descriptions/operationDefinitions';
import { simplifyParameter } from '../../descriptions/runDescriptions';
import { dateTimeMs, idListParameter, maxItemsOf, validated } from '../../parameters/itemParameters';
import { shapeRun } from '../../parameters/runParameters';

export const operation = defineOperation({
	resource: 'run',
	operation: 'getMany',
	name: 'Get Many',
	action: 'Get many runs',
	description: 'List dataflow runs, filtered by flow, status and start time',
});

export const description: INodeProperties[] = [
	...returnAllAndLimit(operation),
	filtersCollection(operation, {
		options: [
			{
				displayName: 'Flow IDs',
				name: 'flowIds',
				type: 'string',
				default: '',
				placeholder: 'e.g. 2edc08ac-4df5-4fe6-936f-81a19ce92f5c, cf4fce79-8822-456d-8fce-798822556dc6',
				description: 'Only runs of these dataflows (IDs separated by commas)',
			},
			{
				displayName: 'Started After',
				name: 'startedAfter',
				type: 'dateTime',
				default: '',
				description: 'Only runs that started after this time',
			},
			{
				displayName: 'Started Before',
				name: 'startedBefore',
				type: 'dateTime',
				default: '',
				description: 'Only runs that started before this time',
			},
			{
				displayName: 'Statuses',
				name: 'statuses',
				type: 'multiOptions',
				default: [],
				description: 'Only runs with one of these statuses',
				options: [
					{ name: 'Failed', value: 'failed' },
					{ name: 'In Progress', value: 'inProgress' },
					{ name: 'Partial Success', value: 'partialSuccess' },
					{ name: 'Scheduled', value: 'scheduled' },
					{ name: 'Success', value: 'success' },
				],
			},
		],
	}),
	// Where the sort was before it moved into Options: kept (hidden) so saved workflows keep their order.
	{ displayName: 'Order', name: 'order', type: 'hidden', default: 'newestFirst', displayOptions: showFor(operation) },
	{
		displayName: 'Options',
		name: 'runListOptions',
		type: 'collection',
		placeholder: 'Add option',
		default: {},
		displayOptions: showFor(operation),
		options: [
			{
				displayName: 'Sort',
				name: 'sort',
				type: 'options',
				default: 'newestFirst',
				description: 'The order of the runs, by the time they were created',
				options: [
					{ name: 'Newest First', value: 'newestFirst' },
					{ name: 'Oldest First', value: 'oldestFirst' },
				],
			},
		],
	},
	simplifyParameter(operation),
];

interface RunFilters {
	flowIds?: string | string[];
	startedAfter?: string;
	startedBefore?: string;
	statuses?: string[];
}

const ORDER_BY: Record<string, string> = { newestFirst: '-createdAt', oldestFirst: 'createdAt' };

/** The filters as Flow Service `property` parameters, checked before any call. */
function runFilters(context: IExecuteFunctions, filters: RunFilters, itemIndex: number): string[] {
	const flowIds = idListParameter(context, 'filters.flowIds', 'Flow IDs', itemIndex, { optional: true });
	const after = dateTimeMs(context, filters.startedAfter, 'Started After', itemIndex);
	const before = dateTimeMs(context, filters.startedBefore, 'Started Before', itemIndex);
	if (after !== undefined && before !== undefined && after >= before) {
		throw new NodeOperationError(context.getNode(), '"Started After" must be before "Started Before"', {
			itemIndex,
			description: 'No run can match: widen the time range.',
		});
	}
	return validated(context, itemIndex, () =>
		runPropertyFilters([
			{ flowIds },
			// Partial success is often reported as success: asked for as both, decided on failed records below.
			{ statuses: filters.statuses?.length ? serverStatusesFor(filters.statuses) : undefined },
			...(after !== undefined ? [{ startedAfter: after }] : []),
			...(before !== undefined ? [{ startedBefore: before }] : []),
		]),
	);
}

/** The sort: from Options, or from the top-level "Order" that workflows saved before it moved there. */
function sortOf(context: IExecuteFunctions, itemIndex: number): string {
	const options = context.getNodeParameter('runListOptions', itemIndex, {}) as { sort?: string };
	return options.sort ?? (context.getNodeParameter('order', itemIndex, 'newestFirst') as string);
}

/**
 * Lists runs with the filters applied by Flow Service itself, newest or oldest first. With Partial
 * Success chosen, the runs Adobe reports as success are read too and kept on their failed records,
 * page by page until Limit is reached.
 */
export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject[]> {
	const given = this.getNodeParameter('filters', itemIndex, {}) as RunFilters;
	const chosen = given.statuses ?? [];
	const filters = runFilters(this, given, itemIndex);
	const orderby = ORDER_BY[sortOf(this, itemIndex)] ?? ORDER_BY.newestFirst;
	const maxItems = maxItemsOf(this, itemIndex);
	if (!chosen.length) return (await listEntities(this, 'runs', { filters, orderby }, maxItems, itemIndex)).map((run) => shapeRun(this, run, itemIndex));
	const runs: IDataObject[] = [];
	const query = { property: filters, orderby };
	for await (const page of entityPages(this, 'runs', query, { maxItems: undefined, listName: 'the runs list' })) {
		runs.push(...page.filter((run) => hasChosenStatus(run, chosen)));
		if (maxItems !== undefined && runs.length >= maxItems) break;
	}
	return runs.slice(0, maxItems).map((run) => shapeRun(this, run, itemIndex));
}
