// A throw-away PostgreSQL cluster from Debian's `postgresql` package, for the test suites that run
// the cms on PostgreSQL (`TEST_DATABASE=postgres`, see tests/utils/stack.ts). initdb into a
// temporary folder, start on 127.0.0.1:<port> with its unix socket in that folder, create a
// database and a login role with a random password, hand back a DATABASE_URL; stop() stops the
// server and removes the folder. PostgreSQL refuses to run as root: as root, the server runs as
// the `postgres` user that the Debian package creates.
import { spawn, spawnSync, type SpawnSyncReturns } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { chownSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export type PostgresCluster = {
  /** postgres://<user>:<password>@127.0.0.1:<port>/<database> */
  url: string;
  port: number;
  dir: string;
  version: string;
  stop: () => Promise<void>;
};

export const POSTGRES_MISSING =
  "PostgreSQL server not found (no /usr/lib/postgresql/<version>/bin/initdb). Install Debian's package: apt-get install -y postgresql (or set POSTGRES_BIN_DIR to a folder with initdb, pg_ctl and psql).";

/** The bin folder of the newest installed PostgreSQL (`POSTGRES_BIN_DIR` overrides), or null. */
export function findPostgresBin(): { bin: string; version: string } | null {
  const override = process.env.POSTGRES_BIN_DIR;
  if (override) return existsSync(join(override, 'initdb')) ? { bin: override, version: 'custom' } : null;
  const base = '/usr/lib/postgresql';
  if (!existsSync(base)) return null;
  const versions = readdirSync(base)
    .filter(
      (v) =>
        /^\d+(\.\d+)?$/.test(v) &&
        existsSync(join(base, v, 'bin', 'initdb')) &&
        existsSync(join(base, v, 'bin', 'pg_ctl')),
    )
    .sort((a, b) => Number(b) - Number(a));
  return versions.length > 0 ? { bin: join(base, versions[0], 'bin'), version: versions[0] } : null;
}

/** uid/gid of the `postgres` user when we are root (the server may not run as root), else null. */
function serverUser(): { name: string; uid: number; gid: number } | null {
  if (process.getuid?.() !== 0) return null;
  const name = process.env.POSTGRES_OS_USER ?? 'postgres';
  const id = (flag: string) => spawnSync('id', [flag, name], { encoding: 'utf8' });
  const uid = id('-u');
  const gid = id('-g');
  if (uid.status !== 0 || gid.status !== 0) {
    throw new Error(
      `Running as root, but there is no "${name}" user to run PostgreSQL as (Debian's postgresql package creates it; or set POSTGRES_OS_USER).`,
    );
  }
  return { name, uid: Number(uid.stdout.trim()), gid: Number(gid.stdout.trim()) };
}

function portFree(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const server = createServer();
    server.once('error', () => resolve(false));
    server.listen(port, '127.0.0.1', () => server.close(() => resolve(true)));
  });
}

function tail(file: string, lines = 30): string {
  try {
    return readFileSync(file, 'utf8').split('\n').slice(-lines).join('\n');
  } catch {
    return '(no log)';
  }
}

/**
 * Starts a fresh cluster on 127.0.0.1:`port`. Fails when PostgreSQL is not installed or the port
 * is taken. Killed test processes leave nothing running: the server is stopped at process exit.
 */
export async function startPostgres(options: {
  port: number;
  name?: string;
  log?: (line: string) => void;
}): Promise<PostgresCluster> {
  const found = findPostgresBin();
  if (!found) throw new Error(POSTGRES_MISSING);
  const { bin, version } = found;
  const { port } = options;
  if (!(await portFree(port))) {
    throw new Error(
      `PostgreSQL: port ${port} is already in use on 127.0.0.1 (another stack, or a leftover test cluster: look for "droomkaart-pg-" in ps).`,
    );
  }
  const user = serverUser();
  const dir = mkdtempSync(join(tmpdir(), `droomkaart-pg-${options.name ?? 'test'}-`));
  if (user) chownSync(dir, user.uid, user.gid);
  const data = join(dir, 'data');
  const logFile = join(dir, 'postgres.log');

  // Every server-side command runs as the server's user, in the cluster folder (the user may not
  // be able to read the current folder).
  const run = (cmd: string, args: string[]): SpawnSyncReturns<string> => {
    const full = join(bin, cmd);
    return user
      ? spawnSync('runuser', ['-u', user.name, '--', full, ...args], { cwd: dir, encoding: 'utf8' })
      : spawnSync(full, args, { cwd: dir, encoding: 'utf8' });
  };
  const check = (what: string, r: SpawnSyncReturns<string>) => {
    if (r.error || r.status !== 0)
      throw new Error(
        `PostgreSQL ${what} failed (exit ${r.status}): ${r.error?.message ?? ''}${r.stderr}${r.stdout}\n${tail(logFile)}`,
      );
  };

  let started = false;
  const stopSync = () => {
    if (started) run('pg_ctl', ['-D', data, 'stop', '-m', 'immediate', '-w', '-t', '30']);
    started = false;
    if (!process.env.KEEP_TEST_DATA) rmSync(dir, { recursive: true, force: true });
  };
  process.once('exit', stopSync);

  try {
    const t0 = Date.now();
    // The superuser may only connect through the socket in the cluster folder (trust); over TCP
    // every connection needs a password.
    check(
      'initdb',
      run('initdb', [
        '-D',
        data,
        '-U',
        'postgres',
        '-E',
        'UTF8',
        '--locale=C.UTF-8',
        '--auth-local=trust',
        '--auth-host=scram-sha-256',
        '--no-sync',
      ]),
    );
    // A throw-away cluster: durability switched off for speed. Only loopback.
    const serverOptions = [
      `-p ${port}`,
      `-k ${dir}`,
      '-c listen_addresses=127.0.0.1',
      '-c fsync=off',
      '-c synchronous_commit=off',
      '-c full_page_writes=off',
      '-c max_connections=60',
      '-c shared_buffers=64MB',
    ].join(' ');
    check('start', run('pg_ctl', ['-D', data, '-l', logFile, '-o', serverOptions, '-w', '-t', '60', 'start']));
    started = true;
    const role = 'droomkaart';
    const database = 'droomkaart';
    const password = randomBytes(18).toString('hex');
    const psql = (statement: string) =>
      run('psql', [
        '-h',
        dir,
        '-p',
        String(port),
        '-U',
        'postgres',
        '-d',
        'postgres',
        '-v',
        'ON_ERROR_STOP=1',
        '-q',
        '-c',
        statement,
      ]);
    check('create role', psql(`CREATE ROLE ${role} LOGIN PASSWORD '${password}'`));
    check('create database', psql(`CREATE DATABASE ${database} OWNER ${role}`));
    options.log?.(
      `PostgreSQL ${version} on 127.0.0.1:${port} ready in ${((Date.now() - t0) / 1000).toFixed(1)} s (${dir})`,
    );
    return {
      url: `postgres://${role}:${password}@127.0.0.1:${port}/${database}`,
      port,
      dir,
      version,
      stop: async () => {
        if (started) {
          await new Promise<void>((resolve) => {
            const args = ['-D', data, 'stop', '-m', 'fast', '-w', '-t', '30'];
            const child = user
              ? spawn('runuser', ['-u', user.name, '--', join(bin, 'pg_ctl'), ...args], { cwd: dir, stdio: 'ignore' })
              : spawn(join(bin, 'pg_ctl'), args, { cwd: dir, stdio: 'ignore' });
            child.once('exit', () => resolve());
            child.once('error', () => resolve());
          });
          started = false;
        }
        process.removeListener('exit', stopSync);
        if (!process.env.KEEP_TEST_DATA) rmSync(dir, { recursive: true, force: true });
      },
    };
  } catch (err) {
    stopSync();
    process.removeListener('exit', stopSync);
    throw err;
  }
}
