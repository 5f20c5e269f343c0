import type { IDataObject, IPollFunctions } from 'n8n-workflow';

import { failedRecordLinks, failedRowItem, rowErrorLines, type RowErrorLine } from '../shared/aep/rowErrors';
import { rowErrorFile, rowErrorFilePages, sampleRowErrors, type CallOptions } from '../shared/diagnostics/batchDiagnostics';
import { DEFAULT_RETRY_POLICY } from '../shared/transport/retry';

/**
 * Failed Run and Finished Run items can carry the first rows Adobe rejected. They are fetched after
 * the poll's events are settled and saved, within what is left of its budget: when time is short,
 * or Adobe does not answer, the item says why it has none, and the event itself is never held back.
 */

/** Adobe's sample file holds up to this many rows: one request covers samples up to it. */
const SAMPLE_FILE_ROWS = 10;

/** Why an item has the samples it has (a contract: `failedRecordSamplesStatus`). */
export type SampleStatus = 'included' | 'noFailedRecords' | 'noDiagnostics' | 'skippedForTime' | 'unavailable';

const failedCountOf = (item: IDataObject) => Number((item.records as IDataObject | undefined)?.failed ?? 0) || 0;

/** Up to `perEvent` rows: Adobe's sample file (one request) or the first error file (two). */
async function samplesOf(context: IPollFunctions, batchId: string, perEvent: number, options: CallOptions): Promise<{ lines: RowErrorLine[]; fileName: string }> {
	if (perEvent <= SAMPLE_FILE_ROWS) {
		const samples = await sampleRowErrors(context, batchId, options);
		if (samples.length) return { lines: samples.slice(0, perEvent), fileName: 'row_error_samples.json' };
	}
	for await (const files of rowErrorFilePages(context, batchId, options)) {
		const [first] = files;
		if (!first) break;
		return { lines: rowErrorLines((await rowErrorFile(context, batchId, first.name, options)).toString('utf8'), perEvent), fileName: first.name };
	}
	return { lines: [], fileName: '' };
}

/**
 * Adds `failedRecordSamples` and `failedRecordSamplesStatus` to each item, in order, until `until`
 * (epoch ms); an item past it is marked skipped. Never throws: a failure is the item's status.
 */
export async function addFailedRecordSamples(context: IPollFunctions, items: IDataObject[], perEvent: number, until: number): Promise<void> {
	for (const item of items) {
		const mark = (status: SampleStatus, rows: IDataObject[] = [], reason?: string) => {
			item.failedRecordSamples = rows;
			item.failedRecordSamplesStatus = status;
			if (reason) item.failedRecordSamplesReason = reason;
		};
		if (failedCountOf(item) === 0) {
			mark('noFailedRecords');
			continue;
		}
		// Adobe links a run's failed records only when the flow keeps error diagnostics.
		const link = failedRecordLinks((item.run as IDataObject | undefined) ?? {})[0];
		if (!link) {
			mark('noDiagnostics', [], 'The run links no failed records: error diagnostics may be off for the flow.');
			continue;
		}
		const remaining = until - Date.now();
		if (remaining < 1_000) {
			mark('skippedForTime', [], "The poll's time ran out before the samples could be fetched; Run → Get Failed Records has them.");
			continue;
		}
		const options: CallOptions = {
			timeoutMs: Math.min(10_000, remaining / 2),
			retryPolicy: { ...DEFAULT_RETRY_POLICY, maxAttempts: 2, maxTotalMs: remaining / 2 },
		};
		try {
			const { lines, fileName } = await samplesOf(context, link.batchId, perEvent, options);
			const place = { runId: String(item.runId ?? ''), flowId: String(item.flowId ?? ''), batchId: link.batchId, fileName };
			mark('included', lines.map((line) => failedRowItem(line, place)));
		} catch (error) {
			mark('unavailable', [], (error as Error).message);
		}
	}
}
