#!/usr/bin/env node
'use strict';

/*
 * node sandbox/cli.js [--port 5681] [--seed 1] [--error-mode status] [--<option-in-kebab-case> value] …
 * Starts the sandbox, prints where it listens and the sandbox credentials, runs until SIGINT/SIGTERM.
 */
const { startSandbox } = require('./index');
const { DEFAULTS, ENUMS, INTEGERS, BOOLEANS } = require('./lib/options');

const kebab = (k) => k.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`);
const CLI_PORT = 5681;
const camel = (k) => k.replace(/-([a-z])/g, (_, c) => c.toUpperCase());

function usage() {
  const lines = Object.keys(DEFAULTS).filter((k) => k !== 'clock').map((k) => {
    const values = ENUMS[k] ? ENUMS[k].join('|') : INTEGERS[k] ? 'integer' : BOOLEANS.includes(k) ? 'true|false' : 'string';
    const def = k === 'port' ? CLI_PORT : DEFAULTS[k];
    return `  --${kebab(k)} <${values}>${def !== undefined ? `  (default ${def})` : ''}`;
  });
  return `Usage: node sandbox/cli.js [options]\n${lines.join('\n')}\n  --help`;
}

/** @returns {object} sandbox options */
function parseArgs(argv) {
  const opts = { port: CLI_PORT };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--help' || arg === '-h') {
      process.stdout.write(`${usage()}\n`);
      process.exit(0);
    }
    const m = /^--([a-z0-9-]+)(?:=(.*))?$/.exec(arg);
    if (!m) throw new Error(`unexpected argument ${arg}\n${usage()}`);
    const key = camel(m[1]);
    if (!Object.prototype.hasOwnProperty.call(DEFAULTS, key) || key === 'clock') throw new Error(`unknown option --${m[1]}\n${usage()}`);
    let value = m[2];
    if (value === undefined) {
      if (BOOLEANS.includes(key) && (argv[i + 1] === undefined || argv[i + 1].startsWith('--'))) value = 'true';
      else value = argv[++i];
    }
    if (value === undefined) throw new Error(`--${m[1]} needs a value`);
    if (INTEGERS[key]) {
      if (!/^-?\d+$/.test(value)) throw new Error(`--${m[1]} must be an integer`);
      opts[key] = Number(value);
    } else if (BOOLEANS.includes(key)) {
      if (!['true', 'false'].includes(value)) throw new Error(`--${m[1]} must be true or false`);
      opts[key] = value === 'true';
    } else {
      opts[key] = value;
    }
  }
  return opts;
}

function banner(sb) {
  const lines = [
    `Trustoo sandbox listening on ${sb.url}`,
    `  Open API base:   ${sb.publicUrl}/api/v1/openapi`,
    `  Consent page:    ${sb.publicUrl}/sandbox/oauth/consent`,
    `  Admin/info:      ${sb.publicUrl}/__sandbox/info`,
    '',
    'Sandbox credentials (fake, generated from the seed):',
  ];
  sb.shops.forEach((s, i) => {
    lines.push(`  shop[${i}] ${s.name} (${s.myshopifyDomain}, id ${s.id})`);
    lines.push(`    Public-Token:  ${s.publicToken}`);
    lines.push(`    Private token: ${s.privateToken}`);
  });
  lines.push('  OAuth platform:');
  lines.push(`    client_id:     ${sb.platform.clientId}`);
  lines.push(`    client_secret: ${sb.platform.clientSecret}`);
  lines.push('', `Modes: ${JSON.stringify(sb.modes())}`, 'Press Ctrl+C to stop.');
  return lines.join('\n');
}

async function main() {
  let opts;
  try {
    opts = parseArgs(process.argv.slice(2));
  } catch (e) {
    process.stderr.write(`${e.message}\n`);
    process.exit(2);
  }
  let sb;
  try {
    sb = await startSandbox(opts);
  } catch (e) {
    process.stderr.write(`could not start the sandbox: ${e.message}\n`);
    process.exit(1);
  }
  sb.on('internal-error', (e) => process.stderr.write(`sandbox internal error: ${e && e.message}\n`));
  process.stdout.write(`${banner(sb)}\n`);
  let stopping = false;
  const stop = (signal) => {
    if (stopping) return;
    stopping = true;
    process.stdout.write(`\n${signal} received, closing the sandbox\n`);
    sb.close().then(() => process.exit(0));
  };
  process.on('SIGINT', () => stop('SIGINT'));
  process.on('SIGTERM', () => stop('SIGTERM'));
}

if (require.main === module) main();

module.exports = { parseArgs, banner };
