import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

/** Reads a JSON parameter (text or already-parsed object) and reports bad JSON naming the field. */
export function jsonParameter(context: IExecuteFunctions, name: string, label: string, itemIndex: number): IDataObject {
	const raw = context.getNodeParameter(name, itemIndex) as unknown;
	let value: unknown = raw;
	if (typeof raw === 'string') {
		try {
			value = JSON.parse(raw);
		} catch (error) {
			throw new NodeOperationError(context.getNode(), `"${label}" is not valid JSON: ${(error as Error).message}`, {
				itemIndex,
				description: `Fix the JSON in "${label}". Keys and strings need double quotes.`,
			});
		}
	}
	if (value === null || typeof value !== 'object' || Array.isArray(value)) {
		throw new NodeOperationError(context.getNode(), `"${label}" must be a JSON object`, { itemIndex, description: `Write "${label}" as { ... }.` });
	}
	return value as IDataObject;
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
