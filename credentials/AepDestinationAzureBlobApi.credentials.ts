import type { ICredentialType, INodeProperties } from 'n8n-workflow';

/**
 * The connection string of an Azure Blob Storage destination. AEP Flow Service sends it to Adobe in
 * the body of Connection → Create (auth spec "ConnectionString"); Adobe then writes exports to the
 * storage account with it. The Adobe Experience Platform API credential still authenticates every
 * call. Its test (run by the node) checks the string's shape; Adobe checks it when the connection
 * is created or tested. The field's name says "secret" so that n8n's lint rules know it is one.
 */
export class AepDestinationAzureBlobApi implements ICredentialType {
	name = 'aepDestinationAzureBlobApi';

	displayName = 'AEP Destination: Azure Blob API';

	icon = { light: 'file:../icons/aep.svg', dark: 'file:../icons/aep.dark.svg' } as const;

	documentationUrl = 'https://experienceleague.adobe.com/en/docs/experience-platform/destinations/catalog/cloud-storage/azure-blob';

	properties: INodeProperties[] = [
		{
			displayName: 'Connection String',
			name: 'connectionStringSecret',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			required: true,
			placeholder: 'e.g. DefaultEndpointsProtocol=https;AccountName=...;AccountKey=...;EndpointSuffix=core.windows.net',
			description: 'The connection string of the storage account (Azure portal → Storage account → Access keys)',
		},
	];
}
