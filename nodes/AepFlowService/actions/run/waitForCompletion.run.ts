import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { NodeOperationError, sleep } from 'n8n-workflow';

import { isTerminal, runStatus, reportedStatus } from '../../../shared/aep/runs';
import { getEntity } from '../../../shared/flowservice/entities';
import { showFor, defineOperation } from '../../descriptions/operationDefinitions';
import { runIdParameter, simplifyParameter, waitOptionsCollection } from '../../descriptions/runDescriptions';
import { runIdOf, shapeRun, waitSettingsOf, type WaitSettings } from '../../parameters/runParameters';

export const operation = defineOperation({
	resource: 'run',
	operation: 'waitForCompletion',
	name: 'Wait for Completion',
	action: 'Wait for a run to complete',
	description: 'Poll a run until it succeeds, fails or partly succeeds',
});

/** Where a saved workflow from before the Options collection keeps its settings: read, never shown. */
const legacyParameter = (name: string, displayName: string): INodeProperties => ({
	displayName,
	name,
	type: 'hidden',
	default: '',
	displayOptions: showFor(operation),
});

export const description: INodeProperties[] = [
	runIdParameter(operation),
	waitOptionsCollection(operation),
	simplifyParameter(operation),
	legacyParameter('pollIntervalSeconds', 'Poll Interval (Seconds)'),
	legacyParameter('maxWaitSeconds', 'Max Wait (Seconds)'),
];

function cancelled(context: IExecuteFunctions, runId: string, itemIndex: number, afterwards: string): NodeOperationError {
	return new NodeOperationError(context.getNode(), `The execution was cancelled while waiting for run ${runId}`, {
		itemIndex,
		description: `The run itself goes on in Experience Platform: cancelling the execution does not stop it. ${afterwards}`.trim(),
	});
}

/**
 * Reads the run until it succeeds, fails or partly succeeds, within the maximum wait. The wait
 * between reads ends at once when the execution is cancelled (n8n's Stop), and so does a read in
 * flight (the transport joins the same signal). `read` is the run as just read, if it was; `created`
 * says, in errors, that the run was started by this call.
 */
export async function waitUntilFinished(
	context: IExecuteFunctions,
	runId: string,
	settings: WaitSettings,
	itemIndex: number,
	{ read, created = false }: { read?: IDataObject; created?: boolean } = {},
): Promise<IDataObject> {
	const signal = context.getExecutionCancelSignal();
	const afterwards = created ? `Run ${runId} was created; wait for it with Run → Wait for Completion.` : '';
	const deadline = Date.now() + settings.maxWaitSeconds * 1000;
	let run = read;
	for (;;) {
		if (signal?.aborted) throw cancelled(context, runId, itemIndex, afterwards);
		run ??= await getEntity(context, 'runs', runId, itemIndex);
		if (isTerminal(runStatus(run))) return run;
		const remaining = deadline - Date.now();
		if (remaining <= 0) {
			throw new NodeOperationError(context.getNode(), `Run ${runId} did not finish within ${settings.maxWaitSeconds} s: its last status was "${reportedStatus(run)}"`, {
				itemIndex,
				description: `Raise "Max Wait (Seconds)" in Options, or check the run in Experience Platform. ${afterwards}`.trim(),
			});
		}
		try {
			await sleep(Math.min(settings.pollIntervalSeconds * 1000, remaining), signal);
		} catch {
			// The sleep ends early only when the signal aborts.
			throw cancelled(context, runId, itemIndex, afterwards);
		}
		run = undefined;
	}
}

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const runId = runIdOf(this, itemIndex);
	const settings = waitSettingsOf(this, itemIndex, { legacy: true });
	return shapeRun(this, await waitUntilFinished(this, runId, settings, itemIndex), itemIndex);
}
