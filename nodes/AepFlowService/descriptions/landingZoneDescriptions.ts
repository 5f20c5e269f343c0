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

/** Said where the output is a secret by design, as n8n's own nodes say it. */
export const credentialsOutputNotice = (operation: OperationKey<'landingZone'>): INodeProperties => ({
	displayName:
		"The output holds the landing zone's credentials (SAS token and URI, or access keys): anyone who can see this execution's data can read and write the zone's files. Keep them out of messages and logs.",
	name: 'credentialsOutputNotice',
	type: 'notice',
	default: '',
	displayOptions: showFor(operation),
});
