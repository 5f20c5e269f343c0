import type { IExecuteFunctions, INodeExecutionData, INodeType, INodeTypeDescription } from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';

import * as connection from './actions/connection';
import * as flow from './actions/flow';
import { router } from './actions/router';
import { getConnectionSpecs, getFlows, getFlowSpecs } from './methods/loadOptions';
import { searchConnections, searchFlows, searchSourceConnections, searchTargetConnections } from './methods/listSearch';

export class AepFlowService implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'AEP Flow Service',
		name: 'aepFlowService',
		icon: { light: 'file:../../icons/aep.svg', dark: 'file:../../icons/aep.dark.svg' },
		group: ['transform'],
		version: 1,
		subtitle: '={{$parameter["operation"] + ": " + $parameter["resource"]}}',
		description: 'Manage Adobe Experience Platform dataflows, connections and runs with the Flow Service API',
		defaults: { name: 'AEP Flow Service' },
		usableAsTool: true,
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: 'adobeAepApi', required: true }],
		properties: [
			{
				displayName: 'Resource',
				name: 'resource',
				type: 'options',
				noDataExpression: true,
				options: [
					{ name: 'Connection', value: 'connection' },
					{ name: 'Flow', value: 'flow' },
				],
				default: 'flow',
			},
			...connection.description,
			...flow.description,
		],
	};

	methods = {
		listSearch: { searchFlows, searchConnections, searchSourceConnections, searchTargetConnections },
		loadOptions: { getConnectionSpecs, getFlowSpecs, getFlows },
	};

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return await router.call(this);
	}
}
