import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { formatFilter, propertyFilter } from '../../shared/transport/filters';
import { DATA_FORMATS } from './bodies';
import { idParameter, maxItemsOf, pinnedEtagOf, returnAllAndLimit, showFor, validated } from './common';
import { deleteEntity, getEntity, listEntities, patchEntity, type Collection } from './entities';
import { entityLocator, sourceConnectionLocator, targetConnectionLocator } from './locators';
import { nameAndDescriptionOperations, readPatchOperations, requireChanges, updateParameters, type UpdateFieldsInput } from './patch';
import { propertyFiltersOption, rawPropertyFilters } from './propertyFilters';

/**
 * Source and target connections are the two ends of a flow and share everything but their
 * collection: get, list with filters, JSON Patch update and delete live here once for both.
 */
export type EndpointResource = 'sourceConnection' | 'targetConnection';

const ENDPOINTS: Record<EndpointResource, { collection: Collection; locator: INodeProperties; label: string; plural: string }> = {
	sourceConnection: { collection: 'sourceConnections', locator: sourceConnectionLocator, label: 'Source Connection', plural: 'source connections' },
	targetConnection: { collection: 'targetConnections', locator: targetConnectionLocator, label: 'Target Connection', plural: 'target connections' },
};

const idOf = (context: IExecuteFunctions, resource: EndpointResource, itemIndex: number) =>
	idParameter(context, ENDPOINTS[resource].locator.name, ENDPOINTS[resource].label, itemIndex);

export const locatorFor = (resource: EndpointResource, operation: string): INodeProperties => ({
	...ENDPOINTS[resource].locator,
	displayOptions: showFor(resource, operation),
});

export async function getOne(context: IExecuteFunctions, resource: EndpointResource, itemIndex: number): Promise<IDataObject> {
	return await getEntity(context, ENDPOINTS[resource].collection, idOf(context, resource, itemIndex), itemIndex);
}

export async function deleteOne(context: IExecuteFunctions, resource: EndpointResource, itemIndex: number): Promise<IDataObject> {
	return await deleteEntity(context, ENDPOINTS[resource].collection, idOf(context, resource, itemIndex), itemIndex);
}

export function getManyDescription(resource: EndpointResource): INodeProperties[] {
	return [
		...returnAllAndLimit(resource, 'getMany'),
		{
			displayName: 'Filters',
			name: 'filters',
			type: 'collection',
			placeholder: 'Add Filter',
			default: {},
			displayOptions: showFor(resource, 'getMany'),
			description: `Filters applied by Flow Service before paging, so only matching ${ENDPOINTS[resource].plural} are read`,
			options: [
				{
					displayName: 'Base Connection ID',
					name: 'baseConnectionId',
					type: 'string',
					default: '',
					description: 'Only those built on this base connection',
				},
				{
					displayName: 'Connection Spec Name or ID',
					name: 'connectionSpecId',
					type: 'options',
					typeOptions: { loadOptionsMethod: 'getConnectionSpecs' },
					default: '',
					description:
						'Only those of this connector. Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.',
				},
				propertyFiltersOption('params.dataSetId==5e8e1a8ab1c1f318a8ad8e38'),
			],
		},
	];
}

interface EndpointFilters {
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

export async function getMany(context: IExecuteFunctions, resource: EndpointResource, itemIndex: number): Promise<IDataObject[]> {
	const given = context.getNodeParameter('filters', itemIndex, {}) as EndpointFilters;
	const ids: EndpointFilters = {
		baseConnectionId: idParameter(context, 'filters.baseConnectionId', 'Base Connection ID', itemIndex, { optional: true }),
		connectionSpecId: idParameter(context, 'filters.connectionSpecId', 'Connection Spec Name or ID', itemIndex, { optional: true }),
	};
	const filters = validated(context, itemIndex, () => endpointFilters({ ...given, ...ids }));
	return await listEntities(context, ENDPOINTS[resource].collection, { filters }, maxItemsOf(context, itemIndex), itemIndex);
}

export function updateDescription(resource: EndpointResource): INodeProperties[] {
	return updateParameters(resource, locatorFor(resource, 'update'), {
		fieldsHint: 'Name or description',
		patchHint: 'Your own JSON Patch operations, e.g. on /params/path or /data/format',
	});
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

export const baseConnectionLocator = entityLocator('Base Connection', 'baseConnectionId', 'searchConnections', 'The base connection it uses');

type Show = INodeProperties['displayOptions'];

/** Shows a parameter on create for the given create types only. */
export function showForCreate(resource: EndpointResource, createTypes: string[]): Show {
	return { show: { ...showFor(resource, 'create')?.show, createType: createTypes } };
}

export function nameAndDescription(resource: EndpointResource, createTypes: string[]): INodeProperties[] {
	const label = ENDPOINTS[resource].label.toLowerCase();
	return [
		{
			displayName: 'Name',
			name: 'name',
			type: 'string',
			required: true,
			default: '',
			description: `Name of the ${label}`,
			displayOptions: showForCreate(resource, createTypes),
		},
		{
			displayName: 'Description',
			name: 'description',
			type: 'string',
			default: '',
			description: `Description of the ${label}`,
			displayOptions: showForCreate(resource, createTypes),
		},
	];
}

export function formatField(resource: EndpointResource, createTypes: string[]): INodeProperties {
	return {
		displayName: 'Format',
		name: 'format',
		type: 'options',
		options: DATA_FORMATS.map((format) => ({ name: format === 'json' ? 'JSON' : format[0].toUpperCase() + format.slice(1), value: format })),
		default: 'delimited',
		description: 'Format of the data: delimited text (such as CSV), JSON or Parquet',
		displayOptions: showForCreate(resource, createTypes),
	};
}

export function pathTypeField(resource: EndpointResource, createTypes: string[]): INodeProperties {
	return {
		displayName: 'Path Type',
		name: 'pathType',
		type: 'options',
		options: [
			{ name: 'File', value: 'file' },
			{ name: 'Folder', value: 'folder' },
		],
		default: 'file',
		description: 'Whether the path is a single file or a folder',
		displayOptions: showForCreate(resource, createTypes),
	};
}

/** The name, description and format every typed variant reads. */
export function commonCreateInput(context: IExecuteFunctions, itemIndex: number) {
	return {
		name: context.getNodeParameter('name', itemIndex, '') as string,
		description: context.getNodeParameter('description', itemIndex, '') as string,
		format: context.getNodeParameter('format', itemIndex, 'delimited') as (typeof DATA_FORMATS)[number],
	};
}

/** The Operation selector of a source or target connection resource. */
export function operationSelector(resource: EndpointResource): INodeProperties {
	const label = ENDPOINTS[resource].label.toLowerCase();
	return {
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: [resource] } },
		options: [
			{ name: 'Create', value: 'create', action: `Create a ${label}`, description: `Create a ${label}` },
			{ name: 'Delete', value: 'delete', action: `Delete a ${label}`, description: `Delete a ${label}` },
			{ name: 'Get', value: 'get', action: `Get a ${label}`, description: `Get a ${label} by ID` },
			{ name: 'Get Many', value: 'getMany', action: `Get many ${ENDPOINTS[resource].plural}`, description: `List ${ENDPOINTS[resource].plural}` },
			{ name: 'Update', value: 'update', action: `Update a ${label}`, description: `Change a ${label} with JSON Patch` },
		],
		default: 'getMany',
	};
}
