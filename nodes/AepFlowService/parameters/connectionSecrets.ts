import type { ICredentialDataDecryptedObject, IDataObject, IExecuteFunctions } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { credentialValueError, selectedCredentialData } from './nodeCredentials';

/**
 * The "AEP Connection Secrets" credential of Connection → Create (From Fields, Full JSON): its JSON
 * object of secret auth params, checked (pure, also run by the credential's test) and merged into
 * the request body's `auth.params`. No message repeats a value of it, only param names.
 */
export const CONNECTION_SECRETS_CREDENTIAL = {
	name: 'aepConnectionSecretsApi',
	displayName: 'AEP Connection Secrets API',
	fieldLabel: 'Secret Auth Params (JSON)',
} as const;

const FIELD = `The "${CONNECTION_SECRETS_CREDENTIAL.fieldLabel}" of the "${CONNECTION_SECRETS_CREDENTIAL.displayName}" credential`;

export type SecretParamsCheck = { params: IDataObject; problem?: undefined } | { params?: undefined; problem: string };

/** The secret params of the credential's JSON text, or what is wrong with it as a sentence. */
export function checkSecretParams(data: ICredentialDataDecryptedObject): SecretParamsCheck {
	const text = typeof data.secretParams === 'string' ? data.secretParams.trim() : '';
	if (text === '') return { problem: `${FIELD} is empty` };
	let parsed: unknown;
	try {
		parsed = JSON.parse(text);
	} catch {
		// JSON.parse's own message quotes the text around the fault, which is the secret.
		return { problem: `${FIELD} is not valid JSON: write one object with every name and text value in double quotes, e.g. {"password": "…"}` };
	}
	if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed)) {
		return { problem: `${FIELD} is not a JSON object: write one object of param names and values, e.g. {"password": "…"}` };
	}
	const entries = Object.entries(parsed as IDataObject);
	if (entries.length === 0) return { problem: `${FIELD} is an empty object: add the secret params, e.g. {"password": "…"}` };
	const blank = entries.find(([key, value]) => key.trim() === '' || value === null || value === '');
	if (blank) {
		return { problem: blank[0].trim() === '' ? `${FIELD} has a param without a name` : `${FIELD} has no value for "${blank[0]}"` };
	}
	return { params: parsed as IDataObject };
}

/** Every string inside the secret params, to be redacted wherever a server echoes one back. */
export function secretStringsOf(params: IDataObject): string[] {
	const found: string[] = [];
	const walk = (value: unknown) => {
		if (typeof value === 'string') found.push(value);
		else if (typeof value === 'number') found.push(String(value));
		else if (Array.isArray(value)) value.forEach(walk);
		else if (value !== null && typeof value === 'object') Object.values(value).forEach(walk);
	};
	walk(params);
	return found;
}

/**
 * The auth with the credential's secret params added to the node's own. A param set in both is
 * refused (naming it), since either choice could send a value the user did not mean.
 */
export function withSecretParams(auth: IDataObject, secrets: IDataObject, nodeField: string): IDataObject | string {
	const params = auth.params;
	if (params !== undefined && (params === null || typeof params !== 'object' || Array.isArray(params))) {
		return `"${nodeField}" has auth.params that is not an object, so the credential's secret params cannot be added to it`;
	}
	const own = (params ?? {}) as IDataObject;
	const both = Object.keys(secrets).filter((key) => key in own);
	if (both.length > 0) {
		const names = both.map((key) => `"${key}"`).join(', ');
		return `${names} ${both.length === 1 ? 'is' : 'are'} set both in "${nodeField}" and in the "${CONNECTION_SECRETS_CREDENTIAL.displayName}" credential: keep ${both.length === 1 ? 'it' : 'them'} in one place`;
	}
	return { ...auth, params: { ...own, ...secrets } };
}

/** The checked secret params of the credential selected on the node; stops the item before any request. */
export async function connectionSecretParams(context: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const credential = CONNECTION_SECRETS_CREDENTIAL;
	const data = await selectedCredentialData(context, credential, itemIndex, ' with the secret auth params as JSON, or turn off "Secrets From Credential"');
	const checked = checkSecretParams(data);
	if (checked.problem !== undefined) throw credentialValueError(context, credential, checked.problem, itemIndex);
	return checked.params;
}

/** An auth object and the secret values in it that its keys may not reveal (to redact if echoed). */
export interface AuthWithSecrets {
	auth: IDataObject;
	secrets: string[];
}

/** Whether the item's "Secrets From Credential" switch is on. */
export const secretsFromCredential = (context: IExecuteFunctions, itemIndex: number): boolean =>
	context.getNodeParameter('secretsFromCredential', itemIndex, false) === true;

/**
 * The auth with the credential's secret params added (the switch is on); every check (the
 * credential, its JSON, a param set twice) runs before any request.
 */
export async function addCredentialSecrets(context: IExecuteFunctions, itemIndex: number, auth: IDataObject, nodeField: string): Promise<AuthWithSecrets> {
	const secrets = await connectionSecretParams(context, itemIndex);
	const merged = withSecretParams(auth, secrets, nodeField);
	if (typeof merged === 'string') throw new NodeOperationError(context.getNode(), merged, { itemIndex, description: 'Nothing was sent.' });
	return { auth: merged, secrets: secretStringsOf(secrets) };
}
