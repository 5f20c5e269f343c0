/** Adobe's well-known connection spec, flow spec and provider ids (the same in every organization). */
export const CONNECTION_SPECS = {
	streaming: 'bc7b00d6-623a-4dfc-9fdb-f1240aeadaeb',
	profileStore: '8a9c3494-9708-43d7-ae3f-cda01e5030e1',
	landingZoneSource: '26f526f2-58f4-4712-961d-e41bf1ccc0e8',
	landingZoneDestination: '10440537-2a7b-4583-ac39-ed38d4b848e8',
	dataLakeSource: '23598e46-f560-407b-88d5-ea6207e49db0',
	dataLakeTarget: 'c604ff05-7f1a-43c0-8e18-33bf874cb11c',
	s3Destination: '4fce964d-3f37-408f-9778-e597338a21ee',
	blobDestination: '6d6b59bf-fb58-4107-9064-4d246c0e5bb2',
} as const;

export const FLOW_SPECS = {
	streaming: 'd8a6f005-7eaf-4153-983e-e8574508b877',
	streamingWithTransformation: 'c1a19761-d2c7-4702-b9fa-fe91f0613e81',
	datasetExport: 'cd2fc47e-e838-4f38-a581-8fff2f99b63a',
} as const;

/** Name of the flow spec that moves files from cloud storage (Data Landing Zone included) into Platform. */
export const CLOUD_STORAGE_FLOW_SPEC_NAME = 'CloudStorageToAEP';

export const STREAMING_PROVIDER_ID = '521eee4d-8cbe-4906-bb48-fb6bd4450033';

export const XDM_FULL_SCHEMA_VERSION = 'application/vnd.adobe.xed-full+json;version=1.0';
