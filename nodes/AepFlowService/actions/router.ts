import type { IDataObject, IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';
import { NodeApiError, NodeOperationError } from 'n8n-workflow';

import { CompositeCreateError } from '../../shared/flowservice/compositeCreate';
import { secretsUsedBy, useRequestTimeout } from '../../shared/transport/executionState';
import { redactDeep } from '../../shared/transport/redaction';
import { DEFAULT_TIMEOUT_MS } from '../../shared/transport/request';
import { ItemsWithBinary } from '../descriptions/operationDefinitions';
import { operationModule } from './registry';


/** Keeps n8n errors as they are (with the failing item's index); wraps anything else. */
function withItemIndex(context: IExecuteFunctions, error: unknown, itemIndex: number): NodeApiError | NodeOperationError {
	if (error instanceof NodeApiError || error instanceof NodeOperationError) {
		error.context.itemIndex ??= itemIndex;
		return error;
	}
	return new NodeOperationError(context.getNode(), error as Error, { itemIndex });
}

/**
 * The error item under Continue On Fail: the message, plus the facts an error carries for it (what a
 * failed composite create deleted again and what it left), so a workflow can act on them.
 */
function errorItemJson(error: Error): IDataObject {
	if (error instanceof CompositeCreateError) return { error: error.message, rolledBack: error.facts.rolledBack, leftOver: error.facts.leftOver };
	return { error: error.message };
}

/** The most items processed at the same time, whatever the node is set to. */
export const MAX_CONCURRENCY = 16;

/** Runs one item: its output items (paired to it), or its error item under Continue On Fail. */
async function runItem(context: IExecuteFunctions, itemIndex: number): Promise<INodeExecutionData[]> {
	const resource = context.getNodeParameter('resource', itemIndex) as string;
	const operationName = context.getNodeParameter('operation', itemIndex) as string;
	const operation = operationModule(resource, operationName);
	try {
		if (!operation) {
			throw new NodeOperationError(context.getNode(), `The operation "${operationName}" is not supported for "${resource}"`, { itemIndex });
		}
		const result = await operation.execute.call(context, itemIndex);
		if (result instanceof ItemsWithBinary) {
			const secrets = secretsUsedBy(context);
			const items = result.items.map((item) => ({ ...item, json: redactDeep(item.json, secrets) }));
			return context.helpers.constructExecutionMetaData(items, { itemData: { item: itemIndex } });
		}
		// A secret a server echoed back (the token, one the node sent) never reaches the output; only
		// operations whose job is to return credentials (the landing zone's SAS token) keep them.
		const shown = operation.returnsCredentials ? result : redactDeep(result, secretsUsedBy(context));
		const jsonItems = (Array.isArray(shown) ? shown : [shown]).map((json: IDataObject) => ({ json }));
		return context.helpers.constructExecutionMetaData(jsonItems, { itemData: { item: itemIndex } });
	} catch (error) {
		if (context.continueOnFail()) return [{ json: errorItemJson(error as Error), pairedItem: { item: itemIndex } }];
		throw withItemIndex(context, error, itemIndex);
	}
}

/**
 * Runs the chosen operation once per input item; owns Continue On Fail and item pairing for every
 * operation. With a concurrency above 1, several items are in flight at once (bounded), and the
 * output keeps the input order.
 */
export async function router(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
	const items = this.getInputData();
	const requestOptions = this.getNodeParameter('requestOptions', 0, {}) as { concurrency?: number; requestTimeout?: number };
	const timeoutSeconds = Number(requestOptions.requestTimeout ?? this.getNodeParameter('requestTimeout', 0, DEFAULT_TIMEOUT_MS / 1000));
	if (!Number.isFinite(timeoutSeconds) || timeoutSeconds < 1) {
		throw new NodeOperationError(this.getNode(), '"Request Timeout" must be at least 1 second', { description: 'Set "Request Timeout" to a number of seconds, e.g. 60.' });
	}
	useRequestTimeout(this, timeoutSeconds * 1000);
	const concurrency = Math.min(MAX_CONCURRENCY, Math.max(1, Math.floor(Number(requestOptions.concurrency ?? this.getNodeParameter('concurrency', 0, 1)) || 1)));
	const results: INodeExecutionData[][] = new Array(items.length);
	let next = 0;
	const worker = async () => {
		while (next < items.length) {
			const itemIndex = next++;
			results[itemIndex] = await runItem(this, itemIndex);
		}
	};
	await Promise.all(Array.from({ length: Math.min(concurrency, items.length) }, worker));
	return [results.flat()];
}
