import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { FLOW_KIND_FILTERS, simplifyFlow } from '../../../shared/aep/flows';
import { CONNECTION_SPECS } from '../../../shared/aep/ids';
import { listEntities } from '../../../shared/flowservice/entities';
import { formatFilter, listValues, propertyFilter } from '../../../shared/transport/filters';
import { returnAllAndLimit, propertyFiltersOption, filtersCollection } from '../../descriptions/listDescriptions';
import { defineOperation } from '../../descriptions/operationDefinitions';
import { simplifyOutputParameter } from '../../descriptions/outputDescriptions';
import { rawPropertyFilters } from '../../parameters/filterParameters';
import { idListParameter, idParameter, maxItemsOf, simplifyOn, validated } from '../../parameters/itemParameters';

export const operation = defineOperation({
	resource: 'flow',
	operation: 'getMany',
	name: 'Get Many',
	action: 'Get many flows',
	description: 'List dataflows, filtered by Flow Service',
});

export const description: INodeProperties[] = [
	...returnAllAndLimit(operation),
	filtersCollection(operation, {
		description: 'Filters applied by Flow Service before paging, so only matching flows are read',
		options: [
			{
				displayName: 'Flow Spec Name or ID',
				name: 'flowSpecId',
				type: 'options',
				typeOptions: { loadOptionsMethod: 'getFlowSpecs' },
				default: '',
				description: 'Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>',
			},
			{
				displayName: 'Flow Type',
				name: 'flowKind',
				type: 'options',
				options: [
					{ name: 'All Flows', value: 'all' },
					{ name: 'Sources Only', value: 'source' },
					{ name: 'Destinations Only', value: 'destination' },
				],
				default: 'all',
			},
			{
				displayName: 'Mapping ID',
				name: 'mappingId',
				type: 'string',
				default: '',
				description: 'Only flows whose Mapping transformation uses this mapping set',
			},
			{
				displayName: 'Profile Store Flows Only',
				name: 'profileStoreOnly',
				type: 'boolean',
				default: false,
				description: 'Whether to return only flows that write into the Real-Time Customer Profile store',
			},
			propertyFiltersOption('lastRunDetails.state==failed'),
			{
				displayName: 'Source Connection IDs',
				name: 'sourceConnectionIds',
				type: 'string',
				default: '',
				description: 'Comma-separated; flows using any of them',
			},
			{
				displayName: 'State',
				name: 'state',
				type: 'options',
				options: [
					{ name: 'Enabled', value: 'enabled' },
					{ name: 'Disabled', value: 'disabled' },
				],
				default: 'enabled',
			},
			{
				displayName: 'Target Connection IDs',
				name: 'targetConnectionIds',
				type: 'string',
				default: '',
				description: 'Comma-separated; flows using any of them',
			},
			{
				displayName: 'Target Connection Spec Name or ID',
				name: 'targetConnectionSpecId',
				type: 'options',
				typeOptions: { loadOptionsMethod: 'getConnectionSpecs' },
				default: '',
				description:
					'Only flows writing to this kind of target, e.g. the Identity store. Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.',
			},
		],
	}),
	simplifyOutputParameter(operation),
];

interface FlowFilters {
	flowSpecId?: string;
	flowKind?: 'all' | 'source' | 'destination';
	mappingId?: string;
	profileStoreOnly?: boolean;
	property?: string[] | string;
	sourceConnectionIds?: string | string[];
	state?: string;
	targetConnectionIds?: string | string[];
	targetConnectionSpecId?: string;
}

/** Turns the UI filters into Flow Service `property` filters (pure apart from reading them). */
export function flowFilters(filters: FlowFilters): string[] {
	const result: string[] = [];
	const add = (path: string, value: string | string[] | undefined) => {
		if (value !== undefined && value !== '' && !(Array.isArray(value) && value.length === 0)) result.push(formatFilter(propertyFilter(path, '==', value)));
	};
	add('state', filters.state);
	add('flowSpec.id', filters.flowSpecId);
	if (filters.flowKind === 'source' || filters.flowKind === 'destination') result.push(FLOW_KIND_FILTERS[filters.flowKind]);
	add('sourceConnectionIds[]', listValues(filters.sourceConnectionIds));
	add('targetConnectionIds[]', listValues(filters.targetConnectionIds));
	add('transformations[].params.mappingId', filters.mappingId?.trim());
	add('inheritedAttributes.targetConnections[].connectionSpec.id', filters.profileStoreOnly ? CONNECTION_SPECS.profileStore : filters.targetConnectionSpecId);
	return [...result, ...rawPropertyFilters(filters.property)];
}

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject[]> {
	const given = this.getNodeParameter('filters', itemIndex, {}) as FlowFilters;
	const optional = { optional: true };
	const ids: FlowFilters = {
		flowSpecId: idParameter(this, 'filters.flowSpecId', 'Flow Spec Name or ID', itemIndex, optional),
		sourceConnectionIds: idListParameter(this, 'filters.sourceConnectionIds', 'Source Connection IDs', itemIndex, optional),
		targetConnectionIds: idListParameter(this, 'filters.targetConnectionIds', 'Target Connection IDs', itemIndex, optional),
		mappingId: idParameter(this, 'filters.mappingId', 'Mapping ID', itemIndex, optional),
		targetConnectionSpecId: idParameter(this, 'filters.targetConnectionSpecId', 'Target Connection Spec Name or ID', itemIndex, optional),
	};
	const filters = validated(this, itemIndex, () => flowFilters({ ...given, ...ids }));
	const entities = await listEntities(this, 'flows', { filters }, maxItemsOf(this, itemIndex), itemIndex);
	return simplifyOn(this, itemIndex) ? entities.map(simplifyFlow) : entities;
}
