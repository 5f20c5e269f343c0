import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { normalizeContainer } from '../../../shared/aep/landingZoneShapes';
import { aepRequest } from '../../../shared/transport/request';
import { zoneTypeParameter } from '../../descriptions/landingZoneDescriptions';
import { zoneTypeOf } from '../../parameters/landingZoneParameters';

export const description: INodeProperties[] = [zoneTypeParameter(['getContainer'])];

/** The landing zone of the credential's sandbox, the same shape whether it lives on Azure or AWS. */
export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const raw = await aepRequest<IDataObject>(this, {
		method: 'GET',
		service: 'connectors',
		path: '/landingzone',
		query: { type: zoneTypeOf(this, itemIndex) },
		itemIndex,
	});
	return normalizeContainer(raw);
}
