import type { INodeProperties } from 'n8n-workflow';

import { DATA_FORMATS } from '../../shared/aep/bodies';
import type { Collection } from '../../shared/flowservice/entities';
import { showFor } from './displayOptions';
import { returnAllAndLimit, propertyFiltersOption } from './listDescriptions';
import { sourceConnectionLocator, targetConnectionLocator } from './locators';
import { updateParameters } from './updateDescriptions';

/** Source and target connections, the two ends of a flow: their parameters are described here once for both. */
export type EndpointResource = 'sourceConnection' | 'targetConnection';

export const ENDPOINTS: Record<EndpointResource, { collection: Collection; locator: INodeProperties; label: string; plural: string }> = {
	sourceConnection: { collection: 'sourceConnections', locator: sourceConnectionLocator, label: 'Source Connection', plural: 'source connections' },
	targetConnection: { collection: 'targetConnections', locator: targetConnectionLocator, label: 'Target Connection', plural: 'target connections' },
};

export const locatorFor = (resource: EndpointResource, operation: string): INodeProperties => ({
	...ENDPOINTS[resource].locator,
	displayOptions: showFor(resource, operation),
});

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

export function updateDescription(resource: EndpointResource): INodeProperties[] {
	return updateParameters(resource, locatorFor(resource, 'update'), {
		fieldsHint: 'Name or description',
		patchHint: 'Your own JSON Patch operations, e.g. on /params/path or /data/format',
	});
}

export type Show = INodeProperties['displayOptions'];

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
