#!/usr/bin/env node
// Runs a JavaScript entry point under Node.js >= 24 (n8n 2.41 requires it).
// When the current Node is older, Node 24 is fetched once from the npm registry
// (package node-<platform>-<arch>@24) into .tools/ and reused afterwards.
//
//   node scripts/node24.mjs <script.js> [args...]   run the script with a recent Node
//   node scripts/node24.mjs --print-bin-dir          print the folder holding that node binary
import { execFileSync, spawn } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, renameSync, rmSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const MINIMUM = [24, 0];
const MAJOR = 24;
const projectRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const toolsDir = join(projectRoot, '.tools');

function isRecentEnough(version) {
	const [major, minor] = version.replace(/^v/, '').split('.').map(Number);
	return major > MINIMUM[0] || (major === MINIMUM[0] && minor >= MINIMUM[1]);
}

function installedNodeBin() {
	if (!existsSync(toolsDir)) return undefined;
	const folder = readdirSync(toolsDir)
		.filter((name) => name.startsWith(`node-v${MAJOR}.`))
		.sort()
		.pop();
	return folder ? join(toolsDir, folder, 'bin', 'node') : undefined;
}

function downloadNode() {
	const packageName = `node-${process.platform === 'win32' ? 'win' : process.platform}-${process.arch}@${MAJOR}`;
	console.error(`[node24] Node ${process.version} is older than ${MINIMUM.join('.')}; fetching ${packageName} from the npm registry (once)...`);
	mkdirSync(toolsDir, { recursive: true });
	const staging = join(toolsDir, 'staging');
	rmSync(staging, { recursive: true, force: true });
	mkdirSync(staging);
	const packed = JSON.parse(
		execFileSync('npm', ['pack', packageName, '--json', '--pack-destination', staging], {
			cwd: staging,
			stdio: ['ignore', 'pipe', 'inherit'],
			encoding: 'utf8',
		}),
	)[0];
	execFileSync('tar', ['-xzf', join(staging, packed.filename), '-C', staging]);
	const target = join(toolsDir, `node-v${packed.version}`);
	rmSync(target, { recursive: true, force: true });
	renameSync(join(staging, 'package'), target);
	rmSync(staging, { recursive: true, force: true });
	const bin = join(target, 'bin', 'node');
	console.error(`[node24] Node ${execFileSync(bin, ['--version'], { encoding: 'utf8' }).trim()} ready in .tools/node-v${packed.version}`);
	return bin;
}

export function recentNodeBin() {
	if (isRecentEnough(process.version)) return process.execPath;
	return installedNodeBin() ?? downloadNode();
}

const [entry, ...args] = process.argv.slice(2);
if (entry === '--print-bin-dir') {
	console.log(dirname(recentNodeBin()));
} else if (entry) {
	const bin = recentNodeBin();
	// Child processes (npm, n8n, tests spawning node) find the same binary first on PATH.
	const env = { ...process.env, PATH: `${dirname(bin)}:${process.env.PATH}` };
	const child = spawn(bin, [entry, ...args], { stdio: 'inherit', env });
	for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal));
	child.on('exit', (code, signal) => process.exit(signal ? 1 : (code ?? 1)));
} else if (process.argv[1] === fileURLToPath(import.meta.url)) {
	console.error('usage: node scripts/node24.mjs <script.js> [args...] | --print-bin-dir');
	process.exit(2);
}
