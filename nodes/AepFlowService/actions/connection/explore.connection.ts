import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { fileExploreQuery } from '../../../shared/aep/fileExplore';
import type { QueryParams } from '../../../shared/transport/query';
import { aepRequest } from '../../../shared/transport/request';
import { connectionLocator } from '../../descriptions/locators';
import { showFor, defineOperation } from '../../descriptions/operationDefinitions';
import { idParameter } from '../../parameters/itemParameters';

export const operation = defineOperation({
	resource: 'connection',
	operation: 'explore',
	name: 'Explore',
	action: 'Explore a connection',
	description: 'Browse the folders, files or tables a base connection can read, or preview one',
});

type ObjectType = 'root' | 'folder' | 'file' | 'table';

const show = showFor(operation);
const forObjectTypes = (...types: ObjectType[]): INodeProperties['displayOptions'] => ({ show: { ...show?.show, exploreObjectType: types } });

export const description: INodeProperties[] = [
	{ ...connectionLocator, displayOptions: show },
	{
		displayName: 'Object Type',
		name: 'exploreObjectType',
		type: 'options',
		options: [
			{ name: 'File', value: 'file', description: 'Preview a file: its columns and sample rows' },
			{ name: 'Folder', value: 'folder', description: 'List the files and folders in a folder' },
			{ name: 'Root', value: 'root', description: 'List the top level of the storage, or the tables of a database or CRM' },
			{ name: 'Table', value: 'table', description: 'Preview a table of a database or CRM source' },
		],
		default: 'root',
		displayOptions: show,
	},
	{
		displayName: 'Path',
		name: 'explorePath',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'e.g. acme-exports/orders',
		description: 'The "path" of the folder, file or table, as a Root or Folder listing returns it',
		displayOptions: forObjectTypes('folder', 'file', 'table'),
	},
	{
		displayName: 'File Type',
		name: 'exploreFileType',
		type: 'options',
		options: [
			{ name: 'Delimited', value: 'delimited' },
			{ name: 'Detect Automatically', value: 'auto', description: 'Let Flow Service detect the file type, compression and delimiter' },
			{ name: 'JSON', value: 'json' },
			{ name: 'Parquet', value: 'parquet' },
		],
		default: 'delimited',
		displayOptions: forObjectTypes('file'),
	},
	{
		displayName: 'Preview',
		name: 'explorePreview',
		type: 'boolean',
		default: true,
		description: 'Whether to return sample rows of the file along with its schema',
		displayOptions: forObjectTypes('file'),
	},
];

/** The explore query for the chosen object; a file's follows the one rule for file queries (fileExploreQuery). */
function exploreQuery(context: IExecuteFunctions, itemIndex: number): QueryParams {
	const objectType = context.getNodeParameter('exploreObjectType', itemIndex, 'root') as ObjectType;
	if (objectType === 'root') return { objectType };
	const object = String(context.getNodeParameter('explorePath', itemIndex, '')).trim();
	if (object === '') {
		throw new NodeOperationError(context.getNode(), '"Path" is empty', {
			itemIndex,
			description: `Exploring a ${objectType} needs its path: run Explore with Object Type "Root" (or "Folder") first and use the "path" it returns.`,
		});
	}
	if (objectType !== 'file') return { objectType, object };
	const fileType = context.getNodeParameter('exploreFileType', itemIndex, 'delimited') as string;
	const preview = context.getNodeParameter('explorePreview', itemIndex, true) as boolean;
	return fileExploreQuery(object, { fileType, preview });
}

/** Browses what a base connection can read: listings become one item per entry, previews one item. */
export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject | IDataObject[]> {
	const id = idParameter(this, 'connectionId', 'Connection', itemIndex);
	const query = exploreQuery(this, itemIndex);
	return await aepRequest<IDataObject | IDataObject[]>(this, { method: 'GET', path: `/connections/${encodeURIComponent(id)}/explore`, query, itemIndex });
}
