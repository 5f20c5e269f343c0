import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { describeSpecs, specsNamed } from '../../../shared/flowservice/specLookup';
import { showFor, defineOperation } from '../../descriptions/operationDefinitions';

export const operation = defineOperation({
	resource: 'connectionSpec',
	operation: 'getByName',
	name: 'Get by Name',
	action: 'Get a connection spec ID by name',
	description: 'Find the ID of the connection spec with an exact name',
});

export const description: INodeProperties[] = [
	{
		displayName: 'Spec Name',
		name: 'connectionSpecName',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'e.g. Streaming Connection',
		description: 'The exact name of the connection spec (case-sensitive)',
		displayOptions: showFor(operation),
	},
];

/** Resolves a connection spec name to its ID; the spec list is read once per execution, whatever the item count. */
export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const name = this.getNodeParameter('connectionSpecName', itemIndex, '') as string;
	const matches = await specsNamed(this, 'connectionSpecs', name, 'Spec Name', itemIndex);
	if (matches.length > 1) {
		throw new NodeOperationError(this.getNode(), `${matches.length} connection specs are named "${name.trim()}": ${describeSpecs(matches)}`, {
			itemIndex,
			description: 'Several specs share this name (e.g. a source and a destination). Use the ID of the one you mean.',
		});
	}
	return { id: matches[0].id, name: matches[0].name };
}
