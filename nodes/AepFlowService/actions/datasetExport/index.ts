import type { INodeProperties } from 'n8n-workflow';

import type { ResourceOperations } from '../types';
import * as exportToLandingZone from './exportToLandingZone';
import * as getExportableDatasets from './getExportableDatasets';

export const operations: ResourceOperations = { exportToLandingZone, getExportableDatasets };

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['datasetExport'] } },
		options: [
			{
				name: 'Export to Landing Zone',
				value: 'exportToLandingZone',
				action: 'Export datasets to the landing zone',
				description: 'Create the connections and the scheduled dataflow that export datasets to the Data Landing Zone',
			},
			{
				name: 'Get Exportable Datasets',
				value: 'getExportableDatasets',
				action: 'Get exportable datasets',
				description: 'List the datasets a dataset export can send',
			},
		],
		default: 'getExportableDatasets',
	},
	...exportToLandingZone.description,
	...getExportableDatasets.description,
];
