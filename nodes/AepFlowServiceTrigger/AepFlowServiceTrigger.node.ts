import type { IDataObject, INodeExecutionData, INodeType, INodeTypeDescription, IPollFunctions } from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';

import { getFlows } from '../shared/methods/options';
import { pollRuns, SAMPLED_EVENTS } from './poll';
import { allowsDigest, DEFAULT_EVENT, hasAlertControl, RUN_EVENTS, watchesFlows } from './events/eventRegistry';
import { EVENT_PARAMETER } from './events/runEvent';
import { redactDeep } from '../shared/transport/redaction';
import { secretsUsedBy } from '../shared/transport/executionState';

const eventOptions = RUN_EVENTS.map(({ value, option }) => ({ name: option.name, value, description: option.description }));
// n8n lists options alphabetically, whatever order the events are registered in.
eventOptions.sort((a, b) => a.name.localeCompare(b.name));

/** The events whose alerts can be held back per flow or summed up in a digest. */
const ALERT_CONTROL_EVENTS = RUN_EVENTS.map((event) => event.value).filter(hasAlertControl);
/** The events whose alerts can be summed up in a digest. */
// Missed Run's items describe a flow, not a run: it has no raw run to leave out.
const RUN_ITEM_EVENTS = RUN_EVENTS.map((event) => event.value).filter((event) => !watchesFlows(event));
// Missed Run fires once per silent period by itself; a reminder is its only repeat.
const REMINDER_EVENTS = RUN_EVENTS.map((event) => event.value).filter((event) => hasAlertControl(event) || watchesFlows(event));
const DIGEST_EVENTS = RUN_EVENTS.map((event) => event.value).filter(allowsDigest);

/** The subtitle under the node on the canvas: the event's name ("Failed Run"), not its value. */
const EVENT_SUBTITLE = `={{ ${JSON.stringify(Object.fromEntries(RUN_EVENTS.map((event) => [event.value, event.option.name])))}[$parameter["${EVENT_PARAMETER}"]] || $parameter["${EVENT_PARAMETER}"] }}`;

export class AepFlowServiceTrigger implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'AEP Flow Service Trigger',
		name: 'aepFlowServiceTrigger',
		icon: { light: 'file:../../icons/aep.svg', dark: 'file:../../icons/aep.dark.svg' },
		group: ['trigger'],
		// 1.1: Simplify, on by default; workflows saved with version 1 keep the raw run in every item.
		version: [1, 1.1],
		defaultVersion: 1.1,
		subtitle: EVENT_SUBTITLE,
		description: 'Starts the workflow when Adobe Experience Platform dataflow runs start, fail, finish, run late or recover, or a flow misses its runs',
		defaults: { name: 'AEP Flow Service Trigger' },
		polling: true,
		inputs: [],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: 'adobeAepApi', required: true }],
		properties: [
			{
				displayName: 'Event',
				name: EVENT_PARAMETER,
				type: 'options',
				options: eventOptions,
				default: DEFAULT_EVENT,
			},
			...RUN_EVENTS.flatMap((event) => event.parameters),
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
				displayName:
					'A poll can deliver several items at once (one per event since the last poll): the next nodes run once per item. For one message per poll, set Options → Output to "One Digest per Poll".',
				name: 'severalItemsNotice',
				type: 'notice',
				default: '',
				displayOptions: { show: { event: DIGEST_EVENTS } },
			},
			{
				displayName: 'Simplify',
				name: 'simplify',
				type: 'boolean',
				default: true,
				description: 'Whether to return the run\'s essentials only; off adds the raw run as Adobe returns it, under "run"',
				displayOptions: { show: { event: RUN_ITEM_EVENTS, '@version': [{ _cnd: { gte: 1.1 } }] } },
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
						displayName: 'Include Failed Record Samples',
						name: 'failedRecordSamples',
						type: 'number',
						typeOptions: { minValue: 0, maxValue: 100 },
						default: 5,
						description:
							'Up to this many of the rows Adobe rejected, per event (in failedRecordSamples; needs error diagnostics on the flow). Fetched in the time the poll has left: failedRecordSamplesStatus says when they were skipped. 0 includes none.',
						displayOptions: { show: { '/event': SAMPLED_EVENTS } },
					},
					{
						displayName: 'Max Runs per Poll',
						name: 'maxRunsPerPoll',
						type: 'number',
						typeOptions: { minValue: 1, maxValue: 1000 },
						default: 100,
						description: 'A larger backlog is delivered over the next polls, in order, without gaps',
					},
					{
						displayName: 'Output',
						name: 'output',
						type: 'options',
						options: [
							{ name: 'One Item per Event', value: 'eachEvent' },
							{ name: 'One Digest per Poll', value: 'digest', description: 'One item with counts by flow and error, and the events: a burst is one message' },
						],
						default: 'eachEvent',
						displayOptions: { show: { '/event': DIGEST_EVENTS } },
					},
					{
						displayName: 'Reminder Every (Hours)',
						name: 'reminderHours',
						type: 'number',
						typeOptions: { minValue: 0 },
						default: 0,
						description:
							'Alert again about a flow still in trouble after this many hours: still failing or late (with Repeat "First per Flow Until It Recovers"), or still silent (Missed Run). 0 never reminds.',
						displayOptions: { show: { '/event': REMINDER_EVENTS } },
					},
					{
						displayName: 'Repeat',
						name: 'repeat',
						type: 'options',
						options: [
							{ name: 'Every Event', value: 'everyEvent' },
							{
								name: 'First per Flow Until It Recovers',
								value: 'firstPerFlow',
								description: 'A flow in trouble alerts once; the next word about it comes when it runs well again',
							},
						],
						default: 'everyEvent',
						displayOptions: { show: { '/event': ALERT_CONTROL_EVENTS } },
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
