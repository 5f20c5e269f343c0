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
