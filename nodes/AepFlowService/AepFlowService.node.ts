import type { IExecuteFunctions, INodeExecutionData, INodeType, INodeTypeDescription } from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';

import { registry, resourceProperties } from './actions/registry';
import { RESOURCES, type ResourceName } from './descriptions/operationDefinitions';
import { MAX_CONCURRENCY, router } from './actions/router';
import { testAepConnectionSecrets, testAepDestinationAzureBlob, testAepDestinationS3 } from './methods/credentialTests';
import { getConnectionSpecs, getFlows, getFlowSpecs } from '../shared/methods/options';
import {
	searchConnections,
	searchConnectionSpecs,
	searchFailedRuns,
	searchFlows,
	searchRuns,
	searchRunsWithFailures,
	searchFlowSpecs,
	searchSourceConnections,
	searchTargetConnections,
} from './methods/listSearch';

/**
 * The subtitle under the node on the canvas, in words ("Get Many: Flow"): an expression that looks
 * the resource and operation values up in a table built from the registry.
 */
function operationSubtitle(): string {
	const names: Record<string, string> = {};
	for (const resource of Object.keys(RESOURCES) as ResourceName[]) {
		for (const [value, module] of Object.entries(registry[resource].operations)) names[`${resource}:${value}`] = `${module.operation.name}: ${RESOURCES[resource]}`;
	}
	return `={{ ${JSON.stringify(names)}[$parameter["resource"] + ":" + $parameter["operation"]] || $parameter["operation"] }}`;
}

export class AepFlowService implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'AEP Flow Service',
		name: 'aepFlowService',
		icon: { light: 'file:../../icons/aep.svg', dark: 'file:../../icons/aep.dark.svg' },
		group: ['transform'],
		// 1.1: Simplify on flow and connection reads, on by default; version 1 workflows keep whole objects.
		version: [1, 1.1],
		defaultVersion: 1.1,
		subtitle: operationSubtitle(),
		description: 'Manage Adobe Experience Platform dataflows, connections and runs with the Flow Service API',
		defaults: { name: 'AEP Flow Service' },
		usableAsTool: true,
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		credentials: [
			{ name: 'adobeAepApi', required: true },
			// Secrets of export destinations, sent in the body of Connection → Create; never in the workflow.
			{
				name: 'aepDestinationS3Api',
				required: true,
				testedBy: 'testAepDestinationS3',
				displayOptions: { show: { resource: ['connection'], operation: ['create'], createType: ['s3Destination'] } },
			},
			{
				name: 'aepDestinationAzureBlobApi',
				required: true,
				testedBy: 'testAepDestinationAzureBlob',
				displayOptions: { show: { resource: ['connection'], operation: ['create'], createType: ['blobDestination'] } },
			},
			// Secret auth params of any other account, added to Connection → Create or Update when asked for
			// (the switch is shown only for Create's From Fields and Full JSON, and Update's Auth Params).
			{
				name: 'aepConnectionSecretsApi',
				required: true,
				testedBy: 'testAepConnectionSecrets',
				displayOptions: {
					show: { resource: ['connection'], operation: ['create', 'update'], secretsFromCredential: [true] },
					hide: { createType: ['blobDestination', 'dlzDestination', 'profileStore', 's3Destination', 'streaming'], updateType: ['fields', 'patch'] },
				},
			},
		],
		properties: [
			...resourceProperties('flow'),
			{
				displayName: 'Request Options',
				name: 'requestOptions',
				type: 'collection',
				placeholder: 'Add option',
				default: {},
				options: [
					{
						displayName: 'Items in Parallel',
						name: 'concurrency',
						type: 'number',
						typeOptions: { minValue: 1, maxValue: MAX_CONCURRENCY },
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
			},
			// Where these were before they moved into Request Options: kept (hidden) so saved workflows keep them.
			{ displayName: 'Items in Parallel', name: 'concurrency', type: 'hidden', default: 1 },
			{ displayName: 'Request Timeout', name: 'requestTimeout', type: 'hidden', default: 60 },
		],
	};

	methods = {
		credentialTest: { testAepDestinationS3, testAepDestinationAzureBlob, testAepConnectionSecrets },
		listSearch: {
			searchFlows,
			searchConnections,
			searchConnectionSpecs,
			searchFailedRuns,
			searchFlowSpecs,
			searchRuns,
			searchRunsWithFailures,
			searchSourceConnections,
			searchTargetConnections,
		},
		loadOptions: { getConnectionSpecs, getFlowSpecs, getFlows },
	};

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return await router.call(this);
	}
}
