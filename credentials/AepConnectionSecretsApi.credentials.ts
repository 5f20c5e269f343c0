import type { ICredentialType, INodeProperties } from 'n8n-workflow';

/**
 * The secret auth params of any source or destination account (passwords, keys, tokens), for
 * Connection → Create by "From Fields" or "Full JSON". The node adds them to the body's
 * `auth.params` when it creates the connection, so they live in n8n's encrypted credential store
 * instead of the workflow. Nothing here authenticates a request: the Adobe Experience Platform API
 * credential still does. Its test (run by the node) checks the JSON; Adobe checks the values when
 * the connection is created or tested.
 */
export class AepConnectionSecretsApi implements ICredentialType {
	name = 'aepConnectionSecretsApi';

	displayName = 'AEP Connection Secrets API';

	icon = { light: 'file:../icons/aep.svg', dark: 'file:../icons/aep.dark.svg' } as const;

	documentationUrl = 'https://experienceleague.adobe.com/en/docs/experience-platform/sources/api-tutorials/create/cloud-storage/s3';

	properties: INodeProperties[] = [
		{
			displayName: 'Secret Auth Params (JSON)',
			name: 'secretParams',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			required: true,
			placeholder: 'e.g. {"password": "…"}',
			description:
				'One JSON object of the auth params that are secret, e.g. {"s3SecretKey": "…"} or {"password": "…"}. The node adds them to the auth params of the connection it creates; keep the other params (hosts, user names, key IDs) on the node.',
		},
	];
}
