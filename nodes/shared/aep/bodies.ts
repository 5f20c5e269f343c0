import type { IDataObject } from 'n8n-workflow';

import { CONNECTION_SPECS, STREAMING_PROVIDER_ID, XDM_FULL_SCHEMA_VERSION } from '../../shared/aep/ids';
import { listValues } from '../../shared/transport/filters';

/**
 * Request bodies for the source and target connections Flow Service documents for streaming,
 * Data Landing Zone and data lake work. Pure functions: they check their input and throw
 * `InvalidBodyInput` (field named, fix given) before anything is sent; wrap calls in `validated`.
 */

export const DATA_FORMATS = ['delimited', 'json', 'parquet'] as const;
export type DataFormat = (typeof DATA_FORMATS)[number];
export const DATASET_FILE_TYPES = ['JSON', 'PARQUET', 'DELIMITED'] as const;
export type DatasetFileType = (typeof DATASET_FILE_TYPES)[number];
export const COMPRESSIONS = ['GZIP', 'NONE'] as const;
export type Compression = (typeof COMPRESSIONS)[number];
export type PathType = 'file' | 'folder';

/** A builder input that Flow Service would reject; `hint` says how to fix it. */
export class InvalidBodyInput extends Error {
	constructor(
		message: string,
		readonly hint: string,
	) {
		super(message);
		this.name = 'InvalidBodyInput';
	}
}

function text(value: unknown, label: string): string {
	const result = typeof value === 'string' ? value.trim() : '';
	if (result === '') throw new InvalidBodyInput(`"${label}" is empty`, `Set "${label}".`);
	return result;
}

function oneOf<T extends string>(value: unknown, allowed: readonly T[], label: string): T {
	if (!allowed.includes(value as T)) {
		throw new InvalidBodyInput(`"${label}" must be one of ${allowed.join(', ')}, not "${String(value)}"`, `Pick one of ${allowed.join(', ')} for "${label}".`);
	}
	return value as T;
}

/** Adds `description` only when one was given, as Adobe stores an empty one as "". */
function named(name: unknown, description: unknown): IDataObject {
	const body: IDataObject = { name: text(name, 'Name') };
	if (typeof description === 'string' && description.trim() !== '') body.description = description;
	return body;
}

const spec = (id: string): IDataObject => ({ id, version: '1.0' });

export interface StreamingSourceInput {
	name: string;
	baseConnectionId: string;
	format?: DataFormat;
	description?: string;
}

/** Source connection of an HTTP API streaming base connection; Adobe then adds `params.inletUrl`. */
export function streamingSourceConnectionBody(input: StreamingSourceInput): IDataObject {
	const { name, description } = named(input.name, input.description);
	return {
		name,
		providerId: STREAMING_PROVIDER_ID,
		...(description === undefined ? {} : { description }),
		baseConnectionId: text(input.baseConnectionId, 'Base Connection ID'),
		connectionSpec: spec(CONNECTION_SPECS.streaming),
		data: { format: oneOf(input.format ?? 'delimited', DATA_FORMATS, 'Format') },
	};
}

export interface LandingZoneSourceInput {
	name: string;
	path: string;
	pathType?: PathType;
	recursive?: boolean;
	format?: DataFormat;
	description?: string;
}

/** Source connection reading a file or folder of the Data Landing Zone (no base connection needed). */
export function landingZoneSourceConnectionBody(input: LandingZoneSourceInput): IDataObject {
	return {
		...named(input.name, input.description),
		data: { format: oneOf(input.format ?? 'delimited', DATA_FORMATS, 'Format') },
		params: {
			path: text(input.path, 'Path'),
			type: oneOf(input.pathType ?? 'file', ['file', 'folder'], 'Path Type'),
			recursive: input.recursive === true,
		},
		connectionSpec: spec(CONNECTION_SPECS.landingZoneSource),
	};
}

export interface DataLakeSourceInput {
	name: string;
	datasetIds: string[] | string;
	format?: DataFormat;
	description?: string;
}

/** Source connection over data lake datasets, the source side of a dataset export. */
export function dataLakeSourceConnectionBody(input: DataLakeSourceInput): IDataObject {
	const datasetIds = listValues(input.datasetIds);
	if (datasetIds.length === 0) throw new InvalidBodyInput('"Dataset IDs" is empty', 'Give at least one dataset ID (several separated by commas).');
	return {
		...named(input.name, input.description),
		data: { format: oneOf(input.format ?? 'delimited', DATA_FORMATS, 'Format') },
		params: { datasets: [...new Set(datasetIds)].map((dataSetId) => ({ dataSetId })) },
		connectionSpec: spec(CONNECTION_SPECS.dataLakeSource),
	};
}

export interface DataLakeTargetInput {
	name: string;
	datasetId: string;
	schemaId: string;
	format?: DataFormat;
	description?: string;
}

/** Target connection writing into a dataset; the schema is referenced by its `$id` URL. */
export function dataLakeTargetConnectionBody(input: DataLakeTargetInput): IDataObject {
	const schemaId = text(input.schemaId, 'Schema ID');
	if (!/^https?:\/\//i.test(schemaId)) {
		throw new InvalidBodyInput(
			`"Schema ID" must be the schema's $id URL, not "${schemaId}"`,
			'Use the $id of the schema, e.g. https://ns.adobe.com/<tenant>/schemas/<id>, not its meta:altId.',
		);
	}
	return {
		...named(input.name, input.description),
		data: { format: oneOf(input.format ?? 'delimited', DATA_FORMATS, 'Format'), schema: { id: schemaId, version: XDM_FULL_SCHEMA_VERSION } },
		params: { dataSetId: text(input.datasetId, 'Dataset ID') },
		connectionSpec: spec(CONNECTION_SPECS.dataLakeTarget),
	};
}

export interface LandingZoneTargetInput {
	name: string;
	path: string;
	pathType?: PathType;
	format?: DataFormat;
	description?: string;
}

/** Target connection writing files to a Data Landing Zone path. */
export function landingZoneTargetConnectionBody(input: LandingZoneTargetInput): IDataObject {
	return {
		...named(input.name, input.description),
		data: { format: oneOf(input.format ?? 'delimited', DATA_FORMATS, 'Format') },
		params: { path: text(input.path, 'Path'), type: oneOf(input.pathType ?? 'file', ['file', 'folder'], 'Path Type') },
		connectionSpec: spec(CONNECTION_SPECS.landingZoneDestination),
	};
}

export interface DatasetToLandingZoneTargetInput {
	name: string;
	baseConnectionId: string;
	path: string;
	datasetFileType?: DatasetFileType;
	compression?: Compression;
	description?: string;
}

/** Target connection of a dataset export to the Data Landing Zone; JSON exports must be compressed. */
export function datasetToLandingZoneTargetBody(input: DatasetToLandingZoneTargetInput): IDataObject {
	const datasetFileType = oneOf(input.datasetFileType ?? 'JSON', DATASET_FILE_TYPES, 'Dataset File Type');
	const compression = oneOf(input.compression ?? 'GZIP', COMPRESSIONS, 'Compression');
	if (datasetFileType === 'JSON' && compression === 'NONE') {
		throw new InvalidBodyInput('JSON exports must be compressed', 'Set "Compression" to GZIP, or pick another "Dataset File Type".');
	}
	return {
		...named(input.name, input.description),
		baseConnectionId: text(input.baseConnectionId, 'Base Connection ID'),
		params: { mode: 'Server-to-server', path: text(input.path, 'Path'), compression, datasetFileType },
		connectionSpec: spec(CONNECTION_SPECS.landingZoneDestination),
	};
}

export interface StreamingBaseConnectionInput {
	name: string;
	/** Names the stream in the inlet; unique in the organization. */
	sourceId: string;
	dataType?: 'xdm' | 'raw';
	authenticationRequired?: boolean;
	description?: string;
}

/** HTTP API streaming base connection; Adobe answers with the inlet URL in `auth.params.inletUrl`. */
export function streamingBaseConnectionBody(input: StreamingBaseConnectionInput): IDataObject {
	const body = named(input.name, input.description);
	const params: IDataObject = { sourceId: text(input.sourceId, 'Source ID'), dataType: oneOf(input.dataType ?? 'xdm', ['xdm', 'raw'] as const, 'Data Type'), name: body.name };
	if (input.authenticationRequired) params.authenticationRequired = true;
	return {
		...body,
		providerId: STREAMING_PROVIDER_ID,
		connectionSpec: spec(CONNECTION_SPECS.streaming),
		auth: { specName: 'Streaming Connection', params },
	};
}
