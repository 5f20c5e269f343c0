import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { exportableDatasets } from '../../../shared/flowservice/exportableDatasets';
import { returnAllAndLimit } from '../../descriptions/listDescriptions';
import { maxItemsOf } from '../../parameters/itemParameters';

export const description: INodeProperties[] = [...returnAllAndLimit('datasetExport', 'getExportableDatasets')];

/** One item per dataset that a dataset export can send to a destination. */
export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject[]> {
	return await exportableDatasets(this, itemIndex, maxItemsOf(this, itemIndex));
}
