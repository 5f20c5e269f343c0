import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import { batchesWithFailedRecords, errorFilesOf, failedRowsOf, FailedRecordsUnavailable } from '../../../shared/diagnostics/runFailedRecords';
import { rowErrorFile } from '../../../shared/diagnostics/batchDiagnostics';
import { getEntity } from '../../../shared/flowservice/entities';
import { returnAllAndLimit } from '../../descriptions/listDescriptions';
import { runLocator } from '../../descriptions/locators';
import { defineOperation, ItemsWithBinary, showFor } from '../../descriptions/operationDefinitions';
import { maxItemsOf } from '../../parameters/itemParameters';
import { runIdOf } from '../../parameters/runParameters';

export const operation = defineOperation({
	resource: 'run',
	operation: 'getFailedRecords',
	name: 'Get Failed Records',
	action: 'Get the failed records of a run',
	description: 'Get the rows Adobe rejected in a run, with their error codes, messages and the raw record',
});

export const description: INodeProperties[] = [
	{ ...runLocator('The run whose failed records to get'), displayOptions: showFor(operation) },
	...returnAllAndLimit(operation),
	{
		displayName: 'Output',
		name: 'output',
		type: 'options',
		default: 'rows',
		description: 'What each item holds',
		displayOptions: showFor(operation),
		options: [
			{ name: 'One Item per Failed Record', value: 'rows', description: 'Codes, messages, column and XDM path, and the raw record' },
			{ name: 'One Item per Error File (Binary)', value: 'files', description: "Adobe's error files as they are (JSON Lines), for large volumes; Limit counts files" },
		],
	},
	{
		displayName: 'Options',
		name: 'failedRecordOptions',
		type: 'collection',
		placeholder: 'Add option',
		default: {},
		displayOptions: showFor(operation),
		options: [
			{
				displayName: 'Put Output File in Field',
				name: 'binaryPropertyName',
				type: 'string',
				default: 'data',
				description: 'With Output "One Item per Error File": the binary field each file goes in',
			},
			{
				displayName: 'When There Are No Failed Records',
				name: 'whenNone',
				type: 'options',
				default: 'error',
				options: [
					{ name: 'Stop With an Error', value: 'error', description: 'The error says why: no batches, none failed, diagnostics off or expired' },
					{ name: 'Return Nothing', value: 'nothing', description: 'Only for runs that failed no records; missing diagnostics stay an error' },
				],
			},
		],
	},
];

/** Rows in a JSON Lines file: its non-empty lines. */
function countLines(bytes: Buffer): number {
	return bytes
		.toString('utf8')
		.split('\n')
		.filter((line) => line.trim() !== '').length;
}

interface FailedRecordOptions {
	binaryPropertyName?: string;
	whenNone?: 'error' | 'nothing';
}

/** One item per failed row (or per error file, as binary data), read only as far as Limit needs. */
export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject[] | ItemsWithBinary> {
	const runId = runIdOf(this, itemIndex);
	const max = maxItemsOf(this, itemIndex) ?? Infinity;
	const output = this.getNodeParameter('output', itemIndex, 'rows') as 'rows' | 'files';
	const options = this.getNodeParameter('failedRecordOptions', itemIndex, {}) as FailedRecordOptions;
	const binaryPropertyName = (options.binaryPropertyName ?? 'data').trim() || 'data';

	const run = await getEntity(this, 'runs', runId, itemIndex);
	// "Return Nothing" is for runs that failed no records only: missing diagnostics stay an error.
	const nothingToReturn = (error: unknown) => error instanceof FailedRecordsUnavailable && error.outcome === 'noFailedRecords' && options.whenNone === 'nothing';
	const batches = await batchesWithFailedRecords(this, run, itemIndex).catch(async (error: unknown) => (nothingToReturn(error) ? undefined : await Promise.reject(error as Error)));
	if (!batches) return [];

	if (output === 'rows') {
		const rows: IDataObject[] = [];
		for await (const row of failedRowsOf(this, run, batches, { max, itemIndex })) rows.push(row);
		return rows;
	}
	const items: INodeExecutionData[] = [];
	for await (const { batchId, file } of errorFilesOf(this, runId, batches, itemIndex)) {
		if (items.length >= max) break;
		const bytes = await rowErrorFile(this, batchId, file.name, { itemIndex });
		const binary = await this.helpers.prepareBinaryData(bytes, file.name, 'application/x-ndjson');
		items.push({
			json: { runId, flowId: String(run.flowId ?? ''), batchId, fileName: file.name, bytes: bytes.length, records: countLines(bytes) },
			binary: { [binaryPropertyName]: binary },
		});
	}
	return new ItemsWithBinary(items);
}
