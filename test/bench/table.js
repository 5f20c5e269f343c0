'use strict';
// The bench report: one markdown row per measurement, with its target and PASS or FAIL.

const cell = (text) => String(text).replace(/\|/g, '\\|').replace(/\n/g, '<br>');

/** `rows`: [{ id, name, measured, target, pass }]. */
function renderTable(rows) {
	const lines = ['| # | Measurement | Measured | Target | Result |', '| --- | --- | --- | --- | --- |'];
	for (const row of rows) {
		lines.push(`| ${cell(row.id)} | ${cell(row.name)} | ${cell(row.measured)} | ${cell(row.target)} | ${row.pass ? 'PASS' : '**FAIL**'} |`);
	}
	return lines.join('\n');
}

/** The whole report: run settings, the table, and each scenario's raw numbers for follow-up. */
function renderReport({ rows, settings, elapsedMs, details }) {
	const failed = rows.filter((row) => !row.pass).length;
	const lines = [
		'# AEP Flow Service bench',
		'',
		`${settings.quick ? 'Quick' : 'Full'} run, ${new Date().toISOString()}, Node.js ${process.version}, ${settings.cpus} CPUs, ` +
			`simulator latency ${settings.latencyMs} ms per request (row 5: ${settings.itemsLatencyMs} ms), took ${(elapsedMs / 1000).toFixed(1)} s.`,
		'',
		renderTable(rows),
		'',
		failed ? `${failed} of ${rows.length} rows FAIL.` : `All ${rows.length} rows PASS.`,
	];
	if (details && Object.keys(details).length) {
		lines.push('', '## Raw numbers', '', '```json', JSON.stringify(details, null, 2), '```');
	}
	return `${lines.join('\n')}\n`;
}

module.exports = { renderTable, renderReport };
