import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

/**
 * The node's resources by parameter value, with the name the Resource list shows: the one place a
 * resource value is written. Operation files name their resource with this type, so a misspelt
 * resource is a compile error.
 */
export const RESOURCES = {
	connection: 'Connection',
	connectionSpec: 'Connection Spec',
	datasetExport: 'Dataset Export',
	flow: 'Flow',
	flowSpec: 'Flow Spec',
	landingZone: 'Landing Zone',
	run: 'Run',
	sourceConnection: 'Source Connection',
	targetConnection: 'Target Connection',
} as const;

export type ResourceName = keyof typeof RESOURCES;

/** Which operation of which resource: what every display option of an operation's parameters is built from. */
export interface OperationKey<R extends ResourceName = ResourceName> {
	resource: R;
	/** The operation's parameter value, written once, in its own file. */
	operation: string;
}

/** An operation as the Operation list shows it. */
export interface OperationDefinition<R extends ResourceName = ResourceName> extends OperationKey<R> {
	name: string;
	action: string;
	description: string;
}

/** Output items that carry files (n8n binary data) as well as JSON; the router pairs them like any other. */
export class ItemsWithBinary {
	constructor(readonly items: INodeExecutionData[]) {}
}

/**
 * One operation file: what it is, its parameters (shown only for it) and what it does for one input
 * item. The router owns the item loop, Continue On Fail and item pairing.
 */
export interface OperationModule<R extends ResourceName = ResourceName> {
	operation: OperationDefinition<R>;
	description: INodeProperties[];
	execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject | IDataObject[] | ItemsWithBinary>;
	/** True for the operations whose output is a credential by design; every other output is cleaned of secrets. */
	returnsCredentials?: boolean;
}

/** Declares an operation; its file passes the result to every display option it builds. */
export function defineOperation<R extends ResourceName>(definition: OperationDefinition<R>): OperationDefinition<R> {
	return definition;
}

/** Shows a parameter only for the given operation, and for the extra conditions given. */
export function showFor(key: OperationKey, extra: NonNullable<INodeProperties['displayOptions']>['show'] = {}): INodeProperties['displayOptions'] {
	return { show: { resource: [key.resource], operation: [key.operation], ...extra } };
}

/** A resource's operations by value, and its parameters: the Operation list followed by each operation's own. */
export interface ResourceEntry<R extends ResourceName = ResourceName> {
	resource: R;
	operations: Record<string, OperationModule<R>>;
	description: INodeProperties[];
}

/**
 * Builds a resource from its operation modules: every module must belong to it (a compile error
 * otherwise), and its Operation list is made from the modules' own definitions, so a value is never
 * spelt twice.
 */
export function defineResource<R extends ResourceName>(resource: R, modules: Array<OperationModule<R>>, defaultOperation: string): ResourceEntry<R> {
	const operations: Record<string, OperationModule<R>> = {};
	for (const module of modules) {
		if (module.operation.resource !== resource) throw new Error(`Operation ${module.operation.operation} belongs to ${module.operation.resource}, not ${resource}`);
		operations[module.operation.operation] = module;
	}
	if (!operations[defaultOperation]) throw new Error(`The default operation ${defaultOperation} is not an operation of ${resource}`);
	const selector: INodeProperties = {
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: [resource] } },
		options: [...modules]
			.sort((a, b) => a.operation.name.localeCompare(b.operation.name))
			.map(({ operation }) => ({ name: operation.name, value: operation.operation, action: operation.action, description: operation.description })),
		default: defaultOperation,
	};
	return { resource, operations, description: [selector, ...modules.flatMap((module) => module.description)] };
}
