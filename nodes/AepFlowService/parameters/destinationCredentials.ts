import type { ICredentialDataDecryptedObject, IDataObject, IExecuteFunctions } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { credentialValueError, selectedCredentialData } from './nodeCredentials';

/**
 * The destination credentials of Connection → Create (Amazon S3, Azure Blob): which credential
 * holds which secret, the checks of their values (pure, also run by the credentials' test), and the
 * readers that put them into the auth params of the request body. A secret is never repeated in a
 * message. The node's Adobe credential still authenticates the request; these only supply values
 * of its body.
 */

interface CredentialField {
	/** The field's name in the credential. */
	name: string;
	/** Its label in the credential form. */
	label: string;
	/** What is wrong with a (trimmed) value, as words that follow the field's name; undefined when fine. */
	problem: (value: string) => string | undefined;
}

export interface DestinationCredential {
	/** The credential type's name (the key in a node's `credentials`). */
	name: string;
	displayName: string;
	fields: CredentialField[];
	/** The node parameters earlier versions read the secrets from, by label. */
	legacyParameters: Array<{ name: string; label: string }>;
}

const WHITESPACE = /\s/;

/** AWS IAM: an access key ID is 16 to 128 word characters (AKIA… for a user's long-term key). */
export function accessKeyIdProblem(value: string): string | undefined {
	if (value === '') return 'is empty';
	if (!/^\w{16,128}$/.test(value)) return 'is not an AWS access key ID: one is 16 to 128 letters and digits, such as AKIAIOSFODNN7EXAMPLE';
	return undefined;
}

export function secretAccessKeyProblem(value: string): string | undefined {
	if (value === '') return 'is empty';
	if (WHITESPACE.test(value)) return 'holds a space or a line break, which no secret access key does';
	return undefined;
}

/**
 * An Azure Storage connection string: `;`-separated `Key=value` pairs that name the account and carry
 * its key (`AccountName=…;AccountKey=…`) or a shared access signature (`SharedAccessSignature=…`).
 */
export function connectionStringProblem(value: string): string | undefined {
	if (value === '') return 'is empty';
	if (WHITESPACE.test(value)) return 'holds a space or a line break, which no connection string does';
	const keys = new Set<string>();
	for (const part of value.split(';')) {
		if (part === '') continue;
		const equals = part.indexOf('=');
		if (equals <= 0 || equals === part.length - 1) return 'is not an Azure Storage connection string: it is made of Key=value pairs separated by ";"';
		keys.add(part.slice(0, equals).toLowerCase());
	}
	const withKey = keys.has('accountname') && keys.has('accountkey');
	if (!withKey && !keys.has('sharedaccesssignature')) {
		return 'is not an Azure Storage connection string with a key: it needs AccountName= and AccountKey=, or SharedAccessSignature=';
	}
	return undefined;
}

export const S3_DESTINATION_CREDENTIAL: DestinationCredential = {
	name: 'aepDestinationS3Api',
	displayName: 'AEP Destination: Amazon S3 API',
	fields: [
		{ name: 'accessKeyId', label: 'Access Key ID', problem: accessKeyIdProblem },
		{ name: 'secretAccessKey', label: 'Secret Access Key', problem: secretAccessKeyProblem },
	],
	legacyParameters: [
		{ name: 's3AccessKey', label: 'Access Key' },
		{ name: 's3SecretKey', label: 'Secret Key' },
	],
};

export const BLOB_DESTINATION_CREDENTIAL: DestinationCredential = {
	name: 'aepDestinationAzureBlobApi',
	displayName: 'AEP Destination: Azure Blob API',
	fields: [{ name: 'connectionStringSecret', label: 'Connection String', problem: connectionStringProblem }],
	legacyParameters: [{ name: 'connectionString', label: 'Connection String' }],
};

/** The first problem of a credential's values, as a sentence naming the field and the credential. */
export function credentialProblem(credential: DestinationCredential, data: ICredentialDataDecryptedObject): string | undefined {
	for (const field of credential.fields) {
		const problem = field.problem(valueOf(data, field.name));
		if (problem) return `The "${field.label}" of the "${credential.displayName}" credential ${problem}`;
	}
	return undefined;
}

const valueOf = (data: ICredentialDataDecryptedObject, name: string) => (typeof data[name] === 'string' ? (data[name] as string).trim() : '');

const listed = (labels: string[]) => labels.map((label) => `"${label}"`).join(' and ');

/**
 * Refuses a node saved by an earlier version, which held the secret in its own parameters (and so in
 * the workflow's JSON and its exports): they are not read, the user is told where the secret goes.
 */
function refuseLegacyParameters(context: IExecuteFunctions, credential: DestinationCredential, itemIndex: number): void {
	const set = credential.legacyParameters.filter(({ name }) => {
		const value = context.getNodeParameter(name, itemIndex, '') as unknown;
		return value !== undefined && value !== null && String(value).trim() !== '';
	});
	if (set.length === 0) return;
	const labels = set.map(({ label }) => label);
	const fields = credential.fields.map(({ label }) => label);
	throw new NodeOperationError(
		context.getNode(),
		`${listed(labels)} ${set.length === 1 ? 'is' : 'are'} set on the node, but this secret now belongs in an "${credential.displayName}" credential`,
		{
			itemIndex,
			description:
				`Create an "${credential.displayName}" credential with the ${listed(fields)}, select it on this node, then clear the node's old ${listed(labels)} ` +
				`${set.length === 1 ? 'field' : 'fields'} so that no secret stays in the workflow. Nothing was sent.`,
		},
	);
}

/**
 * The values of the destination credential selected on the node, trimmed and checked before any
 * request: the old node parameters, a missing credential and an empty or malformed field each stop
 * the item with an error that names them.
 */
export async function destinationCredentialValues(
	context: IExecuteFunctions,
	credential: DestinationCredential,
	itemIndex: number,
): Promise<Record<string, string>> {
	refuseLegacyParameters(context, credential, itemIndex);
	const holds = `: it holds the ${listed(credential.fields.map(({ label }) => label))} Adobe needs for this destination`;
	const data = await selectedCredentialData(context, credential, itemIndex, holds);
	const problem = credentialProblem(credential, data);
	if (problem) throw credentialValueError(context, credential, problem, itemIndex);
	const values: Record<string, string> = {};
	for (const field of credential.fields) values[field.name] = valueOf(data, field.name);
	return values;
}

/** The auth of an Amazon S3 destination base connection (aepp's createBaseConnectionS3Target). */
export async function s3DestinationAuth(context: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const { accessKeyId, secretAccessKey } = await destinationCredentialValues(context, S3_DESTINATION_CREDENTIAL, itemIndex);
	return { specName: 'Access Key', params: { s3AccessKey: accessKeyId, s3SecretKey: secretAccessKey } };
}

/** The auth of an Azure Blob destination base connection (aepp's createBaseConnectionBlobTarget). */
export async function blobDestinationAuth(context: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const { connectionStringSecret } = await destinationCredentialValues(context, BLOB_DESTINATION_CREDENTIAL, itemIndex);
	return { specName: 'ConnectionString', params: { connectionString: connectionStringSecret } };
}
