// Starts and stops the real product: Meilisearch, cms (Strapi), search-indexer and site, each
// as its own process. Used by `npm start`, by the integration and end-to-end suites (on their
// own ports and temporary data) and by the benchmarks.
import { spawn, type ChildProcess } from 'node:child_process';
import { chmodSync, createWriteStream, existsSync, mkdirSync, readFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { isAbsolute, join } from 'node:path';
import type { Env } from './env.ts';

export type ServiceName = 'meilisearch' | 'cms' | 'indexer' | 'site';

export type StackOptions = {
  root: string;
  env: Env;
  /** Which services to start, in this order. */
  services?: ServiceName[];
  /** Folder for logs; each service writes <name>.log there. */
  logDir: string;
  log?: (line: string) => void;
  /** How long each service may take to become healthy. */
  timeoutMs?: Partial<Record<ServiceName, number>>;
  /** Variables for one service only, over `env` (e.g. the benchmarks run the site as deployed, NODE_ENV=production). */
  serviceEnv?: Partial<Record<ServiceName, Env>>;
  /**
   * Where to ask a service's health when that is not its URL in `env`: an instance behind a proxy
   * (scripts/lib/cluster.ts) listens on a port of its own while CMS_URL/SITE_URL name the proxy.
   */
  healthUrls?: Partial<Record<ServiceName, string>>;
  /** The log file's name when it is not the service's (a second instance: `cms-2.log`). */
  logName?: string;
};

export type Stack = {
  env: Env;
  urls: { site: string; cms: string; indexer: string; meilisearch: string };
  processes: Map<ServiceName, ChildProcess>;
  stop: () => Promise<void>;
  /** Stops one service (fault tests) and starts it again. */
  restart: (name: ServiceName) => Promise<void>;
  stopService: (name: ServiceName) => Promise<void>;
  startService: (name: ServiceName) => Promise<void>;
};

const ALL: ServiceName[] = ['meilisearch', 'cms', 'indexer', 'site'];

export function meilisearchBinary(root: string): string {
  const bin = join(root, 'search-indexer', 'node_modules', '@gaubee', 'meilisearch-linux-amd64', 'meilisearch');
  if (!existsSync(bin)) throw new Error(`Meilisearch binary not found at ${bin}; run the install first.`);
  // The npm package ships the binary without the executable bit.
  chmodSync(bin, 0o755);
  return bin;
}

function resolvePath(root: string, p: string): string {
  return isAbsolute(p) ? p : join(root, p);
}

/** Where the cms keeps its data, for people: PostgreSQL (password left out) or the SQLite file. */
export function cmsDatabaseLabel(root: string, env: Env): string {
  if (env.DATABASE_URL) {
    try {
      const u = new URL(env.DATABASE_URL);
      return `PostgreSQL ${u.hostname}${u.port ? `:${u.port}` : ''}${u.pathname}`;
    } catch {
      return 'PostgreSQL (DATABASE_URL)';
    }
  }
  return `SQLite ${resolvePath(root, env.DATABASE_FILENAME ?? '.data/cms/data.db')}`;
}

export function urlsOf(env: Env) {
  return {
    site: env.SITE_URL ?? `http://127.0.0.1:${env.SITE_PORT}`,
    cms: env.CMS_URL ?? `http://127.0.0.1:${env.CMS_PORT}`,
    indexer: env.INDEXER_URL ?? `http://127.0.0.1:${env.INDEXER_PORT}`,
    meilisearch: env.MEILI_URL ?? `http://127.0.0.1:${env.MEILI_PORT}`,
  };
}

function command(name: ServiceName, root: string, env: Env): { cmd: string; args: string[]; cwd: string; env: Env } {
  switch (name) {
    case 'meilisearch': {
      const dataDir = resolvePath(root, env.MEILI_DATA_DIR ?? '.data/meilisearch');
      mkdirSync(dataDir, { recursive: true });
      return {
        cmd: meilisearchBinary(root),
        args: [
          '--db-path',
          join(dataDir, 'data.ms'),
          '--dump-dir',
          join(dataDir, 'dumps'),
          '--snapshot-dir',
          join(dataDir, 'snapshots'),
          '--http-addr',
          `127.0.0.1:${env.MEILI_PORT}`,
          '--no-analytics',
          // Meilisearch sizes its indexing buffers from total RAM (2/3 of it) and allocates them for
          // every batch: on a 24 GiB machine a one-document update took 1–2 s instead of 30 ms.
          '--max-indexing-memory',
          env.MEILI_MAX_INDEXING_MEMORY || '256Mb',
          // Meilisearch indexes with half the CPUs by default: on a small machine one thread, and a
          // full reindex of 10,000 waited on it (21 s; 13.5 s with both of 2 CPUs). Searches still
          // answer meanwhile.
          '--max-indexing-threads',
          env.MEILI_MAX_INDEXING_THREADS || String(availableParallelism()),
          '--env',
          env.NODE_ENV === 'production' ? 'production' : 'development',
        ],
        cwd: dataDir,
        env: { ...env, MEILI_MASTER_KEY: env.MEILI_MASTER_KEY },
      };
    }
    case 'cms': {
      // DATABASE_URL set: PostgreSQL (cms/config/database.ts), and no SQLite file at all. Strapi
      // keeps datetimes there as `timestamp without time zone` in the process's local time: run
      // the cms in UTC, so no daylight-saving hour is ambiguous and a changed machine zone moves nothing.
      const dbFile = resolvePath(root, env.DATABASE_FILENAME ?? '.data/cms/data.db');
      if (!env.DATABASE_URL) mkdirSync(join(dbFile, '..'), { recursive: true });
      const outbox = resolvePath(root, env.MAIL_OUTBOX_DIR ?? '.data/outbox');
      const tz: Env = env.DATABASE_URL ? { TZ: 'UTC' } : {};
      return {
        cmd: join(root, 'cms', 'node_modules', '.bin', 'strapi'),
        args: ['start'],
        cwd: join(root, 'cms'),
        env: { ...env, ...tz, DATABASE_FILENAME: dbFile, MAIL_OUTBOX_DIR: outbox, HOST: '127.0.0.1' },
      };
    }
    case 'indexer': {
      const queueFile = resolvePath(root, env.INDEXER_QUEUE_FILE ?? '.data/indexer/queue.db');
      return {
        cmd: process.execPath,
        args: [join(root, 'search-indexer', 'src', 'server.ts')],
        cwd: join(root, 'search-indexer'),
        env: { ...env, INDEXER_QUEUE_FILE: queueFile },
      };
    }
    case 'site': {
      const outbox = resolvePath(root, env.DREAM_OUTBOX_FILE ?? '.data/site/dream-outbox.db');
      return {
        cmd: process.execPath,
        args: [join(root, 'site', 'dist', 'server', 'entry.mjs')],
        cwd: join(root, 'site'),
        env: { ...env, HOST: '127.0.0.1', PORT: env.SITE_PORT, DREAM_OUTBOX_FILE: outbox },
      };
    }
  }
}

function healthUrl(name: ServiceName, env: Env, bases?: Partial<Record<ServiceName, string>>): string {
  const u = { ...urlsOf(env), ...bases };
  return {
    meilisearch: `${u.meilisearch}/health`,
    cms: `${u.cms}/_health`,
    indexer: `${u.indexer}/health`,
    site: `${u.site}/health`,
  }[name];
}

async function waitHealthy(
  name: ServiceName,
  env: Env,
  child: ChildProcess | undefined,
  timeoutMs: number,
  logFile: string,
  bases?: Partial<Record<ServiceName, string>>,
): Promise<void> {
  const url = healthUrl(name, env, bases);
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child && child.exitCode !== null) {
      throw new Error(
        `${name} exited with code ${child.exitCode} before it was healthy. Last log lines:\n${tail(logFile)}`,
      );
    }
    try {
      const res = await fetch(url, { signal: AbortSignal.timeout(2000) });
      if (res.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(
    `${name} was not healthy at ${url} within ${Math.round(timeoutMs / 1000)} s. Last log lines:\n${tail(logFile)}`,
  );
}

async function answers(url: string): Promise<boolean> {
  try {
    await fetch(url, { signal: AbortSignal.timeout(1000) });
    return true;
  } catch {
    return false;
  }
}

function tail(file: string, lines = 40): string {
  try {
    return readFileSync(file, 'utf8').split('\n').slice(-lines).join('\n');
  } catch {
    return '(no log)';
  }
}

async function stopChild(child: ChildProcess, graceMs = 10_000): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  try {
    process.kill(-child.pid!, 'SIGTERM');
  } catch {
    return;
  }
  const timer = setTimeout(() => {
    try {
      process.kill(-child.pid!, 'SIGKILL');
    } catch {
      // already gone
    }
  }, graceMs);
  await exited;
  clearTimeout(timer);
}

export async function startStack(options: StackOptions): Promise<Stack> {
  const { root, env, logDir } = options;
  const log = options.log ?? (() => {});
  const services = options.services ?? ALL;
  const timeouts: Record<ServiceName, number> = {
    meilisearch: 30_000,
    cms: 300_000,
    indexer: 120_000,
    site: 60_000,
    ...options.timeoutMs,
  };
  mkdirSync(logDir, { recursive: true });
  const processes = new Map<ServiceName, ChildProcess>();

  const startService = async (name: ServiceName) => {
    if (name === 'meilisearch' && env.MEILI_EXTERNAL === 'true') {
      await waitHealthy(name, env, undefined, timeouts[name], '', options.healthUrls);
      return;
    }
    // Something already answering here would be mistaken for this service (another stack, a
    // leftover process): refuse instead of silently testing the wrong thing.
    if (await answers(healthUrl(name, env, options.healthUrls)))
      throw new Error(
        `${name}: ${healthUrl(name, env, options.healthUrls)} already answers before it was started; another stack is using this port.`,
      );
    const spec = command(name, root, env);
    const logFile = join(logDir, `${options.logName ?? name}.log`);
    const out = createWriteStream(logFile, { flags: 'a' });
    const started = Date.now();
    // Own process group: Ctrl-C reaches the orchestrator, which stops services in order.
    const child = spawn(spec.cmd, spec.args, {
      cwd: spec.cwd,
      env: { ...process.env, ...spec.env, ...options.serviceEnv?.[name] },
      stdio: ['ignore', 'pipe', 'pipe'],
      detached: true,
    });
    child.stdout.pipe(out);
    child.stderr.pipe(out);
    processes.set(name, child);
    await waitHealthy(name, env, child, timeouts[name], logFile, options.healthUrls);
    log(`${name} healthy in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  };

  const stopService = async (name: ServiceName) => {
    const child = processes.get(name);
    if (child) await stopChild(child);
    processes.delete(name);
  };

  const stop = async () => {
    for (const name of [...services].reverse()) await stopService(name);
  };

  const killAll = () => {
    for (const child of processes.values()) {
      try {
        process.kill(-child.pid!, 'SIGKILL');
      } catch {
        // gone
      }
    }
  };
  process.once('exit', killAll);

  try {
    for (const name of services) await startService(name);
  } catch (err) {
    await stop();
    throw err;
  }
  return {
    env,
    urls: urlsOf(env),
    processes,
    stop,
    stopService,
    startService,
    restart: async (name) => {
      await stopService(name);
      await startService(name);
    },
  };
}
