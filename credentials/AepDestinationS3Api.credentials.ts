import type { ICredentialType, INodeProperties } from 'n8n-workflow';

/**
 * The AWS access key of an Amazon S3 destination. AEP Flow Service sends both values to Adobe in the
 * body of Connection → Create (auth spec "Access Key"); Adobe then writes exports to the bucket with
 * them. Nothing here signs requests to AWS, and the Adobe Experience Platform API credential still
 * authenticates every call. Its test (run by the node) checks the keys' shape; Adobe checks them
 * when the connection is created or tested.
 */
export class AepDestinationS3Api implements ICredentialType {
	name = 'aepDestinationS3Api';

	displayName = 'AEP Destination: Amazon S3 API';

	icon = { light: 'file:../icons/aep.svg', dark: 'file:../icons/aep.dark.svg' } as const;

	documentationUrl = 'https://experienceleague.adobe.com/en/docs/experience-platform/destinations/catalog/cloud-storage/amazon-s3';

	properties: INodeProperties[] = [
		{
			displayName: 'Access Key ID',
			name: 'accessKeyId',
			type: 'string',
			default: '',
			required: true,
			placeholder: 'e.g. AKIAIOSFODNN7EXAMPLE',
			description: 'The access key ID of the AWS IAM user that may write to the bucket',
		},
		{
			displayName: 'Secret Access Key',
			name: 'secretAccessKey',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			required: true,
			description: 'The secret access key of that IAM user',
		},
	];
}
