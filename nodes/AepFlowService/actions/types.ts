import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

/**
 * One operation of the node: its parameters and what it does for a single input item.
 * The router owns the item loop, Continue On Fail and item pairing.
 */
export interface AepOperation {
	description: INodeProperties[];
	execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject | IDataObject[]>;
	/** True for the operations whose output is a credential by design; every other output is cleaned of secrets. */
	returnsCredentials?: boolean;
}

export type ResourceOperations = Record<string, AepOperation>;
