import type { IDataObject } from 'n8n-workflow';

import { catalogBatchOf, nextListingStart, rowErrorFilesOf, sampleRowsOf, type RowErrorFile, type RowErrorLine } from '../aep/rowErrors';
import { isNotFoundError } from '../transport/errors';
import { serverDateMs } from '../transport/headers';
import { PageGuard } from '../transport/paging';
import { aepRequest, aepRequestFull, type AepContext } from '../transport/request';
import type { RetryPolicy } from '../transport/retry';

/**
 * The client of a batch's failed-record diagnostics: Catalog's batch (status, counts per error code)
 * and Data Access's row-error files. Shared by the action node and the trigger.
 */

export interface CallOptions {
	itemIndex?: number;
	/** The most one request may take (the trigger keeps its samples within the poll's budget). */
	timeoutMs?: number;
	retryPolicy?: RetryPolicy;
}

/** The call's answer, or `fallback` when Adobe answered 404; any other error stays as it is. */
async function unlessNotFound<T, F>(call: Promise<T>, fallback: F): Promise<T | F> {
	return await call.then(
		(answer) => answer,
		async (error: unknown) => (isNotFoundError(error) ? fallback : await Promise.reject(error as Error)),
	);
}

const batchPath = (batchId: string) => `/batches/${encodeURIComponent(batchId)}`;

/** Catalog's batch, and Adobe's time of the answer; `batch` undefined when Catalog does not know it (404). */
export async function catalogBatch(context: AepContext, batchId: string, options: CallOptions = {}): Promise<{ batch: IDataObject | undefined; now: number }> {
	const answer = await unlessNotFound(aepRequestFull<IDataObject>(context, { method: 'GET', service: 'catalog', path: batchPath(batchId), ...options }), undefined);
	return answer ? { batch: catalogBatchOf(answer.body, batchId), now: serverDateMs(answer.headers) ?? Date.now() } : { batch: undefined, now: Date.now() };
}

/**
 * The batch's row-error files, page by page (`start`/`limit`, as Data Access lists them). Ends on a
 * page without a next link; a next link that does not move on, or too many pages, is an error.
 */
export async function* rowErrorFilePages(context: AepContext, batchId: string, options: CallOptions = {}): AsyncGenerator<RowErrorFile[]> {
	const guard = new PageGuard(context, `the row-error files of batch ${batchId}`, undefined, options.itemIndex);
	let start = 0;
	for (;;) {
		const answer = await aepRequest<IDataObject>(context, {
			method: 'GET',
			service: 'dataAccess',
			path: `${batchPath(batchId)}/meta`,
			query: { path: 'row_errors', ...(start ? { start } : {}) },
			...options,
		});
		const files = rowErrorFilesOf(answer);
		yield files;
		const next = nextListingStart(answer);
		if (next === undefined) return;
		// The next offset is the page's token: one seen before, or a page without a new file, ends with an error.
		guard.accept(
			files.map((file) => ({ id: file.name })),
			String(next),
		);
		start = next;
	}
}

/** One row-error file's bytes (JSON Lines, as Adobe serves it). */
export async function rowErrorFile(context: AepContext, batchId: string, name: string, options: CallOptions = {}): Promise<Buffer> {
	const answer = await aepRequestFull<Buffer>(context, {
		method: 'GET',
		service: 'dataAccess',
		path: `${batchPath(batchId)}/meta`,
		query: { path: `row_errors/${name}` },
		answer: 'bytes',
		...options,
	});
	return answer.body ?? Buffer.alloc(0);
}

/** Adobe's small sample of a batch's row errors (`row_error_samples.json`); empty when it has none (404). */
export async function sampleRowErrors(context: AepContext, batchId: string, options: CallOptions = {}): Promise<RowErrorLine[]> {
	const answer = await unlessNotFound(
		aepRequest<IDataObject>(context, { method: 'GET', service: 'dataAccess', path: `${batchPath(batchId)}/meta`, query: { path: 'row_error_samples.json' }, ...options }),
		undefined,
	);
	return answer === undefined ? [] : sampleRowsOf(answer);
}

