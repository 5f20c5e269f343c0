import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { listEntities } from '../../../shared/flowservice/entities';
import { returnAllAndLimit, propertyFiltersOption } from '../../descriptions/listDescriptions';
import { showFor, defineOperation } from '../../descriptions/operationDefinitions';
import { rawPropertyFilters } from '../../parameters/filterParameters';
import { maxItemsOf, validated } from '../../parameters/itemParameters';

export const operation = defineOperation({
	resource: 'connectionSpec',
	operation: 'getMany',
	name: 'Get Many',
	action: 'Get many connection specs',
	description: 'List connection specs, or map their names to IDs',
});

const show = showFor(operation);

export const description: INodeProperties[] = [
	{
		displayName: 'Output',
		name: 'specsOutput',
		type: 'options',
		options: [
			{ name: 'Specs', value: 'specs', description: 'One item per connection spec' },
			{ name: 'Name to ID Map', value: 'nameToIdMap', description: 'One item mapping every spec name to its ID' },
		],
		default: 'specs',
		displayOptions: show,
	},
	// The map always covers every (matching) spec, so Return All and Limit only apply to the spec list.
	...returnAllAndLimit(operation).map((parameter) => ({
		...parameter,
		displayOptions: { show: { ...parameter.displayOptions?.show, specsOutput: ['specs'] } },
	})),
	{
		displayName: 'Filters',
		name: 'filters',
		type: 'collection',
		placeholder: 'Add Filter',
		default: {},
		displayOptions: show,
		options: [propertyFiltersOption('providerId==521eee4d-8cbe-4906-bb48-fb6bd4450033')],
	},
];

/** `{name: id}`; a name several specs share (e.g. a source and a destination) maps to the list of their IDs. */
function nameToIdMap(specs: IDataObject[]): IDataObject {
	const map: IDataObject = {};
	for (const spec of specs) {
		const name = String(spec.name ?? spec.id);
		const known = map[name];
		map[name] = known === undefined ? String(spec.id) : [...(Array.isArray(known) ? known : [known]), String(spec.id)];
	}
	return map;
}

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject | IDataObject[]> {
	const filters = validated(this, itemIndex, () => rawPropertyFilters((this.getNodeParameter('filters', itemIndex, {}) as IDataObject).property));
	if (this.getNodeParameter('specsOutput', itemIndex, 'specs') === 'nameToIdMap') {
		return nameToIdMap(await listEntities(this, 'connectionSpecs', { filters }, undefined, itemIndex));
	}
	return await listEntities(this, 'connectionSpecs', { filters }, maxItemsOf(this, itemIndex), itemIndex);
}
