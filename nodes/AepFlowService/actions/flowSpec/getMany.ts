import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { listEntities } from '../../../shared/flowservice/entities';
import { showFor } from '../../descriptions/displayOptions';
import { returnAllAndLimit, propertyFiltersOption } from '../../descriptions/listDescriptions';
import { rawPropertyFilters } from '../../parameters/filterParameters';
import { maxItemsOf, validated } from '../../parameters/itemParameters';

export const description: INodeProperties[] = [
	...returnAllAndLimit('flowSpec', 'getMany'),
	{
		displayName: 'Filters',
		name: 'filters',
		type: 'collection',
		placeholder: 'Add Filter',
		default: {},
		displayOptions: showFor('flowSpec', 'getMany'),
		options: [propertyFiltersOption('name==CloudStorageToAEP')],
	},
];

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject[]> {
	const filters = validated(this, itemIndex, () => rawPropertyFilters((this.getNodeParameter('filters', itemIndex, {}) as IDataObject).property));
	return await listEntities(this, 'flowSpecs', { filters }, maxItemsOf(this, itemIndex), itemIndex);
}
