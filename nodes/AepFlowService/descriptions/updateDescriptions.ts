import type { INodeProperties } from 'n8n-workflow';

import { showFor, type OperationKey } from './operationDefinitions';

/** The optional etag a user may pin on an update; empty means "read the current one first". */
export function pinnedEtagParameter(operation: OperationKey): INodeProperties {
	return {
		displayName: 'Etag',
		name: 'etag',
		type: 'string',
		default: '',
		placeholder: 'e.g. "0c003dbf-0000-0200-0000-5f36e92d0000"',
		description:
			'Only apply the change if the entity still has this etag (optimistic locking). Leave empty to use the current etag.',
		displayOptions: showFor(operation),
	};
}

/** The "Operations (JSON)" parameter of an update done with JSON Patch. */
export function patchOperationsParameter(displayOptions: INodeProperties['displayOptions'], example = '/name'): INodeProperties {
	return {
		displayName: 'Operations (JSON)',
		name: 'operationsJson',
		type: 'json',
		default: `[\n  { "op": "replace", "path": "${example}", "value": "" }\n]`,
		description: 'JSON Patch operations (add, replace or remove) to apply',
		displayOptions,
	};
}

/**
 * The parameters every Update operation shares: the entity, "Update With" fields or JSON Patch,
 * the fields (name and description, plus any given), the operations and the pinned etag.
 */
export function updateParameters(
	operation: OperationKey,
	locator: INodeProperties,
	{
		fieldsHint,
		patchHint,
		extraFields = [],
		extraTypes = [],
	}: {
		fieldsHint: string;
		patchHint: string;
		extraFields?: INodeProperties[];
		/** More ways to update than fields and JSON Patch, each with the parameters it shows. */
		extraTypes?: Array<{ name: string; value: string; description: string; parameters: INodeProperties[] }>;
	},
): INodeProperties[] {
	const show = showFor(operation);
	const fields: INodeProperties[] = [
		{ displayName: 'Description', name: 'description', type: 'string', default: '' } as INodeProperties,
		{ displayName: 'Name', name: 'name', type: 'string', default: '' } as INodeProperties,
		...extraFields,
	].sort((a, b) => a.displayName.localeCompare(b.displayName));
	return [
		{ ...locator, displayOptions: show },
		{
			displayName: 'Update With',
			name: 'updateType',
			type: 'options',
			options: [
				{ name: 'Fields', value: 'fields', description: fieldsHint },
				{ name: 'JSON Patch', value: 'patch', description: patchHint },
				...extraTypes.map(({ name, value, description }) => ({ name, value, description })),
			].sort((a, b) => a.name.localeCompare(b.name)),
			default: 'fields',
			displayOptions: show,
		},
		{
			displayName: 'Update Fields',
			name: 'updateFields',
			type: 'collection',
			placeholder: 'Add Field',
			default: {},
			displayOptions: showFor(operation, { updateType: ['fields'] }),
			options: fields,
		},
		patchOperationsParameter(showFor(operation, { updateType: ['patch'] })),
		...extraTypes.flatMap(({ value, parameters }) =>
			parameters.map((parameter) => ({ ...parameter, displayOptions: { show: { ...showFor(operation, { updateType: [value] })?.show, ...parameter.displayOptions?.show } } })),
		),
		pinnedEtagParameter(operation),
	];
}
