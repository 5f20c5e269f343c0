'use strict';
// Small measuring helpers shared by the bench scenarios: statistics, number formats, and the
// simulator's request log read as "what happened since this mark".
const { performance } = require('node:perf_hooks');

function median(values) {
	if (values.length === 0) return NaN;
	const sorted = [...values].sort((a, b) => a - b);
	const middle = sorted.length >> 1;
	return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

const sum = (values) => values.reduce((total, value) => total + value, 0);

/** Milliseconds with a precision that fits their size. */
function ms(value) {
	if (!Number.isFinite(value)) return String(value);
	if (value < 10) return `${value.toFixed(2)} ms`;
	if (value < 1000) return `${value.toFixed(1)} ms`;
	return `${(value / 1000).toFixed(2)} s`;
}

const int = (value) => (Number.isFinite(value) ? Math.round(value).toLocaleString('en-US') : String(value));
const ratio = (value) => (Number.isFinite(value) ? `${value.toFixed(2)}×` : String(value));
const mb = (bytes) => `${(bytes / 1048576).toFixed(1)} MB`;

async function timed(fn) {
	const started = performance.now();
	const result = await fn();
	return { result, ms: performance.now() - started };
}

/**
 * A position in a simulator's request log; `entries()` are the requests logged after it.
 * Control calls (/__sim) are never logged, so these are exactly the calls the client made.
 */
class RequestMark {
	constructor(sim) {
		this.sim = sim;
		this.seq = sim.log.entries().at(-1)?.seq ?? 0;
	}

	entries() {
		return this.seq === 0 ? this.sim.log.entries() : this.sim.log.entries(this.seq);
	}
}

/** Splits log entries into token requests, run list pages, flow lookups and anything else. */
function classify(entries) {
	const counts = { total: entries.length, token: 0, runPages: 0, runGets: 0, flowPages: 0, other: 0, throttled: 0, bytes: 0 };
	for (const entry of entries) {
		counts.bytes += entry.responseBytes ?? 0;
		if (entry.status === 429) counts.throttled++;
		if (entry.path === '/ims/token/v3') counts.token++;
		else if (entry.method === 'GET' && entry.path === '/data/foundation/flowservice/runs') counts.runPages++;
		else if (entry.method === 'GET' && entry.path.startsWith('/data/foundation/flowservice/runs/')) counts.runGets++;
		else if (entry.method === 'GET' && entry.path === '/data/foundation/flowservice/flows') counts.flowPages++;
		else counts.other++;
	}
	return counts;
}

/** A deterministic shuffle, so a run's input order can be replayed exactly. */
function shuffled(values, seed = 7) {
	const out = [...values];
	let state = seed >>> 0;
	const random = () => {
		state = (state * 1664525 + 1013904223) >>> 0;
		return state / 4294967296;
	};
	for (let i = out.length - 1; i > 0; i--) {
		const j = Math.floor(random() * (i + 1));
		[out[i], out[j]] = [out[j], out[i]];
	}
	return out;
}

module.exports = { median, sum, ms, int, ratio, mb, timed, RequestMark, classify, shuffled };
