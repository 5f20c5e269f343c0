'use strict';
// Drives the AEP Flow Service Trigger the way n8n's poller does: one PollContext per tick, workflow
// static data kept between ticks, and optionally serialised and reloaded (an n8n restart).
const { AEP_TRIGGER } = require('./n8n');

const TRIGGER = 'AEP Trigger';

class TriggerDriver {
	constructor(n8n, parameters, { pollBudgetMs, typeVersion } = {}) {
		this.n8n = n8n;
		this.parameters = parameters;
		this.pollBudgetMs = pollBudgetMs;
		this.typeVersion = typeVersion;
		this.workflow = this.build({});
		this.emitted = [];
	}

	build(staticData) {
		return this.n8n.workflow({ nodes: [this.n8n.node(TRIGGER, AEP_TRIGGER, this.parameters, this.typeVersion ? { typeVersion: this.typeVersion } : {})], staticData });
	}

	get state() {
		return this.workflow.staticData[`node:${TRIGGER}`];
	}

	/** A scheduled tick. Returns the emitted items' json (empty when the poll returned null). */
	async poll() {
		const result = await this.n8n.poll(this.workflow, TRIGGER, { pollBudgetMs: this.pollBudgetMs });
		const items = result ? result[0].map((item) => item.json) : [];
		this.emitted.push(...items);
		return items;
	}

	/** "Fetch test event" in the editor. */
	async fetchTestEvent() {
		const result = await this.n8n.poll(this.workflow, TRIGGER, { mode: 'manual', activation: 'manual', pollBudgetMs: this.pollBudgetMs });
		return result ? result[0].map((item) => item.json) : [];
	}

	/** Simulates an n8n restart: static data goes through JSON, as the database stores it. */
	restart() {
		this.workflow = this.build(JSON.parse(JSON.stringify(this.workflow.staticData)));
	}
}

module.exports = { TriggerDriver, TRIGGER };
