import type { INodeProperties } from 'n8n-workflow';

import type { ResourceOperations } from '../types';
import * as get from './get';
import * as getByNames from './getByNames';
import * as getMany from './getMany';

export const operations: ResourceOperations = { get, getByNames, getMany };

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['flowSpec'] } },
		options: [
			{ name: 'Get', value: 'get', action: 'Get a flow spec', description: 'Get a flow spec by ID' },
			{
				name: 'Get by Names',
				value: 'getByNames',
				action: 'Get a flow spec ID by names',
				description: 'Find the one flow spec with a name, optionally linking given source and target connection specs',
			},
			{ name: 'Get Many', value: 'getMany', action: 'Get many flow specs', description: 'List flow specs' },
		],
		default: 'getMany',
	},
	...get.description,
	...getByNames.description,
	...getMany.description,
];
