import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { createAndGet } from '../../../shared/flowservice/entities';
import { flowLocator } from '../../descriptions/locators';
import { showFor, defineOperation } from '../../descriptions/operationDefinitions';
import { simplifyParameter, waitOptionsCollection } from '../../descriptions/runDescriptions';
import { dateTimeMs, idParameter } from '../../parameters/itemParameters';
import { shapeRun, waitSettingsOf } from '../../parameters/runParameters';
import { waitUntilFinished } from './waitForCompletion.run';

export const operation = defineOperation({
	resource: 'run',
	operation: 'create',
	name: 'Create',
	action: 'Create a run',
	description: 'Start an on-demand run of a dataflow for a time window',
});

export const description: INodeProperties[] = [
	{ ...flowLocator, description: 'The dataflow to run; it must be scheduled for one-time ingestion', displayOptions: showFor(operation) },
	{
		displayName: 'Window Start',
		name: 'windowStartTime',
		type: 'dateTime',
		required: true,
		default: '',
		description: 'Start of the time window whose data the run ingests',
		displayOptions: showFor(operation),
	},
	{
		displayName: 'Window End',
		name: 'windowEndTime',
		type: 'dateTime',
		required: true,
		default: '',
		description: 'End of the time window whose data the run ingests',
		displayOptions: showFor(operation),
	},
	{
		displayName: 'Wait for Completion',
		name: 'waitForCompletion',
		type: 'boolean',
		default: false,
		description: 'Whether to wait until the run succeeds, fails or partly succeeds, and return the finished run',
		displayOptions: showFor(operation),
	},
	waitOptionsCollection(operation, { waitForCompletion: [true] }),
	simplifyParameter(operation),
	{
		displayName: 'Additional Fields',
		name: 'additionalFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		displayOptions: showFor(operation),
		options: [
			{
				displayName: 'Delta Column',
				name: 'deltaColumn',
				type: 'string',
				default: '',
				description: 'Column of a table source that tells new rows from old ones (used on the first run only)',
			},
			{
				displayName: 'Start Time',
				name: 'startTime',
				type: 'dateTime',
				default: '',
				description: 'When the run starts. Leave empty to start it now.',
			},
		],
	},
];

const epochSecondsText = (ms: number) => String(Math.floor(ms / 1000));

/**
 * Starts an on-demand run with Adobe's documented body (times in epoch seconds, as strings), then
 * returns the run: as created, or once finished when "Wait for Completion" is on.
 */
export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const flowId = idParameter(this, 'flowId', 'Flow', itemIndex);
	const windowStart = dateTimeMs(this, this.getNodeParameter('windowStartTime', itemIndex, ''), 'Window Start', itemIndex);
	const windowEnd = dateTimeMs(this, this.getNodeParameter('windowEndTime', itemIndex, ''), 'Window End', itemIndex);
	if (windowStart === undefined || windowEnd === undefined) {
		throw new NodeOperationError(this.getNode(), `"${windowStart === undefined ? 'Window Start' : 'Window End'}" is empty`, {
			itemIndex,
			description: 'An on-demand run ingests the data of a time window: set both "Window Start" and "Window End".',
		});
	}
	if (windowStart >= windowEnd) {
		throw new NodeOperationError(this.getNode(), '"Window Start" must be before "Window End"', {
			itemIndex,
			description: `The window starts at ${new Date(windowStart).toISOString()} and ends at ${new Date(windowEnd).toISOString()}.`,
		});
	}
	const additional = this.getNodeParameter('additionalFields', itemIndex, {}) as { deltaColumn?: string; startTime?: string };
	const startTime = dateTimeMs(this, additional.startTime, 'Start Time', itemIndex) ?? Date.now();
	const params: IDataObject = {
		startTime: epochSecondsText(startTime),
		windowStartTime: epochSecondsText(windowStart),
		windowEndTime: epochSecondsText(windowEnd),
	};
	const deltaColumn = additional.deltaColumn?.trim();
	if (deltaColumn) params.deltaColumn = { name: deltaColumn };
	const waitSettings = this.getNodeParameter('waitForCompletion', itemIndex, false) ? waitSettingsOf(this, itemIndex) : undefined;
	const run = await createAndGet(this, 'runs', { flowId, params }, itemIndex);
	if (!waitSettings) return shapeRun(this, run, itemIndex);
	const finished = await waitUntilFinished(this, String(run.id), waitSettings, itemIndex, { read: run, created: true });
	return shapeRun(this, finished, itemIndex);
}
