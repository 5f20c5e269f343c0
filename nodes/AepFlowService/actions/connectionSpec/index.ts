import type { INodeProperties } from 'n8n-workflow';

import type { ResourceOperations } from '../types';
import * as get from './get';
import * as getByName from './getByName';
import * as getMany from './getMany';

export const operations: ResourceOperations = { get, getByName, getMany };

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['connectionSpec'] } },
		options: [
			{ name: 'Get', value: 'get', action: 'Get a connection spec', description: 'Get a connection spec by ID' },
			{ name: 'Get by Name', value: 'getByName', action: 'Get a connection spec ID by name', description: 'Find the ID of the connection spec with an exact name' },
			{ name: 'Get Many', value: 'getMany', action: 'Get many connection specs', description: 'List connection specs, or map their names to IDs' },
		],
		default: 'getMany',
	},
	...get.description,
	...getByName.description,
	...getMany.description,
];
