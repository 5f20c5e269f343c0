import type { IDataObject } from 'n8n-workflow';

import { epochMsOf } from './runTimes';

/**
 * Adobe's failed-record diagnostics, pure: the row-error files Data Access keeps for a batch, the
 * Catalog batch that counts them, and what it means when they are missing. No n8n, no HTTP.
 */

/** Adobe keeps row errors for 30 days after the batch. */
export const DIAGNOSTICS_RETENTION_MS = 30 * 24 * 3_600_000;

/** Catalog's answer when rows failed but the flow did not keep diagnostics. */
export const DIAGNOSTICS_DISABLED_CODE = 'INGEST-1211-400';

/** What Adobe must have enabled, for messages. */
export const HOW_TO_ENABLE_DIAGNOSTICS =
	'Enable error diagnostics on the dataflow (in the Experience Platform UI: the dataflow\'s "Error diagnostics" switch; in the API: the flow\'s options.errorDiagnosticsEnabled = true). Only runs after that keep their failed records.';

const asObject = (value: unknown): IDataObject | undefined => (value && typeof value === 'object' && !Array.isArray(value) ? (value as IDataObject) : undefined);
const asList = (value: unknown): unknown[] => (Array.isArray(value) ? value : []);

/** Catalog answers a batch keyed by its ID; the batch itself, or undefined when the answer holds none. */
export function catalogBatchOf(answer: unknown, batchId: string): IDataObject | undefined {
	const envelope = asObject(answer);
	if (!envelope) return undefined;
	return asObject(envelope[batchId]) ?? (Object.keys(envelope).length === 1 ? asObject(Object.values(envelope)[0]) : undefined);
}

const truthyTag = (value: unknown) => asList(value).concat(Array.isArray(value) ? [] : [value]).some((entry) => entry === true || String(entry).toLowerCase() === 'true');

/** Whether the batch was written with error diagnostics, as far as Catalog tells. */
export function diagnosticsEnabled(batch: IDataObject): boolean | undefined {
	const tags = asObject(batch.tags);
	if (tags && 'acp_enableErrorDiagnostics' in tags) return truthyTag(tags.acp_enableErrorDiagnostics);
	const errors = asList(batch.errors).map(asObject);
	if (errors.some((error) => error?.code === DIAGNOSTICS_DISABLED_CODE)) return false;
	if (errors.some((error) => error?.recordCount !== undefined)) return true;
	return undefined;
}

export interface BatchErrorCount extends IDataObject {
	code: string | null;
	description: string | null;
	recordCount: number | null;
}

/** Catalog's errors of a batch: one entry per code, with the rows it failed where Adobe counts them. */
export function batchErrorCounts(batch: IDataObject): BatchErrorCount[] {
	return asList(batch.errors)
		.map(asObject)
		.filter((error): error is IDataObject => error !== undefined)
		.map((error) => {
			const count = Number(error.recordCount);
			return {
				code: error.code === undefined || error.code === null ? null : String(error.code),
				description: typeof error.description === 'string' ? error.description : typeof error.message === 'string' ? error.message : null,
				recordCount: error.recordCount !== undefined && Number.isFinite(count) ? count : null,
			};
		});
}

/** The rows Catalog counts as failed in the batch, when it says. */
export function batchFailedRecordCount(batch: IDataObject): number | undefined {
	const count = Number(asObject(batch.metrics)?.failedRecordCount);
	return Number.isFinite(count) && count >= 0 ? count : undefined;
}

/** Whether the batch's diagnostics are past Adobe's retention at `now` (by its completion, else its creation). */
export function diagnosticsExpired(batch: IDataObject, now: number): boolean {
	const done = epochMsOf(batch.completed) ?? epochMsOf(batch.updated) ?? epochMsOf(batch.created);
	return done !== undefined && now - done > DIAGNOSTICS_RETENTION_MS;
}

/** A summary of one batch for Get Errors: status, counts per error code, and whether diagnostics exist. */
export function batchSummary(batchId: string, batch: IDataObject, now: number): IDataObject {
	return {
		batchId,
		status: typeof batch.status === 'string' ? batch.status : null,
		datasetId: asList(batch.relatedObjects).map(asObject).find((object) => String(object?.type).toLowerCase() === 'dataset')?.id ?? null,
		failedRecordCount: batchFailedRecordCount(batch) ?? null,
		errorDiagnostics: diagnosticsEnabled(batch) ?? null,
		diagnosticsExpired: diagnosticsExpired(batch, now),
		errors: batchErrorCounts(batch),
	};
}

/** A row-error file Data Access lists for a batch. */
export interface RowErrorFile {
	name: string;
	bytes: number | null;
}

/** The files of a `meta?path=row_errors` listing; entries without a usable name are left out. */
export function rowErrorFilesOf(answer: unknown): RowErrorFile[] {
	const files: RowErrorFile[] = [];
	for (const entry of asList(asObject(answer)?.data).map(asObject)) {
		const name = typeof entry?.name === 'string' ? entry.name.trim() : '';
		// A name is a path below row_errors/; one that climbs out of it is not a file of this batch.
		if (!name || name.split('/').includes('..')) continue;
		const bytes = Number(entry?.length);
		files.push({ name: name.replace(/^row_errors\//, ''), bytes: Number.isFinite(bytes) ? bytes : null });
	}
	return files;
}

/** The offset of the next page of a Data Access listing, from its `_links.next` (never followed as a URL). */
export function nextListingStart(answer: unknown): number | undefined {
	const href = asObject(asObject(asObject(answer)?._links)?.next)?.href;
	if (typeof href !== 'string') return undefined;
	const start = /[?&]start=(\d+)/.exec(href)?.[1];
	return start === undefined ? undefined : Number(start);
}

/** One line of a row-error file, read: a parsed object, or the text of a line that is not JSON. */
export type RowErrorLine = { row: IDataObject } | { unreadable: string };

/** Splits a JSON Lines file; `max` stops after that many rows (the rest is not parsed). */
export function rowErrorLines(text: string, max = Infinity): RowErrorLine[] {
	const lines: RowErrorLine[] = [];
	let from = 0;
	while (from < text.length && lines.length < max) {
		const end = text.indexOf('\n', from);
		const line = text.slice(from, end === -1 ? text.length : end).trim();
		from = end === -1 ? text.length : end + 1;
		if (!line) continue;
		try {
			const parsed = JSON.parse(line) as unknown;
			const row = asObject(parsed);
			lines.push(row ? { row } : { unreadable: line });
		} catch {
			lines.push({ unreadable: line });
		}
	}
	return lines;
}

const PATH_FIELDS = ['path', 'xdmPath', 'column', 'columnName', 'field', 'fieldName', 'attribute'];

/** Where a row's errors point: XDM paths and source columns, as Adobe names them. */
function errorPlaces(errors: IDataObject[]): { paths: string[]; columns: string[] } {
	const paths = new Set<string>();
	const columns = new Set<string>();
	for (const error of errors) {
		for (const field of PATH_FIELDS) {
			const value = error[field];
			if (typeof value !== 'string' || !value.trim()) continue;
			(field.startsWith('column') ? columns : paths).add(value.trim());
		}
	}
	return { paths: [...paths], columns: [...columns] };
}

export interface RowContext {
	runId: string;
	flowId: string;
	batchId: string;
	fileName: string;
}

/**
 * The item of one failed row: its place (run, flow, batch, file), its error codes and messages, the
 * columns and XDM paths they name, and the record as Adobe kept it (`_corrupt_record` for rows that
 * could not be parsed, else the row's own fields).
 */
export function failedRowItem(line: RowErrorLine, context: RowContext): IDataObject {
	if ('unreadable' in line) {
		return { ...context, errorCodes: [], errorMessages: ['This line of the error file is not JSON.'], paths: [], columns: [], sourceFile: null, record: line.unreadable };
	}
	const { row } = line;
	const errors = asList(row._errors ?? row.errors)
		.map((error) => asObject(error) ?? { message: String(error) })
		.filter(Boolean);
	const { paths, columns } = errorPlaces(errors);
	const rest = Object.fromEntries(Object.entries(row).filter(([key]) => !['_errors', 'errors', '_filename', '_corrupt_record'].includes(key)));
	const corrupt = row._corrupt_record;
	return {
		...context,
		errorCodes: errors.map((error) => (error.code === undefined || error.code === null ? null : String(error.code))),
		errorMessages: errors.map((error) => (typeof error.message === 'string' ? error.message : null)),
		paths,
		columns,
		sourceFile: typeof row._filename === 'string' ? row._filename : null,
		record: typeof corrupt === 'string' && corrupt !== '' ? corrupt : Object.keys(rest).length ? rest : null,
	};
}

/** The rows of a `row_error_samples.json` answer (a list, or an object holding one). */
export function sampleRowsOf(answer: unknown): RowErrorLine[] {
	const list = Array.isArray(answer) ? answer : asList(asObject(answer)?.data ?? asObject(answer)?.samples ?? asObject(answer)?.items);
	return list.map((entry) => {
		const row = asObject(entry);
		return row ? { row } : { unreadable: JSON.stringify(entry) ?? String(entry) };
	});
}

/** The manifest links of a run's activities: where Adobe says its failed records are. */
export function failedRecordLinks(run: IDataObject): Array<{ batchId: string; failedRecords?: string; sampleErrors?: string }> {
	const links: Array<{ batchId: string; failedRecords?: string; sampleErrors?: string }> = [];
	for (const activity of asList(run.activities).map(asObject)) {
		const manifest = asObject(asObject(asObject(activity?.statusSummary)?.extensions)?.manifest);
		const failedRecords = typeof manifest?.failedRecords === 'string' ? manifest.failedRecords : undefined;
		const sampleErrors = typeof manifest?.sampleErrors === 'string' ? manifest.sampleErrors : undefined;
		const batchId = /\/batches\/([^/?#]+)\//.exec(failedRecords ?? sampleErrors ?? '')?.[1];
		if (batchId) links.push({ batchId: decodeURIComponent(batchId), failedRecords, sampleErrors });
	}
	return links;
}
