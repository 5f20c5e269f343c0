import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { landingZoneCredentials } from '../../../shared/flowservice/landingZones';
import { zoneTypeParameter } from '../../descriptions/landingZoneDescriptions';
import { zoneTypeOf } from '../../parameters/landingZoneParameters';

/** The SAS token or AWS keys are the output: they are not redacted. */
export const returnsCredentials = true;

export const description: INodeProperties[] = [zoneTypeParameter(['refreshCredentials'])];

/** Rotates the landing zone's credentials; the previous SAS token stops working. */
export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	return await landingZoneCredentials(this, zoneTypeOf(this, itemIndex), true, itemIndex);
}
