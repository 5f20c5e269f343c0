import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { sourceSchedule, type SourceFrequency } from '../../../shared/aep/schedule';
import { pinnedEtagParameter, requiredId, showFor, validated } from '../common';
import { getEntity, patchEntity, type PatchOperation } from '../entities';
import { flowLocator } from '../locators';
import { patchOperationsParameter, readPatchOperations } from '../patch';

const show = showFor('flow', 'update');

export const description: INodeProperties[] = [
	{ ...flowLocator, displayOptions: show },
	{
		displayName: 'Update With',
		name: 'updateType',
		type: 'options',
		options: [
			{ name: 'Fields', value: 'fields', description: 'Name, description, schedule or mapping' },
			{ name: 'JSON Patch', value: 'patch', description: 'Your own JSON Patch operations' },
		],
		default: 'fields',
		displayOptions: show,
	},
	{
		displayName: 'Update Fields',
		name: 'updateFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		displayOptions: { show: { ...show?.show, updateType: ['fields'] } },
		options: [
			{ displayName: 'Description', name: 'description', type: 'string', default: '' },
			{
				displayName: 'Mapping ID',
				name: 'mappingId',
				type: 'string',
				default: '',
				description: 'Mapping set to use in the flow\'s Mapping transformation',
			},
			{ displayName: 'Mapping Version', name: 'mappingVersion', type: 'number', default: 0, description: 'Version of that mapping set' },
			{ displayName: 'Name', name: 'name', type: 'string', default: '' },
			{
				displayName: 'Schedule Frequency',
				name: 'frequency',
				type: 'options',
				options: [
					{ name: 'Day', value: 'day' },
					{ name: 'Hour', value: 'hour' },
					{ name: 'Minute', value: 'minute' },
					{ name: 'Once', value: 'once' },
					{ name: 'Week', value: 'week' },
				],
				default: 'day',
			},
			{ displayName: 'Schedule Interval', name: 'interval', type: 'number', default: 1, description: 'Runs every this many frequency units (at least 15 for minutes)' },
			{ displayName: 'Schedule Start Time', name: 'startTime', type: 'dateTime', default: '' },
		],
	},
	patchOperationsParameter({ show: { ...show?.show, updateType: ['patch'] } }),
	pinnedEtagParameter('flow', ['update']),
];

interface UpdateFields {
	description?: string;
	mappingId?: string;
	mappingVersion?: number;
	name?: string;
	frequency?: SourceFrequency;
	interval?: number;
	startTime?: string;
}

/** FlowManager.updateFlowMapping done right: replace the transformation named Mapping, wherever it sits. */
function mappingOperation(context: IExecuteFunctions, flow: IDataObject, fields: UpdateFields, itemIndex: number): PatchOperation {
	const transformations = (flow.transformations as IDataObject[] | undefined) ?? [];
	const index = transformations.findIndex((t) => String(t.name).toLowerCase() === 'mapping');
	if (index === -1) {
		throw new NodeOperationError(context.getNode(), 'The flow has no Mapping transformation to update', {
			itemIndex,
			description: 'Only flows created with a mapping can change it. Add one with a JSON Patch "add" on /transformations/-.',
		});
	}
	return {
		op: 'replace',
		path: `/transformations/${index}`,
		value: { name: 'Mapping', params: { mappingId: fields.mappingId!.trim(), mappingVersion: Number(fields.mappingVersion ?? 0) } },
	};
}


export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const flowId = requiredId(this, 'flowId', 'Flow', itemIndex);
	const pinnedEtag = this.getNodeParameter('etag', itemIndex, '') as string;
	if (this.getNodeParameter('updateType', itemIndex) === 'patch') {
		return await patchEntity(this, 'flows', flowId, readPatchOperations(this, itemIndex), pinnedEtag, itemIndex);
	}
	const fields = this.getNodeParameter('updateFields', itemIndex, {}) as UpdateFields;
	const operations: PatchOperation[] = [];
	if (fields.name !== undefined) {
		if (!fields.name.trim()) throw new NodeOperationError(this.getNode(), '"Name" is empty', { itemIndex, description: 'Give the flow a name or remove the field.' });
		operations.push({ op: 'replace', path: '/name', value: fields.name.trim() });
	}
	if (fields.description !== undefined) operations.push({ op: 'replace', path: '/description', value: fields.description });
	if (fields.frequency !== undefined || fields.interval !== undefined || fields.startTime) {
		const schedule = validated(this, itemIndex, () =>
			sourceSchedule({ frequency: fields.frequency ?? 'day', interval: fields.interval, startTime: fields.startTime || undefined }),
		);
		for (const [key, value] of Object.entries(schedule)) operations.push({ op: 'replace', path: `/scheduleParams/${key}`, value });
	}
	let current: IDataObject | undefined;
	if (fields.mappingId?.trim()) {
		current = await getEntity(this, 'flows', flowId, itemIndex);
		operations.push(mappingOperation(this, current, fields, itemIndex));
	}
	if (operations.length === 0) {
		throw new NodeOperationError(this.getNode(), 'Nothing to update', { itemIndex, description: 'Add at least one field under "Update Fields".' });
	}
	return await patchEntity(this, 'flows', flowId, operations, pinnedEtag || (current?.etag as string | undefined), itemIndex);
}
