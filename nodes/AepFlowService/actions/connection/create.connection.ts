import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { streamingBaseConnectionBody } from '../../../shared/aep/bodies';
import { CONNECTION_SPECS } from '../../../shared/aep/ids';
import { createAndGet } from '../../../shared/flowservice/entities';
import { showFor, defineOperation } from '../../descriptions/operationDefinitions';
import { idParameter, requiredText, validated } from '../../parameters/itemParameters';
import { requireKeys, jsonParameter } from '../../parameters/jsonParameters';

export const operation = defineOperation({
	resource: 'connection',
	operation: 'create',
	name: 'Create',
	action: 'Create a connection',
	description: 'Create a base connection',
});

type CreateType = 'blobDestination' | 'dlzDestination' | 'fields' | 'json' | 'profileStore' | 's3Destination' | 'streaming';

const forTypes = (...types: CreateType[]): INodeProperties['displayOptions'] => ({
	show: { ...showFor(operation)?.show, createType: types },
});

const NAMED_TYPES: CreateType[] = ['blobDestination', 'dlzDestination', 'fields', 'profileStore', 's3Destination', 'streaming'];

export const description: INodeProperties[] = [
	{
		displayName: 'Type',
		name: 'createType',
		type: 'options',
		noDataExpression: true,
		options: [
			{ name: 'Amazon S3 Destination', value: 's3Destination', description: 'Base connection for exports to an S3 bucket (access key)' },
			{ name: 'Azure Blob Destination', value: 'blobDestination', description: 'Base connection for exports to Azure Blob Storage (connection string)' },
			{ name: 'Data Landing Zone Destination', value: 'dlzDestination', description: 'Base connection for exports to the Data Landing Zone' },
			{ name: 'From Fields', value: 'fields', description: 'Any connection spec, with its auth spec name and parameters' },
			{ name: 'Full JSON', value: 'json', description: 'The whole request body, as Flow Service expects it' },
			{ name: 'HTTP API Streaming', value: 'streaming', description: 'Streaming source with an inlet URL to post data to' },
			{ name: 'Profile Store', value: 'profileStore', description: 'Connection to the Real-Time Customer Profile store' },
		],
		default: 'json',
		displayOptions: showFor(operation),
	},
	{
		displayName: 'Connection (JSON)',
		name: 'connectionJson',
		type: 'json',
		required: true,
		default: '{\n  "name": "",\n  "connectionSpec": { "id": "", "version": "1.0" },\n  "auth": { "specName": "", "params": {} }\n}',
		description: 'The base connection to create, as Flow Service expects it',
		displayOptions: forTypes('json'),
	},
	{
		displayName: 'Name',
		name: 'connectionName',
		type: 'string',
		required: true,
		default: '',
		description: 'Name of the new connection',
		displayOptions: forTypes(...NAMED_TYPES),
	},
	{
		displayName: 'Connection Spec Name or ID',
		name: 'connectionSpecId',
		type: 'options',
		typeOptions: { loadOptionsMethod: 'getConnectionSpecs' },
		required: true,
		default: '',
		description: 'Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>',
		displayOptions: forTypes('fields'),
	},
	{
		displayName: 'Auth Spec Name',
		name: 'authSpecName',
		type: 'string',
		default: '',
		placeholder: 'e.g. Basic Authentication for S3',
		description: 'Name of one of the connection spec\'s auth specs. Leave empty for specs without authentication.',
		displayOptions: forTypes('fields'),
	},
	{
		displayName: 'Auth Params (JSON)',
		name: 'authParams',
		type: 'json',
		default: '{}',
		description: 'The parameters the auth spec asks for, e.g. keys and hosts',
		displayOptions: forTypes('fields'),
	},
	{
		displayName: 'Source ID',
		name: 'sourceId',
		type: 'string',
		required: true,
		default: '',
		description: 'An identifier of the data source, unique in the sandbox',
		displayOptions: forTypes('streaming'),
	},
	{
		displayName: 'Data Type',
		name: 'dataType',
		type: 'options',
		options: [
			{ name: 'Raw', value: 'raw', description: 'Any JSON, mapped to XDM by a mapping set' },
			{ name: 'XDM', value: 'xdm', description: 'Records already shaped as XDM' },
		],
		default: 'xdm',
		displayOptions: forTypes('streaming'),
	},
	{
		displayName: 'Authentication Required',
		name: 'authenticationRequired',
		type: 'boolean',
		default: false,
		description: 'Whether data posted to the inlet must carry an access token',
		displayOptions: forTypes('streaming'),
	},
	{
		displayName: 'Access Key',
		name: 's3AccessKey',
		type: 'string',
		required: true,
		default: '',
		description: 'The access key ID of the AWS user that may write to the bucket',
		displayOptions: forTypes('s3Destination'),
	},
	{
		displayName: 'Secret Key',
		name: 's3SecretKey',
		type: 'string',
		typeOptions: { password: true },
		required: true,
		default: '',
		description: 'The secret access key of that AWS user',
		displayOptions: forTypes('s3Destination'),
	},
	{
		displayName: 'Connection String',
		name: 'connectionString',
		type: 'string',
		typeOptions: { password: true },
		required: true,
		default: '',
		placeholder: 'e.g. DefaultEndpointsProtocol=https;AccountName=...;AccountKey=...',
		description: 'The storage account connection string',
		displayOptions: forTypes('blobDestination'),
	},
	{
		displayName: 'Description',
		name: 'connectionDescription',
		type: 'string',
		default: '',
		description: 'Description of the new connection',
		displayOptions: forTypes(...NAMED_TYPES),
	},
];

const spec = (id: string): IDataObject => ({ id, version: '1.0' });

type BodyBuilder = (context: IExecuteFunctions, itemIndex: number, named: IDataObject) => IDataObject;

/** The body of each create type; `named` holds the name and, when given, the description. */
const BODIES: Record<Exclude<CreateType, 'json'>, BodyBuilder> = {
	fields(context, itemIndex, named) {
		const connectionSpecId = idParameter(context, 'connectionSpecId', 'Connection Spec Name or ID', itemIndex);
		const specName = String(context.getNodeParameter('authSpecName', itemIndex, '')).trim();
		const params = jsonParameter(context, 'authParams', 'Auth Params (JSON)', itemIndex);
		if (specName === '' && Object.keys(params).length > 0) {
			throw new NodeOperationError(context.getNode(), '"Auth Spec Name" is empty but "Auth Params (JSON)" is set', {
				itemIndex,
				description: 'Name the auth spec the parameters belong to (see the connection spec\'s authSpec list), or clear the parameters.',
			});
		}
		return { ...named, connectionSpec: spec(connectionSpecId), ...(specName ? { auth: { specName, params } } : {}) };
	},
	streaming: (context, itemIndex, named) =>
		validated(context, itemIndex, () =>
			streamingBaseConnectionBody({
				name: String(named.name),
				description: named.description as string | undefined,
				sourceId: context.getNodeParameter('sourceId', itemIndex, '') as string,
				dataType: context.getNodeParameter('dataType', itemIndex, 'xdm') as 'xdm' | 'raw',
				authenticationRequired: context.getNodeParameter('authenticationRequired', itemIndex, false) as boolean,
			}),
		),
	profileStore: (_context, _itemIndex, named) => ({ ...named, connectionSpec: spec(CONNECTION_SPECS.profileStore) }),
	s3Destination: (context, itemIndex, named) => ({
		...named,
		auth: {
			specName: 'Access Key',
			params: {
				s3AccessKey: requiredText(context, 's3AccessKey', 'Access Key', itemIndex),
				s3SecretKey: requiredText(context, 's3SecretKey', 'Secret Key', itemIndex),
			},
		},
		connectionSpec: spec(CONNECTION_SPECS.s3Destination),
	}),
	blobDestination: (context, itemIndex, named) => ({
		...named,
		auth: { specName: 'ConnectionString', params: { connectionString: requiredText(context, 'connectionString', 'Connection String', itemIndex) } },
		connectionSpec: spec(CONNECTION_SPECS.blobDestination),
	}),
	dlzDestination: (_context, _itemIndex, named) => ({ ...named, connectionSpec: spec(CONNECTION_SPECS.landingZoneDestination) }),
};

function requestBody(context: IExecuteFunctions, itemIndex: number): IDataObject {
	const type = context.getNodeParameter('createType', itemIndex, 'json') as CreateType;
	if (type === 'json') {
		const body = jsonParameter(context, 'connectionJson', 'Connection (JSON)', itemIndex);
		requireKeys(context, body, ['name', 'connectionSpec.id'], 'Connection (JSON)', itemIndex);
		return body;
	}
	const named: IDataObject = { name: requiredText(context, 'connectionName', 'Name', itemIndex) };
	const description = String(context.getNodeParameter('connectionDescription', itemIndex, '')).trim();
	if (description) named.description = description;
	return BODIES[type](context, itemIndex, named);
}

/**
 * Creates a base connection, then returns it as stored: Adobe masks secrets there, and fills in
 * the inlet URL of streaming connections, which is surfaced as `inletUrl`.
 */
export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const connection = await createAndGet(this, 'connections', requestBody(this, itemIndex), itemIndex);
	const inletUrl = ((connection.auth as IDataObject | undefined)?.params as IDataObject | undefined)?.inletUrl;
	return inletUrl === undefined ? connection : { ...connection, inletUrl };
}
