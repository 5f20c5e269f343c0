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

/** Longest a single execution may hold on to a run, so a stuck run cannot block a workflow for days. */
export const MAX_WAIT_SECONDS = 6 * 3600;

/** Ten minutes, as n8n's own nodes that wait for a job allow by default. */
export const DEFAULT_MAX_WAIT_SECONDS = 600;

export const DEFAULT_POLL_INTERVAL_SECONDS = 30;

/** How long to wait for a run to end and how often to read it (Wait for Completion, and Create when it waits). */
export const waitOptionsCollection = (operation: OperationKey<'run'>, show: NonNullable<INodeProperties['displayOptions']>['show'] = {}): INodeProperties => ({
	displayName: 'Options',
	name: 'options',
	type: 'collection',
	placeholder: 'Add Option',
	default: {},
	displayOptions: showFor(operation, show),
	options: [
		{
			displayName: 'Max Wait (Seconds)',
			name: 'maxWaitSeconds',
			type: 'number',
			typeOptions: { minValue: 1, maxValue: MAX_WAIT_SECONDS },
			default: DEFAULT_MAX_WAIT_SECONDS,
			description: `How long to wait at most for the run to end before failing; at most ${MAX_WAIT_SECONDS} (6 hours)`,
		},
		{
			displayName: 'Poll Interval (Seconds)',
			name: 'pollIntervalSeconds',
			type: 'number',
			typeOptions: { minValue: 1, maxValue: 3600 },
			default: DEFAULT_POLL_INTERVAL_SECONDS,
			description: 'How long to wait between two reads of the run',
		},
	],
});
