import type { INodeProperties } from 'n8n-workflow';

import type { ResourceOperations } from '../types';
import * as create from './create';

export const operations: ResourceOperations = { create };

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['connection'] } },
		options: [{ name: 'Create', value: 'create', action: 'Create a connection', description: 'Create a base connection' }],
		default: 'create',
	},
	...create.description,
];
