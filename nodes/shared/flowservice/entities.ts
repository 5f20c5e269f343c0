import type { IDataObject, IExecuteFunctions, INode } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { isAdobeId } from '../../shared/aep/inputChecks';
import { aepListAll, firstItem } from '../../shared/transport/paging';
import { aepRequest, aepRequestFull } from '../../shared/transport/request';
import { type PageOptions, continuationPages } from '../transport/paging';
import type { AepContext, AepRequest } from '../transport/request';

/** Flow Service collections that share the create / get / list / patch / delete shape. */
export type Collection = 'connections' | 'connectionSpecs' | 'sourceConnections' | 'targetConnections' | 'flows' | 'flowSpecs' | 'runs';

const LABELS: Record<Collection, string> = {
	connections: 'connection',
	connectionSpecs: 'connection spec',
	sourceConnections: 'source connection',
	targetConnections: 'target connection',
	flows: 'flow',
	flowSpecs: 'flow spec',
	runs: 'run',
};

export interface PatchOperation extends IDataObject {
	op: 'add' | 'replace' | 'remove';
	path: string;
	value?: IDataObject | IDataObject[] | string | number | boolean | null;
}

export interface WriteResult extends IDataObject {
	id: string;
	etag: string;
}

const entityPath = (collection: Collection, id: string) => `/${collection}/${encodeURIComponent(id)}`;

/** GETs one entity and unwraps it from the list envelope single GETs answer with. */
export async function getEntity(context: IExecuteFunctions, collection: Collection, id: string, itemIndex: number): Promise<IDataObject> {
	const entity = firstItem(await aepRequest(context, { method: 'GET', path: entityPath(collection, id), itemIndex }));
	if (entity.id === undefined) {
		throw new NodeOperationError(context.getNode(), `The ${LABELS[collection]} ${id} was not returned by Flow Service`, {
			itemIndex,
			description: 'Check the ID and that it belongs to the sandbox set in the credential.',
		});
	}
	return entity;
}

export interface ListOptions {
	/** `property` filters, sent as repeated parameters. */
	filters?: string[];
	orderby?: string;
}

export async function listEntities(
	context: IExecuteFunctions,
	collection: Collection,
	options: ListOptions,
	maxItems: number | undefined,
	itemIndex: number,
): Promise<IDataObject[]> {
	const query = { property: options.filters?.length ? options.filters : undefined, orderby: options.orderby || undefined };
	return await aepListAll(context, { method: 'GET', path: `/${collection}`, query, itemIndex }, maxItems);
}

/**
 * The pages of a collection, for readers that decide page by page when to stop (the trigger reads
 * within its poll budget). Each page is checked and the list always ends (see continuationPages).
 */
export function entityPages(
	context: AepContext,
	collection: Collection,
	query: AepRequest['query'],
	options: PageOptions,
): AsyncGenerator<IDataObject[]> {
	return continuationPages(context, { method: 'GET', path: `/${collection}`, query }, options);
}

/**
 * A create Flow Service accepted without saying which ID it gave: the entity exists, but nothing can
 * address it. Thrown instead of going on with an ID that is not one.
 */
export class CreatedWithoutIdError extends NodeOperationError {
	constructor(
		node: INode,
		message: string,
		/** What the answer held instead of an ID, as a sentence. */
		readonly answer: string,
		options: { itemIndex: number; description: string },
	) {
		super(node, message, options);
	}
}

/**
 * The ID in a `Location` header, e.g. `/data/foundation/flowservice/flows/{id}`: the last path
 * segment, taken only when it looks like an ID and sits right below the collection created in (a
 * bare collection name such as "connections" would pass the ID check alone).
 */
export function idFromLocation(location: unknown, collection: Collection): string | undefined {
	const text = Array.isArray(location) ? location[0] : location;
	if (typeof text !== 'string' || text.trim() === '') return undefined;
	try {
		const segments = new URL(text.trim(), 'http://location.invalid').pathname.split('/').filter(Boolean).map(decodeURIComponent);
		const [parent, id] = segments.slice(-2);
		return parent === collection && id !== undefined && isAdobeId(id) ? id : undefined;
	} catch {
		return undefined;
	}
}

/** What a create answer held instead of an ID, for the error. */
function describeAnswer(body: unknown): string {
	if (body === undefined) return 'an empty body';
	if (typeof body === 'object' && body !== null && 'id' in body) return 'a body whose "id" is not an ID';
	return 'a body without an "id"';
}

/**
 * POSTs a create and returns Adobe's `{id, etag}`; creates are never repeated after a server failure.
 * The ID comes from the body, else from the `Location` header; an answer with neither fails here, so
 * no later call is made with an ID that is not one.
 */
export async function createEntity(
	context: IExecuteFunctions,
	collection: Collection,
	body: IDataObject,
	itemIndex: number,
	secrets: string[] = [],
): Promise<WriteResult> {
	const answer = await aepRequestFull<IDataObject>(context, { method: 'POST', path: `/${collection}`, body, itemIndex, secrets });
	const created = answer.body ?? {};
	const result = (Array.isArray(created.items) ? (created.items[0] as IDataObject | undefined) : created) ?? {};
	const bodyId = typeof result.id === 'string' && isAdobeId(result.id) ? result.id : undefined;
	const id = bodyId ?? idFromLocation(answer.headers.location, collection);
	if (id === undefined) {
		const label = LABELS[collection];
		const named = typeof body.name === 'string' && body.name.trim() !== '' ? ` named "${body.name}"` : '';
		const held = `The answer had ${describeAnswer(answer.body)} and no Location header naming the new ${label}.`;
		throw new CreatedWithoutIdError(context.getNode(), `Flow Service answered ${answer.statusCode} to POST /${collection} without an ID`, held, {
			itemIndex,
			description: `${held}\nThe ${label} was probably created: look for a ${label}${named} before creating it again.`,
		});
	}
	return { id, etag: typeof result.etag === 'string' ? result.etag : '' };
}

/** Creates an entity and returns it as stored, so the output shows every field Adobe filled in. */
export async function createAndGet(
	context: IExecuteFunctions,
	collection: Collection,
	body: IDataObject,
	itemIndex: number,
	secrets: string[] = [],
): Promise<IDataObject> {
	const { id } = await createEntity(context, collection, body, itemIndex, secrets);
	return await getEntity(context, collection, id, itemIndex);
}

/**
 * Applies JSON Patch operations with the entity's current etag (read first unless the user pinned one),
 * then returns the updated entity, not just Adobe's `{id, etag}`.
 */
export async function patchEntity(
	context: IExecuteFunctions,
	collection: Collection,
	id: string,
	operations: PatchOperation[],
	pinnedEtag: string | undefined,
	itemIndex: number,
	secrets: string[] = [],
): Promise<IDataObject> {
	const etag = pinnedEtag?.trim() || String((await getEntity(context, collection, id, itemIndex)).etag ?? '');
	await aepRequest(context, { method: 'PATCH', path: entityPath(collection, id), body: operations, ifMatch: etag, itemIndex, secrets });
	return await getEntity(context, collection, id, itemIndex);
}

export async function deleteEntity(context: IExecuteFunctions, collection: Collection, id: string, itemIndex: number): Promise<IDataObject> {
	await aepRequest(context, { method: 'DELETE', path: entityPath(collection, id), itemIndex });
	return { deleted: true, id };
}
