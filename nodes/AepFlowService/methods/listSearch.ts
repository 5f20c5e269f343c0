import type { IDataObject, ILoadOptionsFunctions, INodeListSearchResult } from 'n8n-workflow';

import { continuationTokenOf, PageGuard, type ListEnvelope } from '../../shared/transport/paging';
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
	const page = await aepRequest<ListEnvelope>(context, {
		method: 'GET',
		path: `/${collection}`,
		query: { limit: 100, continuationToken: paginationToken },
	});
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
