import type { INodeProperties } from 'n8n-workflow';

import { showFor, type OperationKey } from './operationDefinitions';

export const zoneTypeParameter = (operation: OperationKey<'landingZone'>): INodeProperties => ({
	displayName: 'Landing Zone',
	name: 'zoneType',
	type: 'options',
	default: 'user_drop_zone',
	description: 'Which of the sandbox\'s two landing zones to use',
	displayOptions: showFor(operation),
	options: [
		{ name: 'Destination (Exports)', value: 'dlz_destination', description: 'Where Experience Platform writes exported files' },
		{ name: 'Source (Uploads)', value: 'user_drop_zone', description: 'Where you upload files for Experience Platform to ingest' },
	],
});
