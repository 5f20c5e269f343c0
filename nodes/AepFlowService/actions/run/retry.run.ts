import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { getEntity } from '../../../shared/flowservice/entities';
import { firstItem } from '../../../shared/transport/paging';
import { aepRequest } from '../../../shared/transport/request';
import { defineOperation } from '../../descriptions/operationDefinitions';
import { runIdParameter, simplifyParameter } from '../../descriptions/runDescriptions';
import { runIdOf, shapeRun } from '../../parameters/runParameters';

export const operation = defineOperation({
	resource: 'run',
	operation: 'retry',
	name: 'Retry',
	action: 'Retry a run',
	description: 'Re-trigger a failed run; returns the new run',
});

export const description: INodeProperties[] = [runIdParameter(operation), simplifyParameter(operation)];

/**
 * Re-triggers a failed run (`POST /runs/{id}/action?op=re-trigger`). Flow Service answers with the
 * id of a new run, which is returned as stored.
 */
export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const runId = runIdOf(this, itemIndex);
	const answer = await aepRequest<IDataObject>(this, {
		method: 'POST',
		path: `/runs/${encodeURIComponent(runId)}/action`,
		query: { op: 're-trigger' },
		itemIndex,
	});
	const newRun = await getEntity(this, 'runs', String(firstItem(answer).id), itemIndex);
	return shapeRun(this, newRun, itemIndex);
}
