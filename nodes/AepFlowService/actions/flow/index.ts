import type { INodeProperties } from 'n8n-workflow';

import type { ResourceOperations } from '../types';
import * as get from './get';
import * as getMany from './getMany';

export const operations: ResourceOperations = { get, getMany };

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['flow'] } },
		options: [
			{ name: 'Get', value: 'get', action: 'Get a flow', description: 'Get a dataflow by ID' },
			{ name: 'Get Many', value: 'getMany', action: 'Get many flows', description: 'List dataflows' },
		],
		default: 'getMany',
	},
	...get.description,
	...getMany.description,
];
