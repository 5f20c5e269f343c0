import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { fileExploreQuery, type FileProperties } from '../../../shared/aep/fileExplore';
import { EXPLORE_PATH } from '../../../shared/flowservice/landingZones';
import type { QueryParams } from '../../../shared/transport/query';
import { aepRequest } from '../../../shared/transport/request';
import { showFor, defineOperation } from '../../descriptions/operationDefinitions';

export const operation = defineOperation({
	resource: 'landingZone',
	operation: 'previewFile',
	name: 'Preview File',
	action: 'Preview a landing zone file',
	description: 'Get the schema and first rows of a landing zone file',
});

const manualOnly = { show: { ...showFor(operation)?.show, determineProperties: [false] } };

export const description: INodeProperties[] = [
	{
		displayName: 'File Path',
		name: 'filePath',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'e.g. dlz-user-container/receipts/2026-01-04.csv',
		description: 'The file to preview, starting with the container name (as Explore lists it)',
		displayOptions: showFor(operation),
	},
	{
		displayName: 'Determine Properties',
		name: 'determineProperties',
		type: 'boolean',
		default: true,
		description: 'Whether Experience Platform should detect the file type, compression and delimiter itself. Turn off to set them.',
		displayOptions: showFor(operation),
	},
	{
		displayName: 'File Type',
		name: 'fileType',
		type: 'options',
		default: 'delimited',
		description: 'How the file is written',
		displayOptions: manualOnly,
		options: [
			{ name: 'Delimited', value: 'delimited' },
			{ name: 'JSON', value: 'json' },
			{ name: 'Parquet', value: 'parquet' },
		],
	},
	{
		displayName: 'File Properties',
		name: 'fileProperties',
		type: 'collection',
		placeholder: 'Add Property',
		default: {},
		displayOptions: manualOnly,
		options: [
			{
				displayName: 'Column Delimiter',
				name: 'columnDelimiter',
				type: 'string',
				default: ',',
				description: 'The single character between the columns of a delimited file; \\t for a tab',
			},
			{
				displayName: 'Compression Type',
				name: 'compressionType',
				type: 'options',
				default: 'gzip',
				options: [
					{ name: 'Bzip2', value: 'bzip2' },
					{ name: 'Deflate', value: 'deflate' },
					{ name: 'Gzip', value: 'gzip' },
					{ name: 'Tar', value: 'tar' },
					{ name: 'Tar Gzip', value: 'tarGzip' },
					{ name: 'Zip Deflate', value: 'zipDeflate' },
				],
				description: 'How the file is compressed',
			},
			{
				displayName: 'Encoding',
				name: 'encoding',
				type: 'options',
				default: 'UTF-8',
				options: [
					{ name: 'ISO-8859-1', value: 'ISO-8859-1' },
					{ name: 'UTF-8', value: 'UTF-8' },
				],
				description: 'The character encoding of the file',
			},
		],
	},
];

/** The preview query: detected properties, or the ones set (only offered, and read, when detection is off). */
function previewQuery(context: IExecuteFunctions, path: string, itemIndex: number): QueryParams {
	if (context.getNodeParameter('determineProperties', itemIndex, true) as boolean) return fileExploreQuery(path, { preview: true });
	const fileType = context.getNodeParameter('fileType', itemIndex) as string;
	const properties = context.getNodeParameter('fileProperties', itemIndex, {}) as FileProperties;
	const delimiter = properties.columnDelimiter === '\\t' ? '\t' : properties.columnDelimiter;
	if (delimiter !== undefined) {
		if (fileType !== 'delimited') {
			throw new NodeOperationError(context.getNode(), '"Column Delimiter" only applies to delimited files', {
				itemIndex,
				description: 'Set "File Type" to Delimited, or remove "Column Delimiter".',
			});
		}
		if (delimiter.length !== 1) {
			throw new NodeOperationError(context.getNode(), `"Column Delimiter" must be a single character, not "${delimiter}"`, {
				itemIndex,
				description: 'Use one character such as , ; | or \\t for a tab.',
			});
		}
	}
	return fileExploreQuery(path, { fileType, preview: true, properties: { ...properties, columnDelimiter: delimiter } });
}

/** The first rows and the schema of a landing zone file, as Experience Platform reads it. */
export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const path = String(this.getNodeParameter('filePath', itemIndex, '')).trim().replace(/^\/+/, '');
	if (path === '') {
		throw new NodeOperationError(this.getNode(), 'The file path is empty', {
			itemIndex,
			description: 'Set "File Path", e.g. dlz-user-container/receipts/2026-01-04.csv (use Explore to find it).',
		});
	}
	const preview = await aepRequest<IDataObject>(this, { method: 'GET', path: EXPLORE_PATH, query: previewQuery(this, path, itemIndex), itemIndex });
	return { path, ...preview };
}
