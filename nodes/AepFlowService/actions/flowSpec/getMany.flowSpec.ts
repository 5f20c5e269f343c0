import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { listEntities } from '../../../shared/flowservice/entities';
import { returnAllAndLimit, propertyFiltersOption, filtersCollection } from '../../descriptions/listDescriptions';
import { defineOperation } from '../../descriptions/operationDefinitions';
import { rawPropertyFilters } from '../../parameters/filterParameters';
import { maxItemsOf, validated } from '../../parameters/itemParameters';

export const operation = defineOperation({
	resource: 'flowSpec',
	operation: 'getMany',
	name: 'Get Many',
	action: 'Get many flow specs',
	description: 'List flow specs',
});

export const description: INodeProperties[] = [
	...returnAllAndLimit(operation),
	filtersCollection(operation, {
		options: [propertyFiltersOption('name==CloudStorageToAEP')],
	}),
];

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject[]> {
	const filters = validated(this, itemIndex, () => rawPropertyFilters((this.getNodeParameter('filters', itemIndex, {}) as IDataObject).property));
	return await listEntities(this, 'flowSpecs', { filters }, maxItemsOf(this, itemIndex), itemIndex);
}
