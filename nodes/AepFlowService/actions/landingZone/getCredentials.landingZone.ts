import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { landingZoneCredentials } from '../../../shared/flowservice/landingZones';
import { credentialsOutputNotice, zoneTypeParameter } from '../../descriptions/landingZoneDescriptions';
import { defineOperation } from '../../descriptions/operationDefinitions';
import { zoneTypeOf } from '../../parameters/landingZoneParameters';

export const operation = defineOperation({
	resource: 'landingZone',
	operation: 'getCredentials',
	name: 'Get Credentials',
	action: 'Get the landing zone credentials',
	description: 'Get the SAS token or AWS keys to read and write landing zone files',
});

/** The SAS token or AWS keys are the output: they are not redacted. */
export const returnsCredentials = true;

export const description: INodeProperties[] = [credentialsOutputNotice(operation), zoneTypeParameter(operation)];

/** The credentials to read and write the landing zone's files. They are secrets: handle the output with care. */
export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	return await landingZoneCredentials(this, zoneTypeOf(this, itemIndex), false, itemIndex);
}
