import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { DATA_FORMATS } from '../../shared/aep/bodies';
import { type EndpointFilters, endpointFilters } from '../../shared/aep/connectionFilters';
import { getEntity, deleteEntity, listEntities, patchEntity } from '../../shared/flowservice/entities';
import { type EndpointResource, ENDPOINTS } from '../descriptions/endpointConnectionDescriptions';
import { idParameter, validated, maxItemsOf, pinnedEtagOf } from '../parameters/itemParameters';
import { readPatchOperations, requireChanges, nameAndDescriptionOperations, type UpdateFieldsInput } from '../parameters/patchParameters';

/**
 * Source and target connections are the two ends of a flow and share everything but their
 * collection: get, list with filters, JSON Patch update and delete are implemented here once for both.
 */
const idOf = (context: IExecuteFunctions, resource: EndpointResource, itemIndex: number) =>
	idParameter(context, ENDPOINTS[resource].locator.name, ENDPOINTS[resource].label, itemIndex);

export async function getOne(context: IExecuteFunctions, resource: EndpointResource, itemIndex: number): Promise<IDataObject> {
	return await getEntity(context, ENDPOINTS[resource].collection, idOf(context, resource, itemIndex), itemIndex);
}

export async function deleteOne(context: IExecuteFunctions, resource: EndpointResource, itemIndex: number): Promise<IDataObject> {
	return await deleteEntity(context, ENDPOINTS[resource].collection, idOf(context, resource, itemIndex), itemIndex);
}

export async function getMany(context: IExecuteFunctions, resource: EndpointResource, itemIndex: number): Promise<IDataObject[]> {
	const given = context.getNodeParameter('filters', itemIndex, {}) as EndpointFilters;
	const ids: EndpointFilters = {
		baseConnectionId: idParameter(context, 'filters.baseConnectionId', 'Base Connection ID', itemIndex, { optional: true }),
		connectionSpecId: idParameter(context, 'filters.connectionSpecId', 'Connection Spec Name or ID', itemIndex, { optional: true }),
	};
	const filters = validated(context, itemIndex, () => endpointFilters({ ...given, ...ids }));
	return await listEntities(context, ENDPOINTS[resource].collection, { filters }, maxItemsOf(context, itemIndex), itemIndex);
}

/** Applies the change with the current (or pinned) etag and returns the connection as stored afterwards. */
export async function updateOne(context: IExecuteFunctions, resource: EndpointResource, itemIndex: number): Promise<IDataObject> {
	const id = idOf(context, resource, itemIndex);
	const pinnedEtag = pinnedEtagOf(context, itemIndex);
	const operations =
		context.getNodeParameter('updateType', itemIndex, 'fields') === 'patch'
			? readPatchOperations(context, itemIndex)
			: requireChanges(context, nameAndDescriptionOperations(context, context.getNodeParameter('updateFields', itemIndex, {}) as UpdateFieldsInput, ENDPOINTS[resource].label.toLowerCase(), itemIndex), itemIndex);
	return await patchEntity(context, ENDPOINTS[resource].collection, id, operations, pinnedEtag, itemIndex);
}

/* Fields the typed create variants share. */

/** The name, description and format every typed variant reads. */
export function commonCreateInput(context: IExecuteFunctions, itemIndex: number) {
	return {
		name: context.getNodeParameter('name', itemIndex, '') as string,
		description: context.getNodeParameter('description', itemIndex, '') as string,
		format: context.getNodeParameter('format', itemIndex, 'delimited') as (typeof DATA_FORMATS)[number],
	};
}
