import type { IExecuteFunctions, INodeExecutionData, INodeType, INodeTypeDescription } from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';

import * as connection from './actions/connection';
import * as connectionSpec from './actions/connectionSpec';
import * as datasetExport from './actions/datasetExport';
import * as flow from './actions/flow';
import * as flowSpec from './actions/flowSpec';
import * as landingZone from './actions/landingZone';
import * as run from './actions/run';
import * as sourceConnection from './actions/sourceConnection';
import * as targetConnection from './actions/targetConnection';
import { router } from './actions/router';
import { getConnectionSpecs, getFlows, getFlowSpecs } from '../shared/methods/options';
import {
	searchConnections,
	searchConnectionSpecs,
	searchFlows,
	searchFlowSpecs,
	searchSourceConnections,
	searchTargetConnections,
} from './methods/listSearch';

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
					{ name: 'Connection Spec', value: 'connectionSpec' },
					{ name: 'Dataset Export', value: 'datasetExport' },
					{ name: 'Flow', value: 'flow' },
					{ name: 'Flow Spec', value: 'flowSpec' },
					{ name: 'Landing Zone', value: 'landingZone' },
					{ name: 'Run', value: 'run' },
					{ name: 'Source Connection', value: 'sourceConnection' },
					{ name: 'Target Connection', value: 'targetConnection' },
				],
				default: 'flow',
			},
			...connection.description,
			...connectionSpec.description,
			...datasetExport.description,
			...flow.description,
			...flowSpec.description,
			...landingZone.description,
			...run.description,
			...sourceConnection.description,
			...targetConnection.description,
			{
				displayName: 'Items in Parallel',
				name: 'concurrency',
				type: 'number',
				typeOptions: { minValue: 1, maxValue: 16 },
				default: 1,
				description:
					'How many input items are sent to Adobe at the same time. Output keeps the input order. Throttled calls are retried, so raise it only as far as your API quota allows.',
			},
			{
				displayName: 'Request Timeout',
				name: 'requestTimeout',
				type: 'number',
				typeOptions: { minValue: 1, maxValue: 600 },
				default: 60,
				description:
					'The most seconds one call to Adobe may take, from sending it to the last byte of the answer. A call that times out is tried again when that is safe (reads, never creates).',
			},
		],
	};

	methods = {
		listSearch: { searchFlows, searchConnections, searchConnectionSpecs, searchFlowSpecs, searchSourceConnections, searchTargetConnections },
		loadOptions: { getConnectionSpecs, getFlowSpecs, getFlows },
	};

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return await router.call(this);
	}
}
