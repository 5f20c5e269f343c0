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
		displayOptions: { show: { resource: ['sourceConnection'] } },
		options: [
			{ name: 'Create', value: 'create', action: 'Create a source connection', description: 'Create a source connection' },
			{ name: 'Delete', value: 'delete', action: 'Delete a source connection', description: 'Delete a source connection' },
			{ name: 'Get', value: 'get', action: 'Get a source connection', description: 'Get a source connection by ID' },
			{ name: 'Get Many', value: 'getMany', action: 'Get many source connections', description: 'List source connections' },
			{ name: 'Update', value: 'update', action: 'Update a source connection', description: 'Change a source connection with JSON Patch' },
		],
		default: 'getMany',
	},
	...create.description,
	...deleteOperation.description,
	...get.description,
	...getMany.description,
	...update.description,
];
