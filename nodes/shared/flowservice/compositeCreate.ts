import type { IDataObject, IExecuteFunctions, INode } from 'n8n-workflow';
import { NodeApiError, NodeOperationError } from 'n8n-workflow';

import { formatFilter, propertyFilter } from '../../shared/transport/filters';
import { CreatedWithoutIdError, createEntity, deleteEntity, listEntities, type Collection } from './entities';

/** An entity a composite create made, or may have made: its kind (e.g. "source connection") and ID, null when unknown. */
export interface EntityRef extends IDataObject {
	kind: string;
	id: string | null;
	/** Only when the ID is unknown: the name it was created with, to find it by hand. */
	name?: string;
}

/** What a failed composite create did about the entities it had made. */
export interface RollbackFacts {
	/** Deleted again, newest first. */
	rolledBack: EntityRef[];
	/** Made (or possibly made) and still there: to be removed by hand. */
	leftOver: EntityRef[];
}

/**
 * The error of a composite create that failed. Besides the message it carries the rollback as data,
 * so that an error item under Continue On Fail can list what was deleted and what is left.
 */
export class CompositeCreateError extends NodeOperationError {
	constructor(
		node: INode,
		message: string,
		options: { itemIndex: number; description: string },
		readonly facts: RollbackFacts,
	) {
		super(node, message, options);
	}
}

/** How far a lookup for a possibly created entity reads: it only matches what points at entities made seconds ago, so one page holds it. */
const LOOKUP_LIMIT = 100;

/** A reference from a body to an entity made earlier in the same composite create. */
interface Reference {
	/** The property filter that matches it, e.g. `sourceConnectionIds[]==<id>`. */
	filter: string;
	/** The same in words, e.g. `source connection <id>`. */
	text: string;
}

/** A failed create that may have left its entity behind (or, answered with a 2xx, surely did), ID unknown. */
interface UnsettledCreate {
	collection: Collection;
	kind: string;
	name?: string;
	/** True when Flow Service said it was created (a 2xx without a usable ID); false when it may have been. */
	confirmed: boolean;
	/** What the entity points at among the ones made here: only it can match all of them. */
	references: Reference[];
}

/** The body fields through which a new entity points at ones made before it. */
const REFERENCE_FIELDS: Array<{ field: string; filterPath: string; list: boolean }> = [
	{ field: 'baseConnectionId', filterPath: 'baseConnectionId', list: false },
	{ field: 'sourceConnectionIds', filterPath: 'sourceConnectionIds[]', list: true },
	{ field: 'targetConnectionIds', filterPath: 'targetConnectionIds[]', list: true },
];

/** The HTTP status of a failed request, when an answer arrived. */
function statusOf(error: unknown): number | undefined {
	if (!(error instanceof NodeApiError) || !error.httpCode) return undefined;
	const status = Number(error.httpCode);
	return Number.isInteger(status) ? status : undefined;
}

/**
 * Whether a failed create may still have made its entity. Ambiguous: no answer at all (reset,
 * timeout) or a server error, which can come after the work was done. Confirmed: a 2xx whose body was
 * unusable or held no ID. A refusal (4xx, a redirect) or an error raised before sending made nothing.
 */
function outcomeOf(error: unknown): 'confirmed' | 'ambiguous' | 'refused' {
	if (error instanceof CreatedWithoutIdError) return 'confirmed';
	if (!(error instanceof NodeApiError)) return 'refused';
	const status = statusOf(error);
	if (status === undefined || status >= 500) return 'ambiguous';
	return status >= 200 && status < 300 ? 'confirmed' : 'refused';
}

const listed = (entities: EntityRef[]) => entities.map(({ kind, id }) => (id === null ? `${kind} (ID unknown)` : `${kind} ${id}`)).join(', ');

/**
 * Creates several entities as one step. When a later step fails, everything created so far is
 * deleted again (newest first). When the failed create itself may have made its entity (no answer,
 * a server error, or an answer without the ID), that entity is looked up through what it points at
 * among the entities made here, and deleted too. The error says what was deleted and what is left.
 */
export class CompositeCreate {
	private readonly created: Array<{ collection: Collection; id: string; kind: string }> = [];
	private inFlight: { collection: Collection; kind: string; body: IDataObject } | undefined;

	constructor(
		private readonly context: IExecuteFunctions,
		private readonly itemIndex: number,
		private readonly what: string,
	) {}

	async create(collection: Collection, kind: string, body: IDataObject): Promise<string> {
		// Kept until the create answers: a step that fails leaves it set, so the rollback knows which create failed.
		this.inFlight = { collection, kind, body };
		const { id } = await createEntity(this.context, collection, body, this.itemIndex);
		this.inFlight = undefined;
		this.created.push({ collection, id, kind });
		return id;
	}

	/** Runs the steps; on failure deletes what they created and throws an error that names both. */
	async run<T>(steps: () => Promise<T>): Promise<T> {
		try {
			return await steps();
		} catch (error) {
			throw await this.rollBack(error as Error);
		}
	}

	/** The create that failed with `cause`, when it may have made its entity despite the failure. */
	private unsettledBy(cause: Error): UnsettledCreate | undefined {
		if (!this.inFlight) return undefined;
		const outcome = outcomeOf(cause);
		if (outcome === 'refused') return undefined;
		const { collection, kind, body } = this.inFlight;
		const name = typeof body.name === 'string' && body.name.trim() !== '' ? body.name : undefined;
		return { collection, kind, name, confirmed: outcome === 'confirmed', references: this.referencesIn(body) };
	}

	/** The references from a body to entities made earlier here. Entities made elsewhere never count: a match must be ours. */
	private referencesIn(body: IDataObject): Reference[] {
		const ours = new Map(this.created.map((entry) => [entry.id, entry.kind]));
		const references: Reference[] = [];
		for (const { field, filterPath, list } of REFERENCE_FIELDS) {
			const value = body[field];
			const ids = list ? (Array.isArray(value) ? value : []) : [value];
			for (const id of ids) {
				if (typeof id !== 'string' || !ours.has(id)) continue;
				references.push({ filter: formatFilter(propertyFilter(filterPath, '==', id)), text: `${ours.get(id)} ${id}` });
			}
		}
		return references;
	}

	private async rollBack(cause: Error): Promise<CompositeCreateError> {
		const rolledBack: EntityRef[] = [];
		const leftOver: EntityRef[] = [];
		const notDeleted: string[] = [];
		const remove = async (collection: Collection, kind: string, id: string) => {
			try {
				await deleteEntity(this.context, collection, id, this.itemIndex);
				rolledBack.push({ kind, id });
			} catch (error) {
				leftOver.push({ kind, id });
				notDeleted.push(`${kind} ${id} (${(error as Error).message})`);
			}
		};
		// The failed create is the newest: a flow must go before the connections it uses.
		const unsettled = this.unsettledBy(cause);
		const unsettledNote = unsettled ? await this.settle(unsettled, remove, leftOver) : undefined;
		for (const entry of [...this.created].reverse()) await remove(entry.collection, entry.kind, entry.id);

		const nothingMade = rolledBack.length === 0 && leftOver.length === 0;
		// A create without an ID advises to look for the entity; the rollback has looked, so only what the answer held stays.
		const causeDescription = cause instanceof CreatedWithoutIdError ? cause.answer : (cause as { description?: string }).description;
		const description = [
			causeDescription,
			unsettledNote,
			rolledBack.length ? `Deleted again: ${listed(rolledBack)}.` : nothingMade ? 'Nothing had been created yet.' : undefined,
			notDeleted.length ? `Could not delete, remove by hand: ${notDeleted.join('; ')}.` : undefined,
		]
			.filter(Boolean)
			.join('\n');
		const leftOverText = leftOver.length ? `. Left over, remove by hand: ${listed(leftOver)}` : '';
		return new CompositeCreateError(
			this.context.getNode(),
			`${this.what} failed: ${cause.message}${leftOverText}`,
			{ itemIndex: this.itemIndex, description },
			{ rolledBack, leftOver },
		);
	}

	/**
	 * Finds the entity a failed create may have made, through its references to entities made here,
	 * and deletes it. Returns the sentence that tells the user what was found.
	 */
	private async settle(
		unsettled: UnsettledCreate,
		remove: (collection: Collection, kind: string, id: string) => Promise<void>,
		leftOver: EntityRef[],
	): Promise<string> {
		const { collection, kind, name, confirmed, references } = unsettled;
		const unknown: EntityRef = { kind, id: null, ...(name !== undefined ? { name } : {}) };
		const byName = name !== undefined ? ` named "${name}"` : '';
		const answer = confirmed ? `Flow Service created the ${kind} without saying its ID` : `The ${kind} may have been created before the failure`;
		if (references.length === 0) {
			leftOver.push(unknown);
			return `${answer}, and nothing made here identifies it: look for a ${kind}${byName} and delete it if it exists.`;
		}
		const using = `using ${references.map((reference) => reference.text).join(' and ')}`;
		let found: IDataObject[];
		try {
			found = await listEntities(this.context, collection, { filters: references.map((reference) => reference.filter) }, LOOKUP_LIMIT, this.itemIndex);
		} catch (error) {
			leftOver.push(unknown);
			return `${answer}, and looking for it failed (${(error as Error).message}): look for a ${kind} ${using}${byName} and delete it if it exists.`;
		}
		const ids = found.map((entity) => entity.id).filter((id): id is string => typeof id === 'string' && id !== '');
		if (ids.length === 0) {
			// Flow Service said it exists: not finding it yet does not make it gone.
			if (confirmed) {
				leftOver.push(unknown);
				return `${answer}, yet no ${kind} ${using} was found: look for a ${kind}${byName} and delete it if it exists.`;
			}
			return `${answer}, but no ${kind} ${using} exists: it was not created.`;
		}
		for (const id of ids) await remove(collection, kind, id);
		return `${answer}: found ${ids.map((id) => `${kind} ${id}`).join(', ')} ${using}.`;
	}
}
