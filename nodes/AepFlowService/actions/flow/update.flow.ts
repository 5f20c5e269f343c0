import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { mappingIndex, mappingTransformation } from '../../../shared/aep/flows';
import { sourceSchedule, type SourceFrequency } from '../../../shared/aep/schedule';
import { getEntity, patchEntity, type PatchOperation } from '../../../shared/flowservice/entities';
import { flowLocator } from '../../descriptions/locators';
import { defineOperation } from '../../descriptions/operationDefinitions';
import { updateParameters } from '../../descriptions/updateDescriptions';
import { idParameter, pinnedEtagOf, validated, wholeNumberParameter, workflowTimeZone } from '../../parameters/itemParameters';
import { nameAndDescriptionOperations, readPatchOperations, requireChanges, type UpdateFieldsInput } from '../../parameters/patchParameters';

export const operation = defineOperation({
	resource: 'flow',
	operation: 'update',
	name: 'Update',
	action: 'Update a flow',
	description: 'Change name, description, schedule, mapping, or apply JSON Patch',
});

export const description: INodeProperties[] = updateParameters(operation, flowLocator, {
	fieldsHint: 'Name, description, schedule or mapping',
	patchHint: 'Your own JSON Patch operations',
	extraFields: [
		{
			displayName: 'Mapping ID',
			name: 'mappingId',
			type: 'string',
			default: '',
			description: "Mapping set to use in the flow's Mapping transformation",
		},
		{ displayName: 'Mapping Version', name: 'mappingVersion', type: 'number', default: 0, description: 'Version of that mapping set' },
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
});

interface UpdateFields extends UpdateFieldsInput {
	mappingId?: string;
	frequency?: SourceFrequency;
	interval?: number;
	startTime?: string;
}

/** The schedule fields as this operation names them. */
const SCHEDULE_LABELS = { frequency: 'Schedule Frequency', interval: 'Schedule Interval', startTime: 'Schedule Start Time' };

/** FlowManager.updateFlowMapping done right: replace the transformation named Mapping, wherever it sits. */
function mappingOperation(context: IExecuteFunctions, flow: IDataObject, mappingId: string, itemIndex: number): PatchOperation {
	const index = mappingIndex(flow);
	if (index === -1) {
		throw new NodeOperationError(context.getNode(), 'The flow has no Mapping transformation to update', {
			itemIndex,
			description: 'Only flows created with a mapping can change it. Add one with a JSON Patch "add" on /transformations/-.',
		});
	}
	return {
		op: 'replace',
		path: `/transformations/${index}`,
		// A whole number of at least 0 (Adobe stores it as text: "0").
		value: mappingTransformation(
			mappingId,
			wholeNumberParameter(context, 'updateFields.mappingVersion', 'Mapping Version', itemIndex, {
				min: 0,
				fallback: 0,
				hint: 'Set "Mapping Version" to the version of the mapping set, e.g. 0. The flow was not changed.',
			}),
		),
	};
}

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const flowId = idParameter(this, 'flowId', 'Flow', itemIndex);
	const pinnedEtag = pinnedEtagOf(this, itemIndex);
	if (this.getNodeParameter('updateType', itemIndex) === 'patch') {
		return await patchEntity(this, 'flows', flowId, readPatchOperations(this, itemIndex), pinnedEtag, itemIndex);
	}
	const fields = this.getNodeParameter('updateFields', itemIndex, {}) as UpdateFields;
	const operations = nameAndDescriptionOperations(this, fields, 'flow', itemIndex);
	if (fields.frequency !== undefined || fields.interval !== undefined || fields.startTime) {
		const schedule = validated(this, itemIndex, () =>
			sourceSchedule(
				{ frequency: fields.frequency ?? 'day', interval: fields.interval, startTime: fields.startTime || undefined, timeZone: workflowTimeZone(this) },
				SCHEDULE_LABELS,
			),
		);
		for (const [key, value] of Object.entries(schedule)) operations.push({ op: 'replace', path: `/scheduleParams/${key}`, value });
	}
	const mappingId = idParameter(this, 'updateFields.mappingId', 'Mapping ID', itemIndex, { optional: true });
	let current: IDataObject | undefined;
	if (mappingId) {
		current = await getEntity(this, 'flows', flowId, itemIndex);
		operations.push(mappingOperation(this, current, mappingId, itemIndex));
	}
	requireChanges(this, operations, itemIndex);
	return await patchEntity(this, 'flows', flowId, operations, pinnedEtag || (current?.etag as string | undefined), itemIndex);
}
