'use strict';
// After every test file: no captured console or stdout line may contain a client secret or an access
// token that a test environment used (environment.js registers them).
globalThis.__knownSecrets ??= new Set();

afterAll(() => {
	const logs = (globalThis.__capturedLogs ?? []).join('\n');
	for (const secret of globalThis.__knownSecrets) {
		if (secret && logs.includes(secret)) throw new Error(`A secret (…${secret.slice(-4)}) was written to the console or stdout`);
	}
});
