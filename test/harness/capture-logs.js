'use strict';
// Records everything written to the console and to stdout/stderr during a test file, so tests can
// prove that no secret reaches a log line.
const captured = [];
globalThis.__capturedLogs = captured;
for (const method of ['log', 'info', 'warn', 'error', 'debug']) {
	const original = console[method].bind(console);
	console[method] = (...args) => {
		captured.push(args.map((a) => (typeof a === 'string' ? a : JSON.stringify(a, Object.getOwnPropertyNames(a ?? {})))).join(' '));
		original(...args);
	};
}
for (const stream of [process.stdout, process.stderr]) {
	const original = stream.write.bind(stream);
	stream.write = (chunk, ...rest) => {
		captured.push(String(chunk));
		return original(chunk, ...rest);
	};
}
