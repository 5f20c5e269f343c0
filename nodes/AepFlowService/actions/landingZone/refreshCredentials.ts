import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { landingZoneCredentials, zoneTypeParameter } from './zone';

export const description: INodeProperties[] = [zoneTypeParameter(['refreshCredentials'])];

/** Rotates the landing zone's credentials; the previous SAS token stops working. */
export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	return await landingZoneCredentials(this, itemIndex, true);
}
