'use strict';
// Opens the n8n editor in headless Chromium (Debian's package, driven by playwright-core): signs in,
// searches the node panel for the package's nodes (by name, and by the codex aliases "Adobe" and
// "Dataflow"), and opens the credential form. Screenshots go to test-results/ (git-ignored).
const { execFileSync } = require('node:child_process');
const fs = require('node:fs');
const path = require('node:path');
const { chromium, selectors } = require('playwright-core');

// n8n marks its elements with data-test-id.
selectors.setTestIdAttribute('data-test-id');

const SCREENSHOTS = path.resolve(__dirname, '..', '..', 'test-results');
const CANDIDATES = ['/usr/bin/chromium', '/usr/bin/chromium-browser'];
const findChromium = () => CANDIDATES.find((file) => fs.existsSync(file));

/** Debian's Chromium, installed with apt-get when it is missing and we may (root). */
function ensureChromium() {
	if (findChromium()) return findChromium();
	const canInstall = process.getuid?.() === 0 && fs.existsSync('/usr/bin/apt-get');
	if (!canInstall) throw new Error('Chromium is not installed: install the Debian package "chromium" (apt-get install chromium) and run the tests again');
	console.info('[e2e] Installing Debian package chromium for the browser test...');
	const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
	execFileSync('apt-get', ['update', '-qq'], { stdio: 'inherit', env });
	execFileSync('apt-get', ['install', '-y', '-qq', 'chromium'], { stdio: 'inherit', env });
	return findChromium();
}
// Without the background-networking flags Chromium keeps dialling Google's hosts, which this network refuses.
const FLAGS = ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

async function checkEditor({ url, owner }) {
	const executablePath = ensureChromium();
	fs.mkdirSync(SCREENSHOTS, { recursive: true });
	// Panels and dialogs slide in: let the animation settle before each picture.
	const shot = async (page, name) => {
		await page.waitForTimeout(800);
		await page.screenshot({ path: path.join(SCREENSHOTS, `${name}.png`) });
	};
	const browser = await chromium.launch({ executablePath, args: FLAGS });
	try {
		const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
		await page.goto(`${url}/signin`);
		await page.getByLabel(/email/i).fill(owner.email);
		await page.getByLabel(/password/i).fill(owner.password);
		await page.getByTestId('form-submit-button').click();
		await page.waitForURL((target) => !target.pathname.startsWith('/signin'), { timeout: 60_000 });

		// Opens the node panel of a new workflow, searches it, and opens the package's app: the trigger's
		// events and the action node's operations appear under the one app.
		const searchPanel = async (words) => {
			await page.goto(`${url}/workflow/new`);
			await page.getByTestId('canvas-plus-button').or(page.getByTestId('canvas-add-button')).first().click({ timeout: 60_000 });
			const search = page.getByTestId('node-creator-search-bar').locator('input').or(page.getByPlaceholder(/search nodes/i)).first();
			await search.fill(words);
			const nodeItems = page.getByTestId('node-creator-item-name');
			const app = nodeItems.filter({ hasText: 'AEP Flow Service' }).first();
			await app.waitFor({ timeout: 30_000 });
			const found = (await nodeItems.allInnerTexts()).map((text) => text.trim());
			await app.click();
			const panel = page.getByTestId('node-creator');
			await panel.getByText(/^Actions \(\d+\)$/).waitFor({ timeout: 30_000 });
			const text = await panel.innerText();
			const triggers = Number(/Triggers \((\d+)\)/.exec(text)?.[1] ?? 0);
			const actions = Number(/Actions \((\d+)\)/.exec(text)?.[1] ?? 0);
			return { found, text, triggers, actions };
		};

		const byName = await searchPanel('AEP Flow Service');
		await shot(page, 'node-panel');
		// The actions list open: the trigger section folded away, the operations in view.
		const panelSection = page.getByTestId('node-creator');
		await panelSection.getByText(/^Triggers \(\d+\)$/).click();
		await panelSection.getByText(/^Actions \(\d+\)$/).click();
		const firstAction = panelSection.getByText(/^(Create|Get|Delete|Update)\b/).first();
		await firstAction.waitFor({ timeout: 30_000 });
		const actionsShown = (await panelSection.innerText()).split('\n').filter((line) => /^(Create|Get|Delete|Update|Test|Explore|Enable|Disable|Retry|Wait|Refresh|Preview|Export)\b/.test(line.trim())).length;
		await shot(page, 'node-panel-actions');
		const { found: appsFound, triggers, actions } = byName;
		const triggerEvents = ['On delayed run', 'On failed run', 'On finished run', 'On missed run', 'On new run', 'On recovered'].filter((name) => byName.text.includes(name));
		// The codex aliases: n8n's own search finds both nodes by Adobe's words too.
		const aliasSearches = {};
		for (const words of ['Adobe', 'Dataflow']) {
			const { found, triggers: aliasTriggers, actions: aliasActions } = await searchPanel(words);
			aliasSearches[words] = { found, triggers: aliasTriggers, actions: aliasActions };
		}
		await shot(page, 'node-panel-dataflow');

		await page.goto(`${url}/home/credentials/create`);
		const credentialSearch = page.getByPlaceholder(/search for app/i).first();
		await credentialSearch.fill('Adobe Experience Platform');
		await page.getByText('Adobe Experience Platform API', { exact: true }).first().click({ timeout: 30_000 });
		await page.getByRole('button', { name: /continue/i }).click();
		const labels = page.getByTestId('credential-connection-parameter').locator('label');
		await labels.first().waitFor({ timeout: 30_000 });
		const credentialFields = (await labels.allInnerTexts()).map((text) => text.split('\n')[0].replace(/\*/g, '').trim());
		await shot(page, 'credential-form');
		return { appsFound, triggers, actions, actionsShown, triggerEvents, aliasSearches, credentialFields };
	} catch (error) {
		const [page] = browser.contexts().flatMap((context) => context.pages());
		if (page) await shot(page, 'failure').catch(() => undefined);
		throw error;
	} finally {
		await browser.close();
	}
}

/** A picture of a page (e.g. the alerts catcher) in headless Chromium, under test-results/. */
async function screenshotPage(url, name, { waitFor } = {}) {
	const browser = await chromium.launch({ executablePath: ensureChromium(), args: FLAGS });
	try {
		const page = await browser.newPage({ viewport: { width: 1100, height: 700 } });
		await page.goto(url);
		if (waitFor) await page.getByText(waitFor).first().waitFor({ timeout: 30_000 });
		fs.mkdirSync(SCREENSHOTS, { recursive: true });
		const file = path.join(SCREENSHOTS, `${name}.png`);
		await page.screenshot({ path: file });
		return { file, text: await page.innerText('body') };
	} finally {
		await browser.close();
	}
}

module.exports = { screenshotPage, checkEditor, SCREENSHOTS };
