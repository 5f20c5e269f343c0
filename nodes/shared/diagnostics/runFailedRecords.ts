import type { IDataObject, INode } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import {
	batchFailedRecordCount,
	diagnosticsEnabled,
	diagnosticsExpired,
	failedRecordLinks,
	failedRowItem,
	HOW_TO_ENABLE_DIAGNOSTICS,
	rowErrorLines,
	type RowErrorFile,
} from '../aep/rowErrors';
import { runBatchIds, runErrors, runStatus } from '../aep/runs';
import type { AepContext } from '../transport/request';
import { catalogBatch, rowErrorFile, rowErrorFilePages } from './batchDiagnostics';

/**
 * From a run to the rows Adobe rejected: the run's batches, Catalog's word on each (failed rows,
 * diagnostics kept, expired), then Data Access's row-error files. When there is nothing to return,
 * the reason is an error that says which, and what to do.
 */

/** Why a run has no failed records to return (a contract: the `outcome` of the error). */
export type NoFailedRecords = 'noBatches' | 'notKept' | 'noFailedRecords' | 'diagnosticsDisabled' | 'diagnosticsExpired';

export class FailedRecordsUnavailable extends NodeOperationError {
	constructor(
		node: INode,
		readonly outcome: NoFailedRecords,
		message: string,
		description: string,
		itemIndex?: number,
	) {
		super(node, message, { description, itemIndex });
	}
}

export interface BatchWithFailures {
	batchId: string;
	failedRecordCount: number | undefined;
}

const plural = (count: number, word: string) => `${count} ${word}${count === 1 ? '' : 's'}`;
const dayOf = (value: unknown) => {
	const time = Number(value);
	return Number.isFinite(time) && time > 0 ? new Date(time).toISOString().slice(0, 10) : 'an unknown day';
};

/** The run's batches that hold failed records Adobe still keeps; otherwise why there are none. */
export async function batchesWithFailedRecords(context: AepContext, run: IDataObject, itemIndex?: number): Promise<BatchWithFailures[]> {
	const runId = String(run.id ?? '');
	const unavailable = (outcome: NoFailedRecords, message: string, description: string) =>
		new FailedRecordsUnavailable(context.getNode(), outcome, message, description, itemIndex);
	const batchIds = [...new Set([...runBatchIds(run), ...failedRecordLinks(run).map((link) => link.batchId)])];
	const status = runStatus(run);
	if (batchIds.length === 0) {
		const pending = status === 'scheduled' || status === 'inProgress';
		const cause = runErrors(run)[0];
		throw unavailable(
			'noBatches',
			`Run ${runId} has no batches${pending ? ' yet: it is still running' : ''}`,
			pending
				? 'Failed records exist once the run has written its batch. Use Run → Wait for Completion first.'
				: `The run wrote no batch, so no record of it was rejected${cause ? `; it failed with ${cause.code ?? 'an error'}: ${cause.message ?? ''}` : ''}. Run → Get Errors shows why.`,
		);
	}
	const known: Array<{ batchId: string; batch: IDataObject; now: number }> = [];
	for (const batchId of batchIds) {
		const { batch, now } = await catalogBatch(context, batchId, { itemIndex });
		if (batch) known.push({ batchId, batch, now });
	}
	if (known.length === 0) {
		throw unavailable(
			'notKept',
			`Adobe keeps no failed records for run ${runId}: Catalog knows none of its ${plural(batchIds.length, 'batch')}`,
			`Batches: ${batchIds.join(', ')}. Failed records are kept for batches that sources ingest into datasets; a destination run reports only counts (Run → Get Errors).`,
		);
	}
	const failing = known.filter(({ batch }) => (batchFailedRecordCount(batch) ?? 0) > 0);
	if (failing.length === 0) {
		throw unavailable(
			'noFailedRecords',
			`Run ${runId} did not fail any records`,
			`Catalog counts 0 failed records in ${plural(known.length, 'batch')} (${known.map((entry) => entry.batchId).join(', ')}). If the run failed, it failed before ingesting records: Run → Get Errors shows why.`,
		);
	}
	const kept = failing.filter(({ batch }) => diagnosticsEnabled(batch) !== false);
	if (kept.length === 0) {
		const rows = failing.reduce((sum, { batch }) => sum + (batchFailedRecordCount(batch) ?? 0), 0);
		throw unavailable(
			'diagnosticsDisabled',
			`Error diagnostics were not enabled for the flow of run ${runId}: Adobe counted ${plural(rows, 'failed record')} but kept none of them`,
			HOW_TO_ENABLE_DIAGNOSTICS,
		);
	}
	const fresh = kept.filter(({ batch, now }) => !diagnosticsExpired(batch, now));
	if (fresh.length === 0) {
		throw unavailable(
			'diagnosticsExpired',
			`The failed records of run ${runId} have expired: Adobe keeps them for 30 days`,
			`Its batches completed on ${kept.map(({ batch }) => dayOf(batch.completed ?? batch.updated ?? batch.created)).join(', ')}. Read failed records within 30 days of a run, e.g. from the trigger's Failed Run event.`,
		);
	}
	return fresh.map(({ batchId, batch }) => ({ batchId, failedRecordCount: batchFailedRecordCount(batch) }));
}

export interface ErrorFileOfRun {
	batchId: string;
	file: RowErrorFile;
}

/** Every row-error file of the batches, in Adobe's order; a batch that lists none is an error when nothing else has any. */
export async function* errorFilesOf(context: AepContext, runId: string, batches: BatchWithFailures[], itemIndex?: number): AsyncGenerator<ErrorFileOfRun> {
	let listed = 0;
	for (const { batchId } of batches) {
		for await (const files of rowErrorFilePages(context, batchId, { itemIndex })) {
			for (const file of files) {
				listed++;
				yield { batchId, file };
			}
		}
	}
	if (listed === 0) {
		const counted = batches.reduce((sum, batch) => sum + (batch.failedRecordCount ?? 0), 0);
		throw new FailedRecordsUnavailable(
			context.getNode(),
			'diagnosticsExpired',
			`Adobe lists no row-error files for run ${runId}, though Catalog counts ${plural(counted, 'failed record')}`,
			'Adobe may still be writing them (try again in a few minutes), or they are no longer kept.',
			itemIndex,
		);
	}
}

/** The failed rows of the batches, one item each, reading files only as far as `max` rows need. */
export async function* failedRowsOf(
	context: AepContext,
	run: IDataObject,
	batches: BatchWithFailures[],
	{ max = Infinity, itemIndex }: { max?: number; itemIndex?: number } = {},
): AsyncGenerator<IDataObject> {
	const runId = String(run.id ?? '');
	const flowId = String(run.flowId ?? '');
	let given = 0;
	for await (const { batchId, file } of errorFilesOf(context, runId, batches, itemIndex)) {
		if (given >= max) return;
		const bytes = await rowErrorFile(context, batchId, file.name, { itemIndex });
		for (const line of rowErrorLines(bytes.toString('utf8'), max - given)) {
			given++;
			yield failedRowItem(line, { runId, flowId, batchId, fileName: file.name });
		}
	}
}
