import type { ICredentialDataDecryptedObject, ICredentialsDecrypted, ICredentialTestFunctions, INodeCredentialTestResult } from 'n8n-workflow';

import { checkSecretParams } from '../parameters/connectionSecrets';
import { BLOB_DESTINATION_CREDENTIAL, credentialProblem, S3_DESTINATION_CREDENTIAL } from '../parameters/destinationCredentials';
import type { DestinationCredential } from '../parameters/destinationCredentials';

/**
 * The "Test" button of the credentials that hold secrets of Connection → Create's body (the export
 * destinations' keys, the connection secrets). Their values are only ever sent to Adobe, in that
 * body, and checking them against AWS, Azure or a source system would need calls this package does
 * not make: the test checks their shape, and says that Adobe checks the values themselves when the
 * connection is created (and by Connection → Test).
 */
function shapeTest(credential: DestinationCredential) {
	return async function (this: ICredentialTestFunctions, decrypted: ICredentialsDecrypted<ICredentialDataDecryptedObject>): Promise<INodeCredentialTestResult> {
		const problem = credentialProblem(credential, decrypted.data ?? {});
		if (problem) return { status: 'Error', message: problem };
		const labels = credential.fields.map(({ label }) => `"${label}"`);
		const verb = labels.length === 1 ? 'looks' : 'look';
		return { status: 'OK', message: `The ${labels.join(' and ')} ${verb} right. Adobe checks ${labels.length === 1 ? 'it' : 'them'} when a connection is created.` };
	};
}

export const testAepDestinationS3 = shapeTest(S3_DESTINATION_CREDENTIAL);

export const testAepDestinationAzureBlob = shapeTest(BLOB_DESTINATION_CREDENTIAL);

/** The connection secrets: one JSON object; Adobe checks the values when the connection is created. */
export async function testAepConnectionSecrets(
	this: ICredentialTestFunctions,
	decrypted: ICredentialsDecrypted<ICredentialDataDecryptedObject>,
): Promise<INodeCredentialTestResult> {
	const checked = checkSecretParams(decrypted.data ?? {});
	if (checked.problem !== undefined) return { status: 'Error', message: checked.problem };
	const names = Object.keys(checked.params).map((key) => `"${key}"`).join(', ');
	return { status: 'OK', message: `The secret params ${names} are valid JSON. Adobe checks their values when a connection is created.` };
}
