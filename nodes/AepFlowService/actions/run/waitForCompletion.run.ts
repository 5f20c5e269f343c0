import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { NodeOperationError, sleep } from 'n8n-workflow';

import { isTerminal, runStatus, reportedStatus } from '../../../shared/aep/runs';
import { getEntity } from '../../../shared/flowservice/entities';
import { showFor, defineOperation } from '../../descriptions/operationDefinitions';
import { runIdParameter, simplifyParameter } from '../../descriptions/runDescriptions';
import { runIdOf, shapeRun } from '../../parameters/runParameters';

export const operation = defineOperation({
	resource: 'run',
	operation: 'waitForCompletion',
	name: 'Wait for Completion',
	action: 'Wait for a run to complete',
	description: 'Poll a run until it succeeds, fails or partly succeeds',
});

/** Longest a single execution may hold on to a run, so a stuck run cannot block a workflow for days. */
const MAX_WAIT_SECONDS = 6 * 3600;

export const description: INodeProperties[] = [
	runIdParameter(operation),
	{
		displayName: 'Poll Interval (Seconds)',
		name: 'pollIntervalSeconds',
		type: 'number',
		typeOptions: { minValue: 1, maxValue: 3600 },
		default: 30,
		description: 'How long to wait between two reads of the run',
		displayOptions: showFor(operation),
	},
	{
		displayName: 'Max Wait (Seconds)',
		name: 'maxWaitSeconds',
		type: 'number',
		typeOptions: { minValue: 1, maxValue: MAX_WAIT_SECONDS },
		default: 3600,
		description: 'How long to wait at most for the run to end before failing',
		displayOptions: showFor(operation),
	},
	simplifyParameter(operation),
];

function seconds(context: IExecuteFunctions, name: string, label: string, max: number, itemIndex: number): number {
	const value = Number(context.getNodeParameter(name, itemIndex));
	if (!Number.isFinite(value) || value < 1 || value > max) {
		throw new NodeOperationError(context.getNode(), `"${label}" must be between 1 and ${max}`, { itemIndex, description: `Set "${label}" to a number of seconds from 1 to ${max}.` });
	}
	return value;
}

/** Reads the run until it succeeds, fails or partly succeeds, within the maximum wait. */
export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const runId = runIdOf(this, itemIndex);
	const maxWait = seconds(this, 'maxWaitSeconds', 'Max Wait (Seconds)', MAX_WAIT_SECONDS, itemIndex);
	const interval = seconds(this, 'pollIntervalSeconds', 'Poll Interval (Seconds)', 3600, itemIndex);
	const deadline = Date.now() + maxWait * 1000;
	for (;;) {
		const run = await getEntity(this, 'runs', runId, itemIndex);
		if (isTerminal(runStatus(run))) return shapeRun(this, run, itemIndex);
		const remaining = deadline - Date.now();
		if (remaining <= 0) {
			throw new NodeOperationError(this.getNode(), `Run ${runId} did not finish within ${maxWait} s: its last status was "${reportedStatus(run)}"`, {
				itemIndex,
				description: 'Raise "Max Wait (Seconds)", or check the run in Experience Platform.',
			});
		}
		await sleep(Math.min(interval * 1000, remaining));
	}
}
