import type { INodeProperties } from 'n8n-workflow';

import { runLocator } from './locators';
import { showFor, type OperationKey } from './operationDefinitions';

/** Which runs each operation's picker lists, and how the parameter describes the run. */
const RUN_PICKERS: Record<string, { description: string; searchListMethod: string }> = {
	get: { description: 'The dataflow run to get', searchListMethod: 'searchRuns' },
	getErrors: { description: 'The dataflow run whose errors to get', searchListMethod: 'searchRunsWithFailures' },
	retry: { description: 'The failed dataflow run to re-trigger', searchListMethod: 'searchFailedRuns' },
	waitForCompletion: { description: 'The dataflow run to wait for', searchListMethod: 'searchRuns' },
};

/**
 * The run an operation works on: the run locator (list, ID or Experience Platform link). Workflows
 * saved when this was a text parameter keep working: their value is the run ID as text, which the
 * engine passes through and `idParameter` reads like a locator's.
 */
export const runIdParameter = (operation: OperationKey<'run'>): INodeProperties => {
	const picker = RUN_PICKERS[operation.operation] ?? { description: 'The dataflow run', searchListMethod: 'searchRuns' };
	return { ...runLocator(picker.description, picker.searchListMethod), displayOptions: showFor(operation) };
};

export const simplifyParameter = (operation: OperationKey<'run'>): INodeProperties => ({
	displayName: 'Simplify',
	name: 'simplify',
	type: 'boolean',
	default: true,
	description: 'Whether to return a simplified version of the response instead of the raw data',
	displayOptions: showFor(operation),
});
