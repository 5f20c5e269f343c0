import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { simplifyRun } from '../../../shared/aep/runs';
import { idParameter, showFor } from '../common';

export const runIdParameter = (operations: string[]): INodeProperties => ({
	displayName: 'Run ID',
	name: 'runId',
	type: 'string',
	required: true,
	default: '',
	placeholder: 'e.g. d9024c32-2174-4271-824c-322174627101',
	description: 'The ID of the dataflow run',
	displayOptions: showFor('run', operations),
});

export const simplifyParameter = (operations: string[]): INodeProperties => ({
	displayName: 'Simplify',
	name: 'simplify',
	type: 'boolean',
	default: true,
	description: 'Whether to return a simplified version of the response instead of the raw data',
	displayOptions: showFor('run', operations),
});

export const runIdOf = (context: IExecuteFunctions, itemIndex: number): string => idParameter(context, 'runId', 'Run ID', itemIndex);

/** The run as the user asked for it: Adobe's object, or the flattened fields people act on. */
export function shapeRun(context: IExecuteFunctions, run: IDataObject, itemIndex: number): IDataObject {
	return context.getNodeParameter('simplify', itemIndex, true) ? (simplifyRun(run) as unknown as IDataObject) : run;
}

/** The raw status text of a run, for messages. */
export function statusText(run: IDataObject): string {
	const summary = (run.metrics as IDataObject | undefined)?.statusSummary as IDataObject | undefined;
	return String(summary?.status ?? 'unknown');
}
