import type { INodeProperties } from 'n8n-workflow';

export function streamingFromDatasetDescription(displayOptions: INodeProperties['displayOptions']): INodeProperties[] {
	return [
		{
			displayName: 'Dataset ID',
			name: 'datasetId',
			type: 'string',
			default: '',
			required: true,
			description: 'The dataset the streamed records land in; its schema is read from Catalog',
			displayOptions,
		},
		{
			displayName: 'Flow Name',
			name: 'streamName',
			type: 'string',
			default: '',
			description: 'Empty uses the dataset name followed by "Stream"',
			displayOptions,
		},
		{
			displayName: 'Authentication Required',
			name: 'authenticationRequired',
			type: 'boolean',
			default: false,
			description: 'Whether senders must authenticate to the streaming endpoint',
			displayOptions,
		},
	];
}
