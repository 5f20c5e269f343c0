import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { batchFailedRecordCount, batchSummary, diagnosticsEnabled, failedRowItem } from '../../../shared/aep/rowErrors';
import { runBatchIds, runErrors, runStatus } from '../../../shared/aep/runs';
import { catalogBatch, sampleRowErrors } from '../../../shared/diagnostics/batchDiagnostics';
import { getEntity } from '../../../shared/flowservice/entities';
import { defineOperation, showFor } from '../../descriptions/operationDefinitions';
import { runIdParameter } from '../../descriptions/runDescriptions';
import { runIdOf } from '../../parameters/runParameters';

export const operation = defineOperation({
	resource: 'run',
	operation: 'getErrors',
	name: 'Get Errors',
	action: 'Get the errors of a run',
	description: 'Get one item per error of a run, with its batches: failed records per error code and sample errors',
});

export const description: INodeProperties[] = [
	runIdParameter(operation),
	{
		displayName: 'Include Batch Details',
		name: 'batchDetails',
		type: 'boolean',
		default: true,
		description:
			"Whether to add each batch's status, failed records per error code and up to 10 sample errors from Catalog and Data Access (one or two more requests per batch)",
		displayOptions: showFor(operation),
	},
];

/** Catalog's word on each batch of the run, with Adobe's sample errors where it kept diagnostics. */
async function batchDetails(context: IExecuteFunctions, run: IDataObject, itemIndex: number): Promise<IDataObject[]> {
	const details: IDataObject[] = [];
	for (const batchId of runBatchIds(run)) {
		const { batch, now } = await catalogBatch(context, batchId, { itemIndex });
		if (!batch) {
			details.push({ batchId, known: false, note: 'Catalog does not know this batch (destination runs report counts only)' });
			continue;
		}
		const summary: IDataObject = { ...batchSummary(batchId, batch, now), known: true };
		if ((batchFailedRecordCount(batch) ?? 0) > 0 && diagnosticsEnabled(batch) !== false && !summary.diagnosticsExpired) {
			const place = { runId: String(run.id), flowId: String(run.flowId ?? ''), batchId, fileName: 'row_error_samples.json' };
			summary.sampleErrors = (await sampleRowErrors(context, batchId, { itemIndex })).map((line) => failedRowItem(line, place));
		}
		details.push(summary);
	}
	return details;
}

/** One item per error the run reports (run summary, failed records, activities); none when it has no errors. */
export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject[]> {
	const run = await getEntity(this, 'runs', runIdOf(this, itemIndex), itemIndex);
	const errors = runErrors(run);
	const context: IDataObject = { flowId: String(run.flowId ?? ''), runId: String(run.id), status: runStatus(run), batchIds: runBatchIds(run) };
	if (errors.length && (this.getNodeParameter('batchDetails', itemIndex, true) as boolean)) context.batches = await batchDetails(this, run, itemIndex);
	return errors.map((error) => ({ ...context, code: error.code, message: error.message, source: error.source }));
}
