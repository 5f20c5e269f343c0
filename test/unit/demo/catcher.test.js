'use strict';
// The Slack catcher of the demo: Slack formatting rendered, newest first, a page that refreshes
// itself, and nothing a message holds ever runs as HTML.
const { startCatcher, renderSlack } = require('../../../scripts/demo/catcher');

test('Slack formatting: bold, italic, code, links, emoji and line breaks; HTML in a message stays text', () => {
	expect(renderSlack(':red_circle: Dataflow *Orders* failed\n• `INGEST-1212-400`: _bad_ row <https://example.com/r|run>')).toBe(
		'<span style="color:#e01e5a">●</span> Dataflow <b>Orders</b> failed<br>• <code>INGEST-1212-400</code>: <i>bad</i> row <a href="https://example.com/r">run</a>',
	);
	expect(renderSlack('<script>alert(1)</script> "x"')).toBe('&lt;script&gt;alert(1)&lt;/script&gt; &quot;x&quot;');
});

test('the page lists messages newest first and refreshes itself; /messages keeps arrival order', async () => {
	const catcher = await startCatcher();
	try {
		for (const text of ['first *one*', 'second']) {
			await fetch(`${catcher.url}/slack`, { method: 'POST', body: JSON.stringify({ text }) });
		}
		const html = await (await fetch(`${catcher.url}/`)).text();
		expect(html).toMatch(/<meta http-equiv="refresh" content="\d+">/);
		expect(html.indexOf('second')).toBeLessThan(html.indexOf('first <b>one</b>'));
		const json = await (await fetch(`${catcher.url}/messages`)).json();
		expect(json.map((message) => message.body.text)).toEqual(['first *one*', 'second']);
	} finally {
		await catcher.close();
	}
});
