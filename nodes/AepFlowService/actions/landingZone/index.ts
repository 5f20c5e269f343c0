import type { INodeProperties } from 'n8n-workflow';

import type { ResourceOperations } from '../types';
import * as explore from './explore';
import * as getContainer from './getContainer';
import * as getCredentials from './getCredentials';
import * as previewFile from './previewFile';
import * as refreshCredentials from './refreshCredentials';

export const operations: ResourceOperations = { explore, getContainer, getCredentials, previewFile, refreshCredentials };

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['landingZone'] } },
		options: [
			{ name: 'Explore', value: 'explore', action: 'Explore the landing zone', description: 'List the files and folders of the source landing zone' },
			{ name: 'Get Container', value: 'getContainer', action: 'Get the landing zone container', description: 'Get where the landing zone lives (Azure or AWS) and how long files stay' },
			{ name: 'Get Credentials', value: 'getCredentials', action: 'Get the landing zone credentials', description: 'Get the SAS token or AWS keys to read and write landing zone files' },
			{ name: 'Preview File', value: 'previewFile', action: 'Preview a landing zone file', description: 'Get the schema and first rows of a landing zone file' },
			{
				name: 'Refresh Credentials',
				value: 'refreshCredentials',
				action: 'Refresh the landing zone credentials',
				description: 'Rotate the landing zone credentials; the old ones stop working',
			},
		],
		default: 'getContainer',
	},
	...explore.description,
	...getContainer.description,
	...getCredentials.description,
	...previewFile.description,
	...refreshCredentials.description,
];
