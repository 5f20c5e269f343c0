import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { landingZoneCredentials } from '../../../shared/flowservice/landingZones';
import { zoneTypeParameter } from '../../descriptions/landingZoneDescriptions';
import { zoneTypeOf } from '../../parameters/landingZoneParameters';

/** The SAS token or AWS keys are the output: they are not redacted. */
export const returnsCredentials = true;

export const description: INodeProperties[] = [zoneTypeParameter(['getCredentials'])];

/** The credentials to read and write the landing zone's files. They are secrets: handle the output with care. */
export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	return await landingZoneCredentials(this, zoneTypeOf(this, itemIndex), false, itemIndex);
}
