import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { patchEntity, type PatchOperation } from '../../../shared/flowservice/entities';
import { secretsFromCredentialParameters } from '../../descriptions/connectionSecretsDescriptions';
import { connectionLocator } from '../../descriptions/locators';
import { defineOperation } from '../../descriptions/operationDefinitions';
import { updateParameters } from '../../descriptions/updateDescriptions';
import { addCredentialSecrets, secretsFromCredential } from '../../parameters/connectionSecrets';
import { idParameter, pinnedEtagOf } from '../../parameters/itemParameters';
import { jsonParameter } from '../../parameters/jsonParameters';
import { nameAndDescriptionOperations, readPatchOperations, requireChanges, type UpdateFieldsInput } from '../../parameters/patchParameters';

export const operation = defineOperation({
	resource: 'connection',
	operation: 'update',
	name: 'Update',
	action: 'Update a connection',
	description: 'Change a base connection with JSON Patch',
});

export const description: INodeProperties[] = updateParameters(operation, connectionLocator, {
	fieldsHint: 'Name or description',
	patchHint: 'Your own JSON Patch operations',
	extraTypes: [
		{
			name: 'Auth Params',
			value: 'auth',
			description: 'Replace every auth param, e.g. after a password or key was rotated, with the secret ones from a credential',
			parameters: [
				{
					displayName: 'Auth Params (JSON)',
					name: 'newAuthParams',
					type: 'json',
					default: '{}',
					description: 'Every auth param of the connection, as its auth spec asks for them: Adobe replaces the whole set. Leave the secret ones out when they come from the credential.',
				},
				...secretsFromCredentialParameters({}),
			],
		},
	],
});

/**
 * The patch that replaces the auth params: the node's, plus the credential's secret ones when asked.
 * Adobe masks secrets when a connection is read, so the stored params cannot be read, merged and sent
 * back: the user gives the whole set.
 */
async function authParamsPatch(context: IExecuteFunctions, itemIndex: number): Promise<{ operations: PatchOperation[]; secrets: string[] }> {
	const params = jsonParameter(context, 'newAuthParams', 'Auth Params (JSON)', itemIndex, { optional: true, sensitive: true });
	const { auth, secrets } = secretsFromCredential(context, itemIndex)
		? await addCredentialSecrets(context, itemIndex, { params }, 'Auth Params (JSON)')
		: { auth: { params }, secrets: [] };
	if (Object.keys(auth.params as IDataObject).length === 0) {
		throw new NodeOperationError(context.getNode(), '"Auth Params (JSON)" is empty and no secrets come from a credential', {
			itemIndex,
			description: 'Give every auth param of the connection (Adobe replaces the whole set), or turn on "Secrets From Credential". Nothing was sent.',
		});
	}
	return { operations: [{ op: 'replace', path: '/auth/params', value: auth.params as IDataObject }], secrets };
}

/** Patches the connection with its current etag (or the pinned one) and returns it as stored afterwards. */
export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const id = idParameter(this, 'connectionId', 'Connection', itemIndex);
	const pinnedEtag = pinnedEtagOf(this, itemIndex);
	const updateType = this.getNodeParameter('updateType', itemIndex, 'fields');
	if (updateType === 'auth') {
		const { operations, secrets } = await authParamsPatch(this, itemIndex);
		return await patchEntity(this, 'connections', id, operations, pinnedEtag, itemIndex, secrets);
	}
	const operations =
		updateType === 'patch'
			? readPatchOperations(this, itemIndex)
			: requireChanges(this, nameAndDescriptionOperations(this, this.getNodeParameter('updateFields', itemIndex, {}) as UpdateFieldsInput, 'connection', itemIndex), itemIndex);
	return await patchEntity(this, 'connections', id, operations, pinnedEtag, itemIndex);
}
