import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { CONNECTION_SPECS } from '../aep/ids';
import { normalizeCredentials } from '../aep/landingZoneShapes';
import { aepRequest } from '../transport/request';

/** Explore calls go to the Data Landing Zone source spec; no base connection is needed. */
export const EXPLORE_PATH = `/connectionSpecs/${CONNECTION_SPECS.landingZoneSource}/explore`;

/** Reads (or, with `refresh`, rotates) the credentials of a landing zone. */
export async function landingZoneCredentials(context: IExecuteFunctions, zoneType: string, refresh: boolean, itemIndex: number): Promise<IDataObject> {
	const raw = await aepRequest<IDataObject>(context, {
		method: refresh ? 'POST' : 'GET',
		service: 'connectors',
		path: '/landingzone/credentials',
		query: { type: zoneType, action: refresh ? 'refresh' : undefined },
		itemIndex,
	});
	return normalizeCredentials(raw);
}
