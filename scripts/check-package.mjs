#!/usr/bin/env node
// What npm would publish, checked before a release can go wrong:
//
//   node scripts/check-package.mjs               pack into a temporary folder, `npm publish --dry-run` the
//                                                tarball (no login needed), check its file list, and lint it
//                                                with the rules n8n's community-package scanner applies to a
//                                                tarball. Run `npm run build` first. Exits 1 naming each problem.
//   node scripts/check-package.mjs --prepublish  the package's prepublishOnly: refuses to publish anywhere but
//                                                in GitHub Actions with provenance (see CONTRIBUTING.md, Releasing).
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const projectRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const manifest = JSON.parse(readFileSync(join(projectRoot, 'package.json'), 'utf8'));

if (process.argv.includes('--prepublish')) {
	process.exit(prepublishGuard(process.env));
}

/**
 * npm publish runs prepublishOnly with the publish's own configuration in npm_config_*. A release comes
 * only from the tag workflow (.github/workflows/publish.yml): GitHub Actions, provenance on, and an OIDC
 * token to sign it with. Returns the exit code.
 */
function prepublishGuard(env) {
	const missing = [];
	if (env.GITHUB_ACTIONS !== 'true') missing.push('it is not running in GitHub Actions (GITHUB_ACTIONS is not "true")');
	if (env.npm_config_provenance !== 'true') missing.push('provenance is off (publish with --provenance)');
	if (!env.ACTIONS_ID_TOKEN_REQUEST_URL) missing.push("the job has no OIDC token to sign provenance (permissions: id-token: write)");
	if (missing.length === 0) return 0;
	console.error(
		`${manifest.name} is published only by the GitHub workflow .github/workflows/publish.yml, with npm provenance ` +
			`(n8n requires it for community nodes). This publish was refused because ${missing.join('; ')}.\n` +
			'To release: bump the version and push its tag (npm version <patch|minor|major> && git push --follow-tags); ' +
			'see CONTRIBUTING.md, "Releasing". To see what would be published: node scripts/check-package.mjs',
	);
	return 1;
}

const problems = [];
const problem = (text) => problems.push(text);

function npm(args, cwd) {
	return execFileSync('npm', args, { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, npm_config_loglevel: 'warn', npm_config_update_notifier: 'false' } });
}

/** What must be in the tarball, and what must never be. */
function checkFileList(files) {
	const has = (path) => files.includes(path);
	for (const required of ['package.json', 'README.md', 'LICENSE', 'CHANGELOG.md']) if (!has(required)) problem(`${required} is missing`);
	for (const entry of [...(manifest.n8n?.nodes ?? []), ...(manifest.n8n?.credentials ?? [])]) {
		if (!has(entry)) problem(`${entry} (listed in package.json's n8n block) is missing`);
	}
	if (!files.some((path) => /^dist\/.*\.svg$/.test(path))) problem('no icons (dist/**/*.svg)');
	const forbidden = [
		[/^(test|tests|__tests__)\//, 'a test file'],
		[/(^|\/)[^/]+\.(test|spec)\.[cm]?[jt]s(\.map)?$/, 'a test file'],
		[/(^|\/)simulator\//, 'a simulator file'],
		[/(^|\/)(\.tools|\.n8n-local|node_modules|coverage|test-results|bench-results|\.simulator-data)\//, 'a local tool or result folder'],
		[/(^|\/)\.(git|github|ci)\//, 'a repository folder'],
		[/^(scripts|examples|docs)\//, 'a development file'],
		[/\.tsbuildinfo$/, 'a TypeScript build cache'],
		[/\.(tgz|log)$/, 'an archive or a log'],
		[/(^|\/)\.(env|npmrc)$/, 'a local configuration file'],
	];
	for (const path of files) {
		if (/\.[cm]?ts$/.test(path) && !/\.d\.[cm]?ts$/.test(path)) problem(`${path} is a TypeScript source (only .d.ts may ship)`);
		for (const [pattern, what] of forbidden) if (pattern.test(path)) problem(`${path} is ${what}`);
	}
}

/**
 * The lint leg n8n's scanner (@n8n/scan-community-package) runs on a published tarball: the community-nodes
 * recommended rules (n8n Cloud's) and no-console on every .js, n8n's community package.json rules on
 * package.json, with eslint-disable comments ignored. The scanner itself is not installed here; its provenance
 * check and its lint of the attested source need the published package. The rules come from the plugins
 * @n8n/node-cli installs, the same ones `npm run lint` uses on the sources.
 */
async function scanTarball(packageDir) {
	const cliRequire = createRequire(join(projectRoot, 'node_modules', '@n8n', 'node-cli', 'dist', 'index.js'));
	const load = async (name) => import(cliRequire.resolve(name).replace(/^(?!file:)/, 'file://'));
	const { ESLint } = await load('eslint');
	const { n8nCommunityNodesPlugin } = await load('@n8n/eslint-plugin-community-nodes');
	const n8nNodesBase = (await load('eslint-plugin-n8n-nodes-base')).default;
	const tsParser = (await load('typescript-eslint')).default.parser;
	const eslint = new ESLint({
		cwd: packageDir,
		allowInlineConfig: false,
		overrideConfigFile: true,
		overrideConfig: [
			n8nCommunityNodesPlugin.configs.recommended,
			{ rules: { 'no-console': 'error' } },
			{ plugins: { 'n8n-nodes-base': n8nNodesBase } },
			{ files: ['package.json'], rules: { ...n8nNodesBase.configs.community.rules }, languageOptions: { parser: tsParser } },
		],
	});
	const results = await eslint.lintFiles(['**/*.js', 'package.json']);
	const errors = results.flatMap((result) => result.messages.filter((message) => message.severity === 2).map((message) => `${result.filePath.slice(packageDir.length + 1)}:${message.line}: ${message.message} (${message.ruleId})`));
	for (const error of errors) problem(`scanner rule: ${error}`);
	return { files: results.length, errors: errors.length, warnings: results.reduce((sum, result) => sum + result.warningCount, 0) };
}

async function main() {
	for (const entry of manifest.n8n?.nodes ?? []) {
		if (!existsSync(join(projectRoot, entry))) {
			console.error(`check-package: ${entry} is not built; run npm run build first.`);
			process.exit(1);
		}
	}
	const work = mkdtempSync(join(tmpdir(), 'aep-check-package-'));
	try {
		const [packed] = JSON.parse(npm(['pack', '--json', '--pack-destination', work], projectRoot));
		const tarball = join(work, packed.filename);
		const files = packed.files.map((file) => file.path).sort();

		// The registry is asked whether the version exists; no login is needed for a dry run.
		let dryRun;
		try {
			dryRun = npm(['publish', '--dry-run', '--ignore-scripts', '--json', tarball], work);
		} catch (error) {
			problem(`npm publish --dry-run failed: ${String(error.stderr || error.message).trim().split('\n').slice(-5).join(' / ')}`);
		}
		if (dryRun !== undefined) {
			// npm 11 answers { <name>: { id, integrity, ... } }, npm 10 the object itself.
			const answer = JSON.parse(dryRun.slice(dryRun.indexOf('{')));
			const published = answer[manifest.name] ?? answer;
			if (published.id !== `${manifest.name}@${manifest.version}`) problem(`npm publish --dry-run would publish ${published.id}, not ${manifest.name}@${manifest.version}`);
			if (published.integrity !== packed.integrity) problem('npm publish --dry-run read another tarball than the one checked here');
		}

		checkFileList(files);

		const packageDir = join(work, 'package');
		mkdirSync(packageDir);
		execFileSync('tar', ['-xzf', tarball, '-C', packageDir, '--strip-components=1']);
		const scan = await scanTarball(packageDir);

		console.log(`${packed.filename}: ${files.length} files, ${kB(packed.size)} packed, ${kB(packed.unpackedSize)} unpacked`);
		for (const file of packed.files.sort((a, b) => a.path.localeCompare(b.path))) console.log(`  ${kB(file.size).padStart(9)}  ${file.path}`);
		console.log(`npm publish --dry-run: ${dryRun === undefined ? 'FAILED' : `ok (${manifest.name}@${manifest.version}, no login)`}`);
		console.log(`Scanner lint rules: ${scan.files} files, ${scan.errors} errors, ${scan.warnings} warnings`);
	} finally {
		rmSync(work, { recursive: true, force: true });
	}
	if (problems.length) {
		console.error(`check-package: ${problems.length} problem${problems.length === 1 ? '' : 's'} with the package:`);
		for (const text of problems) console.error(`  - ${text}`);
		process.exit(1);
	}
	console.log('check-package: the package is ready to publish.');
}

function kB(bytes) {
	return `${(bytes / 1000).toFixed(1)} kB`;
}

await main();
