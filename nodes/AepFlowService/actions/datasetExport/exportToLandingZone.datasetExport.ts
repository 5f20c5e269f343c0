import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { dataLakeSourceConnectionBody, datasetToLandingZoneTargetBody, type Compression, type DatasetFileType } from '../../../shared/aep/bodies';
import { CONNECTION_SPECS, FLOW_SPECS } from '../../../shared/aep/ids';
import { exportSchedule, type ExportMode, type ExportTimeUnit } from '../../../shared/aep/schedule';
import { CompositeCreate } from '../../../shared/flowservice/compositeCreate';
import { getEntity } from '../../../shared/flowservice/entities';
import { exportableDatasets } from '../../../shared/flowservice/exportableDatasets';
import { showFor, defineOperation } from '../../descriptions/operationDefinitions';
import { dateTimeMs, idListParameter, validated, workflowTimeZone } from '../../parameters/itemParameters';

export const operation = defineOperation({
	resource: 'datasetExport',
	operation: 'exportToLandingZone',
	name: 'Export to Landing Zone',
	action: 'Export datasets to the landing zone',
	description: 'Create the connections and the scheduled dataflow that export datasets to the Data Landing Zone',
});

const show = showFor(operation);

export const description: INodeProperties[] = [
	{
		displayName: 'Name',
		name: 'name',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'e.g. Web Events daily export',
		description: 'Name of the dataflow; its connections are named after it',
		displayOptions: show,
	},
	{
		displayName: 'Dataset IDs',
		name: 'datasetIds',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'e.g. 5f8e1c2a9b3d4e0017a1b2c3, 5f8e1c2a9b3d4e0017a1b2c4',
		description: 'The datasets to export, separated by commas. They must be exportable (see Get Exportable Datasets).',
		displayOptions: show,
	},
	{
		displayName: 'Path',
		name: 'path',
		type: 'string',
		required: true,
		default: '/dataset-exports',
		description: 'Folder of the destination landing zone the files are written to',
		displayOptions: show,
	},
	{
		displayName: 'File Type',
		name: 'fileType',
		type: 'options',
		default: 'JSON',
		description: 'Format of the exported files',
		displayOptions: show,
		options: [
			{ name: 'Delimited', value: 'DELIMITED' },
			{ name: 'JSON', value: 'JSON', description: 'Always compressed with gzip' },
			{ name: 'Parquet', value: 'PARQUET' },
		],
	},
	{
		displayName: 'Compression',
		name: 'compression',
		type: 'options',
		default: 'GZIP',
		description: 'Whether to compress the exported files',
		displayOptions: { show: { ...show?.show, fileType: ['DELIMITED', 'PARQUET'] } },
		options: [
			{ name: 'Gzip', value: 'GZIP' },
			{ name: 'None', value: 'NONE' },
		],
	},
	{
		displayName: 'Export Mode',
		name: 'exportMode',
		type: 'options',
		default: 'FIRST_FULL_THEN_INCREMENTAL',
		description: 'What each export contains',
		displayOptions: show,
		options: [
			{ name: 'Daily Full Export', value: 'DAILY_FULL_EXPORT', description: 'Export the whole dataset every time' },
			{ name: 'First Full Then Incremental', value: 'FIRST_FULL_THEN_INCREMENTAL', description: 'Export everything once, then only what changed' },
		],
	},
	{
		displayName: 'Time Unit',
		name: 'timeUnit',
		type: 'options',
		default: 'day',
		description: 'Unit of the export interval',
		displayOptions: show,
		options: [
			{ name: 'Day', value: 'day' },
			{ name: 'Hour', value: 'hour' },
		],
	},
	{
		displayName: 'Interval',
		name: 'interval',
		type: 'number',
		default: 1,
		description: 'Export every this many time units: 3, 6, 9 or 12 hours, or 1 day',
		displayOptions: show,
	},
	{
		displayName: 'Start Time',
		name: 'startTime',
		type: 'dateTime',
		required: true,
		default: '',
		description: 'When the first export runs',
		displayOptions: show,
	},
	{
		displayName: 'Additional Fields',
		name: 'additionalFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		displayOptions: show,
		options: [
			{ displayName: 'Description', name: 'description', type: 'string', default: '', description: 'Description of the dataflow' },
			{ displayName: 'End Time', name: 'endTime', type: 'dateTime', default: '', description: 'When the exports stop. Leave empty to keep exporting.' },
			{
				displayName: 'Folder Name Template',
				name: 'folderNameTemplate',
				type: 'string',
				default: '',
				placeholder: 'e.g. %DESTINATION%_%DATASET_ID%_%DATETIME(YYYYMMdd_HHmmss)%',
				description: 'How the folder of each export is named. Leave empty for Adobe\'s default.',
			},
		],
	},
];

interface AdditionalFields {
	description?: string;
	endTime?: string;
	folderNameTemplate?: string;
}

/** A placeholder for the base connection id while the target body is checked before anything is created. */
const PENDING_BASE_CONNECTION = 'created-in-the-first-step';

/**
 * Exports datasets to the Data Landing Zone as one step: checks every input and that the datasets are
 * exportable, then creates the base connection, source connection, target connection and the flow.
 * If a step fails, what was already created is deleted again and the error says so.
 */
export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const name = String(this.getNodeParameter('name', itemIndex, '')).trim();
	if (name === '') {
		throw new NodeOperationError(this.getNode(), '"Name" is empty', { itemIndex, description: 'Set "Name": the dataflow and its connections are named after it.' });
	}
	const additional = this.getNodeParameter('additionalFields', itemIndex, {}) as AdditionalFields;
	const fileType = this.getNodeParameter('fileType', itemIndex) as DatasetFileType;
	// JSON exports are always compressed.
	const compression = fileType === 'JSON' ? 'GZIP' : (this.getNodeParameter('compression', itemIndex, 'GZIP') as Compression);
	const datasetIds = [...new Set(idListParameter(this, 'datasetIds', 'Dataset IDs', itemIndex))];
	const startTime = dateTimeMs(this, this.getNodeParameter('startTime', itemIndex, ''), 'Start Time', itemIndex);
	const endTime = dateTimeMs(this, additional.endTime, 'End Time', itemIndex);
	const { sourceBody, targetBody, scheduleParams } = validated(this, itemIndex, () => ({
		sourceBody: dataLakeSourceConnectionBody({ name: `${name} (source)`, datasetIds, description: additional.description }),
		targetBody: datasetToLandingZoneTargetBody({
			name: `${name} (target)`,
			baseConnectionId: PENDING_BASE_CONNECTION,
			path: String(this.getNodeParameter('path', itemIndex, '')),
			datasetFileType: fileType,
			compression,
			description: additional.description,
		}),
		scheduleParams: exportSchedule({
			timeUnit: this.getNodeParameter('timeUnit', itemIndex) as ExportTimeUnit,
			interval: this.getNodeParameter('interval', itemIndex) as number,
			startTime: startTime ?? '',
			endTime,
			exportMode: this.getNodeParameter('exportMode', itemIndex) as ExportMode,
			folderNameTemplate: additional.folderNameTemplate?.trim() || undefined,
			timeZone: workflowTimeZone(this),
		}),
	}));

	const exportable = new Set((await exportableDatasets(this, itemIndex)).map((dataset) => String(dataset.id)));
	const notExportable = datasetIds.filter((id) => !exportable.has(id));
	if (notExportable.length) {
		throw new NodeOperationError(this.getNode(), `These datasets cannot be exported: ${notExportable.join(', ')}`, {
			itemIndex,
			description: 'Check "Dataset IDs" against Get Exportable Datasets: each must exist in this sandbox and be exportable. Nothing was created.',
		});
	}

	const composite = new CompositeCreate(this, itemIndex, 'Exporting the datasets to the Data Landing Zone');
	return await composite.run(async () => {
		const baseConnectionId = await composite.create('connections', 'base connection', {
			name: `${name} (base connection)`,
			connectionSpec: { id: CONNECTION_SPECS.landingZoneDestination, version: '1.0' },
		});
		const sourceConnectionId = await composite.create('sourceConnections', 'source connection', sourceBody);
		const targetConnectionId = await composite.create('targetConnections', 'target connection', { ...targetBody, baseConnectionId });
		const flowBody: IDataObject = {
			name,
			flowSpec: { id: FLOW_SPECS.datasetExport, version: '1.0' },
			sourceConnectionIds: [sourceConnectionId],
			targetConnectionIds: [targetConnectionId],
			transformations: [],
			scheduleParams,
		};
		if (additional.description?.trim()) flowBody.description = additional.description;
		const flowId = await composite.create('flows', 'flow', flowBody);
		const flow = await getEntity(this, 'flows', flowId, itemIndex);
		return { flowId, baseConnectionId, sourceConnectionId, targetConnectionId, datasetIds, flow };
	});
}
