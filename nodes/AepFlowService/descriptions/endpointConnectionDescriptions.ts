import type { INodeProperties } from 'n8n-workflow';

import { DATA_FORMATS } from '../../shared/aep/bodies';
import type { Collection } from '../../shared/flowservice/entities';
import { returnAllAndLimit, propertyFiltersOption, filtersCollection } from './listDescriptions';
import { sourceConnectionLocator, targetConnectionLocator } from './locators';
import { showFor, type OperationKey } from './operationDefinitions';
import { updateParameters } from './updateDescriptions';

/** Source and target connections, the two ends of a flow: their parameters are described here once for both. */
export type EndpointResource = 'sourceConnection' | 'targetConnection';

export const ENDPOINTS: Record<EndpointResource, { collection: Collection; locator: INodeProperties; label: string; plural: string }> = {
	sourceConnection: { collection: 'sourceConnections', locator: sourceConnectionLocator, label: 'Source Connection', plural: 'source connections' },
	targetConnection: { collection: 'targetConnections', locator: targetConnectionLocator, label: 'Target Connection', plural: 'target connections' },
};

export const locatorFor = (operation: OperationKey<EndpointResource>): INodeProperties => ({
	...ENDPOINTS[operation.resource].locator,
	displayOptions: showFor(operation),
});

export function getManyDescription(operation: OperationKey<EndpointResource>): INodeProperties[] {
	const { resource } = operation;
	return [
		...returnAllAndLimit(operation),
		filtersCollection(operation, {
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
		}),
	];
}

export function updateDescription(operation: OperationKey<EndpointResource>): INodeProperties[] {
	return updateParameters(operation, locatorFor(operation), {
		fieldsHint: 'Name or description',
		patchHint: 'Your own JSON Patch operations, e.g. on /params/path or /data/format',
	});
}

type Show = INodeProperties['displayOptions'];

/** Shows a parameter on create for the given create types only. */
export function showForCreate(operation: OperationKey<EndpointResource>, createTypes: string[]): Show {
	return showFor(operation, { createType: createTypes });
}

export function nameAndDescription(operation: OperationKey<EndpointResource>, createTypes: string[]): INodeProperties[] {
	const label = ENDPOINTS[operation.resource].label.toLowerCase();
	return [
		{
			displayName: 'Name',
			name: 'name',
			type: 'string',
			required: true,
			default: '',
			description: `Name of the ${label}`,
			displayOptions: showForCreate(operation, createTypes),
		},
		{
			displayName: 'Description',
			name: 'description',
			type: 'string',
			default: '',
			description: `Description of the ${label}`,
			displayOptions: showForCreate(operation, createTypes),
		},
	];
}

export function formatField(operation: OperationKey<EndpointResource>, createTypes: string[]): INodeProperties {
	return {
		displayName: 'Format',
		name: 'format',
		type: 'options',
		options: DATA_FORMATS.map((format) => ({ name: format === 'json' ? 'JSON' : format[0].toUpperCase() + format.slice(1), value: format })),
		default: 'delimited',
		description: 'Format of the data: delimited text (such as CSV), JSON or Parquet',
		displayOptions: showForCreate(operation, createTypes),
	};
}

export function pathTypeField(operation: OperationKey<EndpointResource>, createTypes: string[]): INodeProperties {
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
		displayOptions: showForCreate(operation, createTypes),
	};
}
