import type { INodeProperties } from 'n8n-workflow';

import { showFor } from './displayOptions';

export const runIdParameter = (operations: string[]): INodeProperties => ({
	displayName: 'Run ID',
	name: 'runId',
	type: 'string',
	required: true,
	default: '',
	placeholder: 'e.g. d9024c32-2174-4271-824c-322174627101',
	description: 'The ID of the dataflow run',
	displayOptions: showFor('run', operations),
});

export const simplifyParameter = (operations: string[]): INodeProperties => ({
	displayName: 'Simplify',
	name: 'simplify',
	type: 'boolean',
	default: true,
	description: 'Whether to return a simplified version of the response instead of the raw data',
	displayOptions: showFor('run', operations),
});
