import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

/** What a JSON parameter must hold: an object, an array of objects, or either (a single JSON Patch operation may stand alone). */
export type JsonShape = 'object' | 'array' | 'objectOrArray';

export interface JsonOptions {
	shape?: JsonShape;
	/** Blank text gives an empty object or array instead of an error. */
	optional?: boolean;
	/** The JSON may hold secrets (auth params): a parse error gives only where it stopped, never the text around it. */
	sensitive?: boolean;
}

/** JSON.parse's reason, or for sensitive text only its position: V8 quotes the text around the fault. */
function parseFailure(error: unknown, sensitive: boolean): string {
	const message = error instanceof Error ? error.message : String(error);
	if (!sensitive) return `: ${message}`;
	const position = /position (\d+)/.exec(message);
	return position ? ` at character ${Number(position[1]) + 1}` : '';
}

const SHAPE_WORDS: Record<JsonShape, { noun: string; example: string }> = {
	object: { noun: 'a JSON object', example: '{ ... }' },
	array: { noun: 'a JSON array', example: '[ { ... } ], or [] for none' },
	objectOrArray: { noun: 'a JSON object or array', example: '{ ... } or [ { ... } ]' },
};

/**
 * The one reader of JSON parameters (text, or already parsed by an expression). Bad JSON, the wrong
 * shape and array entries that are not objects are reported naming the field, before any call.
 */
export function jsonParameter(context: IExecuteFunctions, name: string, label: string, itemIndex: number, options?: JsonOptions & { shape?: 'object' }): IDataObject;
export function jsonParameter(context: IExecuteFunctions, name: string, label: string, itemIndex: number, options: JsonOptions & { shape: 'array' }): IDataObject[];
export function jsonParameter(context: IExecuteFunctions, name: string, label: string, itemIndex: number, options: JsonOptions & { shape: 'objectOrArray' }): IDataObject | IDataObject[];
export function jsonParameter(
	context: IExecuteFunctions,
	name: string,
	label: string,
	itemIndex: number,
	{ shape = 'object', optional = false, sensitive = false }: JsonOptions = {},
): IDataObject | IDataObject[] {
	const raw = context.getNodeParameter(name, itemIndex) as unknown;
	const fail = (message: string, description: string) => new NodeOperationError(context.getNode(), message, { itemIndex, description });
	let value: unknown = raw;
	if (typeof raw === 'string') {
		if (raw.trim() === '') {
			if (optional) return shape === 'array' ? [] : {};
			throw fail(`"${label}" is empty`, `Write "${label}" as ${SHAPE_WORDS[shape].example}.`);
		}
		try {
			value = JSON.parse(raw);
		} catch (error) {
			throw fail(`"${label}" is not valid JSON${parseFailure(error, sensitive)}`, `Fix the JSON in "${label}". Keys and strings need double quotes.`);
		}
	}
	const isObject = (entry: unknown) => entry !== null && typeof entry === 'object' && !Array.isArray(entry);
	const fits = Array.isArray(value) ? shape !== 'object' : isObject(value) && shape !== 'array';
	if (!fits) throw fail(`"${label}" must be ${SHAPE_WORDS[shape].noun}`, `Write "${label}" as ${SHAPE_WORDS[shape].example}.`);
	if (Array.isArray(value)) {
		const position = value.findIndex((entry) => !isObject(entry));
		if (position !== -1) throw fail(`Entry ${position + 1} of "${label}" is not a JSON object`, `Write each entry of "${label}" as { ... }.`);
	}
	return value as IDataObject | IDataObject[];
}

/** Fails before any call when required keys are missing from a JSON body. */
export function requireKeys(context: IExecuteFunctions, body: IDataObject, keys: string[], label: string, itemIndex: number): void {
	const missing = keys.filter((key) => {
		const value = key.split('.').reduce<unknown>((node, part) => (node as IDataObject | undefined)?.[part], body);
		return value === undefined || value === null || value === '';
	});
	if (missing.length) {
		throw new NodeOperationError(context.getNode(), `"${label}" is missing ${missing.map((k) => `"${k}"`).join(', ')}`, {
			itemIndex,
			description: `Add ${missing.join(', ')} to "${label}".`,
		});
	}
}
