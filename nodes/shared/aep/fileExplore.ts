import type { QueryParams } from '../transport/query';

/** How to read a file when its properties are set rather than detected. */
export interface FileProperties {
	columnDelimiter?: string;
	compressionType?: string;
	encoding?: string;
}

/**
 * The explore query for one file of a connection or landing zone. Adobe wants either `fileType`
 * (with the file's properties) or `determineProperties=true`, never both: no `fileType`, or `auto`,
 * asks Adobe to detect them.
 */
export function fileExploreQuery(object: string, { fileType, preview, properties = {} }: { fileType?: string; preview: boolean; properties?: FileProperties }): QueryParams {
	const query: QueryParams = { objectType: 'file', object, preview };
	if (fileType === undefined || fileType === 'auto') return { ...query, determineProperties: true };
	return { ...query, fileType, columnDelimiter: properties.columnDelimiter, compressionType: properties.compressionType, encoding: properties.encoding };
}
