import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { getEntity } from '../../shared/flowservice/entities';
import { aepRequest } from '../../shared/transport/request';
import { showFor } from '../descriptions/displayOptions';
import { flowLocator } from '../descriptions/locators';
import { pinnedEtagParameter } from '../descriptions/updateDescriptions';
import { idParameter, pinnedEtagOf } from '../parameters/itemParameters';

/** Enable and disable: a state action sent with the flow's current (or pinned) etag; returns the updated flow. */
export function stateOperation(action: 'enable' | 'disable') {
	const description: INodeProperties[] = [{ ...flowLocator, displayOptions: showFor('flow', action) }, pinnedEtagParameter('flow', [action])];
	async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
		const flowId = idParameter(this, 'flowId', 'Flow', itemIndex);
		const pinned = pinnedEtagOf(this, itemIndex);
		const current = pinned ? undefined : await getEntity(this, 'flows', flowId, itemIndex);
		// Adobe refuses to enable an enabled flow (FLOW-1422); the wanted state is already there.
		if (current?.state === `${action}d`) return current;
		const etag = pinned || String(current?.etag ?? '');
		await aepRequest(this, { method: 'POST', path: `/flows/${encodeURIComponent(flowId)}/action`, query: { op: action }, ifMatch: etag, itemIndex });
		return await getEntity(this, 'flows', flowId, itemIndex);
	}
	return { description, execute };
}
