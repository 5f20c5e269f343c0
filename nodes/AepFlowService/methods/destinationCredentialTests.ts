import type { ICredentialDataDecryptedObject, ICredentialsDecrypted, ICredentialTestFunctions, INodeCredentialTestResult } from 'n8n-workflow';

import { BLOB_DESTINATION_CREDENTIAL, credentialProblem, S3_DESTINATION_CREDENTIAL } from '../parameters/destinationCredentials';
import type { DestinationCredential } from '../parameters/destinationCredentials';

/**
 * The "Test" button of the destination credentials. Their values are only ever sent to Adobe, in
 * the body of Connection → Create, and checking them against AWS or Azure would need request
 * signing this package does not do: the test checks their shape, and says that Adobe checks the
 * keys themselves when the connection is created (and by Connection → Test).
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
