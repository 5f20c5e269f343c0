import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { simplifyRun } from '../../shared/aep/runs';
import { DEFAULT_MAX_WAIT_SECONDS, DEFAULT_POLL_INTERVAL_SECONDS, MAX_WAIT_SECONDS } from '../descriptions/runDescriptions';
import { idParameter } from './itemParameters';

export const runIdOf = (context: IExecuteFunctions, itemIndex: number): string => idParameter(context, 'runId', 'Run ID', itemIndex);

/** The run as the user asked for it: Adobe's object, or the flattened fields people act on. */
export function shapeRun(context: IExecuteFunctions, run: IDataObject, itemIndex: number): IDataObject {
	return context.getNodeParameter('simplify', itemIndex, true) ? (simplifyRun(run) as unknown as IDataObject) : run;
}

/** How long to wait for a run to end, and how often to read it, in seconds. */
export interface WaitSettings {
	maxWaitSeconds: number;
	pollIntervalSeconds: number;
}

function seconds(context: IExecuteFunctions, value: unknown, label: string, max: number, itemIndex: number): number {
	const number = typeof value === 'string' && value.trim() !== '' ? Number(value) : value;
	if (typeof number !== 'number' || !Number.isFinite(number) || number < 1 || number > max) {
		throw new NodeOperationError(context.getNode(), `"${label}" must be between 1 and ${max}`, { itemIndex, description: `Set "${label}" to a number of seconds from 1 to ${max}.` });
	}
	return number;
}

const isSet = (value: unknown) => value !== undefined && value !== null && value !== '';

/**
 * The wait settings from the Options collection, checked before any call. Wait for Completion had
 * them as top-level parameters before: a saved workflow that still has them keeps its values
 * (`legacy`), unless the Options set them too.
 */
export function waitSettingsOf(context: IExecuteFunctions, itemIndex: number, { legacy = false } = {}): WaitSettings {
	const options = context.getNodeParameter('options', itemIndex, {}) as IDataObject;
	const pick = (name: keyof WaitSettings, fallback: number): unknown => {
		if (isSet(options[name])) return options[name];
		const old = legacy ? (context.getNodeParameter(name, itemIndex, '') as unknown) : '';
		return isSet(old) ? old : fallback;
	};
	return {
		maxWaitSeconds: seconds(context, pick('maxWaitSeconds', DEFAULT_MAX_WAIT_SECONDS), 'Max Wait (Seconds)', MAX_WAIT_SECONDS, itemIndex),
		pollIntervalSeconds: seconds(context, pick('pollIntervalSeconds', DEFAULT_POLL_INTERVAL_SECONDS), 'Poll Interval (Seconds)', 3600, itemIndex),
	};
}
