import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { runBatchIds, runErrors, runStatus } from '../../../shared/aep/runs';
import { getEntity } from '../../../shared/flowservice/entities';
import { defineOperation } from '../../descriptions/operationDefinitions';
import { runIdParameter } from '../../descriptions/runDescriptions';
import { runIdOf } from '../../parameters/runParameters';

export const operation = defineOperation({
	resource: 'run',
	operation: 'getErrors',
	name: 'Get Errors',
	action: 'Get the errors of a run',
	description: 'Get one item per error of a run, with its batch IDs',
});

export const description: INodeProperties[] = [runIdParameter(operation)];

/** One item per error the run reports (run summary, failed records, activities); none when it has no errors. */
export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject[]> {
	const run = await getEntity(this, 'runs', runIdOf(this, itemIndex), itemIndex);
	const context = { flowId: String(run.flowId ?? ''), runId: String(run.id), status: runStatus(run), batchIds: runBatchIds(run) };
	return runErrors(run).map((error) => ({ ...context, code: error.code, message: error.message, source: error.source }));
}
