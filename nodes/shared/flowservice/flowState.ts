import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { aepRequest } from '../transport/request';
import { getEntity } from './entities';

/**
 * Enables or disables a flow with a state action sent with its current (or the pinned) etag, and
 * returns the flow as stored afterwards.
 */
export async function setFlowState(
	context: IExecuteFunctions,
	flowId: string,
	action: 'enable' | 'disable',
	pinnedEtag: string,
	itemIndex: number,
): Promise<IDataObject> {
	const current = pinnedEtag ? undefined : await getEntity(context, 'flows', flowId, itemIndex);
	// Adobe refuses to enable an enabled flow (FLOW-1422); the wanted state is already there.
	if (current?.state === `${action}d`) return current;
	const etag = pinnedEtag || String(current?.etag ?? '');
	await aepRequest(context, { method: 'POST', path: `/flows/${encodeURIComponent(flowId)}/action`, query: { op: action }, ifMatch: etag, itemIndex });
	return await getEntity(context, 'flows', flowId, itemIndex);
}
