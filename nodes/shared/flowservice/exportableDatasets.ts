import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { CONNECTION_SPECS } from '../aep/ids';
import { aepListAllByOffset } from '../transport/paging';

/**
 * Datasets that can be exported, read page by page with `start`/`limit`. Adobe lists them under the
 * data lake *source* spec (aepp asks the destination spec instead).
 */
export async function exportableDatasets(context: IExecuteFunctions, itemIndex: number, maxItems?: number): Promise<IDataObject[]> {
	return await aepListAllByOffset(
		context,
		{
			method: 'GET',
			path: `/connectionSpecs/${CONNECTION_SPECS.dataLakeSource}/configs`,
			query: { outputType: 'activationDatasets', outputField: 'datasets' },
			itemIndex,
		},
		maxItems,
	);
}
