import type { INodeProperties } from 'n8n-workflow';

import { showFor, type OperationKey } from './operationDefinitions';

/**
 * Simplify for flow and connection outputs, from node version 1.1 on (on by default there);
 * workflows saved with version 1 keep the whole objects.
 */
export const simplifyOutputParameter = (operation: OperationKey): INodeProperties => ({
	displayName: 'Simplify',
	name: 'simplify',
	type: 'boolean',
	default: true,
	description: 'Whether to return a simplified version of the response instead of the raw data',
	displayOptions: showFor(operation, { '@version': [{ _cnd: { gte: 1.1 } }] }),
});
