import type { IDataObject } from 'n8n-workflow';

import { aepRequest, type AepContext, type AepRequest } from './request';

/** Adobe caps list pages at 100 entities. */
export const MAX_PAGE_SIZE = 100;

export interface ListEnvelope {
	items?: IDataObject[];
	_links?: { next?: { href?: string } };
	pageInfo?: { hasNext?: boolean };
}

/** Reads `continuationToken` from `_links.next.href` with a URL parser: tokens may hold `=` and `&`-free padding. */
export function continuationTokenOf(envelope: ListEnvelope): string | undefined {
	const href = envelope._links?.next?.href;
	if (!href) return undefined;
	const token = new URL(href, 'http://relative.invalid').searchParams.get('continuationToken');
	return token ?? undefined;
}

/**
 * Reads a continuation-paged list. Every page re-sends the original filters with the token,
 * and stops once `maxItems` are collected (undefined = all pages).
 */
export async function aepListAll(context: AepContext, request: AepRequest, maxItems?: number): Promise<IDataObject[]> {
	const items: IDataObject[] = [];
	// The page size stays the same on every page: a continuation token belongs to the exact query that made it.
	const limit = maxItems === undefined ? MAX_PAGE_SIZE : Math.min(MAX_PAGE_SIZE, maxItems);
	let token: string | undefined;
	do {
		const page = await aepRequest<ListEnvelope>(context, {
			...request,
			query: { ...request.query, limit, continuationToken: token },
		});
		items.push(...(page.items ?? []));
		token = continuationTokenOf(page);
	} while (token && (maxItems === undefined || items.length < maxItems));
	return maxItems === undefined ? items : items.slice(0, maxItems);
}

/** Reads an offset-paged list (`start`, `limit`, `pageInfo.hasNext`), as exportable datasets use. */
export async function aepListAllByOffset(context: AepContext, request: AepRequest, maxItems?: number): Promise<IDataObject[]> {
	const items: IDataObject[] = [];
	let hasNext = true;
	while (hasNext && (maxItems === undefined || items.length < maxItems)) {
		const limit = maxItems === undefined ? MAX_PAGE_SIZE : Math.min(MAX_PAGE_SIZE, maxItems - items.length);
		const page = await aepRequest<ListEnvelope>(context, {
			...request,
			query: { ...request.query, start: items.length, limit },
		});
		const pageItems = page.items ?? [];
		items.push(...pageItems);
		hasNext = page.pageInfo?.hasNext === true && pageItems.length > 0;
	}
	return maxItems === undefined ? items : items.slice(0, maxItems);
}

/** Single-entity GETs answer in the list envelope; this returns the entity itself. */
export function firstItem(envelope: ListEnvelope | IDataObject): IDataObject {
	const items = (envelope as ListEnvelope).items;
	return Array.isArray(items) ? (items[0] ?? {}) : (envelope as IDataObject);
}
