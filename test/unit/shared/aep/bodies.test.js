'use strict';
// The source and target connection bodies: exact shapes Flow Service documents, and the input checks
// that stop a request Adobe would reject.
const {
	streamingSourceConnectionBody,
	landingZoneSourceConnectionBody,
	dataLakeSourceConnectionBody,
	dataLakeTargetConnectionBody,
	landingZoneTargetConnectionBody,
	datasetToLandingZoneTargetBody,
	InvalidBodyInput,
} = require('../../../../dist/nodes/shared/aep/bodies');

const BASE_ID = '6990abad-977d-41b9-a85d-17ea8cf1c0e4';
const SCHEMA = 'https://ns.adobe.com/acme/schemas/1f2e3d4c5b6a';

/** Runs a builder that must reject its input; returns the error for message checks. */
function rejection(build) {
	try {
		build();
	} catch (error) {
		expect(error).toBeInstanceOf(InvalidBodyInput);
		return error;
	}
	throw new Error('the builder accepted bad input');
}

describe('streamingSourceConnectionBody', () => {
	test('matches the streaming source connection Adobe expects, with the fixed provider and spec', () => {
		expect(streamingSourceConnectionBody({ name: 'Web events', baseConnectionId: BASE_ID, format: 'json', description: 'From the site' })).toEqual({
			name: 'Web events',
			providerId: '521eee4d-8cbe-4906-bb48-fb6bd4450033',
			description: 'From the site',
			baseConnectionId: BASE_ID,
			connectionSpec: { id: 'bc7b00d6-623a-4dfc-9fdb-f1240aeadaeb', version: '1.0' },
			data: { format: 'json' },
		});
	});

	test('defaults to delimited and leaves out an empty description', () => {
		expect(streamingSourceConnectionBody({ name: 'x', baseConnectionId: BASE_ID, description: '  ' })).toEqual({
			name: 'x',
			providerId: '521eee4d-8cbe-4906-bb48-fb6bd4450033',
			baseConnectionId: BASE_ID,
			connectionSpec: { id: 'bc7b00d6-623a-4dfc-9fdb-f1240aeadaeb', version: '1.0' },
			data: { format: 'delimited' },
		});
	});

	test('rejects a missing base connection, an empty name and an unknown format', () => {
		expect(rejection(() => streamingSourceConnectionBody({ name: 'x', baseConnectionId: '' })).message).toBe('"Base Connection ID" is empty');
		expect(rejection(() => streamingSourceConnectionBody({ name: ' ', baseConnectionId: BASE_ID })).message).toBe('"Name" is empty');
		const error = rejection(() => streamingSourceConnectionBody({ name: 'x', baseConnectionId: BASE_ID, format: 'xml' }));
		expect(error.message).toBe('"Format" must be one of delimited, json, parquet, not "xml"');
		expect(error.hint).toMatch(/Pick one of/);
	});
});

describe('landingZoneSourceConnectionBody', () => {
	test('reads a folder recursively from the Data Landing Zone source spec', () => {
		expect(landingZoneSourceConnectionBody({ name: 'DLZ', path: 'dlz-user-container/in', pathType: 'folder', recursive: true, format: 'parquet' })).toEqual({
			name: 'DLZ',
			data: { format: 'parquet' },
			params: { path: 'dlz-user-container/in', type: 'folder', recursive: true },
			connectionSpec: { id: '26f526f2-58f4-4712-961d-e41bf1ccc0e8', version: '1.0' },
		});
	});

	test('defaults to one delimited file, not recursive', () => {
		expect(landingZoneSourceConnectionBody({ name: 'DLZ', path: 'dlz-user-container/a.csv' }).params).toEqual({
			path: 'dlz-user-container/a.csv',
			type: 'file',
			recursive: false,
		});
	});

	test('rejects an empty path and an unknown path type', () => {
		expect(rejection(() => landingZoneSourceConnectionBody({ name: 'DLZ', path: '' })).message).toBe('"Path" is empty');
		expect(rejection(() => landingZoneSourceConnectionBody({ name: 'DLZ', path: 'a', pathType: 'table' })).message).toMatch(/"Path Type" must be one of file, folder/);
	});
});

describe('dataLakeSourceConnectionBody', () => {
	test('lists each dataset once under params.datasets with the data lake source spec', () => {
		expect(dataLakeSourceConnectionBody({ name: 'Export', datasetIds: ['ds1', ' ds2 ', 'ds1'], format: 'parquet' })).toEqual({
			name: 'Export',
			data: { format: 'parquet' },
			params: { datasets: [{ dataSetId: 'ds1' }, { dataSetId: 'ds2' }] },
			connectionSpec: { id: '23598e46-f560-407b-88d5-ea6207e49db0', version: '1.0' },
		});
	});

	test('a single id string stays one dataset (aepp split it into characters)', () => {
		expect(dataLakeSourceConnectionBody({ name: 'Export', datasetIds: 'DS1' }).params).toEqual({ datasets: [{ dataSetId: 'DS1' }] });
		expect(dataLakeSourceConnectionBody({ name: 'Export', datasetIds: 'a, b,,c' }).params).toEqual({ datasets: [{ dataSetId: 'a' }, { dataSetId: 'b' }, { dataSetId: 'c' }] });
	});

	test('rejects an empty dataset list', () => {
		expect(rejection(() => dataLakeSourceConnectionBody({ name: 'Export', datasetIds: ' , ' })).message).toBe('"Dataset IDs" is empty');
		expect(rejection(() => dataLakeSourceConnectionBody({ name: 'Export', datasetIds: [] })).message).toBe('"Dataset IDs" is empty');
	});
});

describe('dataLakeTargetConnectionBody', () => {
	test('writes into the dataset with the schema $id and the full XDM version', () => {
		expect(dataLakeTargetConnectionBody({ name: 'Lake', datasetId: 'ds9', schemaId: SCHEMA, format: 'json', description: 'd' })).toEqual({
			name: 'Lake',
			description: 'd',
			data: { format: 'json', schema: { id: SCHEMA, version: 'application/vnd.adobe.xed-full+json;version=1.0' } },
			params: { dataSetId: 'ds9' },
			connectionSpec: { id: 'c604ff05-7f1a-43c0-8e18-33bf874cb11c', version: '1.0' },
		});
	});

	test('rejects a meta:altId in place of the $id URL, and a missing dataset', () => {
		const error = rejection(() => dataLakeTargetConnectionBody({ name: 'Lake', datasetId: 'ds9', schemaId: '_acme.schemas.1f2e3d' }));
		expect(error.message).toBe('"Schema ID" must be the schema\'s $id URL, not "_acme.schemas.1f2e3d"');
		expect(error.hint).toMatch(/meta:altId/);
		expect(rejection(() => dataLakeTargetConnectionBody({ name: 'Lake', datasetId: '', schemaId: SCHEMA })).message).toBe('"Dataset ID" is empty');
	});
});

describe('landingZoneTargetConnectionBody', () => {
	test('writes files to a Data Landing Zone path with the destination spec', () => {
		expect(landingZoneTargetConnectionBody({ name: 'Out', path: 'exports/daily', pathType: 'folder', format: 'json' })).toEqual({
			name: 'Out',
			data: { format: 'json' },
			params: { path: 'exports/daily', type: 'folder' },
			connectionSpec: { id: '10440537-2a7b-4583-ac39-ed38d4b848e8', version: '1.0' },
		});
	});
});

describe('datasetToLandingZoneTargetBody', () => {
	test('matches Adobe\'s dataset export target connection', () => {
		expect(datasetToLandingZoneTargetBody({ name: 'Export', baseConnectionId: BASE_ID, path: '/exports', datasetFileType: 'PARQUET', compression: 'NONE', description: 'nightly' })).toEqual({
			name: 'Export',
			description: 'nightly',
			baseConnectionId: BASE_ID,
			params: { mode: 'Server-to-server', path: '/exports', compression: 'NONE', datasetFileType: 'PARQUET' },
			connectionSpec: { id: '10440537-2a7b-4583-ac39-ed38d4b848e8', version: '1.0' },
		});
	});

	test('defaults to compressed JSON', () => {
		expect(datasetToLandingZoneTargetBody({ name: 'Export', baseConnectionId: BASE_ID, path: '/exports' }).params).toEqual({
			mode: 'Server-to-server',
			path: '/exports',
			compression: 'GZIP',
			datasetFileType: 'JSON',
		});
	});

	test('refuses uncompressed JSON and unknown file types or compressions', () => {
		const error = rejection(() => datasetToLandingZoneTargetBody({ name: 'Export', baseConnectionId: BASE_ID, path: '/x', datasetFileType: 'JSON', compression: 'NONE' }));
		expect(error.message).toBe('JSON exports must be compressed');
		expect(error.hint).toMatch(/"Compression" to GZIP/);
		expect(rejection(() => datasetToLandingZoneTargetBody({ name: 'E', baseConnectionId: BASE_ID, path: '/x', datasetFileType: 'CSV' })).message).toMatch(/"Dataset File Type" must be one of JSON, PARQUET, DELIMITED/);
		expect(rejection(() => datasetToLandingZoneTargetBody({ name: 'E', baseConnectionId: BASE_ID, path: '/x', compression: 'ZIP' })).message).toMatch(/"Compression" must be one of GZIP, NONE/);
		expect(rejection(() => datasetToLandingZoneTargetBody({ name: 'E', baseConnectionId: '', path: '/x' })).message).toBe('"Base Connection ID" is empty');
		expect(rejection(() => datasetToLandingZoneTargetBody({ name: 'E', baseConnectionId: BASE_ID, path: '' })).message).toBe('"Path" is empty');
	});
});
