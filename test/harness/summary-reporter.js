'use strict';
// Ends the run with one plain line, "tests: N passed, N failed", after Jest's own summary.
class SummaryReporter {
	onRunComplete(_contexts, results) {
		process.stderr.write(`tests: ${results.numPassedTests} passed, ${results.numFailedTests + results.numRuntimeErrorTestSuites} failed\n`);
	}
}

module.exports = SummaryReporter;
