import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { echoed, idProblem, etagProblem } from '../../shared/aep/inputChecks';
import { toEpochMs } from '../../shared/aep/schedule';
import { listValues } from '../../shared/transport/filters';

/**
 * Reads a number parameter that must be a whole number within bounds, before it reaches a query
 * (Adobe would otherwise get 0, -5 or 2.5). Text from an expression is accepted when it is a number.
 */
export function wholeNumberParameter(
	context: IExecuteFunctions,
	name: string,
	label: string,
	itemIndex: number,
	{ min, max, fallback, hint }: { min: number; max?: number; fallback: number; hint?: string },
): number {
	const raw = context.getNodeParameter(name, itemIndex, fallback) as unknown;
	const value = typeof raw === 'string' && raw.trim() !== '' ? Number(raw) : raw;
	if (typeof value !== 'number' || !Number.isInteger(value) || value < min || (max !== undefined && value > max)) {
		const range = max === undefined ? `of at least ${min}` : `from ${min} to ${max}`;
		const given = typeof raw === 'number' ? String(raw) : echoed(String(raw ?? ''));
		throw new NodeOperationError(context.getNode(), `"${label}" must be a whole number ${range}, not ${given}`, {
			itemIndex,
			description: hint ?? `Set "${label}" to a whole number ${range}.`,
		});
	}
	return value;
}

/** Max items a Get Many call should return: undefined when Return All is on; "Limit" is checked before any call. */
export function maxItemsOf(context: IExecuteFunctions, itemIndex: number): number | undefined {
	if (context.getNodeParameter('returnAll', itemIndex, false) as boolean) return undefined;
	return wholeNumberParameter(context, 'limit', 'Limit', itemIndex, { min: 1, fallback: 50, hint: 'Set "Limit" to 1 or more, or turn on "Return All".' });
}

const UUID_IN_TEXT = /[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}/g;

/** The entity's ID in a link pasted from Adobe's UI: the last ID in it (a run's link also names its flow first). */
export function idInUrl(url: string): string | undefined {
	return url.match(UUID_IN_TEXT)?.pop();
}

/**
 * Reads one Adobe ID, checked before any call: a resource locator, a text or options parameter, or
 * a path into a collection (e.g. `filters.mappingId`). Empty is an error unless `optional`, which
 * gives ''. IDs are no secrets, so a bad one is repeated (shortened) in the message.
 */
export function idParameter(context: IExecuteFunctions, name: string, label: string, itemIndex: number, { optional = false } = {}): string {
	const value = context.getNodeParameter(name, itemIndex, '') as unknown;
	const isLocator = typeof value === 'object' && value !== null;
	const given = String((isLocator ? (value as IDataObject).value : value) ?? '').trim();
	const fromUrl = isLocator && (value as IDataObject).mode === 'url';
	const id = fromUrl ? (idInUrl(given) ?? '') : given;
	if (fromUrl && given !== '' && id === '') {
		throw new NodeOperationError(context.getNode(), `The ${label} link ${echoed(given)} holds no ID`, {
			itemIndex,
			description: `Paste the link of the ${label.replace(/ ID$/, '').toLowerCase()} from the Experience Platform UI, or choose "By ID".`,
		});
	}
	if (id === '') {
		if (optional) return '';
		throw new NodeOperationError(context.getNode(), `The ${label} is empty`, {
			itemIndex,
			description: isLocator ? `Set "${label}": pick one from the list or paste its ID.` : `Set "${label}" to the ID to use.`,
		});
	}
	const problem = idProblem(id);
	if (problem) {
		throw new NodeOperationError(context.getNode(), `The ${label} ${echoed(id)} is not a valid ID`, { itemIndex, description: `${problem} Check "${label}".` });
	}
	return id;
}

/**
 * Reads a list of Adobe IDs, given as comma-separated text or an array (a parameter or a path into a
 * collection), each checked like `idParameter` before any call. Empty is an error unless `optional`.
 */
export function idListParameter(context: IExecuteFunctions, name: string, label: string, itemIndex: number, { optional = false } = {}): string[] {
	const ids = listValues(context.getNodeParameter(name, itemIndex, ''));
	if (ids.length === 0 && !optional) {
		throw new NodeOperationError(context.getNode(), `"${label}" is empty`, { itemIndex, description: `Give at least one ID in "${label}"; separate several with commas.` });
	}
	for (const id of ids) {
		const problem = idProblem(id);
		if (problem) {
			throw new NodeOperationError(context.getNode(), `"${label}" holds ${echoed(id)}, which is not a valid ID`, {
				itemIndex,
				description: `${problem} Separate several IDs in "${label}" with commas.`,
			});
		}
	}
	return ids;
}

/**
 * The etag pinned in "Etag", trimmed; '' when none is pinned. It goes into the If-Match header, so
 * anything that is not one printable token is refused before any call (and not repeated: it may
 * hold a line break or other characters that would garble the message).
 */
export function pinnedEtagOf(context: IExecuteFunctions, itemIndex: number): string {
	const etag = String(context.getNodeParameter('etag', itemIndex, '') ?? '').trim();
	const problem = etag === '' ? undefined : etagProblem(etag);
	if (problem) {
		throw new NodeOperationError(context.getNode(), `"Etag" ${problem}`, {
			itemIndex,
			description:
				'An etag is one token of printable ASCII characters, optionally in double quotes, e.g. "0c003dbf-0000-0200-0000-5f36e92d0000". Copy it from the entity\'s "etag" field, or leave "Etag" empty to use the current one.',
		});
	}
	return etag;
}

/** Splits a comma-separated or array parameter into trimmed, non-empty strings. */
export function listParameter(context: IExecuteFunctions, name: string, itemIndex: number): string[] {
	return listValues(context.getNodeParameter(name, itemIndex, ''));
}

/** Runs a pure validation and reports its message as a node error on this item. */
export function validated<T>(context: IExecuteFunctions, itemIndex: number, build: () => T): T {
	try {
		return build();
	} catch (error) {
		// A `hint` on the error (InvalidInput, InvalidBodyInput) says how to fix the input.
		throw new NodeOperationError(context.getNode(), (error as Error).message, { itemIndex, description: (error as { hint?: string }).hint });
	}
}

/** The zone date-times without an offset are read in: the workflow's (its settings, else the instance's default). */
export function workflowTimeZone(context: IExecuteFunctions): string {
	return context.getTimezone();
}

/**
 * A date-time parameter value as epoch milliseconds, read in the workflow's time zone when it has no
 * offset; a bad value is reported naming the field.
 */
export function dateTimeMs(context: IExecuteFunctions, value: unknown, label: string, itemIndex: number): number | undefined {
	return validated(context, itemIndex, () => toEpochMs(value, label, workflowTimeZone(context)));
}

/** Reads a required text parameter, failing before any call when it is empty. The value is never echoed: some are secrets. */
export function requiredText(context: IExecuteFunctions, name: string, label: string, itemIndex: number): string {
	const value = String(context.getNodeParameter(name, itemIndex, '') ?? '').trim();
	if (value === '') throw new NodeOperationError(context.getNode(), `"${label}" is empty`, { itemIndex, description: `Set "${label}".` });
	return value;
}

/** Whether Simplify is on: from node version 1.1 on (where it is on by default); version 1 nodes return whole objects. */
export function simplifyOn(context: IExecuteFunctions, itemIndex: number): boolean {
	return context.getNode().typeVersion >= 1.1 && (context.getNodeParameter('simplify', itemIndex, true) as boolean);
}
