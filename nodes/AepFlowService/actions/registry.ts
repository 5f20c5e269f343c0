import type { INodeProperties } from 'n8n-workflow';

import { RESOURCES, type ResourceEntry, type ResourceName } from '../descriptions/operationDefinitions';
import { connection } from './connection';
import { connectionSpec } from './connectionSpec';
import { datasetExport } from './datasetExport';
import { flow } from './flow';
import { flowSpec } from './flowSpec';
import { landingZone } from './landingZone';
import { run } from './run';
import { sourceConnection } from './sourceConnection';
import { targetConnection } from './targetConnection';

/** Every resource with its operations, by parameter value. A missing or misspelt resource is a compile error. */
export const registry: { [R in ResourceName]: ResourceEntry<R> } = {
	connection,
	connectionSpec,
	datasetExport,
	flow,
	flowSpec,
	landingZone,
	run,
	sourceConnection,
	targetConnection,
};

/** The Resource list, then each resource's Operation list and parameters, as the node shows them. */
export function resourceProperties(defaultResource: ResourceName): INodeProperties[] {
	const names = Object.keys(RESOURCES) as ResourceName[];
	return [
		{
			displayName: 'Resource',
			name: 'resource',
			type: 'options',
			noDataExpression: true,
			options: names.map((value) => ({ name: RESOURCES[value], value })),
			default: defaultResource,
		},
		...names.flatMap((name) => registry[name].description),
	];
}

/** The operation module for a resource and operation value, as the parameters hold them. */
export function operationModule(resource: string, operation: string) {
	return (registry as Record<string, ResourceEntry | undefined>)[resource]?.operations[operation];
}
