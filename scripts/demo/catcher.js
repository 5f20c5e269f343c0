'use strict';
// A local stand-in for a Slack incoming webhook: it records every message posted to it, prints it,
// and lists what it received at GET / (HTML) and GET /messages (JSON).
const http = require('node:http');

function startCatcher({ port = 0, host = '127.0.0.1', onMessage } = {}) {
	const messages = [];
	const server = http.createServer((request, response) => {
		if (request.method === 'GET') {
			const wantsJson = request.url.startsWith('/messages');
			response.writeHead(200, { 'content-type': wantsJson ? 'application/json' : 'text/html; charset=utf-8' });
			const items = messages.map((m) => `<li><pre>${escapeHtml(m.body.text ?? JSON.stringify(m.body))}</pre><small>${m.at}</small></li>`).join('');
			response.end(wantsJson ? JSON.stringify(messages) : `<!doctype html><title>Alerts</title><h1>Alerts received (${messages.length})</h1><ul>${items}</ul>`);
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
	return String(text).replace(/[&<>]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;' })[c]);
}

module.exports = { startCatcher };
