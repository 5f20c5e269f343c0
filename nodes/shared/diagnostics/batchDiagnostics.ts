import type { IDataObject } from 'n8n-workflow';
import { NodeApiError } from 'n8n-workflow';

import { catalogBatchOf, nextListingStart, rowErrorFilesOf, sampleRowsOf, type RowErrorFile, type RowErrorLine } from '../aep/rowErrors';
import { headerValue } from '../transport/headers';
import { MAX_PAGES } from '../transport/paging';
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

const isNotFound = (error: unknown) => error instanceof NodeApiError && error.httpCode === '404';

/** The call's answer, or `fallback` when Adobe answered 404; any other error stays as it is. */
async function unlessNotFound<T, F>(call: Promise<T>, fallback: F): Promise<T | F> {
	return await call.then(
		(answer) => answer,
		async (error: unknown) => (isNotFound(error) ? fallback : await Promise.reject(error as Error)),
	);
}

const batchPath = (batchId: string) => `/batches/${encodeURIComponent(batchId)}`;

/** Adobe's clock from an answer's Date header, else this machine's. */
function serverNow(headers: IDataObject): number {
	const date = Date.parse(headerValue(headers, 'date') ?? '');
	return Number.isFinite(date) ? date : Date.now();
}

/** Catalog's batch, and Adobe's time of the answer; `batch` undefined when Catalog does not know it (404). */
export async function catalogBatch(context: AepContext, batchId: string, options: CallOptions = {}): Promise<{ batch: IDataObject | undefined; now: number }> {
	const answer = await unlessNotFound(aepRequestFull<IDataObject>(context, { method: 'GET', service: 'catalog', path: batchPath(batchId), ...options }), undefined);
	return answer ? { batch: catalogBatchOf(answer.body, batchId), now: serverNow(answer.headers) } : { batch: undefined, now: Date.now() };
}

/**
 * The batch's row-error files, page by page (`start`/`limit`, as Data Access lists them). Ends on a
 * page without a next link; a next link that does not move on, or too many pages, ends with an error.
 */
export async function* rowErrorFilePages(context: AepContext, batchId: string, options: CallOptions = {}): AsyncGenerator<RowErrorFile[]> {
	let start = 0;
	for (let page = 1; ; page++) {
		const answer = await aepRequest<IDataObject>(context, {
			method: 'GET',
			service: 'dataAccess',
			path: `${batchPath(batchId)}/meta`,
			query: { path: 'row_errors', ...(start ? { start } : {}) },
			...options,
		});
		yield rowErrorFilesOf(answer);
		const next = nextListingStart(answer);
		if (next === undefined) return;
		if (next <= start || page >= MAX_PAGES) {
			throw new NodeApiError(
				context.getNode(),
				{},
				{
					message: `The row-error files of batch ${batchId} did not end: page ${page} points ${next <= start ? 'back to where it was' : `beyond ${MAX_PAGES} pages`}`,
					description: 'Data Access kept answering a next page. Try again later; if it persists, tell Adobe support the batch ID.',
					itemIndex: options.itemIndex,
				},
			);
		}
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

