import type { INodeProperties } from 'n8n-workflow';

/** A resource locator for an Adobe entity: pick from a searchable list or paste its ID. */
export function entityLocator(displayName: string, name: string, searchListMethod: string, description: string): INodeProperties {
	return {
		displayName,
		name,
		type: 'resourceLocator',
		default: { mode: 'list', value: '' },
		required: true,
		description,
		modes: [
			{ displayName: 'From List', name: 'list', type: 'list', typeOptions: { searchListMethod, searchable: true } },
			{ displayName: 'By ID', name: 'id', type: 'string', placeholder: 'e.g. 2edc08ac-4df5-4fe6-936f-81a19ce92f5c' },
		],
	};
}

export const flowLocator = entityLocator('Flow', 'flowId', 'searchFlows', 'The dataflow to use');
export const connectionLocator = entityLocator('Connection', 'connectionId', 'searchConnections', 'The base connection to use');
export const sourceConnectionLocator = entityLocator('Source Connection', 'sourceConnectionId', 'searchSourceConnections', 'The source connection to use');
export const targetConnectionLocator = entityLocator('Target Connection', 'targetConnectionId', 'searchTargetConnections', 'The target connection to use');
export const connectionSpecLocator = entityLocator('Connection Spec', 'connectionSpec', 'searchConnectionSpecs', 'The connection spec to use');
export const flowSpecLocator = entityLocator('Flow Spec', 'flowSpec', 'searchFlowSpecs', 'The flow spec to use');

export const baseConnectionLocator = entityLocator('Base Connection', 'baseConnectionId', 'searchConnections', 'The base connection it uses');

/** A run: picked from the recent runs that failed records, by ID, or by a link pasted from the Experience Platform UI. */
export function runLocator(description: string): INodeProperties {
	return {
		displayName: 'Run',
		name: 'runId',
		type: 'resourceLocator',
		default: { mode: 'list', value: '' },
		required: true,
		description,
		modes: [
			{ displayName: 'From List', name: 'list', type: 'list', typeOptions: { searchListMethod: 'searchRunsWithFailures', searchable: true } },
			{
				displayName: 'By ID',
				name: 'id',
				type: 'string',
				placeholder: 'e.g. d9024c32-2174-4271-824c-322174627101',
				validation: [{ type: 'regex', properties: { regex: UUID_PATTERN, errorMessage: 'Not a run ID: a run ID looks like d9024c32-2174-4271-824c-322174627101' } }],
			},
			{
				displayName: 'By URL',
				name: 'url',
				type: 'string',
				placeholder: 'e.g. https://experience.adobe.com/#/@org/sname:prod/platform/source/dataflows/…/runs/d9024c32-…',
				validation: [{ type: 'regex', properties: { regex: `.*${UUID_PATTERN.slice(1, -1)}.*`, errorMessage: 'The link holds no run ID' } }],
			},
		],
	};
}

const UUID_PATTERN = '^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$';
