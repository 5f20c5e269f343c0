import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { simplifyRun } from '../../shared/aep/runs';
import { idParameter } from './itemParameters';

export const runIdOf = (context: IExecuteFunctions, itemIndex: number): string => idParameter(context, 'runId', 'Run ID', itemIndex);

/** The run as the user asked for it: Adobe's object, or the flattened fields people act on. */
export function shapeRun(context: IExecuteFunctions, run: IDataObject, itemIndex: number): IDataObject {
	return context.getNodeParameter('simplify', itemIndex, true) ? (simplifyRun(run) as unknown as IDataObject) : run;
}
