import type { INodeProperties } from 'n8n-workflow';

import type { ResourceOperations } from '../types';
import * as create from './create';
import * as deleteOperation from './delete';
import * as get from './get';
import * as getMany from './getMany';
import * as update from './update';

export const operations: ResourceOperations = { create, delete: deleteOperation, get, getMany, update };

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['targetConnection'] } },
		options: [
			{ name: 'Create', value: 'create', action: 'Create a target connection', description: 'Create a target connection' },
			{ name: 'Delete', value: 'delete', action: 'Delete a target connection', description: 'Delete a target connection' },
			{ name: 'Get', value: 'get', action: 'Get a target connection', description: 'Get a target connection by ID' },
			{ name: 'Get Many', value: 'getMany', action: 'Get many target connections', description: 'List target connections' },
			{ name: 'Update', value: 'update', action: 'Update a target connection', description: 'Change a target connection with JSON Patch' },
		],
		default: 'getMany',
	},
	...create.description,
	...deleteOperation.description,
	...get.description,
	...getMany.description,
	...update.description,
];
