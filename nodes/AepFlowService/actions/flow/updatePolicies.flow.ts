import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { patchEntity } from '../../../shared/flowservice/entities';
import { flowLocator } from '../../descriptions/locators';
import { showFor, defineOperation } from '../../descriptions/operationDefinitions';
import { pinnedEtagParameter } from '../../descriptions/updateDescriptions';
import { idParameter, listParameter, pinnedEtagOf } from '../../parameters/itemParameters';

export const operation = defineOperation({
	resource: 'flow',
	operation: 'updatePolicies',
	name: 'Update Policies',
	action: 'Update flow policies',
	description: 'Set the data usage policies a dataflow enforces',
});

const show = showFor(operation);

export const description: INodeProperties[] = [
	{ ...flowLocator, displayOptions: show },
	{
		displayName: 'Policy Enforcement References',
		name: 'policies',
		type: 'string',
		default: '',
		required: true,
		placeholder: 'e.g. /data/foundation/dulepolicy/policies/1234, /data/foundation/dulepolicy/policies/5678',
		description: 'Comma-separated data usage policy references to enforce on the flow',
		displayOptions: show,
	},
	{
		displayName: 'Mode',
		name: 'policyMode',
		type: 'options',
		options: [
			{ name: 'Replace', value: 'replace', description: 'The flow enforces exactly these policies' },
			{ name: 'Add', value: 'add', description: 'Set the policy object where the flow has none yet' },
		],
		default: 'replace',
		displayOptions: show,
	},
	pinnedEtagParameter(operation),
];

/** aepp's updatePolicy never worked (it sent no etag); this sends the current one and returns the updated flow. */
export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const flowId = idParameter(this, 'flowId', 'Flow', itemIndex);
	const policies = listParameter(this, 'policies', itemIndex);
	if (policies.length === 0) {
		throw new NodeOperationError(this.getNode(), '"Policy Enforcement References" is empty', { itemIndex, description: 'List at least one policy reference.' });
	}
	const op = this.getNodeParameter('policyMode', itemIndex, 'replace') as 'replace' | 'add';
	const etag = pinnedEtagOf(this, itemIndex);
	return await patchEntity(this, 'flows', flowId, [{ op, path: '/policy', value: { enforcementRefs: policies } }], etag, itemIndex);
}
