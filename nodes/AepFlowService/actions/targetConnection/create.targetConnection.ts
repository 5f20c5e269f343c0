import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { COMPRESSIONS, DATASET_FILE_TYPES, dataLakeTargetConnectionBody, datasetToLandingZoneTargetBody, landingZoneTargetConnectionBody } from '../../../shared/aep/bodies';
import { createAndGet } from '../../../shared/flowservice/entities';
import { formatField, nameAndDescription, pathTypeField, showForCreate } from '../../descriptions/endpointConnectionDescriptions';
import { baseConnectionLocator } from '../../descriptions/locators';
import { showFor, defineOperation } from '../../descriptions/operationDefinitions';
import { idParameter, validated } from '../../parameters/itemParameters';
import { requireKeys, jsonParameter } from '../../parameters/jsonParameters';
import { commonCreateInput } from '../../sharedOperations/endpointConnectionOperations';

export const operation = defineOperation({
	resource: 'targetConnection',
	operation: 'create',
	name: 'Create',
	action: 'Create a target connection',
	description: 'Create a target connection',
});

export const description: INodeProperties[] = [
	{
		displayName: 'Type',
		name: 'createType',
		type: 'options',
		options: [
			{ name: 'Data Lake Dataset', value: 'dataLake', description: 'Write ingested data into a dataset' },
			{ name: 'Data Landing Zone', value: 'landingZone', description: 'Write files to a Data Landing Zone path' },
			{
				name: 'Dataset Export to Data Landing Zone',
				value: 'datasetExportLandingZone',
				description: 'Destination of a dataset export into the Data Landing Zone',
			},
			{ name: 'JSON', value: 'json', description: 'Any target connection, written as Flow Service expects it' },
		],
		default: 'dataLake',
		description: 'Where the target connection writes to',
		displayOptions: showFor(operation),
	},
	{
		displayName: 'Target Connection (JSON)',
		name: 'targetConnectionJson',
		type: 'json',
		required: true,
		default: '{\n  "name": "",\n  "connectionSpec": { "id": "", "version": "1.0" },\n  "data": { "format": "parquet_xdm" },\n  "params": {}\n}',
		description: 'The target connection to create, as Flow Service expects it',
		displayOptions: showForCreate(operation, ['json']),
	},
	...nameAndDescription(operation, ['dataLake', 'datasetExportLandingZone', 'landingZone']),
	{
		displayName: 'Dataset ID',
		name: 'datasetId',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'e.g. 5e8e1a8ab1c1f318a8ad8e38',
		description: 'ID of the dataset to write into',
		displayOptions: showForCreate(operation, ['dataLake']),
	},
	{
		displayName: 'Schema ID',
		name: 'schemaId',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'e.g. https://ns.adobe.com/acme/schemas/1f2e3d4c5b6a',
		description: 'URL of the dataset\'s XDM schema, such as https://ns.adobe.com/acme/schemas/1f2e3d4c5b6a (not its meta:altId)',
		displayOptions: showForCreate(operation, ['dataLake']),
	},
	{ ...baseConnectionLocator, displayOptions: showForCreate(operation, ['datasetExportLandingZone']) },
	{
		displayName: 'Path',
		name: 'path',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'e.g. exports/daily',
		description: 'Folder or file path in the Data Landing Zone',
		displayOptions: showForCreate(operation, ['datasetExportLandingZone', 'landingZone']),
	},
	pathTypeField(operation, ['landingZone']),
	formatField(operation, ['dataLake', 'landingZone']),
	{
		displayName: 'Dataset File Type',
		name: 'datasetFileType',
		type: 'options',
		options: DATASET_FILE_TYPES.map((type) => ({ name: type === 'JSON' ? 'JSON' : type[0] + type.slice(1).toLowerCase(), value: type })),
		default: 'JSON',
		description: 'File format of the exported files; JSON files must be compressed',
		displayOptions: showForCreate(operation, ['datasetExportLandingZone']),
	},
	{
		displayName: 'Compression',
		name: 'compression',
		type: 'options',
		options: COMPRESSIONS.map((compression) => ({ name: compression === 'GZIP' ? 'GZIP' : 'None', value: compression })),
		default: 'GZIP',
		description: 'Whether exported files are compressed',
		displayOptions: showForCreate(operation, ['datasetExportLandingZone']),
	},
];

/** The request body for the chosen type; every input is checked before anything is sent. */
function bodyFor(context: IExecuteFunctions, createType: string, itemIndex: number): IDataObject {
	if (createType === 'json') {
		const body = jsonParameter(context, 'targetConnectionJson', 'Target Connection (JSON)', itemIndex);
		requireKeys(context, body, ['name', 'connectionSpec.id'], 'Target Connection (JSON)', itemIndex);
		return body;
	}
	const common = commonCreateInput(context, itemIndex);
	const path = context.getNodeParameter('path', itemIndex, '') as string;
	if (createType === 'dataLake') {
		const datasetId = idParameter(context, 'datasetId', 'Dataset ID', itemIndex);
		const schemaId = context.getNodeParameter('schemaId', itemIndex, '') as string;
		return validated(context, itemIndex, () => dataLakeTargetConnectionBody({ ...common, datasetId, schemaId }));
	}
	if (createType === 'landingZone') {
		const pathType = context.getNodeParameter('pathType', itemIndex, 'file') as 'file' | 'folder';
		return validated(context, itemIndex, () => landingZoneTargetConnectionBody({ ...common, path, pathType }));
	}
	const datasetFileType = context.getNodeParameter('datasetFileType', itemIndex) as (typeof DATASET_FILE_TYPES)[number];
	const compression = context.getNodeParameter('compression', itemIndex) as (typeof COMPRESSIONS)[number];
	const baseConnectionId = idParameter(context, 'baseConnectionId', 'Base Connection', itemIndex);
	return validated(context, itemIndex, () =>
		datasetToLandingZoneTargetBody({ name: common.name, description: common.description, baseConnectionId, path, datasetFileType, compression }),
	);
}

/** Creates a target connection, then returns it as stored. */
export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const createType = this.getNodeParameter('createType', itemIndex) as string;
	return await createAndGet(this, 'targetConnections', bodyFor(this, createType, itemIndex), itemIndex);
}
