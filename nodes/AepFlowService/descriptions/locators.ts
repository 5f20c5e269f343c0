import type { INodeProperties, INodePropertyMode } from 'n8n-workflow';

const UUID_PATTERN = '[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}';

/**
 * The ID mode's check in the editor: the characters the node itself allows before any call
 * (`idProblem`: a letter or digit, then letters, digits and dashes, at least 8), with spaces around
 * it, which the node trims. Blank is left to the required check and the node's "is empty"; the node
 * also refuses IDs over 128 characters. So the editor never refuses an ID the node would take.
 * Runs are always UUIDs; the run locator asks for exactly that.
 */
const ID_PATTERN = '\\s*([A-Za-z0-9][A-Za-z0-9-]{7,})?\\s*';

const EXAMPLE_ID = '2edc08ac-4df5-4fe6-936f-81a19ce92f5c';

/** The list mode's type and search method. */
const listInput = (searchListMethod: string) => ({ type: 'list' as const, typeOptions: { searchListMethod, searchable: true } });

/** The ID mode's type, placeholder and check. */
const idInput = (entity: string) => ({
	type: 'string' as const,
	placeholder: `e.g. ${EXAMPLE_ID}`,
	validation: [{ type: 'regex' as const, properties: { regex: ID_PATTERN, errorMessage: `Not a ${entity} ID: an ID looks like ${EXAMPLE_ID}` } }],
});

/** The URL mode's type, placeholder and check: a link from the Experience Platform UI, whose last ID the node takes (`idInUrl`). */
const linkInput = (entity: string, example: string) => ({
	type: 'string' as const,
	placeholder: `e.g. ${example}`,
	validation: [{ type: 'regex' as const, properties: { regex: `.*${UUID_PATTERN}.*`, errorMessage: `The link holds no ${entity} ID` } }],
});

/**
 * Links of the Experience Platform UI start with the org's IMS tenant and the sandbox; the node
 * never builds one (the tenant is not known from the credential), it only reads the ID in one.
 */
const UI_LINK = 'https://experience.adobe.com/#/@yourorg/sname:prod/platform';

/**
 * A resource locator for an Adobe entity: pick from a searchable list, paste its ID, or, given an
 * example of its page's link in the Experience Platform UI, paste that link.
 */
export function entityLocator(displayName: string, name: string, searchListMethod: string, description: string, linkExample?: string): INodeProperties {
	const entity = displayName.toLowerCase();
	const modes: INodePropertyMode[] = [
		{ displayName: 'From List', name: 'list', ...listInput(searchListMethod) },
		{ displayName: 'By ID', name: 'id', ...idInput(entity) },
	];
	if (linkExample) modes.push({ displayName: 'By URL', name: 'url', ...linkInput(entity, linkExample) });
	return { displayName, name, type: 'resourceLocator', default: { mode: 'list', value: '' }, required: true, description, modes };
}

// Dataflows and accounts (base connections) have pages in the Experience Platform UI whose links
// end with their ID. Source and target connections have no page of their own, and a source's
// catalog page names no connection spec ID, so those take a list pick or an ID.
const FLOW_LINK = `${UI_LINK}/source/dataflows/${EXAMPLE_ID}`;
const ACCOUNT_LINK = `${UI_LINK}/source/accounts/${EXAMPLE_ID}`;

export const flowLocator = entityLocator('Flow', 'flowId', 'searchFlows', 'The dataflow to use', FLOW_LINK);
export const connectionLocator = entityLocator('Connection', 'connectionId', 'searchConnections', 'The base connection to use', ACCOUNT_LINK);
export const sourceConnectionLocator = entityLocator('Source Connection', 'sourceConnectionId', 'searchSourceConnections', 'The source connection to use');
export const targetConnectionLocator = entityLocator('Target Connection', 'targetConnectionId', 'searchTargetConnections', 'The target connection to use');
export const connectionSpecLocator = entityLocator('Connection Spec', 'connectionSpec', 'searchConnectionSpecs', 'The connection spec to use');
export const flowSpecLocator = entityLocator('Flow Spec', 'flowSpec', 'searchFlowSpecs', 'The flow spec to use');

export const baseConnectionLocator = entityLocator('Base Connection', 'baseConnectionId', 'searchConnections', 'The base connection it uses', ACCOUNT_LINK);

/**
 * A run: picked from a list of recent runs (`searchListMethod`: every run, failed runs, or the runs
 * that failed records), by ID, or by a link pasted from the Experience Platform UI.
 */
export function runLocator(description: string, searchListMethod = 'searchRunsWithFailures'): INodeProperties {
	return {
		displayName: 'Run',
		name: 'runId',
		type: 'resourceLocator',
		default: { mode: 'list', value: '' },
		required: true,
		description,
		modes: [
			{ displayName: 'From List', name: 'list', ...listInput(searchListMethod) },
			{
				displayName: 'By ID',
				name: 'id',
				type: 'string',
				placeholder: 'e.g. d9024c32-2174-4271-824c-322174627101',
				validation: [{ type: 'regex', properties: { regex: UUID_PATTERN, errorMessage: 'Not a run ID: a run ID looks like d9024c32-2174-4271-824c-322174627101' } }],
			},
			{ displayName: 'By URL', name: 'url', ...linkInput('run', `${UI_LINK}/source/dataflows/…/runs/d9024c32-…`) },
		],
	};
}
