'use strict';
// The warnings n8n's logger receives during a test: the logger the package's contexts hand out
// lives in n8n-core's container, so that one is watched, and restored after each test.

const restores = [];
afterEach(() => {
	while (restores.length) restores.pop()();
});

/** Starts watching; `text()` is every warning since, one per line. */
function watchWarnings() {
	// n8n-core's own copies of its dependencies hold the container.
	const fromCore = (name) => require(require.resolve(name, { paths: [require.resolve('n8n-core')] }));
	const { Container } = fromCore('@n8n/di');
	const { Logger } = fromCore('@n8n/backend-common');
	const logger = Container.get(Logger);
	const messages = [];
	const original = logger.warn;
	logger.warn = function (message, ...rest) {
		messages.push(String(message));
		return original.call(this, message, ...rest);
	};
	restores.push(() => (logger.warn = original));
	return { text: () => messages.join('\n') };
}

module.exports = { watchWarnings };
