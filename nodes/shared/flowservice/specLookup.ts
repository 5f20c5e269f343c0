import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { aepListAll } from '../../shared/transport/paging';

export type SpecCollection = 'connectionSpecs' | 'flowSpecs';

const LABELS: Record<SpecCollection, string> = { connectionSpecs: 'connection spec', flowSpecs: 'flow spec' };

/**
 * Spec listings already read in this execution, keyed on its context: resolving names for N input
 * items costs one listing per collection instead of N (specs do not change during an execution).
 */
const listingsByExecution = new WeakMap<IExecuteFunctions, Map<SpecCollection, Promise<IDataObject[]>>>();

/** Every spec of the collection (all pages), read once per execution. */
export async function allSpecs(context: IExecuteFunctions, collection: SpecCollection, itemIndex: number): Promise<IDataObject[]> {
	const listings = listingsByExecution.get(context) ?? new Map<SpecCollection, Promise<IDataObject[]>>();
	listingsByExecution.set(context, listings);
	let listing = listings.get(collection);
	if (!listing) {
		listing = aepListAll(context, { method: 'GET', path: `/${collection}`, itemIndex });
		listings.set(collection, listing);
		// A failed listing is not kept: the next item (with Continue On Fail) tries again.
		listing.catch(() => listings.delete(collection));
	}
	return await listing;
}

const normalised = (name: string) => name.toLowerCase().replace(/[^a-z0-9]+/g, '');

function editDistance(a: string, b: string): number {
	let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
	for (let i = 1; i <= a.length; i++) {
		const current = [i];
		for (let j = 1; j <= b.length; j++) {
			current[j] = Math.min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
		}
		previous = current;
	}
	return previous[b.length];
}

/** Spec names close to `name` (case, punctuation, containment or a few typos apart), closest first. */
export function nearNames(specs: IDataObject[], name: string, max = 5): string[] {
	const wanted = normalised(name);
	const scored = new Map<string, number>();
	for (const spec of specs) {
		const candidate = String(spec.name ?? '');
		const other = normalised(candidate);
		if (!candidate || other === '' || wanted === '') continue;
		let score: number | undefined;
		if (other === wanted) score = 0;
		else if (other.includes(wanted) || wanted.includes(other)) score = 1;
		else {
			const distance = editDistance(other, wanted);
			if (distance <= Math.max(2, Math.floor(wanted.length / 4))) score = 1 + distance;
		}
		if (score !== undefined && score < (scored.get(candidate) ?? Infinity)) scored.set(candidate, score);
	}
	return [...scored.entries()]
		.sort(([nameA, a], [nameB, b]) => a - b || nameA.localeCompare(nameB))
		.slice(0, max)
		.map(([candidate]) => candidate);
}

/**
 * The specs whose name is exactly `name` (names are case-sensitive in Flow Service); at least one,
 * otherwise an error that lists the near names.
 */
export async function specsNamed(
	context: IExecuteFunctions,
	collection: SpecCollection,
	name: string,
	field: string,
	itemIndex: number,
): Promise<IDataObject[]> {
	const wanted = name.trim();
	if (wanted === '') {
		throw new NodeOperationError(context.getNode(), `"${field}" is empty`, { itemIndex, description: `Set "${field}" to the exact name of a ${LABELS[collection]}.` });
	}
	const specs = await allSpecs(context, collection, itemIndex);
	const matches = specs.filter((spec) => spec.name === wanted);
	if (matches.length > 0) return matches;
	const near = nearNames(specs, wanted);
	const suggestion = near.length ? ` Similar names: ${near.map((n) => `"${n}"`).join(', ')}.` : '';
	throw new NodeOperationError(context.getNode(), `No ${LABELS[collection]} is named "${wanted}" (${field}).${suggestion}`, {
		itemIndex,
		description: `Names must match exactly, including case. ${specs.length} ${LABELS[collection]}s exist in this sandbox: list them with the Get Many operation.`,
	});
}

/** "name (id)" for each spec, for errors that must say which specs clash. */
export const describeSpecs = (specs: IDataObject[]) => specs.map((spec) => `"${String(spec.name)}" (${String(spec.id)})`).join(', ');
