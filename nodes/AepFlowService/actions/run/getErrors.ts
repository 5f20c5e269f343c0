import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { runBatchIds, runErrors, runStatus } from '../../../shared/aep/runs';
import { getEntity } from '../../../shared/flowservice/entities';
import { runIdParameter } from '../../descriptions/runDescriptions';
import { runIdOf } from '../../parameters/runParameters';

export const description: INodeProperties[] = [runIdParameter(['getErrors'])];

/** One item per error the run reports (run summary, failed records, activities); none when it has no errors. */
export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject[]> {
	const run = await getEntity(this, 'runs', runIdOf(this, itemIndex), itemIndex);
	const context = { flowId: String(run.flowId ?? ''), runId: String(run.id), status: runStatus(run), batchIds: runBatchIds(run) };
	return runErrors(run).map((error) => ({ ...context, code: error.code, message: error.message, source: error.source }));
}
