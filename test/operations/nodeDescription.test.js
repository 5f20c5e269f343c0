'use strict';
// What the editor shows of the nodes before any call: the canvas subtitles, evaluated by n8n's own
// expression engine as the editor does, and the codex the package ships (search aliases, category,
// documentation link). The node panel's search is checked in a real n8n by test/e2e/editor.js.
const fs = require('node:fs');
const path = require('node:path');
const { useEnvironment } = require('../harness/environment');
const { AEP, AEP_TRIGGER } = require('../harness/n8n');

const env = useEnvironment();
const DIST = path.resolve(__dirname, '..', '..', 'dist', 'nodes');
const PACKAGE = require('../../package.json');

/** The subtitle as the editor renders it under a node with these parameters. */
function subtitleOf(type, parameters) {
	const node = env.n8n.node('Node', type, parameters);
	const workflow = env.n8n.workflow({ nodes: [node] });
	const nodeType = workflow.nodeTypes.getByNameAndVersion(type, 1);
	return workflow.expression.getSimpleParameterValue(node, nodeType.description.subtitle, 'internal', {});
}

describe('subtitles read as words', () => {
	test.each([
		[{ resource: 'flow', operation: 'getMany' }, 'Get Many: Flow'],
		[{ resource: 'run', operation: 'waitForCompletion' }, 'Wait for Completion: Run'],
		[{ resource: 'connectionSpec', operation: 'getByName' }, 'Get by Name: Connection Spec'],
		[{ resource: 'landingZone', operation: 'getCredentials' }, 'Get Credentials: Landing Zone'],
		// Defaults: the node as it is dropped on the canvas.
		[{}, 'Get Many: Flow'],
	])('action node %j', (parameters, expected) => {
		expect(subtitleOf(AEP, parameters)).toBe(expected);
	});

	test('every operation of every resource has its words', () => {
		const node = new (require(path.join(DIST, 'AepFlowService', 'AepFlowService.node.js')).AepFlowService)();
		const operations = node.description.properties.filter((property) => property.name === 'operation');
		const pairs = operations.flatMap((property) => property.options.map((option) => [property.displayOptions.show.resource[0], option]));
		expect(pairs.length).toBeGreaterThanOrEqual(45);
		for (const [resource, option] of pairs) {
			expect(subtitleOf(AEP, { resource, operation: option.value })).toBe(`${option.name}: ${node.description.properties[0].options.find((o) => o.value === resource).name}`);
		}
	});

	test.each([
		[{ event: 'failedRun' }, 'Failed Run'],
		[{ event: 'recoveredRun' }, 'Recovered'],
		[{ event: 'missedRun' }, 'Missed Run'],
	])('trigger %j', (parameters, expected) => {
		expect(subtitleOf(AEP_TRIGGER, parameters)).toBe(expected);
	});
});

describe('the shipped codex', () => {
	const codex = (folder, file) => JSON.parse(fs.readFileSync(path.join(DIST, folder, file), 'utf8'));
	const both = [codex('AepFlowService', 'AepFlowService.node.json'), codex('AepFlowServiceTrigger', 'AepFlowServiceTrigger.node.json')];

	test('both nodes are found by Adobe\'s names, in n8n\'s Marketing category', () => {
		for (const entry of both) {
			expect(entry.alias).toEqual(['Adobe', 'Adobe Experience Platform', 'AEP', 'Dataflow', 'Real-Time CDP', 'Sources', 'Destinations']);
			expect(entry.categories[0]).toBe('Marketing');
		}
		expect(both.map((entry) => entry.node)).toEqual([`${PACKAGE.name}.aepFlowService`, `${PACKAGE.name}.aepFlowServiceTrigger`]);
	});

	test('the docs link opens the package README in its repository', () => {
		const repository = PACKAGE.repository.url.replace(/^git\+/, '').replace(/\.git$/, '');
		expect(both.map((entry) => entry.resources.primaryDocumentation[0].url)).toEqual([`${repository}#operations`, `${repository}#aep-flow-service-trigger`]);
	});
});
