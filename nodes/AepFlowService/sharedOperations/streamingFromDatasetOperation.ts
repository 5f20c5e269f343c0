import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { dataLakeTargetConnectionBody, streamingBaseConnectionBody, streamingSourceConnectionBody } from '../../shared/aep/bodies';
import { FLOW_SPECS } from '../../shared/aep/ids';
import { CompositeCreate } from '../../shared/flowservice/compositeCreate';
import { getEntity } from '../../shared/flowservice/entities';
import { aepRequest } from '../../shared/transport/request';
import { idParameter, validated } from '../parameters/itemParameters';

/**
 * aepp's createFlowStreaming "dataset mode", as one step: read the dataset, then create the streaming
 * base connection, its source connection, a data lake target connection and the flow. If a step
 * fails, what was created is deleted again.
 */
export async function createStreamingFlowFromDataset(context: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const datasetId = idParameter(context, 'datasetId', 'Dataset ID', itemIndex);
	if (!datasetId) throw new NodeOperationError(context.getNode(), '"Dataset ID" is empty', { itemIndex, description: 'Set the ID of the dataset to stream into.' });
	const catalog = await aepRequest(context, { method: 'GET', service: 'catalog', path: `/dataSets/${encodeURIComponent(datasetId)}`, itemIndex });
	const dataset = (catalog[datasetId] as IDataObject | undefined) ?? {};
	const schemaId = String((dataset.schemaRef as IDataObject | undefined)?.id ?? '');
	if (!schemaId) {
		throw new NodeOperationError(context.getNode(), `Dataset ${datasetId} has no XDM schema`, { itemIndex, description: 'Streaming needs a dataset based on an XDM schema.' });
	}
	const name = (context.getNodeParameter('streamName', itemIndex, '') as string).trim() || `${String(dataset.name ?? datasetId)} Stream`;
	const description = (context.getNodeParameter('flowDescription', itemIndex, '') as string).trim() || undefined;
	const authenticationRequired = context.getNodeParameter('authenticationRequired', itemIndex, false) as boolean;
	const targetBody = validated(context, itemIndex, () => dataLakeTargetConnectionBody({ name: `${name} Data Lake Target`, datasetId, schemaId, format: 'json' }));

	const composite = new CompositeCreate(context, itemIndex, `Creating the streaming flow for dataset ${datasetId}`);
	return await composite.run(async () => {
		// The source id names the stream in the inlet; it must be unique in the organization.
		const sourceId = `${datasetId}-${Date.now().toString(36)}`;
		const baseBody = validated(context, itemIndex, () => streamingBaseConnectionBody({ name: `${name} Account`, sourceId, authenticationRequired, description }));
		const baseConnectionId = await composite.create('connections', 'base connection', baseBody);
		const sourceBody = validated(context, itemIndex, () => streamingSourceConnectionBody({ name: `${name} Source`, baseConnectionId, format: 'json', description }));
		const sourceConnectionId = await composite.create('sourceConnections', 'source connection', sourceBody);
		const targetConnectionId = await composite.create('targetConnections', 'target connection', targetBody);
		const flowId = await composite.create('flows', 'flow', {
			name,
			...(description ? { description } : {}),
			flowSpec: { id: FLOW_SPECS.streaming, version: '1.0' },
			sourceConnectionIds: [sourceConnectionId],
			targetConnectionIds: [targetConnectionId],
			transformations: [],
		});
		const base = await getEntity(context, 'connections', baseConnectionId, itemIndex);
		const flow = await getEntity(context, 'flows', flowId, itemIndex);
		const inletUrl = ((base.auth as IDataObject | undefined)?.params as IDataObject | undefined)?.inletUrl ?? null;
		return { baseConnectionId, sourceConnectionId, targetConnectionId, flowId, datasetId, datasetName: dataset.name ?? null, inletUrl, flow };
	});
}
