import type { IDataObject, ILoadOptionsFunctions, INodeListSearchItems, INodeListSearchResult } from 'n8n-workflow';

import { runPropertyFilters } from '../../shared/aep/runFilters';
import { runRecordCounts, runStatus, toIso } from '../../shared/aep/runs';
import { answersInOneList, continuationTokenOf, MAX_PAGE_SIZE, PageGuard, type ListEnvelope } from '../../shared/transport/paging';
import { aepRequest } from '../../shared/transport/request';

/**
 * How far one dropdown request of a typed search reads: n8n's picker asks for the next page only
 * when the list is scrolled, so a search that answered one page of 100 would show nothing for a
 * match further on. Flow Service has no contains filter (only `==`, `>`, `<`, `>=`; `~` is "not
 * implemented"), so a search reads on, page after page, until it has a dropdown page of matches,
 * has read this many pages, or has taken this long; it then hands the picker the next page's token.
 */
export const SEARCH_PAGE_BUDGET = 10;
export const SEARCH_TIME_BUDGET_MS = 2_000;

const FULL_ID = /^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$/;

interface SearchedList {
	/** The collection below Flow Service, e.g. `/flows`. */
	path: string;
	/** How errors name the list. */
	listName: string;
	/** Server-side filters (`property=…`) every page is read with. */
	property?: string[];
	orderby?: string;
	/** One entity as a picker entry, or undefined when this picker leaves it out. */
	entry: (entity: IDataObject) => INodeListSearchItems | undefined;
}

/**
 * One dropdown page of a collection for a resource locator. Without a filter: one page of Adobe's,
 * as the picker scrolls. With one: names and IDs are matched case-insensitively, reading further
 * pages within the budget above; a full ID is looked up with Flow Service's own `id==` filter, so
 * it is found wherever it is in one request. Entries carry no `url`: the Experience Platform UI's
 * links start with the org's IMS tenant name (`#/@tenant/…`), which neither the API nor the
 * credential tells, and a link with a guessed tenant would open the wrong place.
 */
async function searchList(context: ILoadOptionsFunctions, list: SearchedList, filter?: string, paginationToken?: string): Promise<INodeListSearchResult> {
	const typed = filter?.trim() ?? '';
	const needle = typed.toLowerCase();
	const byId = FULL_ID.test(typed) && !paginationToken;
	const property = byId ? [...(list.property ?? []), `id==${typed}`] : list.property;
	const matches = (entry: INodeListSearchItems) =>
		byId || needle === '' || entry.name.toLowerCase().includes(needle) || String(entry.value).toLowerCase().includes(needle);
	const guard = new PageGuard(context, `the ${list.listName} list`);
	// Tokens already read with: Adobe pointing back to one would have the picker read the same pages forever.
	const asked = new Set(paginationToken ? [paginationToken] : []);
	const started = Date.now();
	const results: INodeListSearchItems[] = [];
	let token = paginationToken;
	// Spec lists come whole and take only `property` (see answersInOneList): one request, no paging.
	const whole = answersInOneList({ method: 'GET', path: list.path });
	for (let pages = 1; ; pages++) {
		const page = await aepRequest<ListEnvelope>(context, {
			method: 'GET',
			path: list.path,
			query: whole ? { property } : { limit: MAX_PAGE_SIZE, orderby: list.orderby, property, continuationToken: token },
		});
		for (const entity of guard.itemsOf(page)) {
			const entry = list.entry(entity);
			if (entry && matches(entry)) results.push(entry);
		}
		const next = whole ? undefined : continuationTokenOf(page);
		if (!next || asked.has(next) || byId) return { results };
		asked.add(next);
		const enough = needle === '' || results.length >= MAX_PAGE_SIZE || pages >= SEARCH_PAGE_BUDGET || Date.now() - started >= SEARCH_TIME_BUDGET_MS;
		if (enough) return { results, paginationToken: next };
		token = next;
	}
}

const named = (entity: IDataObject) => String(entity.name ?? entity.id);

const entityList = (path: string, listName: string, describe: (entity: IDataObject) => string = named): SearchedList => ({
	path,
	listName,
	entry: (entity) => ({ name: describe(entity), value: String(entity.id) }),
});

export async function searchFlows(this: ILoadOptionsFunctions, filter?: string, token?: string): Promise<INodeListSearchResult> {
	return await searchList(this, entityList('/flows', 'flows', (flow) => `${named(flow)} (${String(flow.state ?? 'unknown')})`), filter, token);
}

export async function searchConnections(this: ILoadOptionsFunctions, filter?: string, token?: string): Promise<INodeListSearchResult> {
	return await searchList(this, entityList('/connections', 'connections'), filter, token);
}

export async function searchSourceConnections(this: ILoadOptionsFunctions, filter?: string, token?: string): Promise<INodeListSearchResult> {
	return await searchList(this, entityList('/sourceConnections', 'sourceConnections'), filter, token);
}

export async function searchTargetConnections(this: ILoadOptionsFunctions, filter?: string, token?: string): Promise<INodeListSearchResult> {
	return await searchList(this, entityList('/targetConnections', 'targetConnections'), filter, token);
}

export async function searchConnectionSpecs(this: ILoadOptionsFunctions, filter?: string, token?: string): Promise<INodeListSearchResult> {
	return await searchList(this, entityList('/connectionSpecs', 'connectionSpecs'), filter, token);
}

export async function searchFlowSpecs(this: ILoadOptionsFunctions, filter?: string, token?: string): Promise<INodeListSearchResult> {
	return await searchList(this, entityList('/flowSpecs', 'flowSpecs'), filter, token);
}

/** A run as a picker entry: when it started, its status, its failed records and its ID, all searchable. */
function runEntry(run: IDataObject): INodeListSearchItems {
	const durations = (run.metrics as IDataObject | undefined)?.durationSummary as IDataObject | undefined;
	const when = toIso(durations?.startedAtUTC)?.slice(0, 16).replace('T', ' ') ?? 'not started';
	const failed = runRecordCounts(run).failed ?? 0;
	return { name: `${when} · ${runStatus(run)} · ${failed} failed records · ${String(run.id)}`, value: String(run.id) };
}

const runList = (statuses: string[] | undefined, keep: (run: IDataObject) => boolean = () => true): SearchedList => ({
	path: '/runs',
	listName: 'runs',
	orderby: '-createdAt',
	property: statuses ? runPropertyFilters([{ statuses }]) : undefined,
	entry: (run) => (keep(run) ? runEntry(run) : undefined),
});

/** The newest runs, whatever their status; a filter matches the start time, status or run ID. */
export async function searchRuns(this: ILoadOptionsFunctions, filter?: string, token?: string): Promise<INodeListSearchResult> {
	return await searchList(this, runList(undefined), filter, token);
}

/** The newest failed runs: the runs Flow Service can re-trigger. */
export async function searchFailedRuns(this: ILoadOptionsFunctions, filter?: string, token?: string): Promise<INodeListSearchResult> {
	return await searchList(this, runList(['failed']), filter, token);
}

/** Runs Adobe may have failed records for: failed runs, and finished runs that failed some records. */
const MAY_HAVE_FAILED_RECORDS = ['failed', 'partialSuccess', 'success'];

/** The newest runs that failed (or failed records); a filter matches the start time, status or run ID. */
export async function searchRunsWithFailures(this: ILoadOptionsFunctions, filter?: string, token?: string): Promise<INodeListSearchResult> {
	const failedSome = (run: IDataObject) => runStatus(run) === 'failed' || (runRecordCounts(run).failed ?? 0) > 0;
	return await searchList(this, runList(MAY_HAVE_FAILED_RECORDS, failedSome), filter, token);
}
