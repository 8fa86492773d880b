// Install and build only when something changed, so a second `npm start` reuses what is there.
import { execFileSync, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

type Log = (line: string) => void;

function run(cmd: string, args: string[], cwd: string, extraEnv: Record<string, string> = {}) {
  const result = spawnSync(cmd, args, { cwd, stdio: 'inherit', env: { ...process.env, ...extraEnv } });
  if (result.status !== 0) throw new Error(`${cmd} ${args.join(' ')} failed in ${cwd} (exit ${result.status})`);
}

/** Hash of the files git would see under `dirs` (tracked and untracked, not ignored). */
export function contentHash(root: string, dirs: string[]): string {
  const hash = createHash('sha256');
  let files: string[];
  try {
    files = execFileSync('git', ['ls-files', '-co', '--exclude-standard', '--', ...dirs], {
      cwd: root,
      encoding: 'utf8',
    })
      .split('\n')
      .filter(Boolean)
      .sort();
  } catch {
    files = [];
    hash.update(String(Date.now())); // no git: always rebuild
  }
  for (const f of files) {
    const p = join(root, f);
    if (!existsSync(p)) continue;
    hash.update(f);
    hash.update(readFileSync(p));
  }
  return hash.digest('hex');
}

function stamped(root: string, name: string, hash: string, output: string | null): boolean {
  const file = join(root, '.stamps', `${name}.hash`);
  return existsSync(file) && readFileSync(file, 'utf8') === hash && (output === null || existsSync(join(root, output)));
}

function stamp(root: string, name: string, hash: string) {
  mkdirSync(join(root, '.stamps'), { recursive: true });
  writeFileSync(join(root, '.stamps', `${name}.hash`), hash);
}

export function ensureInstalled(root: string, log: Log) {
  const hash = contentHash(root, [
    'pnpm-lock.yaml',
    'pnpm-workspace.yaml',
    'package.json',
    '.npmrc',
    ...['shared', 'cms', 'search-indexer', 'site', 'tests'].map((p) => `${p}/package.json`),
  ]);
  if (stamped(root, 'install', hash, 'node_modules/.pnpm')) return;
  log('installing dependencies (pnpm)');
  run('pnpm', ['install', ...(process.env.CI ? ['--frozen-lockfile'] : []), '--reporter=append-only'], root);
  stamp(root, 'install', hash);
}

const builds: {
  name: string;
  dirs: string[];
  output: string;
  cmd: [string, string[]];
  env?: Record<string, string>;
}[] = [
  {
    name: 'shared',
    dirs: ['shared'],
    output: 'shared/dist/index.js',
    cmd: ['pnpm', ['--filter', '@droomkaart/shared', 'build']],
  },
  {
    name: 'cms',
    dirs: ['shared/src', 'cms'],
    output: 'cms/dist/build/index.html',
    cmd: ['pnpm', ['--filter', '@droomkaart/cms', 'build']],
    // The admin build can run out of the default heap.
    env: { NODE_OPTIONS: '--max-old-space-size=4096', STRAPI_TELEMETRY_DISABLED: 'true' },
  },
  {
    name: 'site',
    dirs: ['shared/src', 'site'],
    output: 'site/dist/server/entry.mjs',
    cmd: ['pnpm', ['--filter', '@droomkaart/site', 'build']],
  },
];

export function ensureBuilt(root: string, log: Log) {
  for (const b of builds) {
    const hash = contentHash(root, b.dirs);
    if (stamped(root, `build-${b.name}`, hash, b.output)) continue;
    log(`building ${b.name}`);
    const started = Date.now();
    run(b.cmd[0], b.cmd[1], root, b.env);
    stamp(root, `build-${b.name}`, hash);
    log(`built ${b.name} in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  }
}
