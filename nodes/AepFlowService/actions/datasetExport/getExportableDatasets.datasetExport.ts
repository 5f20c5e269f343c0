import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { exportableDatasets } from '../../../shared/flowservice/exportableDatasets';
import { returnAllAndLimit } from '../../descriptions/listDescriptions';
import { defineOperation } from '../../descriptions/operationDefinitions';
import { maxItemsOf } from '../../parameters/itemParameters';

export const operation = defineOperation({
	resource: 'datasetExport',
	operation: 'getExportableDatasets',
	name: 'Get Exportable Datasets',
	action: 'Get exportable datasets',
	description: 'List the datasets a dataset export can send',
});

export const description: INodeProperties[] = [...returnAllAndLimit(operation)];

/** One item per dataset that a dataset export can send to a destination. */
export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject[]> {
	return await exportableDatasets(this, itemIndex, maxItemsOf(this, itemIndex));
}
