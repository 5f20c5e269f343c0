import type { IDataObject, ILoadOptionsFunctions, INodeListSearchResult } from 'n8n-workflow';

import { aepRequest } from '../../shared/transport/request';
import { continuationTokenOf, type ListEnvelope } from '../../shared/transport/paging';

/** Lists flows page by page for the resource locator; a typed filter matches names server-side. */
export async function searchFlows(this: ILoadOptionsFunctions, filter?: string, paginationToken?: string): Promise<INodeListSearchResult> {
	const page = await aepRequest<ListEnvelope>(this, {
		method: 'GET',
		path: '/flows',
		query: {
			limit: 100,
			orderby: 'name',
			property: filter ? [`name==${filter}`] : undefined,
			continuationToken: paginationToken,
		},
	});
	const flows: IDataObject[] = page.items ?? [];
	return {
		results: flows.map((flowItem) => ({
			name: `${String(flowItem.name ?? flowItem.id)} (${String(flowItem.state ?? 'unknown')})`,
			value: String(flowItem.id),
		})),
		paginationToken: continuationTokenOf(page),
	};
}
