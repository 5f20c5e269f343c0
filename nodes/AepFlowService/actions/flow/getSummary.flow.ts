import type { IDataObject, IExecuteFunctions, INodeProperties, JsonObject } from 'n8n-workflow';
import { NodeApiError } from 'n8n-workflow';

import { flowKind, mappingOf } from '../../../shared/aep/flows';
import { simplifyRun } from '../../../shared/aep/runs';
import { getEntity, listEntities } from '../../../shared/flowservice/entities';
import { aepRequest } from '../../../shared/transport/request';
import { isNotFoundError } from '../../../shared/transport/errors';
import { flowLocator } from '../../descriptions/locators';
import { showFor, defineOperation } from '../../descriptions/operationDefinitions';
import { idParameter, wholeNumberParameter } from '../../parameters/itemParameters';

export const operation = defineOperation({
	resource: 'flow',
	operation: 'getSummary',
	name: 'Get Summary',
	action: 'Get a flow summary',
	description: 'A dataflow with its specs, connections, datasets and latest runs',
});

const show = showFor(operation);

export const description: INodeProperties[] = [
	{ ...flowLocator, displayOptions: show },
	{
		displayName: 'Latest Runs',
		name: 'latestRuns',
		type: 'number',
		typeOptions: { minValue: 0, maxValue: 100 },
		default: 5,
		description: 'How many of the flow\'s most recent runs to include',
		displayOptions: show,
	},
];

type Connection = IDataObject & { connectionSpec?: { id?: string }; params?: IDataObject };

/** Dataset ids a connection reads or writes: target `params.dataSetId`, data lake sources `params.datasets[].dataSetId`. */
function datasetIdsOf(connection: Connection): string[] {
	const params = connection.params ?? {};
	const listed = ((params.datasets as IDataObject[] | undefined) ?? []).map((d) => d.dataSetId);
	return [params.dataSetId, ...listed].filter((id): id is string => typeof id === 'string' && id !== '');
}

async function datasetName(context: IExecuteFunctions, id: string, itemIndex: number): Promise<string> {
	try {
		const body = await aepRequest(context, { method: 'GET', service: 'catalog', path: `/dataSets/${encodeURIComponent(id)}`, itemIndex });
		return String((body[id] as IDataObject | undefined)?.name ?? 'unknown');
	} catch (error) {
		// FlowManager's convention: a dataset that no longer exists is reported, not an error.
		if (isNotFoundError(error)) return 'deleted';
		throw new NodeApiError(context.getNode(), error as JsonObject, { itemIndex });
	}
}

/**
 * FlowManager's summary, done right: the flow with its spec, source and target connections, their
 * connection spec names, dataset names and latest runs. Each spec is read once.
 */
export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const flowId = idParameter(this, 'flowId', 'Flow', itemIndex);
	const latest = wholeNumberParameter(this, 'latestRuns', 'Latest Runs', itemIndex, { min: 0, max: 100, fallback: 5 });
	const flow = await getEntity(this, 'flows', flowId, itemIndex);
	const flowSpecId = String((flow.flowSpec as IDataObject | undefined)?.id ?? '');
	const flowSpec = flowSpecId ? await getEntity(this, 'flowSpecs', flowSpecId, itemIndex) : {};

	const read = async (collection: 'sourceConnections' | 'targetConnections', ids: unknown) =>
		await Promise.all(((ids as string[] | undefined) ?? []).map(async (id) => (await getEntity(this, collection, id, itemIndex)) as Connection));
	const sources = await read('sourceConnections', flow.sourceConnectionIds);
	const targets = await read('targetConnections', flow.targetConnectionIds);

	const specNames = new Map<string, string>();
	for (const specId of new Set([...sources, ...targets].map((c) => c.connectionSpec?.id).filter((id): id is string => !!id))) {
		specNames.set(specId, String((await getEntity(this, 'connectionSpecs', specId, itemIndex)).name ?? ''));
	}
	const describe = (connection: Connection) => ({
		id: connection.id,
		name: connection.name,
		connectionSpec: { id: connection.connectionSpec?.id, name: specNames.get(String(connection.connectionSpec?.id)) },
		baseConnectionId: connection.baseConnectionId ?? null,
	});

	const datasets: IDataObject[] = [];
	for (const id of new Set([...sources, ...targets].flatMap(datasetIdsOf))) datasets.push({ id, name: await datasetName(this, id, itemIndex) });

	const runs = latest > 0 ? await listEntities(this, 'runs', { filters: [`flowId==${flowId}`], orderby: '-createdAt' }, latest, itemIndex) : [];
	const mapping = mappingOf(flow);

	return {
		id: flow.id,
		name: flow.name,
		description: flow.description ?? null,
		state: flow.state,
		flowType: flowKind(flow),
		flowSpec: { id: flowSpecId, name: flowSpec.name ?? null },
		schedule: flow.scheduleParams ?? null,
		mapping: mapping ? (mapping.params as IDataObject) : null,
		sourceConnections: sources.map(describe),
		targetConnections: targets.map(describe),
		datasets,
		lastRunDetails: flow.lastRunDetails ?? null,
		latestRuns: runs.map((run) => ({ ...simplifyRun(run) })),
		etag: flow.etag,
	};
}
