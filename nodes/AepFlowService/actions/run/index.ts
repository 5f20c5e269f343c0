import type { INodeProperties } from 'n8n-workflow';

import type { ResourceOperations } from '../types';
import * as create from './create';
import * as get from './get';
import * as getErrors from './getErrors';
import * as getMany from './getMany';
import * as retry from './retry';
import * as waitForCompletion from './waitForCompletion';

export const operations: ResourceOperations = { create, get, getErrors, getMany, retry, waitForCompletion };

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['run'] } },
		options: [
			{ name: 'Create', value: 'create', action: 'Create a run', description: 'Start an on-demand run of a dataflow for a time window' },
			{ name: 'Get', value: 'get', action: 'Get a run', description: 'Get a dataflow run by ID' },
			{ name: 'Get Errors', value: 'getErrors', action: 'Get the errors of a run', description: 'Get one item per error of a run, with its batch IDs' },
			{ name: 'Get Many', value: 'getMany', action: 'Get many runs', description: 'List dataflow runs, filtered by flow, status and start time' },
			{ name: 'Retry', value: 'retry', action: 'Retry a run', description: 'Re-trigger a failed run; returns the new run' },
			{
				name: 'Wait for Completion',
				value: 'waitForCompletion',
				action: 'Wait for a run to complete',
				description: 'Poll a run until it succeeds, fails or partly succeeds',
			},
		],
		default: 'getMany',
	},
	...create.description,
	...get.description,
	...getErrors.description,
	...getMany.description,
	...retry.description,
	...waitForCompletion.description,
];
