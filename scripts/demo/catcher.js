'use strict';
// A local stand-in for a Slack incoming webhook: it records every message posted to it, prints it,
// and lists what it received at GET / (HTML, newest first, Slack formatting rendered, refreshing
// itself every few seconds) and GET /messages (JSON, in arrival order).
const http = require('node:http');

const REFRESH_SECONDS = 5;
// Slack's emoji as coloured symbols any font has (a headless browser often has no emoji font).
const EMOJI = {
	red_circle: '<span style="color:#e01e5a">●</span>',
	large_green_circle: '<span style="color:#2eb67d">●</span>',
	bar_chart: '<span style="color:#36c5f0">▮</span>',
	warning: '<span style="color:#ecb22e">▲</span>',
	white_check_mark: '<span style="color:#2eb67d">✔</span>',
};

/**
 * Slack's mrkdwn as HTML, after escaping: *bold*, _italic_, ~strike~, `code`, <url|label> links,
 * :emoji: and line breaks.
 */
function renderSlack(text) {
	return escapeHtml(text)
		.replace(/&lt;(https?:\/\/[^|&]+)\|([^&]+)&gt;/g, (_, url, label) => `<a href="${url}">${label}</a>`)
		.replace(/&lt;(https?:\/\/[^&]+)&gt;/g, (_, url) => `<a href="${url}">${url}</a>`)
		.replace(/`([^`\n]+)`/g, '<code>$1</code>')
		.replace(/(^|[\s(])\*([^*\n]+)\*(?=[\s).,:;!?]|$)/gm, '$1<b>$2</b>')
		.replace(/(^|[\s(])_([^_\n]+)_(?=[\s).,:;!?]|$)/gm, '$1<i>$2</i>')
		.replace(/(^|[\s(])~([^~\n]+)~(?=[\s).,:;!?]|$)/gm, '$1<s>$2</s>')
		.replace(/:([a-z0-9_+-]+):/g, (whole, name) => EMOJI[name] ?? whole)
		.replace(/\n/g, '<br>');
}

function page(messages) {
	const items = [...messages]
		.reverse()
		.map((m) => `<li><div class="text">${renderSlack(m.body.text ?? JSON.stringify(m.body))}</div><small>${escapeHtml(m.at)} · ${escapeHtml(m.path)}</small></li>`)
		.join('');
	return `<!doctype html><meta charset="utf-8"><meta http-equiv="refresh" content="${REFRESH_SECONDS}"><title>Alerts</title>
<style>body{font:15px/1.45 system-ui,sans-serif;margin:2em;max-width:60em}li{list-style:none;border-left:4px solid #4a154b;margin:0 0 1em;padding:.4em .8em;background:#f8f8f8}code{background:#eee;padding:0 .2em}small{color:#666}</style>
<h1>Alerts received (${messages.length})</h1><p>Newest first; this page refreshes every ${REFRESH_SECONDS} s.</p><ul>${items}</ul>`;
}

function startCatcher({ port = 0, host = '127.0.0.1', onMessage } = {}) {
	const messages = [];
	const server = http.createServer((request, response) => {
		if (request.method === 'GET') {
			const wantsJson = request.url.startsWith('/messages');
			response.writeHead(200, { 'content-type': wantsJson ? 'application/json' : 'text/html; charset=utf-8' });
			response.end(wantsJson ? JSON.stringify(messages) : page(messages));
			return;
		}
		const chunks = [];
		request.on('data', (chunk) => chunks.push(chunk));
		request.on('end', () => {
			const text = Buffer.concat(chunks).toString('utf8');
			let body;
			try {
				body = JSON.parse(text);
			} catch {
				body = { text };
			}
			const message = { at: new Date().toISOString(), path: request.url, body };
			messages.push(message);
			onMessage?.(message);
			response.writeHead(200, { 'content-type': 'text/plain' });
			response.end('ok');
		});
	});
	return new Promise((resolve) => {
		server.listen(port, host, () => {
			const url = `http://${host}:${server.address().port}`;
			resolve({ url, messages, close: () => new Promise((done) => server.close(done)) });
		});
	});
}

function escapeHtml(text) {
	return String(text).replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c]);
}

module.exports = { startCatcher, renderSlack };
