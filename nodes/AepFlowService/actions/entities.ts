import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { aepListAll, firstItem } from '../../shared/transport/paging';
import { aepRequest } from '../../shared/transport/request';

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

/** POSTs a create and returns Adobe's `{id, etag}`; creates are never repeated after a server failure. */
export async function createEntity(context: IExecuteFunctions, collection: Collection, body: IDataObject, itemIndex: number): Promise<WriteResult> {
	const created = await aepRequest<IDataObject>(context, { method: 'POST', path: `/${collection}`, body, itemIndex });
	const result = (Array.isArray(created.items) ? (created.items[0] as IDataObject) : created) ?? {};
	return { id: String(result.id), etag: String(result.etag ?? '') };
}

/** Creates an entity and returns it as stored, so the output shows every field Adobe filled in. */
export async function createAndGet(context: IExecuteFunctions, collection: Collection, body: IDataObject, itemIndex: number): Promise<IDataObject> {
	const { id } = await createEntity(context, collection, body, itemIndex);
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
): Promise<IDataObject> {
	const etag = pinnedEtag?.trim() || String((await getEntity(context, collection, id, itemIndex)).etag ?? '');
	await aepRequest(context, { method: 'PATCH', path: entityPath(collection, id), body: operations, ifMatch: etag, itemIndex });
	return await getEntity(context, collection, id, itemIndex);
}

export async function deleteEntity(context: IExecuteFunctions, collection: Collection, id: string, itemIndex: number): Promise<IDataObject> {
	await aepRequest(context, { method: 'DELETE', path: entityPath(collection, id), itemIndex });
	return { deleted: true, id };
}
