import type { IDataObject } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { aepRequest, aepRequestFull, type AepContext, type AepRequest } from './request';

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
 * No list is read past this many pages: 10,000 pages of 100 is a million entities, far more than
 * Flow Service keeps in one sandbox (runs, its largest list, are kept for 90 days).
 */
export const MAX_PAGES = 10_000;

/**
 * Makes sure reading a paged list ends: a repeated continuation token, a page that adds nothing
 * new while pointing to a next one, or more pages than the list can hold is an error naming the
 * list and how far reading got, never an endless loop.
 */
export class PageGuard {
	private readonly tokens = new Set<string>();

	private readonly ids = new Set<string>();

	private pages = 0;

	private items = 0;

	private readonly maxPages: number;

	constructor(
		private readonly context: AepContext,
		private readonly list: string,
		maxItems?: number,
		private readonly itemIndex?: number,
	) {
		// Every accepted page adds at least one new item, so a list capped at N items needs at most N pages.
		this.maxPages = Math.min(MAX_PAGES, maxItems ?? MAX_PAGES);
	}

	/** The page's items; throws when the page is not a list page. */
	itemsOf(page: ListEnvelope | undefined): IDataObject[] {
		if (!page || !Array.isArray(page.items)) {
			throw this.error(`answered page ${this.pages + 1} without an "items" list`);
		}
		return page.items;
	}

	/** Records a page and whether it points to another; throws when following it would not end. */
	accept(pageItems: IDataObject[], next: string | boolean | undefined): void {
		this.pages++;
		let fresh = 0;
		for (const item of pageItems) {
			const id = item?.id;
			if (typeof id !== 'string' || !this.ids.has(id)) fresh++;
			if (typeof id === 'string') this.ids.add(id);
		}
		this.items += fresh;
		if (!next) return;
		if (typeof next === 'string') {
			if (this.tokens.has(next)) throw this.error('sent a continuation token it had sent before');
			this.tokens.add(next);
		}
		if (fresh === 0) throw this.error(`pointed to a next page after page ${this.pages}, which added no new items`);
		if (this.pages >= this.maxPages) throw this.error(`still pointed to a next page after ${this.pages} pages, the most this list can need`);
	}

	private error(problem: string): NodeOperationError {
		return new NodeOperationError(this.context.getNode(), `Reading ${this.list} stopped: Adobe ${problem}`, {
			itemIndex: this.itemIndex,
			description: `Read ${this.pages} page${this.pages === 1 ? '' : 's'} with ${this.items} item${this.items === 1 ? '' : 's'} before stopping, so that reading the list cannot go on forever. Try again later; if it persists, the list's paging is broken on Adobe's side.`,
		});
	}
}

const listName = (request: AepRequest) => `the list ${request.method} ${request.path.split('?')[0]}`;

export interface PageOptions {
	/** How the list is named in errors; by default its method and path. */
	listName?: string;
	/** Items per page; it stays the same on every page, as a continuation token belongs to the exact query that made it. */
	pageSize?: number;
	/** The most items the caller will take: bounds the number of pages. */
	maxItems?: number;
	/** Adjusts each page's request right before it is sent, e.g. timeouts that shrink as a deadline nears. */
	prepareRequest?: (request: AepRequest) => AepRequest;
	/** Asked between pages, once a page is read and checked: true ends the list there, e.g. when a time budget is spent. */
	stopWhen?: () => boolean;
	/** Told each page's response headers (lower-case names), e.g. to read Adobe's clock from `Date`. */
	onHeaders?: (headers: IDataObject) => void;
}

/** The lists Flow Service answers whole, declaring `property` as their only query parameter. */
const SINGLE_ANSWER_LISTS = new Set(['/connectionSpecs', '/flowSpecs']);

export function answersInOneList(request: AepRequest): boolean {
	return (request.service ?? 'flowservice') === 'flowservice' && SINGLE_ANSWER_LISTS.has(request.path.split('?')[0]);
}

/**
 * The pages of a continuation-paged list, in order, each one's items checked; every page re-sends
 * the original filters with the token. The caller stops whenever it likes (`break`); the list
 * itself always ends (see PageGuard).
 */
export async function* continuationPages(context: AepContext, request: AepRequest, options: PageOptions = {}): AsyncGenerator<IDataObject[]> {
	const guard = new PageGuard(context, options.listName ?? listName(request), options.maxItems, request.itemIndex);
	// Adobe declares no `limit` on the spec lists and answers all specs at once: none is sent there.
	const limit = answersInOneList(request) ? undefined : (options.pageSize ?? MAX_PAGE_SIZE);
	const prepare = options.prepareRequest ?? ((unchanged: AepRequest) => unchanged);
	let token: string | undefined;
	do {
		const { body: page, headers } = await aepRequestFull<ListEnvelope>(context, prepare({ ...request, query: { ...request.query, limit, continuationToken: token } }));
		options.onHeaders?.(headers);
		const items = guard.itemsOf(page);
		token = page && continuationTokenOf(page);
		yield items;
		if (token) guard.accept(items, token);
	} while (token && !options.stopWhen?.());
}

/** Reads a continuation-paged list, stopping once `maxItems` are collected (undefined = all pages). */
export async function aepListAll(context: AepContext, request: AepRequest, maxItems?: number): Promise<IDataObject[]> {
	const items: IDataObject[] = [];
	const pageSize = maxItems === undefined ? MAX_PAGE_SIZE : Math.min(MAX_PAGE_SIZE, maxItems);
	for await (const pageItems of continuationPages(context, request, { pageSize, maxItems })) {
		items.push(...pageItems);
		if (maxItems !== undefined && items.length >= maxItems) break;
	}
	return maxItems === undefined ? items : items.slice(0, maxItems);
}

/** Reads an offset-paged list (`start`, `limit`, `pageInfo.hasNext`), as exportable datasets use. */
export async function aepListAllByOffset(context: AepContext, request: AepRequest, maxItems?: number): Promise<IDataObject[]> {
	const items: IDataObject[] = [];
	const guard = new PageGuard(context, listName(request), maxItems, request.itemIndex);
	let hasNext = true;
	while (hasNext && (maxItems === undefined || items.length < maxItems)) {
		const limit = maxItems === undefined ? MAX_PAGE_SIZE : Math.min(MAX_PAGE_SIZE, maxItems - items.length);
		const page = await aepRequest<ListEnvelope>(context, {
			...request,
			query: { ...request.query, start: items.length, limit },
		});
		const pageItems = guard.itemsOf(page);
		items.push(...pageItems);
		hasNext = page.pageInfo?.hasNext === true;
		if (maxItems !== undefined && items.length >= maxItems) break;
		guard.accept(pageItems, hasNext);
	}
	return maxItems === undefined ? items : items.slice(0, maxItems);
}

/** Single-entity GETs answer in the list envelope; this returns the entity itself. */
export function firstItem(envelope: ListEnvelope | IDataObject): IDataObject {
	const items = (envelope as ListEnvelope).items;
	return Array.isArray(items) ? (items[0] ?? {}) : (envelope as IDataObject);
}
