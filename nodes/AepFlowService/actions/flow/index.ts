import type { INodeProperties } from 'n8n-workflow';

import type { ResourceOperations } from '../types';
import * as create from './create';
import * as deleteFlow from './delete';
import * as disable from './disable';
import * as enable from './enable';
import * as get from './get';
import * as getMany from './getMany';
import * as getSummary from './getSummary';
import * as update from './update';
import * as updatePolicies from './updatePolicies';

export const operations: ResourceOperations = { create, delete: deleteFlow, disable, enable, get, getMany, getSummary, update, updatePolicies };

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['flow'] } },
		options: [
			{ name: 'Create', value: 'create', action: 'Create a flow', description: 'Create a dataflow, from fields, JSON or a ready-made recipe' },
			{ name: 'Delete', value: 'delete', action: 'Delete a flow', description: 'Delete a dataflow' },
			{ name: 'Disable', value: 'disable', action: 'Disable a flow', description: 'Stop a dataflow from running' },
			{ name: 'Enable', value: 'enable', action: 'Enable a flow', description: 'Let a dataflow run on its schedule' },
			{ name: 'Get', value: 'get', action: 'Get a flow', description: 'Get a dataflow by ID' },
			{ name: 'Get Many', value: 'getMany', action: 'Get many flows', description: 'List dataflows, filtered by Flow Service' },
			{ name: 'Get Summary', value: 'getSummary', action: 'Get a flow summary', description: 'A dataflow with its specs, connections, datasets and latest runs' },
			{ name: 'Update', value: 'update', action: 'Update a flow', description: 'Change name, description, schedule, mapping, or apply JSON Patch' },
			{ name: 'Update Policies', value: 'updatePolicies', action: 'Update flow policies', description: 'Set the data usage policies a dataflow enforces' },
		],
		default: 'getMany',
	},
	...create.description,
	...deleteFlow.description,
	...disable.description,
	...enable.description,
	...get.description,
	...getMany.description,
	...getSummary.description,
	...update.description,
	...updatePolicies.description,
];
