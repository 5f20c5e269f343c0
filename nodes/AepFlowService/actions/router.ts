import type { IDataObject, IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';
import { NodeApiError, NodeOperationError } from 'n8n-workflow';

import * as connection from './connection';
import * as connectionSpec from './connectionSpec';
import * as datasetExport from './datasetExport';
import * as flow from './flow';
import * as flowSpec from './flowSpec';
import * as landingZone from './landingZone';
import * as run from './run';
import * as sourceConnection from './sourceConnection';
import * as targetConnection from './targetConnection';
import type { ResourceOperations } from './types';

const resources: Record<string, ResourceOperations> = {
	connection: connection.operations,
	connectionSpec: connectionSpec.operations,
	datasetExport: datasetExport.operations,
	flow: flow.operations,
	flowSpec: flowSpec.operations,
	landingZone: landingZone.operations,
	run: run.operations,
	sourceConnection: sourceConnection.operations,
	targetConnection: targetConnection.operations,
};

/** Keeps n8n errors as they are (with the failing item's index); wraps anything else. */
function withItemIndex(context: IExecuteFunctions, error: unknown, itemIndex: number): NodeApiError | NodeOperationError {
	if (error instanceof NodeApiError || error instanceof NodeOperationError) {
		error.context.itemIndex ??= itemIndex;
		return error;
	}
	return new NodeOperationError(context.getNode(), error as Error, { itemIndex });
}

/** Runs the chosen operation once per input item; owns Continue On Fail and item pairing for every operation. */
export async function router(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
	const items = this.getInputData();
	const output: INodeExecutionData[] = [];
	for (let itemIndex = 0; itemIndex < items.length; itemIndex++) {
		const resource = this.getNodeParameter('resource', itemIndex) as string;
		const operationName = this.getNodeParameter('operation', itemIndex) as string;
		const operation = resources[resource]?.[operationName];
		try {
			if (!operation) {
				throw new NodeOperationError(this.getNode(), `The operation "${operationName}" is not supported for "${resource}"`, { itemIndex });
			}
			const result = await operation.execute.call(this, itemIndex);
			const jsonItems = (Array.isArray(result) ? result : [result]).map((json: IDataObject) => ({ json }));
			output.push(...this.helpers.constructExecutionMetaData(jsonItems, { itemData: { item: itemIndex } }));
		} catch (error) {
			if (this.continueOnFail()) {
				output.push({ json: { error: (error as Error).message }, pairedItem: { item: itemIndex } });
				continue;
			}
			throw withItemIndex(this, error, itemIndex);
		}
	}
	return [output];
}
