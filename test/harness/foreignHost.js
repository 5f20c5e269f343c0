'use strict';
// A second HTTP server on another loopback address, standing for a host that is not the one the
// credential names. It answers every request with 200 and logs it, so a test can prove that no
// request (and so no header, body or secret) ever reached it.
const http = require('node:http');

async function startForeignHost({ host = '127.0.0.2' } = {}) {
	const requests = [];
	const server = http.createServer((req, res) => {
		const chunks = [];
		req.on('data', (chunk) => chunks.push(chunk));
		req.on('end', () => {
			requests.push({ method: req.method, url: req.url, headers: req.headers, body: Buffer.concat(chunks).toString('utf8') });
			res.writeHead(200, { 'content-type': 'application/json' });
			res.end(JSON.stringify({ items: [], access_token: 'foreign-token', expires_in: 86399 }));
		});
	});
	const sockets = new Set();
	server.on('connection', (socket) => {
		sockets.add(socket);
		socket.on('close', () => sockets.delete(socket));
	});
	await new Promise((resolve, reject) => {
		server.once('error', reject);
		server.listen(0, host, resolve);
	});
	const url = `http://${host}:${server.address().port}`;
	return {
		url,
		host,
		requests,
		close: () =>
			new Promise((resolve) => {
				server.close(() => resolve());
				for (const socket of sockets) socket.destroy();
			}),
	};
}

module.exports = { startForeignHost };
