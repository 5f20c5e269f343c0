import type { INodeProperties } from 'n8n-workflow';

import type { ResourceOperations } from '../types';
import * as create from './create';
import * as deleteConnection from './delete';
import * as explore from './explore';
import * as get from './get';
import * as getMany from './getMany';
import * as testConnection from './testConnection';
import * as update from './update';

export const operations: ResourceOperations = { create, delete: deleteConnection, explore, get, getMany, test: testConnection, update };

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['connection'] } },
		options: [
			{ name: 'Create', value: 'create', action: 'Create a connection', description: 'Create a base connection' },
			{ name: 'Delete', value: 'delete', action: 'Delete a connection', description: 'Delete a base connection that no flow uses' },
			{ name: 'Explore', value: 'explore', action: 'Explore a connection', description: 'Browse the folders, files or tables a base connection can read, or preview one' },
			{ name: 'Get', value: 'get', action: 'Get a connection', description: 'Get a base connection by ID' },
			{ name: 'Get Many', value: 'getMany', action: 'Get many connections', description: 'List base connections' },
			{ name: 'Test', value: 'test', action: 'Test a connection', description: 'Check that a base connection can reach its system with its credentials' },
			{ name: 'Update', value: 'update', action: 'Update a connection', description: 'Change a base connection with JSON Patch' },
		],
		default: 'create',
	},
	...create.description,
	...deleteConnection.description,
	...explore.description,
	...get.description,
	...getMany.description,
	...testConnection.description,
	...update.description,
];
