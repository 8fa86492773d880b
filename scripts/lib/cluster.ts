// Two of everything on one machine, as production runs it on several: PostgreSQL (cms data, the
// indexer's shared queue, the site's limits), Meilisearch, two cms, two search-indexer and two
// site instances, and nginx in front on the ports the product always had. Used by
// `npm start -- --cluster`, the cluster suite (tests/integration/cluster.test.ts) and the
// benchmark `npm run bench -- cluster`.
//
// Ports, from the ports in the environment (.env.example's for `npm start -- --cluster`, a test
// stack's shifted ones for the suites); PostgreSQL's from `portOffset` as for every test stack:
//   nginx          site SITE_PORT (4321), cms CMS_PORT (1337), indexer INDEXER_PORT (4000)
//   site 1 / 2     SITE_PORT + 10 / + 11       (4331 / 4332)
//   cms 1 / 2      CMS_PORT + 10 / + 11        (1347 / 1348)
//   indexer 1 / 2  INDEXER_PORT + 10 / + 11    (4010 / 4011)
//   Meilisearch    MEILI_PORT                  (7700)
//   PostgreSQL     5432 + 1000 + portOffset    (6432), a throw-away cluster per start
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { userInfo } from 'node:os';
import { join } from 'node:path';
import type { Env } from './env.ts';
import { startPostgres, type PostgresCluster } from './postgres.ts';
import { startStack, type ServiceName, type Stack } from './stack.ts';

export const NGINX_MISSING =
  "nginx not found (/usr/sbin/nginx). Install Debian's package: apt-get install -y nginx (or set NGINX_BIN).";

/** The nginx binary (`NGINX_BIN` overrides), or null. */
export function findNginx(): string | null {
  const bin = process.env.NGINX_BIN ?? '/usr/sbin/nginx';
  return existsSync(bin) ? bin : null;
}

/** null when nginx is there; else installs it once when run as root outside CI, as PostgreSQL is. */
export function ensureNginx(log: (line: string) => void): string | null {
  if (findNginx()) return null;
  if (process.getuid?.() === 0 && !process.env.CI) {
    log("nginx not installed: apt-get install -y nginx (Debian's package)");
    const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
    let r = spawnSync('apt-get', ['install', '-y', '-qq', 'nginx'], { stdio: 'inherit', env });
    if (r.status !== 0) {
      spawnSync('apt-get', ['update', '-qq'], { stdio: 'inherit', env });
      r = spawnSync('apt-get', ['install', '-y', '-qq', 'nginx'], { stdio: 'inherit', env });
    }
    if (findNginx()) return null;
  }
  return NGINX_MISSING;
}

/** The instances of a cluster: a service and its number (1 or 2). */
export type Instance = `${'cms' | 'site' | 'indexer'}-${1 | 2}`;
export const INSTANCES: Instance[] = ['cms-1', 'cms-2', 'indexer-1', 'indexer-2', 'site-1', 'site-2'];

export type ClusterPorts = Record<'site' | 'cms' | 'indexer' | 'meilisearch' | 'postgres', number> &
  Record<Instance, number>;

export function clusterPorts(env: Env, portOffset: number): ClusterPorts {
  const p = (name: string, plus = 0) => Number(env[name]) + plus;
  return {
    site: p('SITE_PORT'),
    cms: p('CMS_PORT'),
    indexer: p('INDEXER_PORT'),
    meilisearch: p('MEILI_PORT'),
    postgres: 5432 + 1000 + portOffset,
    'site-1': p('SITE_PORT', 10),
    'site-2': p('SITE_PORT', 11),
    'cms-1': p('CMS_PORT', 10),
    'cms-2': p('CMS_PORT', 11),
    'indexer-1': p('INDEXER_PORT', 10),
    'indexer-2': p('INDEXER_PORT', 11),
  };
}

/** Pure: deploy/nginx/droomkaart.conf.template with its {{NAME}} placeholders filled in. */
export function renderNginxConf(template: string, values: Record<string, string | number>): string {
  const missing = new Set<string>();
  const out = template.replace(/\{\{([A-Z0-9_]+)\}\}/g, (_, name: string) => {
    if (!(name in values)) missing.add(name);
    return String(values[name] ?? '');
  });
  if (missing.size > 0) throw new Error(`nginx template: no value for ${[...missing].join(', ')}`);
  return out;
}

export function nginxValues(
  prefix: string,
  ports: ClusterPorts,
  refreshSecret: string,
): Record<string, string | number> {
  // It stands in nginx's configuration between quotes, and an empty one would let every request
  // from loopback past the page cache.
  if (!/^[A-Za-z0-9_-]{16,}$/.test(refreshSecret))
    throw new Error('PROXY_REFRESH_SECRET must be at least 16 letters, digits, - or _ for nginx');
  return {
    PREFIX: prefix,
    NGINX_USER: userInfo().username,
    PROXY_REFRESH_SECRET: refreshSecret,
    SITE_PORT: ports.site,
    CMS_PORT: ports.cms,
    INDEXER_PORT: ports.indexer,
    SITE_1_PORT: ports['site-1'],
    SITE_2_PORT: ports['site-2'],
    CMS_1_PORT: ports['cms-1'],
    CMS_2_PORT: ports['cms-2'],
    INDEXER_1_PORT: ports['indexer-1'],
    INDEXER_2_PORT: ports['indexer-2'],
  };
}

export type Cluster = {
  env: Env;
  ports: ClusterPorts;
  /** The public addresses (nginx) and Meilisearch. */
  urls: { site: string; cms: string; indexer: string; meilisearch: string };
  /** An instance's own address, past nginx. */
  instanceUrl: (instance: Instance) => string;
  postgres: PostgresCluster;
  /** SIGKILL, as a machine that dies: no shutdown of any kind. */
  kill: (instance: Instance) => void;
  /** Starts a stopped or killed instance again and waits until it is healthy. */
  start: (instance: Instance) => Promise<void>;
  running: (instance: Instance) => boolean;
  stop: () => Promise<void>;
};

/**
 * Starts the cluster. `env` is the product's environment (secrets, seed switches); ports and URLs
 * are set here. The first cms starts (and seeds) alone, the second joins it; the indexers and
 * sites then start two by two.
 */
export async function startCluster(options: {
  root: string;
  env: Env;
  dataDir: string;
  portOffset: number;
  log?: (line: string) => void;
  timeoutMs?: Partial<Record<ServiceName, number>>;
}): Promise<Cluster> {
  const { root, dataDir } = options;
  const log = options.log ?? (() => {});
  const nginxBin = findNginx();
  if (!nginxBin) throw new Error(NGINX_MISSING);
  const ports = clusterPorts(options.env, options.portOffset);
  // Each instance's stack and PostgreSQL leave an exit handler that stops them with us.
  process.setMaxListeners(Math.max(process.getMaxListeners(), 40));
  const logDir = join(dataDir, 'logs');
  mkdirSync(logDir, { recursive: true });
  const postgres = await startPostgres({ port: ports.postgres, name: 'cluster', log });
  const at = (port: number) => `http://127.0.0.1:${port}`;
  const urls = {
    site: at(ports.site),
    cms: at(ports.cms),
    indexer: at(ports.indexer),
    meilisearch: at(ports.meilisearch),
  };
  // Every instance talks to the others through nginx, so a dead instance is routed around.
  const env: Env = {
    ...options.env,
    SITE_PORT: String(ports.site),
    CMS_PORT: String(ports.cms),
    INDEXER_PORT: String(ports.indexer),
    MEILI_PORT: String(ports.meilisearch),
    SITE_URL: urls.site,
    CMS_URL: urls.cms,
    INDEXER_URL: urls.indexer,
    MEILI_URL: urls.meilisearch,
    DATABASE_URL: postgres.url,
    // The indexers share their change queue in PostgreSQL (search-indexer/src/postgres/queue.ts).
    INDEXER_QUEUE_URL: postgres.url,
    // The site's rate and sign-in limits, shared by both sites (read by the site's limits store).
    LIMITS_DATABASE_URL: postgres.url,
    // The indexers refresh changed pages in nginx's page cache (search-indexer/src/proxy/refresh.ts).
    PROXY_REFRESH_URL: urls.site,
    // nginx is on loopback: the sites believe its X-Forwarded-* and count limits per visitor.
    TRUSTED_PROXIES: '127.0.0.1',
    // One uploads folder for both cms instances.
    CMS_PUBLIC_DIR: join(dataDir, 'cms', 'public'),
    MEILI_DATA_DIR: join(dataDir, 'meilisearch'),
    MAIL_OUTBOX_DIR: join(dataDir, 'outbox'),
  };
  const instanceEnv = (instance: Instance): Env => {
    const [service] = instance.split('-') as ['cms' | 'site' | 'indexer', string];
    const port = String(ports[instance]);
    if (service === 'cms')
      // Both run the scheduled jobs: each slot is claimed once in the shared database (cms src/cron/).
      return { ...env, CMS_PORT: port };
    if (service === 'indexer')
      return { ...env, INDEXER_PORT: port, INDEXER_QUEUE_FILE: join(dataDir, instance, 'unused-queue.db') };
    // Each site keeps its own dream outbox: a dream is in exactly one outbox until the cms has it.
    return { ...env, SITE_PORT: port, DREAM_OUTBOX_FILE: join(dataDir, instance, 'dream-outbox.db') };
  };
  const serviceOf = (instance: Instance) => instance.split('-')[0] as ServiceName;
  const stacks = new Map<Instance | 'meilisearch', Stack>();

  const startInstance = async (instance: Instance) => {
    const service = serviceOf(instance);
    const stack = await startStack({
      root,
      env: instanceEnv(instance),
      services: [service],
      logDir,
      logName: instance,
      healthUrls: { [service]: at(ports[instance]) },
      timeoutMs: options.timeoutMs,
      log: (l) => log(l.replace(service, instance)),
    });
    stacks.set(instance, stack);
  };

  let nginx: ChildProcess | null = null;
  const nginxDir = join(dataDir, 'nginx');
  const stopNginx = () => {
    if (nginx && nginx.exitCode === null) nginx.kill('SIGTERM');
    nginx = null;
  };
  process.once('exit', stopNginx);

  const stop = async () => {
    stopNginx();
    for (const [, stack] of [...stacks].reverse()) await stack.stop();
    stacks.clear();
    await postgres.stop();
  };

  try {
    stacks.set(
      'meilisearch',
      await startStack({ root, env, services: ['meilisearch'], logDir, log, timeoutMs: options.timeoutMs }),
    );
    for (const name of ['temp'].map((d) => join(nginxDir, d))) mkdirSync(name, { recursive: true });
    const template = readFileSync(join(root, 'deploy', 'nginx', 'droomkaart.conf.template'), 'utf8');
    writeFileSync(
      join(nginxDir, 'nginx.conf'),
      renderNginxConf(template, nginxValues(nginxDir, ports, env.PROXY_REFRESH_SECRET ?? '')),
    );
    const test = spawnSync(
      nginxBin,
      ['-t', '-q', '-p', nginxDir, '-c', 'nginx.conf', '-e', join(nginxDir, 'error.log')],
      {
        encoding: 'utf8',
      },
    );
    if (test.status !== 0) throw new Error(`nginx configuration refused: ${test.stderr}`);
    // In the foreground, so it stops with us.
    nginx = spawn(
      nginxBin,
      ['-p', nginxDir, '-c', 'nginx.conf', '-e', join(nginxDir, 'error.log'), '-g', 'daemon off;'],
      { stdio: 'ignore' },
    );
    log(`nginx on ${urls.site} (site), ${urls.cms} (cms), ${urls.indexer} (indexer)`);
    await startInstance('cms-1');
    await Promise.all([startInstance('cms-2'), startInstance('indexer-1')]);
    await startInstance('indexer-2');
    await Promise.all([startInstance('site-1'), startInstance('site-2')]);
  } catch (err) {
    await stop();
    throw err;
  }

  return {
    env,
    ports,
    urls,
    postgres,
    instanceUrl: (instance) => at(ports[instance]),
    kill: (instance) => {
      const child = stacks.get(instance)?.processes.get(serviceOf(instance));
      if (!child?.pid) throw new Error(`${instance} is not running`);
      process.kill(-child.pid, 'SIGKILL');
      stacks.delete(instance);
    },
    start: async (instance) => {
      if (stacks.has(instance)) throw new Error(`${instance} is running`);
      await startInstance(instance);
    },
    running: (instance) => stacks.has(instance),
    stop,
  };
}
