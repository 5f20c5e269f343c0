import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { EXPLORE_PATH } from '../../../shared/flowservice/landingZones';
import { aepRequest } from '../../../shared/transport/request';
import { showFor, defineOperation } from '../../descriptions/operationDefinitions';

export const operation = defineOperation({
	resource: 'landingZone',
	operation: 'explore',
	name: 'Explore',
	action: 'Explore the landing zone',
	description: 'List the files and folders of the source landing zone',
});

export const description: INodeProperties[] = [
	{
		displayName: 'Folder Path',
		name: 'folderPath',
		type: 'string',
		default: '',
		placeholder: 'e.g. dlz-user-container/receipts',
		description: 'The folder to list, starting with the container name. Leave empty to list the top of the landing zone.',
		displayOptions: showFor(operation),
	},
];

/** One item per file or folder in the source landing zone (or in one of its folders). */
export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject[]> {
	const folder = String(this.getNodeParameter('folderPath', itemIndex, '')).trim().replace(/^\/+|\/+$/g, '');
	const entries = await aepRequest<IDataObject[] | IDataObject>(this, {
		method: 'GET',
		path: EXPLORE_PATH,
		query: folder ? { objectType: 'folder', object: folder } : { objectType: 'root' },
		itemIndex,
	});
	return Array.isArray(entries) ? entries : [];
}
