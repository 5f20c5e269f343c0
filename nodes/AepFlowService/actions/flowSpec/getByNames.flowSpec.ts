import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { describeSpecs, specsNamed } from '../../../shared/flowservice/specLookup';
import { showFor, defineOperation } from '../../descriptions/operationDefinitions';

export const operation = defineOperation({
	resource: 'flowSpec',
	operation: 'getByNames',
	name: 'Get by Names',
	action: 'Get a flow spec ID by names',
	description: 'Find the one flow spec with a name, optionally linking given source and target connection specs',
});

const show = showFor(operation);

export const description: INodeProperties[] = [
	{
		displayName: 'Flow Spec Name',
		name: 'flowSpecName',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'e.g. CloudStorageToAEP',
		description: 'The exact name of the flow spec (case-sensitive)',
		displayOptions: show,
	},
	{
		displayName: 'Source Connection Spec Name',
		name: 'sourceSpecName',
		type: 'string',
		default: '',
		placeholder: 'e.g. landing-zone',
		description: 'Only flow specs that accept this source connection spec (exact name). Leave empty to not narrow by source.',
		displayOptions: show,
	},
	{
		displayName: 'Target Connection Spec Name',
		name: 'targetSpecName',
		type: 'string',
		default: '',
		placeholder: 'e.g. datalake',
		description: 'Only flow specs that accept this target connection spec (exact name). Leave empty to not narrow by target.',
		displayOptions: show,
	},
];

/** Keeps the flow specs listing one of `specIds` in `field`; a spec name may belong to several specs. */
async function narrowBy(
	context: IExecuteFunctions,
	flowSpecs: IDataObject[],
	field: 'sourceConnectionSpecIds' | 'targetConnectionSpecIds',
	specName: string,
	label: string,
	itemIndex: number,
): Promise<IDataObject[]> {
	if (specName.trim() === '') return flowSpecs;
	const ids = new Set((await specsNamed(context, 'connectionSpecs', specName, label, itemIndex)).map((spec) => spec.id));
	return flowSpecs.filter((flowSpec) => ((flowSpec[field] as string[] | undefined) ?? []).some((id) => ids.has(id)));
}

/**
 * Resolves a flow spec from its name and, optionally, the names of the source and target connection
 * specs it links: exactly one must match. Spec lists are read once per execution.
 */
export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const flowSpecName = (this.getNodeParameter('flowSpecName', itemIndex, '') as string).trim();
	const sourceSpecName = (this.getNodeParameter('sourceSpecName', itemIndex, '') as string).trim();
	const targetSpecName = (this.getNodeParameter('targetSpecName', itemIndex, '') as string).trim();
	const named = await specsNamed(this, 'flowSpecs', flowSpecName, 'Flow Spec Name', itemIndex);
	const bySource = await narrowBy(this, named, 'sourceConnectionSpecIds', sourceSpecName, 'Source Connection Spec Name', itemIndex);
	const matches = await narrowBy(this, bySource, 'targetConnectionSpecIds', targetSpecName, 'Target Connection Spec Name', itemIndex);
	const links = [sourceSpecName && `source "${sourceSpecName}"`, targetSpecName && `target "${targetSpecName}"`].filter(Boolean).join(' and ');
	if (matches.length === 0) {
		throw new NodeOperationError(this.getNode(), `No flow spec named "${flowSpecName}" links ${links}`, {
			itemIndex,
			description: `Flow specs named "${flowSpecName}": ${describeSpecs(named)}. Check the source and target connection spec names, or leave them empty.`,
		});
	}
	if (matches.length > 1) {
		throw new NodeOperationError(this.getNode(), `${matches.length} flow specs match "${flowSpecName}"${links ? ` with ${links}` : ''}: ${describeSpecs(matches)}`, {
			itemIndex,
			description: 'Narrow the match with "Source Connection Spec Name" and "Target Connection Spec Name", or use the flow spec ID.',
		});
	}
	return { id: matches[0].id, name: matches[0].name };
}
