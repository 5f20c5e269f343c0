import type { ICredentialDataDecryptedObject, IExecuteFunctions } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

/**
 * The credentials that only supply values of a request body (the destinations' keys, the connection
 * secrets): read when selected, else an error naming the credential; a bad value is an error that
 * says where to correct it. Both stop the item before any request.
 */
export async function selectedCredentialData(
	context: IExecuteFunctions,
	credential: { name: string; displayName: string },
	itemIndex: number,
	whatToSelect: string,
): Promise<ICredentialDataDecryptedObject> {
	if (!context.getNode().credentials?.[credential.name]) {
		throw new NodeOperationError(context.getNode(), `No "${credential.displayName}" credential is selected`, {
			itemIndex,
			description: `Select or create an "${credential.displayName}" credential on this node${whatToSelect}. Nothing was sent.`,
		});
	}
	return await context.getCredentials(credential.name, itemIndex);
}

/** The error for a value of the selected credential that cannot be sent; `problem` names the field, never the value. */
export function credentialValueError(context: IExecuteFunctions, credential: { displayName: string }, problem: string, itemIndex: number): NodeOperationError {
	return new NodeOperationError(context.getNode(), problem, {
		itemIndex,
		description: `Open the "${credential.displayName}" credential selected on this node and correct it. Nothing was sent.`,
	});
}
