import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { streamingBaseConnectionBody } from '../../../shared/aep/bodies';
import { CONNECTION_SPECS } from '../../../shared/aep/ids';
import { createAndGet } from '../../../shared/flowservice/entities';
import { secretsFromCredentialParameters } from '../../descriptions/connectionSecretsDescriptions';
import { showFor, defineOperation } from '../../descriptions/operationDefinitions';
import { addCredentialSecrets, secretsFromCredential } from '../../parameters/connectionSecrets';
import { BLOB_DESTINATION_CREDENTIAL, blobDestinationAuth, S3_DESTINATION_CREDENTIAL, s3DestinationAuth } from '../../parameters/destinationCredentials';
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

/** A parameter of an earlier version, displayed only while it holds a value (its own display condition). */
function legacySecretParameter(name: string, label: string, type: CreateType, credentialName: string, password: boolean): INodeProperties {
	return {
		displayName: `${label} (Old, Clear It)`,
		name,
		type: 'string',
		...(password ? { typeOptions: { password: true } } : {}),
		default: '',
		description: `Set by an earlier version of this node. Enter it in an "${credentialName}" credential instead and clear this field: the node stops with an error while it is set.`,
		displayOptions: { show: { ...forTypes(type)?.show, [name]: [{ _cnd: { exists: true } }] } },
	};
}

const NAMED_TYPES: CreateType[] = ['blobDestination', 'dlzDestination', 'fields', 'profileStore', 's3Destination', 'streaming'];

export const description: INodeProperties[] = [
	{
		displayName: 'Type',
		name: 'createType',
		type: 'options',
		noDataExpression: true,
		options: [
			{ name: 'Amazon S3 Destination', value: 's3Destination', description: 'Base connection for exports to an S3 bucket, with the access key of an AEP Destination: Amazon S3 API credential' },
			{ name: 'Azure Blob Destination', value: 'blobDestination', description: 'Base connection for exports to Azure Blob Storage, with the connection string of an AEP Destination: Azure Blob API credential' },
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
	...secretsFromCredentialParameters(forTypes('fields', 'json')?.show),
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
		displayName: 'The access key comes from the "AEP Destination: Amazon S3 API" credential selected above, so that no secret is kept in the workflow',
		name: 's3CredentialNotice',
		type: 'notice',
		default: '',
		displayOptions: forTypes('s3Destination'),
	},
	{
		displayName: 'The connection string comes from the "AEP Destination: Azure Blob API" credential selected above, so that no secret is kept in the workflow',
		name: 'blobCredentialNotice',
		type: 'notice',
		default: '',
		displayOptions: forTypes('blobDestination'),
	},
	// Earlier versions took the secrets here, so they were saved in the workflow. Shown only while a
	// saved node still holds a value, so that it can be cleared; the node refuses to run until then.
	legacySecretParameter('s3AccessKey', 'Access Key', 's3Destination', S3_DESTINATION_CREDENTIAL.displayName, false),
	legacySecretParameter('s3SecretKey', 'Secret Key', 's3Destination', S3_DESTINATION_CREDENTIAL.displayName, true),
	legacySecretParameter('connectionString', 'Connection String', 'blobDestination', BLOB_DESTINATION_CREDENTIAL.displayName, true),
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

type BodyBuilder = (context: IExecuteFunctions, itemIndex: number, named: IDataObject) => IDataObject | Promise<IDataObject>;

/** The request body and the secrets it carries that its keys do not reveal (see connectionSecrets). */
interface CreateRequest {
	body: IDataObject;
	secrets: string[];
}

/**
 * Adds the secret params of the connection secrets credential to the body's auth when the node asks
 * for them; the auth spec they belong to must be named (checked before any request).
 */
async function withCredentialSecrets(context: IExecuteFunctions, itemIndex: number, body: IDataObject, nodeField: string, specField: string): Promise<CreateRequest> {
	if (!secretsFromCredential(context, itemIndex)) return { body, secrets: [] };
	const auth = body.auth as IDataObject | undefined;
	const specName = typeof auth?.specName === 'string' ? auth.specName.trim() : '';
	if (specName === '') {
		throw new NodeOperationError(context.getNode(), `${specField} is empty but "Secrets From Credential" is on`, {
			itemIndex,
			description: 'Name the auth spec the secret params belong to (see the connection spec\'s authSpec list), or turn off "Secrets From Credential". Nothing was sent.',
		});
	}
	const { auth: withSecrets, secrets } = await addCredentialSecrets(context, itemIndex, auth as IDataObject, nodeField);
	return { body: { ...body, auth: withSecrets }, secrets };
}

const BODIES: Record<Exclude<CreateType, 'json'>, BodyBuilder> = {
	fields(context, itemIndex, named) {
		const connectionSpecId = idParameter(context, 'connectionSpecId', 'Connection Spec Name or ID', itemIndex);
		const specName = String(context.getNodeParameter('authSpecName', itemIndex, '')).trim();
		const params = jsonParameter(context, 'authParams', 'Auth Params (JSON)', itemIndex, { sensitive: true });
		if (specName === '' && Object.keys(params).length > 0) {
			throw new NodeOperationError(context.getNode(), '"Auth Spec Name" is empty but "Auth Params (JSON)" is set', {
				itemIndex,
				description: 'Name the auth spec the parameters belong to (see the connection spec\'s authSpec list), or clear the parameters.',
			});
		}
		// With secrets from the credential, an empty auth spec name is refused there, naming the switch.
		const withAuth = specName !== '' || secretsFromCredential(context, itemIndex);
		return { ...named, connectionSpec: spec(connectionSpecId), ...(withAuth ? { auth: { specName, params } } : {}) };
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
	// The secrets come from the destination credential, checked before any request (see destinationCredentials).
	s3Destination: async (context, itemIndex, named) => ({
		...named,
		auth: await s3DestinationAuth(context, itemIndex),
		connectionSpec: spec(CONNECTION_SPECS.s3Destination),
	}),
	blobDestination: async (context, itemIndex, named) => ({
		...named,
		auth: await blobDestinationAuth(context, itemIndex),
		connectionSpec: spec(CONNECTION_SPECS.blobDestination),
	}),
	dlzDestination: (_context, _itemIndex, named) => ({ ...named, connectionSpec: spec(CONNECTION_SPECS.landingZoneDestination) }),
};

async function createRequest(context: IExecuteFunctions, itemIndex: number): Promise<CreateRequest> {
	const type = context.getNodeParameter('createType', itemIndex, 'json') as CreateType;
	if (type === 'json') {
		const body = jsonParameter(context, 'connectionJson', 'Connection (JSON)', itemIndex, { sensitive: true });
		requireKeys(context, body, ['name', 'connectionSpec.id'], 'Connection (JSON)', itemIndex);
		return await withCredentialSecrets(context, itemIndex, body, 'Connection (JSON)', 'auth.specName of "Connection (JSON)"');
	}
	const named: IDataObject = { name: requiredText(context, 'connectionName', 'Name', itemIndex) };
	const description = String(context.getNodeParameter('connectionDescription', itemIndex, '')).trim();
	if (description) named.description = description;
	const body = await BODIES[type](context, itemIndex, named);
	return type === 'fields' ? await withCredentialSecrets(context, itemIndex, body, 'Auth Params (JSON)', '"Auth Spec Name"') : { body, secrets: [] };
}

/**
 * Creates a base connection, then returns it as stored: Adobe masks secrets there, and fills in
 * the inlet URL of streaming connections, which is surfaced as `inletUrl`.
 */
export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const { body, secrets } = await createRequest(this, itemIndex);
	const connection = await createAndGet(this, 'connections', body, itemIndex, secrets);
	const inletUrl = ((connection.auth as IDataObject | undefined)?.params as IDataObject | undefined)?.inletUrl;
	return inletUrl === undefined ? connection : { ...connection, inletUrl };
}
