import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { mappingTransformation } from '../../../shared/aep/flows';
import { CLOUD_STORAGE_FLOW_SPEC_NAME, CONNECTION_SPECS, FLOW_SPECS } from '../../../shared/aep/ids';
import { exportSchedule, sourceSchedule, type ExportMode, type ExportTimeUnit, type SourceFrequency } from '../../../shared/aep/schedule';
import { createAndGet, listEntities } from '../../../shared/flowservice/entities';
import { sourceConnectionLocator, targetConnectionLocator } from '../../descriptions/locators';
import { showFor, defineOperation } from '../../descriptions/operationDefinitions';
import { streamingFromDatasetDescription } from '../../descriptions/streamingDescriptions';
import { idListParameter, idParameter, requiredText, validated, wholeNumberParameter, workflowTimeZone } from '../../parameters/itemParameters';
import { requireKeys, jsonParameter } from '../../parameters/jsonParameters';
import { createStreamingFlowFromDataset } from '../../sharedOperations/streamingFromDatasetOperation';

export const operation = defineOperation({
	resource: 'flow',
	operation: 'create',
	name: 'Create',
	action: 'Create a flow',
	description: 'Create a dataflow, from fields, JSON or a ready-made recipe',
});

const show = showFor(operation);
const forTypes = (...createType: string[]) => ({ show: { ...show?.show, createType } });

const SOURCE_SCHEDULED = ['fields', 'landingZoneToDataLake'];
const MAPPED = ['fields', 'streaming', 'landingZoneToDataLake'];

export const description: INodeProperties[] = [
	{
		displayName: 'Type',
		name: 'createType',
		type: 'options',
		options: [
			{ name: 'Data Lake to Landing Zone (Dataset Export)', value: 'dataLakeToLandingZone', description: 'Export datasets to the Data Landing Zone on a schedule' },
			{ name: 'From Fields', value: 'fields', description: 'Any flow spec, connections, schedule and mapping' },
			{ name: 'From JSON', value: 'json', description: 'The full flow as Flow Service expects it' },
			{ name: 'Landing Zone to Data Lake', value: 'landingZoneToDataLake', description: 'Ingest files from the Data Landing Zone (CloudStorageToAEP)' },
			{ name: 'Streaming', value: 'streaming', description: 'HTTP API streaming flow between existing source and target connections' },
			{ name: 'Streaming From Dataset', value: 'streamingFromDataset', description: 'Build base, source and target connections and the flow for a dataset in one step' },
		],
		default: 'fields',
		displayOptions: show,
	},
	{
		displayName: 'Flow (JSON)',
		name: 'flowJson',
		type: 'json',
		default: '{\n  "name": "",\n  "flowSpec": { "id": "", "version": "1.0" },\n  "sourceConnectionIds": [],\n  "targetConnectionIds": []\n}',
		description: 'The flow to create, as Flow Service expects it',
		displayOptions: forTypes('json'),
	},
	{
		displayName: 'Name',
		name: 'name',
		type: 'string',
		default: '',
		required: true,
		displayOptions: forTypes('fields', 'streaming', 'dataLakeToLandingZone', 'landingZoneToDataLake'),
	},
	{
		displayName: 'Description',
		name: 'flowDescription',
		type: 'string',
		default: '',
		displayOptions: forTypes('fields', 'streaming', 'dataLakeToLandingZone', 'landingZoneToDataLake', 'streamingFromDataset'),
	},
	{
		displayName: 'Flow Spec Name or ID',
		name: 'flowSpecId',
		type: 'options',
		typeOptions: { loadOptionsMethod: 'getFlowSpecs' },
		default: '',
		required: true,
		description: 'Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>',
		displayOptions: forTypes('fields'),
	},
	{
		displayName: 'Source Connection IDs',
		name: 'sourceConnectionIds',
		type: 'string',
		default: '',
		required: true,
		description: 'Comma-separated IDs of the source connections',
		displayOptions: forTypes('fields'),
	},
	{
		displayName: 'Target Connection IDs',
		name: 'targetConnectionIds',
		type: 'string',
		default: '',
		required: true,
		description: 'Comma-separated IDs of the target connections',
		displayOptions: forTypes('fields'),
	},
	{ ...sourceConnectionLocator, displayOptions: forTypes('streaming', 'dataLakeToLandingZone', 'landingZoneToDataLake') },
	{ ...targetConnectionLocator, displayOptions: forTypes('streaming', 'dataLakeToLandingZone', 'landingZoneToDataLake') },
	{
		displayName: 'Frequency',
		name: 'frequency',
		type: 'options',
		options: [
			{ name: 'Day', value: 'day' },
			{ name: 'Hour', value: 'hour' },
			{ name: 'Minute', value: 'minute' },
			{ name: 'No Schedule', value: 'none', description: 'Send no schedule (streaming and on-demand flows)' },
			{ name: 'Once', value: 'once' },
			{ name: 'Week', value: 'week' },
		],
		default: 'minute',
		displayOptions: forTypes(...SOURCE_SCHEDULED),
	},
	{
		displayName: 'Interval',
		name: 'interval',
		type: 'number',
		default: 15,
		description: 'Runs every this many frequency units; at least 15 for minutes',
		displayOptions: forTypes(...SOURCE_SCHEDULED),
	},
	{
		displayName: 'Start Time',
		name: 'startTime',
		type: 'dateTime',
		default: '',
		description: 'When the schedule starts; empty means now',
		displayOptions: forTypes(...SOURCE_SCHEDULED),
	},
	{
		displayName: 'Export Every',
		name: 'exportTimeUnit',
		type: 'options',
		options: [
			{ name: 'Day', value: 'day', description: 'Once a day (interval 1)' },
			{ name: 'Hours', value: 'hour', description: 'Every 3, 6, 9 or 12 hours' },
		],
		default: 'day',
		displayOptions: forTypes('dataLakeToLandingZone'),
	},
	{
		displayName: 'Export Interval',
		name: 'exportInterval',
		type: 'number',
		default: 1,
		description: '1 for daily exports; 3, 6, 9 or 12 for hourly ones',
		displayOptions: forTypes('dataLakeToLandingZone'),
	},
	{
		displayName: 'Export Start Time',
		name: 'exportStartTime',
		type: 'dateTime',
		default: '',
		required: true,
		displayOptions: forTypes('dataLakeToLandingZone'),
	},
	{
		displayName: 'Export End Time',
		name: 'exportEndTime',
		type: 'dateTime',
		default: '',
		description: 'When exports stop; empty means never',
		displayOptions: forTypes('dataLakeToLandingZone'),
	},
	{
		displayName: 'Export Mode',
		name: 'exportMode',
		type: 'options',
		options: [
			{ name: 'Daily Full Export', value: 'DAILY_FULL_EXPORT' },
			{ name: 'First Full Then Incremental', value: 'FIRST_FULL_THEN_INCREMENTAL' },
		],
		default: 'DAILY_FULL_EXPORT',
		displayOptions: forTypes('dataLakeToLandingZone'),
	},
	{
		displayName: 'Mapping ID',
		name: 'mappingId',
		type: 'string',
		default: '',
		description: 'Mapping set applied by a Mapping transformation; empty for none',
		displayOptions: forTypes(...MAPPED),
	},
	{
		displayName: 'Mapping Version',
		name: 'mappingVersion',
		type: 'number',
		default: 0,
		displayOptions: forTypes(...MAPPED),
	},
	{
		displayName: 'Transformations (JSON)',
		name: 'transformationsJson',
		type: 'json',
		default: '[]',
		description: 'Extra transformations, e.g. a Copy transformation with a delta column',
		displayOptions: forTypes('fields'),
	},
	...streamingFromDatasetDescription(forTypes('streamingFromDataset')),
];

const flowSpec = (id: string): IDataObject => ({ id, version: '1.0' });

/** The export schedule fields as this operation names them. */
const EXPORT_SCHEDULE_LABELS = { timeUnit: 'Export Every', interval: 'Export Interval', startTime: 'Export Start Time', endTime: 'Export End Time' };

function mappingTransformations(context: IExecuteFunctions, itemIndex: number): IDataObject[] {
	const mappingId = idParameter(context, 'mappingId', 'Mapping ID', itemIndex, { optional: true });
	if (!mappingId) return [];
	return [mappingTransformation(mappingId, wholeNumberParameter(context, 'mappingVersion', 'Mapping Version', itemIndex, { min: 0, fallback: 0 }))];
}

function sourceScheduleOf(context: IExecuteFunctions, itemIndex: number): IDataObject | undefined {
	const frequency = context.getNodeParameter('frequency', itemIndex, 'none') as SourceFrequency | 'none';
	if (frequency === 'none') return undefined;
	const startTime = (context.getNodeParameter('startTime', itemIndex, '') as string) || Date.now();
	return validated(context, itemIndex, () =>
		sourceSchedule({ frequency, interval: context.getNodeParameter('interval', itemIndex, 15) as number, startTime, timeZone: workflowTimeZone(context) }),
	);
}

function namedFlow(context: IExecuteFunctions, itemIndex: number, spec: string): IDataObject {
	const body: IDataObject = { name: requiredText(context, 'name', 'Name', itemIndex), flowSpec: flowSpec(spec) };
	const text = (context.getNodeParameter('flowDescription', itemIndex, '') as string).trim();
	if (text) body.description = text;
	return body;
}

function pairOfConnections(context: IExecuteFunctions, itemIndex: number): IDataObject {
	return {
		sourceConnectionIds: [idParameter(context, 'sourceConnectionId', 'Source Connection', itemIndex)],
		targetConnectionIds: [idParameter(context, 'targetConnectionId', 'Target Connection', itemIndex)],
	};
}

/** The id of the CloudStorageToAEP flow spec that reads from the landing zone into the data lake. */
async function landingZoneFlowSpecId(context: IExecuteFunctions, itemIndex: number): Promise<string> {
	const specs = await listEntities(context, 'flowSpecs', { filters: [`name==${CLOUD_STORAGE_FLOW_SPEC_NAME}`] }, undefined, itemIndex);
	const fits = specs.filter(
		(spec) =>
			((spec.sourceConnectionSpecIds as string[] | undefined) ?? [CONNECTION_SPECS.landingZoneSource]).includes(CONNECTION_SPECS.landingZoneSource) &&
			((spec.targetConnectionSpecIds as string[] | undefined) ?? [CONNECTION_SPECS.dataLakeTarget]).includes(CONNECTION_SPECS.dataLakeTarget),
	);
	if (fits.length !== 1) {
		throw new NodeOperationError(context.getNode(), `Found ${fits.length} "${CLOUD_STORAGE_FLOW_SPEC_NAME}" flow specs for landing zone to data lake`, {
			itemIndex,
			description: 'Use Type "From Fields" and pick the flow spec yourself.',
		});
	}
	return String(fits[0].id);
}

async function flowBody(context: IExecuteFunctions, createType: string, itemIndex: number): Promise<IDataObject> {
	switch (createType) {
		case 'json': {
			const body = jsonParameter(context, 'flowJson', 'Flow (JSON)', itemIndex);
			requireKeys(context, body, ['name', 'flowSpec.id', 'sourceConnectionIds', 'targetConnectionIds'], 'Flow (JSON)', itemIndex);
			return body;
		}
		case 'fields': {
			const body = namedFlow(context, itemIndex, idParameter(context, 'flowSpecId', 'Flow Spec Name or ID', itemIndex));
			body.sourceConnectionIds = idListParameter(context, 'sourceConnectionIds', 'Source Connection IDs', itemIndex);
			body.targetConnectionIds = idListParameter(context, 'targetConnectionIds', 'Target Connection IDs', itemIndex);
			const extra = jsonParameter(context, 'transformationsJson', 'Transformations (JSON)', itemIndex, { shape: 'array', optional: true });
			body.transformations = [...extra, ...mappingTransformations(context, itemIndex)];
			const schedule = sourceScheduleOf(context, itemIndex);
			if (schedule) body.scheduleParams = schedule;
			return body;
		}
		case 'streaming': {
			// Adobe has one streaming flow spec with a mapping and one without.
			const transformations = mappingTransformations(context, itemIndex);
			const spec = transformations.length ? FLOW_SPECS.streamingWithTransformation : FLOW_SPECS.streaming;
			return { ...namedFlow(context, itemIndex, spec), ...pairOfConnections(context, itemIndex), transformations };
		}
		case 'dataLakeToLandingZone': {
			const scheduleParams = validated(context, itemIndex, () =>
				exportSchedule(
					{
						timeUnit: context.getNodeParameter('exportTimeUnit', itemIndex) as ExportTimeUnit,
						interval: context.getNodeParameter('exportInterval', itemIndex) as number,
						startTime: context.getNodeParameter('exportStartTime', itemIndex, '') as string,
						endTime: (context.getNodeParameter('exportEndTime', itemIndex, '') as string) || undefined,
						exportMode: context.getNodeParameter('exportMode', itemIndex) as ExportMode,
						timeZone: workflowTimeZone(context),
					},
					EXPORT_SCHEDULE_LABELS,
				),
			);
			return { ...namedFlow(context, itemIndex, FLOW_SPECS.datasetExport), ...pairOfConnections(context, itemIndex), transformations: [], scheduleParams };
		}
		case 'landingZoneToDataLake': {
			// Every input is read before the flow spec lookup, so a bad one fails before any call.
			const connections = pairOfConnections(context, itemIndex);
			const schedule = sourceScheduleOf(context, itemIndex);
			const body: IDataObject = { ...namedFlow(context, itemIndex, ''), ...connections, transformations: mappingTransformations(context, itemIndex) };
			body.flowSpec = flowSpec(await landingZoneFlowSpecId(context, itemIndex));
			return schedule ? { ...body, scheduleParams: schedule } : body;
		}
		default:
			throw new NodeOperationError(context.getNode(), `Unknown flow type "${createType}"`, { itemIndex });
	}
}

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const createType = this.getNodeParameter('createType', itemIndex) as string;
	if (createType === 'streamingFromDataset') return await createStreamingFlowFromDataset(this, itemIndex);
	return await createAndGet(this, 'flows', await flowBody(this, createType, itemIndex), itemIndex);
}
