import type { IDataObject, INodeExecutionData, INodeType, INodeTypeDescription, IPollFunctions } from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';

import { getFlows } from '../shared/methods/options';
import { pollRuns } from './poll';
import { redactDeep } from '../shared/transport/redaction';
import { secretsUsedBy } from '../shared/transport/executionState';

export class AepFlowServiceTrigger implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'AEP Flow Service Trigger',
		name: 'aepFlowServiceTrigger',
		icon: { light: 'file:../../icons/aep.svg', dark: 'file:../../icons/aep.dark.svg' },
		group: ['trigger'],
		version: 1,
		subtitle: '={{$parameter["event"]}}',
		description: 'Starts the workflow when Adobe Experience Platform dataflow runs start, fail or finish',
		defaults: { name: 'AEP Flow Service Trigger' },
		polling: true,
		inputs: [],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: 'adobeAepApi', required: true }],
		properties: [
			{
				displayName: 'Event',
				name: 'event',
				type: 'options',
				options: [
					{ name: 'Failed Run', value: 'failedRun', description: 'A dataflow run failed' },
					{ name: 'Finished Run', value: 'finishedRun', description: 'A dataflow run ended with one of the chosen statuses' },
					{ name: 'New Run', value: 'newRun', description: 'A dataflow run was created' },
				],
				default: 'failedRun',
			},
			{
				displayName: 'Include Partial Success',
				name: 'includePartialSuccess',
				type: 'boolean',
				default: false,
				description: 'Whether runs that ended with failed records also fire, when they reach the thresholds below',
				displayOptions: { show: { event: ['failedRun'] } },
			},
			{
				displayName: 'Minimum Failed Records',
				name: 'minFailedRecords',
				type: 'number',
				typeOptions: { minValue: 1 },
				default: 1,
				description: 'A partially successful run fires only with at least this many failed records',
				displayOptions: { show: { event: ['failedRun'], includePartialSuccess: [true] } },
			},
			{
				displayName: 'Minimum Failed Percent',
				name: 'minFailedPercent',
				type: 'number',
				typeOptions: { minValue: 0, maxValue: 100, numberPrecision: 2 },
				default: 0,
				description: 'A partially successful run fires only when failed records are at least this percent of its input records',
				displayOptions: { show: { event: ['failedRun'], includePartialSuccess: [true] } },
			},
			{
				displayName: 'Statuses',
				name: 'statuses',
				type: 'multiOptions',
				options: [
					{ name: 'Failed', value: 'failed' },
					{ name: 'Partial Success', value: 'partialSuccess' },
					{ name: 'Success', value: 'success' },
				],
				default: ['success', 'failed', 'partialSuccess'],
				description: 'Terminal statuses that fire',
				displayOptions: { show: { event: ['finishedRun'] } },
			},
			{
				displayName: 'Flow Type',
				name: 'flowKind',
				type: 'options',
				options: [
					{ name: 'All Flows', value: 'all' },
					{ name: 'Source Flows Only', value: 'source', description: 'Dataflows that bring data into Platform' },
					{ name: 'Destination Flows Only', value: 'destination', description: 'Dataflows that send data out of Platform' },
				],
				default: 'all',
			},
			{
				displayName: 'Flow Names or IDs',
				name: 'flowIds',
				type: 'multiOptions',
				typeOptions: { loadOptionsMethod: 'getFlows' },
				default: [],
				description:
					'Only runs of these flows fire; none selected means every flow. Choose from the list, or specify IDs using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.',
			},
			{
				displayName: 'Options',
				name: 'options',
				type: 'collection',
				placeholder: 'Add option',
				default: {},
				options: [
					{
						displayName: 'Emit Runs of the Last Hours on Activation',
						name: 'lookbackHours',
						type: 'number',
						typeOptions: { minValue: 0 },
						default: 0,
						description: 'On first activation, also fire for matching runs of this many past hours. 0 fires only for runs after activation.',
					},
					{
						displayName: 'Max Runs per Poll',
						name: 'maxRunsPerPoll',
						type: 'number',
						typeOptions: { minValue: 1, maxValue: 1000 },
						default: 100,
						description: 'A larger backlog is delivered over the next polls, in order, without gaps',
					},
				],
			},
		],
	};

	methods = { loadOptions: { getFlows } };

	async poll(this: IPollFunctions): Promise<INodeExecutionData[][] | null> {
		const items: IDataObject[] | null = await pollRuns(this);
		// Run data comes from Adobe; a secret echoed into it (a token, a SAS signature) never reaches the workflow.
		return items && items.length ? [this.helpers.returnJsonArray(redactDeep(items, secretsUsedBy(this)))] : null;
	}
}
