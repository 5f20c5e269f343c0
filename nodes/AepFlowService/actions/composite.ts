import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { createEntity, deleteEntity, type Collection } from './entities';

/**
 * Creates several entities as one step. When a later create fails, everything created so far is
 * deleted again (newest first) and the error says what was created and what was cleaned up.
 */
export class CompositeCreate {
	private readonly created: Array<{ collection: Collection; id: string; label: string }> = [];

	constructor(
		private readonly context: IExecuteFunctions,
		private readonly itemIndex: number,
		private readonly what: string,
	) {}

	/** Every id created so far, by label. */
	get ids(): IDataObject {
		return Object.fromEntries(this.created.map(({ label, id }) => [label, id]));
	}

	async create(collection: Collection, label: string, body: IDataObject): Promise<string> {
		const { id } = await createEntity(this.context, collection, body, this.itemIndex);
		this.created.push({ collection, id, label });
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

	private async rollBack(cause: Error): Promise<NodeOperationError> {
		const removed: string[] = [];
		const leftOver: string[] = [];
		for (const entry of [...this.created].reverse()) {
			try {
				await deleteEntity(this.context, entry.collection, entry.id, this.itemIndex);
				removed.push(`${entry.label} ${entry.id}`);
			} catch {
				leftOver.push(`${entry.label} ${entry.id}`);
			}
		}
		const description = [
			(cause as { description?: string }).description,
			removed.length ? `Deleted again: ${removed.join(', ')}.` : 'Nothing had been created yet.',
			leftOver.length ? `Could not delete, remove by hand: ${leftOver.join(', ')}.` : undefined,
		]
			.filter(Boolean)
			.join('\n');
		return new NodeOperationError(this.context.getNode(), `${this.what} failed: ${cause.message}`, { itemIndex: this.itemIndex, description });
	}
}
