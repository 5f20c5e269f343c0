import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { maxItemsOf, returnAllAndLimit } from '../common';
import { exportableDatasets } from './exportable';

export const description: INodeProperties[] = [...returnAllAndLimit('datasetExport', 'getExportableDatasets')];

/** One item per dataset that a dataset export can send to a destination. */
export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject[]> {
	return await exportableDatasets(this, itemIndex, maxItemsOf(this, itemIndex));
}
