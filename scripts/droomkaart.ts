// `npm start`, `npm test`, `npm run bench`, after scripts/bootstrap.mjs has brought Node 24 and
// pnpm. Run with Node 24's type stripping; no build step of its own.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { auditDependencies } from './lib/audit.ts';
import { ensureBuilt, ensureInstalled } from './lib/build.ts';
import { checkCommits, installGitHooks } from './lib/commits.ts';
import { cityEnv, cityInfo } from './lib/city.ts';
import { loadDevEnv } from './lib/env.ts';
import { findPostgresBin, POSTGRES_MISSING } from './lib/postgres.ts';
import { cmsDatabaseLabel, startStack } from './lib/stack.ts';
import { ensureNginx, startCluster } from './lib/cluster.ts';

const root = fileURLToPath(new URL('..', import.meta.url));
// Astro and Strapi would send usage data over the internet; never from here.
process.env.ASTRO_TELEMETRY_DISABLED = '1';
process.env.STRAPI_TELEMETRY_DISABLED = 'true';
const log = (line: string) => console.log(`[droomkaart] ${line}`);

function demoAccounts(env: Record<string, string>): string[] {
  return [
    'admin@droomkaart.test                   programme editor (cms super admin)',
    'partner@<organisation-slug>.test        partner editor, one per organisation, e.g. partner@de-nieuwe-bibliotheek.test',
    'coordinator@droomkaart.test             coordinator (reads every activity)',
    'beleid@droomkaart.test                  policy adviser',
    `password of every demo account: ${env.DEMO_PASSWORD}`,
  ];
}

/** Stops the running services on Ctrl-C or SIGTERM, once; the answer says whether that has begun. */
function stopOnSignal(stop: () => Promise<void>): () => boolean {
  let stopping = false;
  const shutdown = async () => {
    if (stopping) return;
    stopping = true;
    log('stopping…');
    await stop();
    log('stopped');
    process.exit(0);
  };
  process.on('SIGINT', () => void shutdown());
  process.on('SIGTERM', () => void shutdown());
  return () => stopping;
}

/**
 * `npm start -- --cluster`: two cms, two search-indexer and two site instances on PostgreSQL behind
 * nginx (scripts/lib/cluster.ts), a fresh seeded demo in .data/cluster on every start.
 */
async function startClustered() {
  const t0 = Date.now();
  installGitHooks(root, log);
  ensureInstalled(root, log);
  ensureBuilt(root, log);
  for (const missing of [ensurePostgres(), ensureNginx(log)]) {
    if (missing) {
      console.error(`[droomkaart] ${missing}`);
      process.exit(1);
    }
  }
  const env = loadDevEnv(root);
  const dataDir = join(root, '.data', 'cluster');
  rmSync(dataDir, { recursive: true, force: true });
  log('starting PostgreSQL, Meilisearch, nginx, 2 cms, 2 search-indexers and 2 sites');
  const cluster = await startCluster({ root, env, dataDir, portOffset: 0, log });
  const u = cluster.urls;
  const p = cluster.ports;
  console.log(`
Droomkaart is running as a cluster (ready in ${((Date.now() - t0) / 1000).toFixed(1)} s). Stop with Ctrl-C.

  Site              ${`${u.site}/nl/`.padEnd(36)} (nginx → sites on :${p['site-1']}, :${p['site-2']})
  cms admin         ${`${u.cms}/admin`.padEnd(36)} (nginx → cms on :${p['cms-1']}, :${p['cms-2']})
  search-indexer    ${`${u.indexer}/health`.padEnd(36)} (nginx → indexers on :${p['indexer-1']}, :${p['indexer-2']})
  Meilisearch       ${u.meilisearch}
  PostgreSQL        127.0.0.1:${p.postgres} (cms data, indexer queue, site limits)

Demo accounts (development only):
${demoAccounts(env)
  .map((l) => `  ${l}`)
  .join('\n')}

Logs: .data/cluster/logs/<instance>.log, nginx: .data/cluster/nginx/
`);
  stopOnSignal(() => cluster.stop());
}

async function start() {
  if (process.argv.includes('--cluster')) return startClustered();
  const t0 = Date.now();
  installGitHooks(root, log);
  ensureInstalled(root, log);
  ensureBuilt(root, log);
  const devEnv = loadDevEnv(root);
  const city = cityInfo(root, devEnv);
  const env = cityEnv(root, devEnv, city);
  log(`city: ${city.name} (${city.own ? city.file : 'the default city file'})`);
  log('starting Meilisearch, cms, search-indexer and site');
  log(`cms database: ${cmsDatabaseLabel(root, env)}`);
  const stack = await startStack({ root, env, logDir: join(root, '.data', 'logs'), log });
  const u = stack.urls;
  console.log(`
Droomkaart is running (ready in ${((Date.now() - t0) / 1000).toFixed(1)} s). Stop with Ctrl-C.

  Site              ${u.site}/nl/${city.editionPaths.map((p) => `          (also: ${u.site}/nl/${p})`).join('')}
  Catalogue         ${u.site}/nl/activiteiten
  cms admin         ${u.cms}/admin
  search-indexer    ${u.indexer}/health
  Meilisearch       ${u.meilisearch}

Demo accounts (development only):
${demoAccounts(env)
  .map((l) => `  ${l}`)
  .join('\n')}

Logs: .data/logs/<service>.log
`);
  const stopping = stopOnSignal(() => stack.stop());
  // Keep running; a service that dies is reported, the others keep serving.
  for (const [name, child] of stack.processes) {
    child.on('exit', (code) => {
      if (!stopping()) log(`${name} stopped unexpectedly (exit ${code}); see .data/logs/${name}.log`);
    });
  }
}

type Counts = { passed: number; failed: number; skipped: number };

function vitestCounts(file: string): Counts {
  if (!existsSync(file)) return { passed: 0, failed: 1, skipped: 0 };
  const r = JSON.parse(readFileSync(file, 'utf8'));
  return {
    passed: r.numPassedTests ?? 0,
    failed: (r.numFailedTests ?? 0) + (r.success === false && !r.numFailedTests ? 1 : 0),
    skipped: (r.numPendingTests ?? 0) + (r.numTodoTests ?? 0),
  };
}

function playwrightCounts(file: string): Counts {
  if (!existsSync(file)) return { passed: 0, failed: 1, skipped: 0 };
  const s = JSON.parse(readFileSync(file, 'utf8')).stats ?? {};
  return { passed: s.expected ?? 0, failed: (s.unexpected ?? 0) + (s.flaky ?? 0), skipped: s.skipped ?? 0 };
}

// The cms suites that run a second time with the cms on PostgreSQL (tests/utils/stack.ts starts a
// throw-away cluster per stack). The long indexer and relevance suites run on SQLite only.
const POSTGRES_SUITES = [
  'workspace',
  'workspace-family',
  'dreams',
  'partner-isolation',
  'relation-isolation',
  'media-isolation',
  'open-data',
].map((f) => `integration/${f}.test.ts`);

// The suites of more than one instance (indexers sharing a queue in PostgreSQL, the cluster behind
// nginx): they need PostgreSQL whatever TEST_DATABASE says, so they run on their own.
const CLUSTER_SUITES = ['indexer-cluster', 'cluster', 'proxy-cache'].map((f) => `integration/${f}.test.ts`);

/** null when Debian's PostgreSQL server is there; else why not. Installs it once when run as root outside CI. */
function ensurePostgres(): string | null {
  if (findPostgresBin()) return null;
  if (process.getuid?.() === 0 && !process.env.CI) {
    log("PostgreSQL server not installed: apt-get install -y postgresql (Debian's package)");
    const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
    let r = spawnSync('apt-get', ['install', '-y', '-qq', 'postgresql'], { stdio: 'inherit', env });
    if (r.status !== 0) {
      spawnSync('apt-get', ['update', '-qq'], { stdio: 'inherit', env });
      r = spawnSync('apt-get', ['install', '-y', '-qq', 'postgresql'], { stdio: 'inherit', env });
    }
    if (findPostgresBin()) return null;
  }
  return POSTGRES_MISSING;
}

function test() {
  const t0 = Date.now();
  installGitHooks(root, log);
  ensureInstalled(root, log);
  ensureBuilt(root, log);
  const reports = mkdtempSync(join(tmpdir(), 'droomkaart-reports-'));
  const suites: {
    name: string;
    cwd: string;
    cmd: string[];
    report: string;
    counts: (f: string) => Counts;
    env?: Record<string, string>;
    requires?: () => string | null;
  }[] = [
    ...['shared', 'search-indexer', 'cms', 'site'].map((pkg) => ({
      name: `unit: ${pkg}`,
      cwd: join(root, pkg),
      cmd: [
        'pnpm',
        'exec',
        'vitest',
        'run',
        '--reporter=default',
        '--reporter=json',
        `--outputFile.json=${join(reports, `${pkg}.json`)}`,
      ],
      report: join(reports, `${pkg}.json`),
      counts: vitestCounts,
    })),
    {
      name: 'integration',
      cwd: join(root, 'tests'),
      cmd: [
        'pnpm',
        'exec',
        'vitest',
        'run',
        ...CLUSTER_SUITES.flatMap((f) => ['--exclude', f]),
        '--reporter=default',
        '--reporter=json',
        `--outputFile.json=${join(reports, 'integration.json')}`,
      ],
      report: join(reports, 'integration.json'),
      counts: vitestCounts,
      env: { TEST_DATABASE: 'sqlite' },
    },
    {
      name: 'integration (postgres)',
      cwd: join(root, 'tests'),
      cmd: [
        'pnpm',
        'exec',
        'vitest',
        'run',
        ...POSTGRES_SUITES,
        '--reporter=default',
        '--reporter=json',
        `--outputFile.json=${join(reports, 'integration-postgres.json')}`,
      ],
      report: join(reports, 'integration-postgres.json'),
      counts: vitestCounts,
      env: { TEST_DATABASE: 'postgres' },
      requires: ensurePostgres,
    },
    {
      name: 'integration (cluster)',
      cwd: join(root, 'tests'),
      cmd: [
        'pnpm',
        'exec',
        'vitest',
        'run',
        ...CLUSTER_SUITES,
        '--reporter=default',
        '--reporter=json',
        `--outputFile.json=${join(reports, 'integration-cluster.json')}`,
      ],
      report: join(reports, 'integration-cluster.json'),
      counts: vitestCounts,
      env: { TEST_DATABASE: 'sqlite' },
      requires: () => ensurePostgres() ?? ensureNginx(log),
    },
    {
      name: 'end-to-end',
      cwd: join(root, 'tests'),
      cmd: ['pnpm', 'exec', 'playwright', 'test'],
      report: join(reports, 'e2e.json'),
      counts: playwrightCounts,
      env: { PLAYWRIGHT_JSON_OUTPUT_NAME: join(reports, 'e2e.json') },
    },
    {
      // The product with a second, fictional city file (CITY_CONFIG): another city by configuration.
      name: 'end-to-end (second city)',
      cwd: join(root, 'tests'),
      cmd: ['pnpm', 'exec', 'playwright', 'test', '--config', 'playwright.city.config.ts'],
      report: join(reports, 'e2e-city.json'),
      counts: playwrightCounts,
      env: { PLAYWRIGHT_JSON_OUTPUT_NAME: join(reports, 'e2e-city.json') },
    },
  ];
  const only = process.argv[3];
  const total: Counts = { passed: 0, failed: 0, skipped: 0 };
  const lines: string[] = [];
  if (!only || 'dependencies'.includes(only)) {
    log('checking dependencies for known vulnerabilities (pnpm audit)');
    const audit = auditDependencies(root);
    if (audit.kind === 'unavailable') {
      lines.push(
        `  ${'dependencies (audit)'.padEnd(22)} not checked: the registry did not answer the audit (${audit.reason})`,
      );
    } else {
      const bad = audit.counts.high + audit.counts.critical;
      for (const a of audit.advisories) console.error(`[droomkaart] ${a}`);
      if (bad > 0) total.failed += 1;
      else total.passed += 1;
      lines.push(
        `  ${'dependencies (audit)'.padEnd(22)} ${bad === 0 ? 'no' : bad} high or critical vulnerabilities (moderate ${audit.counts.moderate}, low ${audit.counts.low})`,
      );
    }
  }
  if (!only || 'commits'.includes(only)) {
    const commits = checkCommits(root);
    if (commits.kind === 'unavailable') {
      lines.push(`  ${'commits'.padEnd(22)} not checked: ${commits.reason}`);
    } else {
      for (const c of commits.bad)
        console.error(
          `[droomkaart] commit ${c.sha} "${c.subject}":\n${c.problems.map((p) => `    - ${p}`).join('\n')}`,
        );
      if (commits.bad.length > 0) total.failed += 1;
      else total.passed += 1;
      lines.push(
        `  ${'commits'.padEnd(22)} ${commits.count} since the rule, ${commits.bad.length} breaking it (CONTRIBUTING.md)`,
      );
    }
  }
  // Format and lint (CONTRIBUTING.md): Prettier's check and ESLint with zero warnings allowed.
  const checks = [
    {
      name: 'format',
      cmd: ['pnpm', 'exec', 'prettier', '--check', '--log-level', 'warn', '.'],
      fix: 'pnpm exec prettier --write .',
    },
    { name: 'lint', cmd: ['pnpm', 'exec', 'eslint', '--max-warnings', '0', '.'], fix: 'pnpm exec eslint --fix .' },
  ];
  for (const check of checks) {
    if (only && !check.name.includes(only)) continue;
    log(`running ${check.name}`);
    const started = Date.now();
    const result = spawnSync(check.cmd[0], check.cmd.slice(1), { cwd: root, stdio: 'inherit' });
    const ok = result.status === 0;
    if (ok) total.passed += 1;
    else total.failed += 1;
    lines.push(
      `  ${check.name.padEnd(22)} ${ok ? 'clean' : `FAILED (fix: ${check.fix})`} (${((Date.now() - started) / 1000).toFixed(0)} s)`,
    );
  }
  for (const suite of suites) {
    if (only && !suite.name.includes(only)) continue;
    log(`running ${suite.name}`);
    const started = Date.now();
    const missing = suite.requires?.();
    if (missing) {
      // Not skipped: a suite that cannot run counts as failed.
      console.error(`[droomkaart] ${suite.name} cannot run: ${missing}`);
      total.failed += 1;
      lines.push(`  ${suite.name.padEnd(22)} FAILED, could not run: ${missing}`);
      continue;
    }
    const result = spawnSync(suite.cmd[0], suite.cmd.slice(1), {
      cwd: suite.cwd,
      stdio: 'inherit',
      env: { ...process.env, ...suite.env },
    });
    const c = suite.counts(suite.report);
    if (result.status !== 0 && c.failed === 0) c.failed = 1; // a crash before any report
    total.passed += c.passed;
    total.failed += c.failed;
    total.skipped += c.skipped;
    lines.push(
      `  ${suite.name.padEnd(22)} ${c.passed} passed, ${c.failed} failed, ${c.skipped} skipped (${((Date.now() - started) / 1000).toFixed(0)} s)`,
    );
  }
  rmSync(reports, { recursive: true, force: true });
  console.log(`\nTest summary (${((Date.now() - t0) / 1000).toFixed(0)} s):\n${lines.join('\n')}`);
  console.log(`${total.passed} passed, ${total.failed} failed, ${total.skipped} skipped`);
  process.exit(total.failed > 0 || total.passed === 0 ? 1 : 0);
}

// Benchmarks are tests/bench/<name>.ts; these first (quickest first), then any others by name.
// Each starts its own stack on its own ports.
const BENCH_ORDER = ['freshness', 'burst', 'search', 'reindex'];

function bench() {
  const asked = process.argv.slice(3);
  const found = readdirSync(join(root, 'tests', 'bench'))
    .filter((f) => f.endsWith('.ts'))
    .map((f) => f.replace(/\.ts$/, ''));
  const available = [
    ...BENCH_ORDER.filter((n) => found.includes(n)),
    ...found.filter((n) => !BENCH_ORDER.includes(n)).sort(),
  ];
  if (asked[0] === 'list') {
    console.log(`benchmarks: ${available.join(', ')}\nall of them: npm run bench; some: npm run bench -- search burst`);
    return;
  }
  const names = asked.length > 0 ? asked : available;
  const unknown = names.filter((n) => !available.includes(n));
  if (unknown.length > 0) {
    console.error(`unknown benchmark ${unknown.join(', ')}; available: ${available.join(', ')}`);
    process.exit(2);
  }
  ensureInstalled(root, log);
  ensureBuilt(root, log);
  const lines: string[] = [];
  let failed = false;
  for (const name of names) {
    log(`benchmark ${name}`);
    const started = Date.now();
    const result = spawnSync(process.execPath, [join(root, 'tests', 'bench', `${name}.ts`)], {
      cwd: join(root, 'tests'),
      stdio: 'inherit',
    });
    const ok = result.status === 0;
    failed ||= !ok;
    lines.push(
      `  ${name.padEnd(10)} ${ok ? 'targets met' : `target missed or error (exit ${result.status})`} (${((Date.now() - started) / 1000).toFixed(0)} s)`,
    );
  }
  if (names.length > 1) console.log(`\nBenchmarks:\n${lines.join('\n')}`);
  process.exit(failed ? 1 : 0);
}

const command = process.argv[2];
switch (command) {
  case 'start':
    await start();
    break;
  case 'test':
    test();
    break;
  case 'bench':
    bench();
    break;
  case 'reindex':
  case 'reconcile': {
    // Operator commands against the running product (see search-indexer/README.md).
    const env = loadDevEnv(root);
    const result = spawnSync(
      process.execPath,
      [join(root, 'search-indexer', 'src', 'cli.ts'), command, ...process.argv.slice(3)],
      {
        cwd: join(root, 'search-indexer'),
        stdio: 'inherit',
        env: { ...process.env, ...env },
      },
    );
    process.exit(result.status ?? 1);
    break; // not reached; the linter does not know that process.exit ends the process
  }
  case 'backup':
  case 'restore': {
    // Backup and restore of the data (scripts/backup.ts, scripts/restore.ts; docs/operations.md),
    // with the same environment as `npm start`.
    const env = loadDevEnv(root);
    const result = spawnSync(process.execPath, [join(root, 'scripts', `${command}.ts`), ...process.argv.slice(3)], {
      cwd: root,
      stdio: 'inherit',
      env: { ...process.env, ...env },
    });
    process.exit(result.status ?? 1);
    break; // not reached, as above
  }
  case 'setup':
    installGitHooks(root, log);
    ensureInstalled(root, log);
    ensureBuilt(root, log);
    break;
  default:
    console.error(
      'usage: droomkaart start | test [suite] | bench [name…|list] | reindex | reconcile | backup | restore <archive> | setup',
    );
    process.exit(2);
}
