import type { INodeProperties } from 'n8n-workflow';

import { CONNECTION_SECRETS_CREDENTIAL } from '../parameters/connectionSecrets';

type Show = NonNullable<INodeProperties['displayOptions']>['show'];

/**
 * The "Secrets From Credential" switch and its two notices, under JSON where auth params are typed
 * (Connection → Create by From Fields or Full JSON, Connection → Update of the auth params): off, the
 * user is told that what is typed is saved with the workflow; on, where the secrets come from.
 */
export function secretsFromCredentialParameters(show: Show): INodeProperties[] {
	const { displayName } = CONNECTION_SECRETS_CREDENTIAL;
	return [
		{
			displayName: 'Secrets From Credential',
			name: 'secretsFromCredential',
			type: 'boolean',
			default: false,
			description: `Whether to add secret auth params (passwords, keys, tokens) from an "${displayName}" credential, so that they are kept in n8n's encrypted credential store rather than in the workflow`,
			displayOptions: { show },
		},
		{
			displayName: `Passwords and keys typed into the JSON above are saved with the workflow and its exports. Turn on "Secrets From Credential" to keep them in an "${displayName}" credential instead.`,
			name: 'typedSecretsNotice',
			type: 'notice',
			default: '',
			displayOptions: { show: { ...show, secretsFromCredential: [false] } },
		},
		{
			displayName: `The secret auth params come from the "${displayName}" credential selected above and are added to the auth params of the request`,
			name: 'secretsCredentialNotice',
			type: 'notice',
			default: '',
			displayOptions: { show: { ...show, secretsFromCredential: [true] } },
		},
	];
}
