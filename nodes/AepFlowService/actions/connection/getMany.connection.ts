import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { simplifyConnection } from '../../../shared/aep/flows';
import { listEntities } from '../../../shared/flowservice/entities';
import { formatFilter, propertyFilter } from '../../../shared/transport/filters';
import { returnAllAndLimit, propertyFiltersOption, filtersCollection } from '../../descriptions/listDescriptions';
import { defineOperation } from '../../descriptions/operationDefinitions';
import { simplifyOutputParameter } from '../../descriptions/outputDescriptions';
import { rawPropertyFilters } from '../../parameters/filterParameters';
import { idParameter, maxItemsOf, simplifyOn, validated } from '../../parameters/itemParameters';

export const operation = defineOperation({
	resource: 'connection',
	operation: 'getMany',
	name: 'Get Many',
	action: 'Get many connections',
	description: 'List base connections',
});

export const description: INodeProperties[] = [
	...returnAllAndLimit(operation),
	filtersCollection(operation, {
		description: 'Filters applied by Flow Service before paging, so only matching connections are read',
		options: [
			{
				displayName: 'Connection Spec Name or ID',
				name: 'connectionSpecId',
				type: 'options',
				typeOptions: { loadOptionsMethod: 'getConnectionSpecs' },
				default: '',
				description: 'Only connections of this spec. Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.',
			},
			propertyFiltersOption('name==Acme S3'),
			{
				displayName: 'State',
				name: 'state',
				type: 'options',
				options: [
					{ name: 'Disabled', value: 'disabled' },
					{ name: 'Draft', value: 'draft' },
					{ name: 'Enabled', value: 'enabled' },
				],
				default: 'enabled',
			},
		],
	}),
	simplifyOutputParameter(operation),
];

interface ConnectionFilters {
	connectionSpecId?: string;
	property?: string[] | string;
	state?: string;
}

/** The UI filters as Flow Service `property` filters, sent as repeated parameters (all must match). */
function connectionFilters(filters: ConnectionFilters): string[] {
	const result: string[] = [];
	if (filters.connectionSpecId?.trim()) result.push(formatFilter(propertyFilter('connectionSpec.id', '==', filters.connectionSpecId.trim())));
	if (filters.state) result.push(formatFilter(propertyFilter('state', '==', filters.state)));
	return [...result, ...rawPropertyFilters(filters.property)];
}

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject[]> {
	const given = this.getNodeParameter('filters', itemIndex, {}) as ConnectionFilters;
	const connectionSpecId = idParameter(this, 'filters.connectionSpecId', 'Connection Spec Name or ID', itemIndex, { optional: true });
	const filters = validated(this, itemIndex, () => connectionFilters({ ...given, connectionSpecId }));
	const entities = await listEntities(this, 'connections', { filters }, maxItemsOf(this, itemIndex), itemIndex);
	return simplifyOn(this, itemIndex) ? entities.map(simplifyConnection) : entities;
}
