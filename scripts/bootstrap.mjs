#!/usr/bin/env node
// Entry point of `npm start`, `npm test` and `npm run bench`.
//
// Written in plain JavaScript that Node 20 can run, because the machines this project is set up
// on may have only Node 20 and npm. It brings the pinned Node 24 and pnpm 10 from the npm
// registry into .tools/ (corepack cannot verify signatures here, see DESIGN §6), puts them first
// on PATH and hands over to scripts/droomkaart.ts, which runs on Node 24 with type stripping.
import { execFileSync, spawn } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { delimiter, dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const NODE_VERSION = '24.21.0';
const PNPM_VERSION = '10.34.8';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const tools = join(root, '.tools');
const toolsBin = join(tools, 'node_modules', '.bin');
const wanted = `node@${NODE_VERSION} pnpm@${PNPM_VERSION}`;
const stamp = join(tools, 'versions.txt');

function log(message) {
  process.stdout.write(`[droomkaart] ${message}\n`);
}

function ensureTools() {
  const current = existsSync(stamp) ? readFileSync(stamp, 'utf8').trim() : '';
  if (current === wanted && existsSync(join(toolsBin, 'pnpm')) && existsSync(join(toolsBin, 'node'))) return;
  log(`installing ${wanted} into .tools/ (once)`);
  mkdirSync(tools, { recursive: true });
  writeFileSync(join(tools, 'package.json'), JSON.stringify({ name: 'droomkaart-tools', private: true }) + '\n');
  execFileSync(
    'npm',
    [
      'install',
      '--prefix',
      tools,
      '--no-audit',
      '--no-fund',
      '--save-exact',
      // A stalled registry connection otherwise hangs for npm's default 5 minutes.
      '--fetch-timeout=60000',
      '--fetch-retries=5',
      '--fetch-retry-mintimeout=2000',
      `node@${NODE_VERSION}`,
      `pnpm@${PNPM_VERSION}`,
    ],
    { stdio: 'inherit' },
  );
  writeFileSync(stamp, wanted + '\n');
}

const [command = 'start', ...rest] = process.argv.slice(2);
ensureTools();

const env = { ...process.env, PATH: [toolsBin, process.env.PATH].join(delimiter), npm_config_update_notifier: 'false' };
const child = spawn(join(toolsBin, 'node'), [join(root, 'scripts', 'droomkaart.ts'), command, ...rest], {
  cwd: root,
  env,
  stdio: 'inherit',
});
// Ctrl-C reaches the whole foreground process group; droomkaart.ts does the orderly shutdown.
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal));
child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
