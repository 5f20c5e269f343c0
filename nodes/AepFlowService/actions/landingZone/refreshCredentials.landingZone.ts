import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { landingZoneCredentials } from '../../../shared/flowservice/landingZones';
import { credentialsOutputNotice, zoneTypeParameter } from '../../descriptions/landingZoneDescriptions';
import { defineOperation } from '../../descriptions/operationDefinitions';
import { zoneTypeOf } from '../../parameters/landingZoneParameters';

export const operation = defineOperation({
	resource: 'landingZone',
	operation: 'refreshCredentials',
	name: 'Refresh Credentials',
	action: 'Refresh the landing zone credentials',
	description: 'Rotate the landing zone credentials; the old ones stop working',
});

/** The SAS token or AWS keys are the output: they are not redacted. */
export const returnsCredentials = true;

export const description: INodeProperties[] = [credentialsOutputNotice(operation), zoneTypeParameter(operation)];

/** Rotates the landing zone's credentials; the previous SAS token stops working. */
export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	return await landingZoneCredentials(this, zoneTypeOf(this, itemIndex), true, itemIndex);
}
