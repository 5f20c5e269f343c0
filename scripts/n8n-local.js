// Provides a pinned n8n in .n8n-local/ (installed once, reused by later runs) and helpers to run its CLI
// against a user folder that has this package installed the way n8n installs community packages.
// Must run under Node >= 24, which n8n 2.41 requires (scripts/node24.mjs takes care of that).
'use strict';
const { execFileSync, spawn } = require('node:child_process');
const { existsSync, mkdirSync, readFileSync, rmSync, statSync, writeFileSync } = require('node:fs');
const { dirname, join, resolve } = require('node:path');

const N8N_VERSION = '2.41.1';
const projectRoot = resolve(__dirname, '..');
const installDir = join(projectRoot, '.n8n-local', `n8n-${N8N_VERSION}`);
const readyMarker = join(installDir, '.ready');
const nodeDir = dirname(dirname(process.execPath));

const log = (message) => console.error(`[n8n-local] ${message}`);

function npm(args, cwd, extraEnv = {}) {
	execFileSync('npm', args, {
		cwd,
		stdio: ['ignore', 'inherit', 'inherit'],
		env: { ...process.env, npm_config_nodedir: nodeDir, npm_config_audit: 'false', npm_config_fund: 'false', npm_config_update_notifier: 'false', ...extraEnv },
	});
}

function nodeGyp() {
	return require.resolve('node-gyp/bin/node-gyp.js', { paths: [projectRoot] });
}

/** Prints, every 15 s, how many packages the install has unpacked so far (run as its own process). */
const PROGRESS_WATCHER = `
const { readdirSync } = require('node:fs');
const started = Date.now();
const count = (dir) => { try { return readdirSync(dir).reduce((n, name) => n + (name.startsWith('@') ? count(dir + '/' + name) : name.startsWith('.') ? 0 : 1), 0); } catch { return 0; } };
setInterval(() => console.error('[n8n-local] installing n8n: ' + count(process.argv[1]) + ' packages unpacked, ' + Math.round((Date.now() - started) / 1000) + ' s'), 15000);
`;

/** Installs n8n once. Install scripts are skipped (some download binaries, which fails offline); sqlite3 is compiled instead. */
function ensureN8n() {
	const bin = join(installDir, 'node_modules', 'n8n', 'bin', 'n8n');
	if (existsSync(readyMarker) && existsSync(bin)) return bin;
	const [major] = process.versions.node.split('.').map(Number);
	if (major < 24) {
		throw new Error(`n8n ${N8N_VERSION} needs Node.js >= 24; this is ${process.version}. Run it through scripts/node24.mjs.`);
	}
	// Test files run side by side: one installs, the others wait for it instead of installing over it.
	if (!takeInstallLock()) {
		waitForInstall(bin);
		return bin;
	}
	try {
		if (existsSync(readyMarker) && existsSync(bin)) return bin;
		return installN8n(bin);
	} finally {
		rmSync(installLock, { recursive: true, force: true });
	}
}

const installLock = `${installDir}.lock`;
/** A lock older than this was left by an install that died: it is taken over. */
const STALE_LOCK_MS = 20 * 60_000;

function takeInstallLock() {
	mkdirSync(dirname(installLock), { recursive: true });
	try {
		mkdirSync(installLock);
		return true;
	} catch {
		let age = 0;
		try {
			age = Date.now() - statSync(installLock).mtimeMs;
		} catch {
			return takeInstallLock();
		}
		if (age < STALE_LOCK_MS) return false;
		rmSync(installLock, { recursive: true, force: true });
		return takeInstallLock();
	}
}

function waitForInstall(bin) {
	log(`Another process is installing n8n ${N8N_VERSION}; waiting for it...`);
	const pause = new Int32Array(new SharedArrayBuffer(4));
	const deadline = Date.now() + STALE_LOCK_MS;
	while (Date.now() < deadline) {
		if (existsSync(readyMarker) && existsSync(bin)) return;
		if (!existsSync(installLock)) throw new Error(`The other install of n8n ${N8N_VERSION} ended without finishing; see its output.`);
		Atomics.wait(pause, 0, 0, 1000);
	}
	throw new Error(`The other install of n8n ${N8N_VERSION} did not finish within ${STALE_LOCK_MS / 60_000} minutes.`);
}

function installN8n(bin) {
	log(`Installing n8n ${N8N_VERSION} into .n8n-local/ (first run only, a few minutes)...`);
	rmSync(installDir, { recursive: true, force: true });
	mkdirSync(installDir, { recursive: true });
	writeFileSync(join(installDir, 'package.json'), JSON.stringify({ name: 'n8n-local', private: true, dependencies: { n8n: N8N_VERSION } }, null, 2));
	// npm shows no progress without a terminal, and the install takes minutes: a watcher says how far it got.
	const progress = spawn(process.execPath, ['-e', PROGRESS_WATCHER, join(installDir, 'node_modules')], { stdio: ['ignore', 'ignore', 'inherit'] });
	try {
		npm(['install', '--ignore-scripts', '--no-package-lock', '--loglevel=error'], installDir);
	} finally {
		progress.kill();
	}
	log('Compiling sqlite3 for this Node.js (n8n keeps its data in SQLite)...');
	execFileSync(process.execPath, [nodeGyp(), 'rebuild', '--release', '-j', '2', `--nodedir=${nodeDir}`], {
		cwd: join(installDir, 'node_modules', 'sqlite3'),
		stdio: ['ignore', 'ignore', 'inherit'],
	});
	writeFileSync(readyMarker, `${N8N_VERSION}\n`);
	log(`n8n ${N8N_VERSION} is ready.`);
	return bin;
}

/**
 * Creates an n8n user folder with this package installed in `.n8n/nodes/node_modules`, from the packed
 * tarball, exactly as n8n's community package installer lays it out. Run `npm run build` first.
 */
function prepareUserFolder(userFolder) {
	const nodesDir = join(userFolder, '.n8n', 'nodes');
	mkdirSync(nodesDir, { recursive: true });
	const packed = JSON.parse(execFileSync('npm', ['pack', '--json', '--pack-destination', nodesDir], { cwd: projectRoot, encoding: 'utf8', env: { ...process.env, npm_config_loglevel: 'error' } }))[0];
	const manifest = JSON.parse(readFileSync(join(projectRoot, 'package.json'), 'utf8'));
	writeFileSync(join(nodesDir, 'package.json'), JSON.stringify({ name: 'installed-nodes', private: true, dependencies: { [manifest.name]: `file:./${packed.filename}` } }, null, 2));
	const target = join(nodesDir, 'node_modules', manifest.name);
	rmSync(target, { recursive: true, force: true });
	mkdirSync(target, { recursive: true });
	execFileSync('tar', ['-xzf', join(nodesDir, packed.filename), '-C', target, '--strip-components=1']);
	rmSync(join(nodesDir, packed.filename));
	return target;
}

/** Environment for a quiet, offline n8n bound to loopback. */
function n8nEnv(userFolder, port, extra = {}) {
	// Variables of a test runner (NODE_ENV=test, JEST_*) would switch n8n's own logging and config off.
	const inherited = Object.fromEntries(Object.entries(process.env).filter(([key]) => !key.startsWith('JEST_') && key !== 'NODE_ENV'));
	return {
		...inherited,
		NODE_ENV: 'production',
		N8N_USER_FOLDER: userFolder,
		N8N_PORT: String(port),
		N8N_LISTEN_ADDRESS: '127.0.0.1',
		N8N_HOST: '127.0.0.1',
		N8N_ENCRYPTION_KEY: 'local-demo-encryption-key-0123456789',
		N8N_DIAGNOSTICS_ENABLED: 'false',
		N8N_VERSION_NOTIFICATIONS_ENABLED: 'false',
		N8N_VERSION_NOTIFICATIONS_WHATS_NEW_ENABLED: 'false',
		N8N_TEMPLATES_ENABLED: 'false',
		N8N_PERSONALIZATION_ENABLED: 'false',
		N8N_HIRING_BANNER_ENABLED: 'false',
		N8N_DYNAMIC_BANNERS_ENABLED: 'false',
		N8N_LICENSE_AUTO_RENEW_ENABLED: 'false',
		N8N_AI_ENABLED: 'false',
		N8N_VERIFIED_PACKAGES_ENABLED: 'false',
		N8N_REINSTALL_MISSING_PACKAGES: 'false',
		N8N_COMMUNITY_PACKAGES_ENABLED: 'true',
		N8N_PYTHON_ENABLED: 'false',
		N8N_RUNNERS_BROKER_PORT: String(port + 1),
		N8N_SECURE_COOKIE: 'false',
		N8N_LOG_LEVEL: 'warn',
		DB_SQLITE_POOL_SIZE: '2',
		...extra,
	};
}

/** Runs an n8n CLI command to completion. */
function n8nCli(bin, args, env) {
	return execFileSync(process.execPath, [bin, ...args], { env, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
}

/** Starts `n8n start`; resolves once the editor answers on /healthz. */
async function startN8n(bin, env, { onOutput } = {}) {
	const child = spawn(process.execPath, [bin, 'start'], { env, stdio: ['ignore', 'pipe', 'pipe'] });
	child.stdout.on('data', (chunk) => onOutput?.(String(chunk)));
	child.stderr.on('data', (chunk) => onOutput?.(String(chunk)));
	const url = `http://127.0.0.1:${env.N8N_PORT}`;
	const started = Date.now();
	while (Date.now() - started < 180_000) {
		if (child.exitCode !== null) throw new Error(`n8n exited with code ${child.exitCode} while starting`);
		try {
			// /healthz answers while n8n is still migrating; readiness waits until it is fully up.
			const response = await fetch(`${url}/healthz/readiness`);
			if (response.ok) return { child, url };
		} catch {
			// not listening yet
		}
		await new Promise((done) => setTimeout(done, 500));
	}
	child.kill('SIGTERM');
	throw new Error('n8n did not become ready within 3 minutes');
}

module.exports = { N8N_VERSION, projectRoot, ensureN8n, prepareUserFolder, n8nEnv, n8nCli, startN8n };

if (require.main === module && process.argv[2] === 'install') ensureN8n();
