import type { IDataObject, INodeExecutionData, INodeType, INodeTypeDescription, IPollFunctions } from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';

import { aepRequest } from '../shared/transport/request';

interface RunsPage {
	items?: IDataObject[];
}

export class AepFlowServiceTrigger implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'AEP Flow Service Trigger',
		name: 'aepFlowServiceTrigger',
		icon: { light: 'file:../../icons/aep.svg', dark: 'file:../../icons/aep.dark.svg' },
		group: ['trigger'],
		version: 1,
		subtitle: '={{$parameter["event"]}}',
		description: 'Starts the workflow when Adobe Experience Platform dataflow runs start or fail',
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
				options: [{ name: 'New Run', value: 'newRun', description: 'A dataflow run was created' }],
				default: 'newRun',
			},
		],
	};

	async poll(this: IPollFunctions): Promise<INodeExecutionData[][] | null> {
		const state = this.getWorkflowStaticData('node');
		const latest = await aepRequest<RunsPage>(this, {
			method: 'GET',
			path: '/runs',
			query: {
				orderby: '-createdAt',
				limit: this.getMode() === 'manual' ? 1 : 100,
				property: typeof state.createdAfter === 'number' ? [`createdAt>${state.createdAfter}`] : undefined,
			},
		});
		const runs = latest.items ?? [];
		if (this.getMode() === 'manual') return runs.length ? [this.helpers.returnJsonArray(runs)] : null;
		const newest = runs.reduce((max, run) => Math.max(max, Number(run.createdAt ?? 0)), Number(state.createdAfter ?? 0));
		const firstPoll = state.createdAfter === undefined;
		state.createdAfter = newest;
		if (firstPoll || runs.length === 0) return null;
		return [this.helpers.returnJsonArray(runs.reverse())];
	}
}
