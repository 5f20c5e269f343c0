import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { normalizeContainer } from '../../../shared/aep/landingZoneShapes';
import { aepRequest } from '../../../shared/transport/request';
import { zoneTypeParameter } from '../../descriptions/landingZoneDescriptions';
import { defineOperation } from '../../descriptions/operationDefinitions';
import { zoneTypeOf } from '../../parameters/landingZoneParameters';

export const operation = defineOperation({
	resource: 'landingZone',
	operation: 'getContainer',
	name: 'Get Container',
	action: 'Get the landing zone container',
	description: 'Get where the landing zone lives (Azure or AWS) and how long files stay',
});

export const description: INodeProperties[] = [zoneTypeParameter(operation)];

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
