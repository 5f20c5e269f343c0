import type { INodeProperties } from 'n8n-workflow';

import { showFor, type OperationKey } from './operationDefinitions';

export const runIdParameter = (operation: OperationKey<'run'>): INodeProperties => ({
	displayName: 'Run ID',
	name: 'runId',
	type: 'string',
	required: true,
	default: '',
	placeholder: 'e.g. d9024c32-2174-4271-824c-322174627101',
	description: 'The ID of the dataflow run',
	displayOptions: showFor(operation),
});

export const simplifyParameter = (operation: OperationKey<'run'>): INodeProperties => ({
	displayName: 'Simplify',
	name: 'simplify',
	type: 'boolean',
	default: true,
	description: 'Whether to return a simplified version of the response instead of the raw data',
	displayOptions: showFor(operation),
});
