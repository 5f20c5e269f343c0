import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { dataLakeSourceConnectionBody, landingZoneSourceConnectionBody, streamingSourceConnectionBody } from '../../../shared/aep/bodies';
import { createAndGet } from '../../../shared/flowservice/entities';
import { formatField, nameAndDescription, pathTypeField, showForCreate } from '../../descriptions/endpointConnectionDescriptions';
import { baseConnectionLocator } from '../../descriptions/locators';
import { showFor, defineOperation } from '../../descriptions/operationDefinitions';
import { idListParameter, idParameter, validated } from '../../parameters/itemParameters';
import { requireKeys, jsonParameter } from '../../parameters/jsonParameters';
import { commonCreateInput } from '../../sharedOperations/endpointConnectionOperations';

export const operation = defineOperation({
	resource: 'sourceConnection',
	operation: 'create',
	name: 'Create',
	action: 'Create a source connection',
	description: 'Create a source connection',
});

const TYPED = ['dataLake', 'landingZone', 'streaming'];

export const description: INodeProperties[] = [
	{
		displayName: 'Type',
		name: 'createType',
		type: 'options',
		options: [
			{ name: 'Data Lake Datasets', value: 'dataLake', description: 'Read datasets from the data lake, to export them to a destination' },
			{ name: 'Data Landing Zone', value: 'landingZone', description: 'Read a file or folder of the Data Landing Zone' },
			{ name: 'HTTP API Streaming', value: 'streaming', description: 'Receive data posted to a streaming base connection' },
			{ name: 'JSON', value: 'json', description: 'Any source connection, written as Flow Service expects it' },
		],
		default: 'streaming',
		description: 'What the source connection reads from',
		displayOptions: showFor(operation),
	},
	{
		displayName: 'Source Connection (JSON)',
		name: 'sourceConnectionJson',
		type: 'json',
		required: true,
		default: '{\n  "name": "",\n  "baseConnectionId": "",\n  "connectionSpec": { "id": "", "version": "1.0" },\n  "data": { "format": "delimited" },\n  "params": {}\n}',
		description: 'The source connection to create, as Flow Service expects it',
		displayOptions: showForCreate(operation, ['json']),
	},
	...nameAndDescription(operation, TYPED),
	{ ...baseConnectionLocator, displayOptions: showForCreate(operation, ['streaming']) },
	{
		displayName: 'Path',
		name: 'path',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'e.g. dlz-user-container/customers.csv',
		description: 'Path of the file or folder in the Data Landing Zone',
		displayOptions: showForCreate(operation, ['landingZone']),
	},
	pathTypeField(operation, ['landingZone']),
	{
		displayName: 'Recursive',
		name: 'recursive',
		type: 'boolean',
		default: false,
		description: 'Whether to also read the files in sub-folders of a folder',
		displayOptions: showForCreate(operation, ['landingZone']),
	},
	{
		displayName: 'Dataset IDs',
		name: 'datasetIds',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'e.g. 5e8e1a8ab1c1f318a8ad8e38, 6f7a9b0c1d2e3f4a5b6c7d8e',
		description: 'IDs of the datasets to read, separated by commas',
		displayOptions: showForCreate(operation, ['dataLake']),
	},
	formatField(operation, TYPED),
];

/** The request body for the chosen type; every input is checked before anything is sent. */
function bodyFor(context: IExecuteFunctions, createType: string, itemIndex: number): IDataObject {
	if (createType === 'json') {
		const body = jsonParameter(context, 'sourceConnectionJson', 'Source Connection (JSON)', itemIndex);
		requireKeys(context, body, ['name', 'connectionSpec.id'], 'Source Connection (JSON)', itemIndex);
		return body;
	}
	const common = commonCreateInput(context, itemIndex);
	if (createType === 'streaming') {
		const baseConnectionId = idParameter(context, 'baseConnectionId', 'Base Connection', itemIndex);
		return validated(context, itemIndex, () => streamingSourceConnectionBody({ ...common, baseConnectionId }));
	}
	if (createType === 'landingZone') {
		const path = context.getNodeParameter('path', itemIndex, '') as string;
		const pathType = context.getNodeParameter('pathType', itemIndex, 'file') as 'file' | 'folder';
		const recursive = context.getNodeParameter('recursive', itemIndex, false) as boolean;
		return validated(context, itemIndex, () => landingZoneSourceConnectionBody({ ...common, path, pathType, recursive }));
	}
	const datasetIds = idListParameter(context, 'datasetIds', 'Dataset IDs', itemIndex);
	return validated(context, itemIndex, () => dataLakeSourceConnectionBody({ ...common, datasetIds }));
}

/** Creates a source connection, then returns it as stored (a streaming one carries its inlet URL). */
export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const createType = this.getNodeParameter('createType', itemIndex) as string;
	return await createAndGet(this, 'sourceConnections', bodyFor(this, createType, itemIndex), itemIndex);
}
