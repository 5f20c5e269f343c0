import type { IDataObject, ILoadOptionsFunctions, INodeListSearchResult } from 'n8n-workflow';

import { runPropertyFilters } from '../../shared/aep/runFilters';
import { runRecordCounts, runStatus } from '../../shared/aep/runs';
import { answersInOneList, continuationTokenOf, PageGuard, type ListEnvelope } from '../../shared/transport/paging';
import { aepRequest } from '../../shared/transport/request';

/**
 * One page of a collection for a resource locator. Flow Service has no substring filter, so a typed
 * filter matches names (or ids) case-insensitively within each page; the list keeps paging.
 */
async function searchCollection(
	context: ILoadOptionsFunctions,
	collection: string,
	describe: (entity: IDataObject) => string,
	filter?: string,
	paginationToken?: string,
): Promise<INodeListSearchResult> {
	const request = { method: 'GET' as const, path: `/${collection}` };
	// Spec lists come whole and take no paging parameters (see answersInOneList).
	const page = await aepRequest<ListEnvelope>(context, answersInOneList(request) ? request : { ...request, query: { limit: 100, continuationToken: paginationToken } });
	const needle = filter?.trim().toLowerCase();
	const results = new PageGuard(context, `the ${collection} list`)
		.itemsOf(page)
		.map((entity) => ({ name: describe(entity), value: String(entity.id) }))
		.filter((result) => !needle || result.name.toLowerCase().includes(needle) || result.value.toLowerCase().includes(needle));
	// A token that repeats the one asked with would have the picker load the same page forever.
	const next = continuationTokenOf(page);
	return { results, paginationToken: next && next !== paginationToken ? next : undefined };
}

const named = (entity: IDataObject) => String(entity.name ?? entity.id);

export async function searchFlows(this: ILoadOptionsFunctions, filter?: string, token?: string): Promise<INodeListSearchResult> {
	return await searchCollection(this, 'flows', (flow) => `${named(flow)} (${String(flow.state ?? 'unknown')})`, filter, token);
}

export async function searchConnections(this: ILoadOptionsFunctions, filter?: string, token?: string): Promise<INodeListSearchResult> {
	return await searchCollection(this, 'connections', named, filter, token);
}

export async function searchSourceConnections(this: ILoadOptionsFunctions, filter?: string, token?: string): Promise<INodeListSearchResult> {
	return await searchCollection(this, 'sourceConnections', named, filter, token);
}

export async function searchTargetConnections(this: ILoadOptionsFunctions, filter?: string, token?: string): Promise<INodeListSearchResult> {
	return await searchCollection(this, 'targetConnections', named, filter, token);
}

export async function searchConnectionSpecs(this: ILoadOptionsFunctions, filter?: string, token?: string): Promise<INodeListSearchResult> {
	return await searchCollection(this, 'connectionSpecs', named, filter, token);
}

export async function searchFlowSpecs(this: ILoadOptionsFunctions, filter?: string, token?: string): Promise<INodeListSearchResult> {
	return await searchCollection(this, 'flowSpecs', named, filter, token);
}

/** Runs Adobe may have failed records for: failed runs, and finished runs that failed some records. */
const MAY_HAVE_FAILED_RECORDS = ['failed', 'partialSuccess', 'success'];

/** The newest runs that failed (or failed records), 100 runs read per page; a filter matches the run ID or status. */
export async function searchRunsWithFailures(this: ILoadOptionsFunctions, filter?: string, token?: string): Promise<INodeListSearchResult> {
	const page = await aepRequest<ListEnvelope>(this, {
		method: 'GET',
		path: '/runs',
		query: { limit: 100, orderby: '-createdAt', property: runPropertyFilters([{ statuses: MAY_HAVE_FAILED_RECORDS }]), continuationToken: token },
	});
	const needle = filter?.trim().toLowerCase();
	const results = new PageGuard(this, 'the runs list')
		.itemsOf(page)
		.map((run) => ({ run, failed: runRecordCounts(run).failed ?? 0, status: runStatus(run) }))
		.filter(({ failed, status }) => status === 'failed' || failed > 0)
		.map(({ run, failed, status }) => {
			const started = Number((run.metrics as IDataObject | undefined)?.durationSummary && ((run.metrics as IDataObject).durationSummary as IDataObject).startedAtUTC);
			const when = Number.isFinite(started) && started > 0 ? new Date(started).toISOString().slice(0, 16).replace('T', ' ') : 'not started';
			return { name: `${when} · ${status} · ${failed} failed records · ${String(run.id)}`, value: String(run.id) };
		})
		.filter((result) => !needle || result.name.toLowerCase().includes(needle));
	const next = continuationTokenOf(page);
	return { results, paginationToken: next && next !== token ? next : undefined };
}
