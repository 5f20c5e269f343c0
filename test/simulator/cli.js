#!/usr/bin/env node
'use strict';

// Runs the simulator until SIGINT/SIGTERM:
//   node test/simulator/cli.js [--port 5680] [--host 127.0.0.1] [--demo] [--seed 42]
//                              [--latency ms] [--start 2026-01-05T08:00:00Z] [--token-lifetime s]
//                              [--row-error-file-rows N] [--json]

const { startSimulator, DEFAULT_CLIENT } = require('./server');

const USAGE = 'usage: cli.js [--port N] [--host H] [--demo] [--seed N] [--latency MS] [--start ISO|MS] [--token-lifetime S] [--row-error-file-rows N] [--json]';

function parseArgs(argv) {
  const options = {};
  let json = false;
  const value = (i, name) => {
    if (i + 1 >= argv.length) throw new Error(`${name} needs a value`);
    return argv[i + 1];
  };
  const number = (text, name) => {
    const n = Number(text);
    if (!Number.isFinite(n)) throw new Error(`${name} must be a number`);
    return n;
  };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    switch (arg) {
      case '--demo': options.demo = true; break;
      case '--json': json = true; break;
      case '--port': options.port = number(value(i, arg), arg); i++; break;
      case '--host': options.host = value(i, arg); i++; break;
      case '--seed': options.seed = number(value(i, arg), arg); i++; break;
      case '--latency': options.latencyMs = number(value(i, arg), arg); i++; break;
      case '--token-lifetime': options.tokenLifetimeSeconds = number(value(i, arg), arg); i++; break;
      case '--row-error-file-rows': options.rowErrorFileRows = number(value(i, arg), arg); i++; break;
      case '--start': {
        const text = value(i, arg);
        options.startTime = /^\d+$/.test(text) ? Number(text) : Date.parse(text);
        if (!Number.isFinite(options.startTime)) throw new Error('--start must be an ISO date or epoch ms');
        i++;
        break;
      }
      case '--help': case '-h': console.log(USAGE); process.exit(0); break;
      default: throw new Error(`unknown argument ${arg}`);
    }
  }
  return { options, json };
}

async function main() {
  let parsed;
  try {
    parsed = parseArgs(process.argv.slice(2));
  } catch (err) {
    console.error(`${err.message}\n${USAGE}`);
    process.exit(2);
  }
  const sim = await startSimulator(parsed.options);
  if (parsed.json) {
    console.log(JSON.stringify({ url: sim.url, ...DEFAULT_CLIENT }));
  } else {
    console.log(`AEP Flow Service simulator listening on ${sim.url}`);
    console.log(`  IMS token URL   ${sim.url}/ims/token/v3`);
    console.log(`  Platform URL    ${sim.url}  (Flow Service at /data/foundation/flowservice)`);
    console.log(`  Control API     ${sim.url}/__sim/`);
    console.log(`  Client ID       ${DEFAULT_CLIENT.clientId}`);
    console.log(`  Client secret   ${DEFAULT_CLIENT.clientSecret}`);
    console.log(`  Org ID          ${DEFAULT_CLIENT.orgId}`);
    console.log(`  Scopes          ${DEFAULT_CLIENT.scopes}`);
    console.log(`  Sandboxes       ${sim.store.sandboxNames().join(', ')}${parsed.options.demo ? ' (demo data loaded)' : ''}`);
    console.log(`  Simulated time  ${new Date(sim.clock.now()).toISOString()}`);
  }
  const stop = async () => {
    await sim.close();
    process.exit(0);
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
