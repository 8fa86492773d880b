// Backup and restore of everything Droomkaart cannot rebuild: the cms database (SQLite file or
// PostgreSQL), the uploaded photos, the site's dream outbox and the indexer's change queue. Search
// indexes are not in a backup: the indexer rebuilds them from the cms (docs/operations.md).
//
// An archive is a folder `droomkaart-backup-<UTC time>` with a manifest (time, versions, a sha256
// per file). It is written as `<name>.partial` and renamed when complete, so a folder without that
// suffix is always a whole backup. Restore checks every checksum before it changes anything.
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import {
  createReadStream,
  createWriteStream,
  closeSync,
  existsSync,
  fsyncSync,
  lstatSync,
  mkdirSync,
  openSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { hostname } from 'node:os';
import { dirname, isAbsolute, join, relative, resolve, sep } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { Env } from './env.ts';

export const FORMAT = 'droomkaart-backup';
export const FORMAT_VERSION = 1;
const MANIFEST = 'manifest.json';

export type Log = (line: string) => void;

export type ArchiveFile = { path: string; bytes: number; sha256: string };

export type Manifest = {
  format: typeof FORMAT;
  formatVersion: number;
  createdAt: string;
  durationMs: number;
  host: string;
  /** Why it was made: `backup` (an operator or a timer) or `before-restore` (the safety copy). */
  reason: string;
  versions: {
    droomkaart: string | null;
    strapi: string | null;
    node: string;
    sqlite: string | null;
    pgDump: string | null;
    indexVersion: string | null;
  };
  parts: {
    database:
      | { kind: 'sqlite'; file: string; tables: Record<string, number> }
      | { kind: 'postgres'; file: string; server: string; serverVersion: string | null }
      | null;
    uploads: { dir: string; files: number; bytes: number };
    dreamOutbox: { file: string; pending: number; rejected: number; delivered: number } | null;
    indexerQueue: { file: string; waiting: number } | null;
  };
  files: ArchiveFile[];
};

/** Where this environment keeps each part, resolved as `scripts/lib/stack.ts` and the cms do. */
export type DataPaths = {
  databaseUrl: string | null;
  databaseFile: string;
  publicDir: string;
  uploadsDir: string;
  outboxFile: string;
  queueFile: string;
  backupDir: string;
};

export function dataPaths(root: string, env: Env): DataPaths {
  const fromRoot = (p: string) => (isAbsolute(p) ? p : join(root, p));
  // The cms takes a relative CMS_PUBLIC_DIR from its own folder (cms/config/server.ts).
  const publicDir = resolve(join(root, 'cms'), env.CMS_PUBLIC_DIR || './public');
  return {
    databaseUrl: env.DATABASE_URL || null,
    databaseFile: fromRoot(env.DATABASE_FILENAME || '.data/cms/data.db'),
    publicDir,
    uploadsDir: join(publicDir, 'uploads'),
    outboxFile: fromRoot(env.DREAM_OUTBOX_FILE || '.data/site/dream-outbox.db'),
    queueFile: fromRoot(env.INDEXER_QUEUE_FILE || '.data/indexer/queue.db'),
    backupDir: fromRoot(env.BACKUP_DIR || '.data/backups'),
  };
}

export class BackupError extends Error {}

// ---------------------------------------------------------------------------------------------
// Files and checksums

function fsyncPath(path: string) {
  const fd = openSync(path, 'r');
  try {
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

async function sha256File(path: string): Promise<string> {
  const hash = createHash('sha256');
  await pipeline(createReadStream(path), async (source: AsyncIterable<Buffer>) => {
    for await (const chunk of source) hash.update(chunk);
  });
  return hash.digest('hex');
}

/** Copies a file, hashing what is written; the copy is flushed to disk before this returns. */
async function copyAndHash(src: string, dst: string): Promise<string> {
  const hash = createHash('sha256');
  mkdirSync(dirname(dst), { recursive: true });
  const tee = new Transform({
    transform(chunk, _enc, done) {
      hash.update(chunk);
      done(null, chunk);
    },
  });
  await pipeline(createReadStream(src), tee, createWriteStream(dst, { flush: true }));
  return hash.digest('hex');
}

/** Every regular file under `dir`, as paths relative to it (POSIX separators), sorted. */
function walk(dir: string): string[] {
  if (!existsSync(dir)) return [];
  const out: string[] = [];
  const visit = (d: string) => {
    for (const entry of readdirSync(d, { withFileTypes: true })) {
      const full = join(d, entry.name);
      if (entry.isDirectory()) visit(full);
      else if (entry.isFile()) out.push(relative(dir, full).split(sep).join('/'));
      // Symlinks and sockets are not data of ours: left out on purpose.
    }
  };
  visit(dir);
  return out.sort();
}

function toArchivePath(archive: string, p: string): string {
  return join(archive, ...p.split('/'));
}

// ---------------------------------------------------------------------------------------------
// SQLite

/**
 * A consistent copy of a live SQLite file: `VACUUM INTO` reads one snapshot in a single read
 * transaction (WAL content included) while the owner keeps writing, and writes a compact new
 * file. A raw copy of a database in use can be torn or miss what is still in the -wal file.
 */
function snapshotSqlite(source: string, dest: string): void {
  mkdirSync(dirname(dest), { recursive: true });
  const db = new DatabaseSync(source);
  try {
    // The owner may hold a write lock for a moment: wait for it rather than fail.
    db.exec('PRAGMA busy_timeout = 15000');
    db.prepare('VACUUM INTO ?').run(dest);
  } finally {
    db.close();
  }
  fsyncPath(dest);
  const copy = new DatabaseSync(dest, { readOnly: true });
  try {
    const check = copy.prepare('PRAGMA quick_check').get() as Record<string, unknown>;
    const result = String(Object.values(check)[0]);
    if (result !== 'ok') throw new BackupError(`the copy of ${source} fails SQLite's quick_check: ${result}`);
  } finally {
    copy.close();
  }
}

function readSqlite<T>(file: string, read: (db: DatabaseSync) => T): T {
  const db = new DatabaseSync(file, { readOnly: true });
  try {
    return read(db);
  } finally {
    db.close();
  }
}

function tableCounts(db: DatabaseSync): Record<string, number> {
  const tables = db
    .prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name")
    .all() as { name: string }[];
  return Object.fromEntries(
    tables.map(({ name }) => [
      name,
      Number((db.prepare(`SELECT count(*) AS n FROM "${name.replace(/"/g, '""')}"`).get() as { n: number }).n),
    ]),
  );
}

function sqliteVersion(): string {
  const db = new DatabaseSync(':memory:');
  try {
    return String((db.prepare('SELECT sqlite_version() AS v').get() as { v: string }).v);
  } finally {
    db.close();
  }
}

// ---------------------------------------------------------------------------------------------
// PostgreSQL (pg_dump / pg_restore of the server's major version or newer)

/** Connection for libpq's tools: the URL without its password, which goes in PGPASSWORD (not on a command line). */
function pgConnection(url: string, env: Env): { dbname: string; env: NodeJS.ProcessEnv; label: string } {
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    throw new BackupError('DATABASE_URL is not a valid URL.');
  }
  const password = decodeURIComponent(u.password);
  u.password = '';
  const extra: NodeJS.ProcessEnv = {};
  if (password) extra.PGPASSWORD = password;
  // cms/config/database.ts turns TLS on with DATABASE_SSL; libpq needs to be told the same.
  if (env.DATABASE_SSL === 'true' && !u.searchParams.has('sslmode') && !process.env.PGSSLMODE)
    extra.PGSSLMODE = 'require';
  return {
    dbname: u.toString(),
    env: { ...process.env, ...extra },
    label: `${u.hostname}${u.port ? `:${u.port}` : ''}${u.pathname}`,
  };
}

function pgTool(
  name: 'pg_dump' | 'pg_restore',
  args: string[],
  env: NodeJS.ProcessEnv,
): { stdout: string; stderr: string } {
  const r = spawnSync(name, args, { env, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  if (r.error && (r.error as NodeJS.ErrnoException).code === 'ENOENT') {
    throw new BackupError(
      `${name} not found on PATH: install the PostgreSQL client tools of the server's major version or newer (Debian: apt-get install postgresql-client).`,
    );
  }
  if (r.status !== 0)
    throw new BackupError(`${name} failed (exit ${r.status}): ${(r.stderr || r.stdout || String(r.error)).trim()}`);
  return { stdout: r.stdout, stderr: r.stderr };
}

function pgDumpVersion(): string | null {
  const r = spawnSync('pg_dump', ['--version'], { encoding: 'utf8' });
  return r.status === 0 ? r.stdout.trim().replace(/^pg_dump \(PostgreSQL\)\s*/, '') : null;
}

// ---------------------------------------------------------------------------------------------
// Versions

function installedStrapi(root: string): string | null {
  try {
    return (
      JSON.parse(readFileSync(join(root, 'cms', 'node_modules', '@strapi', 'strapi', 'package.json'), 'utf8'))
        .version ?? null
    );
  } catch {
    return null;
  }
}

function droomkaartVersion(root: string): string | null {
  if (process.env.DROOMKAART_VERSION) return process.env.DROOMKAART_VERSION;
  const r = spawnSync('git', ['rev-parse', 'HEAD'], { cwd: root, encoding: 'utf8' });
  return r.status === 0 ? r.stdout.trim() : null;
}

/** -1, 0, 1 for dotted numeric versions (5.54.0); null when either is not one. */
export function compareVersions(a: string, b: string): number | null {
  const pa = /^(\d+)\.(\d+)\.(\d+)/.exec(a);
  const pb = /^(\d+)\.(\d+)\.(\d+)/.exec(b);
  if (!pa || !pb) return null;
  for (let i = 1; i <= 3; i++) {
    const d = Number(pa[i]) - Number(pb[i]);
    if (d !== 0) return Math.sign(d);
  }
  return 0;
}

// ---------------------------------------------------------------------------------------------
// Backup

function stampName(now: Date): string {
  return now
    .toISOString()
    .replace(/\.\d{3}Z$/, 'Z')
    .replace(/:/g, '-');
}

export type BackupResult = { dir: string; manifest: Manifest; bytes: number };

/**
 * Writes one archive. Order matters: the outbox and the queue are copied before the database, so a
 * dream delivered (or a change applied) in between is in the database copy and still pending in
 * the outbox copy: after a restore it is delivered again, and the cms keeps it once (idempotency
 * key). The other way round it could be in neither. Uploads come after the database, so every
 * photo the database copy refers to is in the archive (a photo is written before its row).
 */
export async function createBackup(
  root: string,
  env: Env,
  options: { outDir?: string; reason?: string; requireDatabase?: boolean; log?: Log; now?: Date } = {},
): Promise<BackupResult | null> {
  const log = options.log ?? (() => {});
  const paths = dataPaths(root, env);
  const started = Date.now();
  const reason = options.reason ?? 'backup';
  const requireDatabase = options.requireDatabase ?? true;
  const haveSqlite = !paths.databaseUrl && existsSync(paths.databaseFile);
  const anything =
    paths.databaseUrl ||
    haveSqlite ||
    walk(paths.uploadsDir).length > 0 ||
    existsSync(paths.outboxFile) ||
    existsSync(paths.queueFile);
  if (!paths.databaseUrl && !haveSqlite && requireDatabase) {
    throw new BackupError(
      `no cms database at ${paths.databaseFile} (DATABASE_FILENAME) and no DATABASE_URL: is this the right environment?`,
    );
  }
  if (!anything) return null;

  const outDir = options.outDir ? resolve(options.outDir) : paths.backupDir;
  mkdirSync(outDir, { recursive: true });
  let name = `droomkaart-backup-${stampName(options.now ?? new Date())}${reason === 'backup' ? '' : `-${reason}`}`;
  for (let n = 2; existsSync(join(outDir, name)) || existsSync(join(outDir, `${name}.partial`)); n++)
    name = name.replace(/(-\d+)?$/, `-${n}`);
  const work = join(outDir, `${name}.partial`);
  mkdirSync(work);

  try {
    const files: ArchiveFile[] = [];
    const add = async (path: string) => {
      const full = toArchivePath(work, path);
      files.push({ path, bytes: statSync(full).size, sha256: await sha256File(full) });
    };

    // 1. The site's dream outbox, 2. the indexer's queue (both before the database, see above).
    let dreamOutbox: Manifest['parts']['dreamOutbox'] = null;
    if (existsSync(paths.outboxFile)) {
      const file = 'site/dream-outbox.db';
      snapshotSqlite(paths.outboxFile, toArchivePath(work, file));
      const counts = readSqlite(toArchivePath(work, file), (db) => {
        const rows = db.prepare('SELECT status, count(*) AS n FROM dream_outbox GROUP BY status').all() as {
          status: string;
          n: number;
        }[];
        return Object.fromEntries(rows.map((r) => [r.status, Number(r.n)]));
      });
      dreamOutbox = {
        file,
        pending: counts.pending ?? 0,
        rejected: counts.rejected ?? 0,
        delivered: counts.delivered ?? 0,
      };
      await add(file);
      log(
        `dream outbox: ${dreamOutbox.pending} pending, ${dreamOutbox.rejected} rejected, ${dreamOutbox.delivered} delivered (${paths.outboxFile})`,
      );
    } else {
      log(`dream outbox: none at ${paths.outboxFile} (the site has not run here)`);
    }

    let indexerQueue: Manifest['parts']['indexerQueue'] = null;
    let indexVersion: string | null = null;
    if (existsSync(paths.queueFile)) {
      const file = 'indexer/queue.db';
      snapshotSqlite(paths.queueFile, toArchivePath(work, file));
      const read = readSqlite(toArchivePath(work, file), (db) => ({
        waiting: Number((db.prepare('SELECT count(DISTINCT key) AS n FROM changes').get() as { n: number }).n),
        version:
          (db.prepare("SELECT value FROM state WHERE name = 'indexVersion'").get() as { value: string } | undefined)
            ?.value ?? null,
      }));
      indexerQueue = { file, waiting: read.waiting };
      indexVersion = read.version;
      await add(file);
      log(`indexer queue: ${read.waiting} change(s) waiting (${paths.queueFile})`);
    } else {
      log(`indexer queue: none at ${paths.queueFile} (the indexer has not run here)`);
    }

    // 3. The cms database.
    let database: Manifest['parts']['database'] = null;
    if (paths.databaseUrl) {
      const file = 'database/cms.pgdump';
      const conn = pgConnection(paths.databaseUrl, env);
      mkdirSync(join(work, 'database'), { recursive: true });
      pgTool(
        'pg_dump',
        ['--format=custom', '--compress=6', `--file=${toArchivePath(work, file)}`, `--dbname=${conn.dbname}`],
        conn.env,
      );
      fsyncPath(toArchivePath(work, file));
      // Reading the dump's table of contents back proves it is a whole custom-format archive.
      const toc = pgTool('pg_restore', ['--list', toArchivePath(work, file)], process.env).stdout;
      const serverVersion = /Dumped from database version: (\S+)/.exec(toc)?.[1] ?? null;
      database = { kind: 'postgres', file, server: conn.label, serverVersion };
      await add(file);
      log(
        `database: PostgreSQL ${conn.label} (server ${serverVersion ?? 'unknown'}) dumped with pg_dump --format=custom`,
      );
    } else if (haveSqlite) {
      const file = 'database/cms.sqlite';
      snapshotSqlite(paths.databaseFile, toArchivePath(work, file));
      const tables = readSqlite(toArchivePath(work, file), tableCounts);
      database = { kind: 'sqlite', file, tables };
      await add(file);
      log(
        `database: SQLite ${paths.databaseFile} (${Object.keys(tables).length} tables${tables.dreams !== undefined ? `, ${tables.dreams} dream rows` : ''})`,
      );
    } else {
      log(`database: none at ${paths.databaseFile}`);
    }

    // 4. Uploaded photos.
    let uploadBytes = 0;
    const uploadFiles = walk(paths.uploadsDir);
    for (const rel of uploadFiles) {
      const path = `uploads/${rel}`;
      const dst = toArchivePath(work, path);
      let sha256: string;
      try {
        sha256 = await copyAndHash(join(paths.uploadsDir, ...rel.split('/')), dst);
      } catch (err) {
        // Deleted by an editor since the listing: it is not in the database copy either.
        if ((err as NodeJS.ErrnoException).code === 'ENOENT') continue;
        throw err;
      }
      const bytes = statSync(dst).size;
      uploadBytes += bytes;
      files.push({ path, bytes, sha256 });
    }
    mkdirSync(join(work, 'uploads'), { recursive: true });
    log(`uploads: ${uploadFiles.length} file(s), ${(uploadBytes / 1e6).toFixed(1)} MB (${paths.uploadsDir})`);

    const manifest: Manifest = {
      format: FORMAT,
      formatVersion: FORMAT_VERSION,
      createdAt: new Date(started).toISOString(),
      durationMs: Date.now() - started,
      host: hostname(),
      reason,
      versions: {
        droomkaart: droomkaartVersion(root),
        strapi: installedStrapi(root),
        node: process.version,
        sqlite: sqliteVersion(),
        pgDump: paths.databaseUrl ? pgDumpVersion() : null,
        indexVersion,
      },
      parts: {
        database,
        uploads: {
          dir: 'uploads',
          files: files.filter((f) => f.path.startsWith('uploads/')).length,
          bytes: uploadBytes,
        },
        dreamOutbox,
        indexerQueue,
      },
      files: files.sort((a, b) => a.path.localeCompare(b.path)),
    };
    writeFileSync(join(work, MANIFEST), JSON.stringify(manifest, null, 2) + '\n', { flush: true });
    const dir = join(outDir, name);
    renameSync(work, dir);
    fsyncPath(outDir);
    return { dir, manifest, bytes: files.reduce((n, f) => n + f.bytes, 0) };
  } catch (err) {
    rmSync(work, { recursive: true, force: true });
    throw err;
  }
}

// ---------------------------------------------------------------------------------------------
// Verify

export type Verification = { manifest: Manifest | null; problems: string[] };

/** Reads the manifest and checks that the archive holds exactly its files, each with its checksum. */
export async function verifyArchive(archive: string): Promise<Verification> {
  const problems: string[] = [];
  if (!existsSync(archive) || !statSync(archive).isDirectory())
    return { manifest: null, problems: [`${archive} is not a backup folder`] };
  if (archive.endsWith('.partial')) problems.push('this backup was never finished (its folder still ends in .partial)');
  let manifest: Manifest;
  try {
    manifest = JSON.parse(readFileSync(join(archive, MANIFEST), 'utf8'));
  } catch (err) {
    return {
      manifest: null,
      problems: [...problems, `${MANIFEST} is missing or unreadable: ${(err as Error).message}`],
    };
  }
  if (manifest.format !== FORMAT || !Array.isArray(manifest.files))
    return { manifest: null, problems: [...problems, `${MANIFEST} is not a Droomkaart backup manifest`] };
  if (manifest.formatVersion > FORMAT_VERSION)
    problems.push(
      `archive format ${manifest.formatVersion} is newer than this restore understands (${FORMAT_VERSION})`,
    );
  const onDisk = new Set(walk(archive).filter((p) => p !== MANIFEST));
  for (const f of manifest.files) {
    const full = toArchivePath(archive, f.path);
    if (!onDisk.delete(f.path)) {
      problems.push(`${f.path}: missing`);
      continue;
    }
    const bytes = lstatSync(full).size;
    if (bytes !== f.bytes) {
      problems.push(`${f.path}: ${bytes} bytes, the manifest says ${f.bytes} (checksum mismatch)`);
      continue;
    }
    const sha = await sha256File(full);
    if (sha !== f.sha256)
      problems.push(
        `${f.path}: checksum mismatch (sha256 ${sha.slice(0, 12)}…, the manifest says ${f.sha256.slice(0, 12)}…)`,
      );
  }
  for (const extra of onDisk) problems.push(`${extra}: not listed in the manifest`);
  return { manifest, problems };
}

// ---------------------------------------------------------------------------------------------
// Restore

/** Services of this environment that answer on their health address (any answer counts). */
export async function servicesUp(env: Env): Promise<{ name: string; url: string }[]> {
  const base = (url: string | undefined, port: string | undefined, fallback: number) =>
    (url || `http://127.0.0.1:${port || fallback}`).replace(/\/$/, '');
  const checks = [
    { name: 'cms', url: `${base(env.CMS_URL, env.CMS_PORT, 1337)}/_health` },
    { name: 'search-indexer', url: `${base(env.INDEXER_URL, env.INDEXER_PORT, 4000)}/health` },
    { name: 'site', url: `${base(env.SITE_URL, env.SITE_PORT, 4321)}/health` },
  ];
  const up = await Promise.all(
    checks.map(async (c) => {
      try {
        await fetch(c.url, { signal: AbortSignal.timeout(2000) });
        return c;
      } catch {
        return null;
      }
    }),
  );
  return up.filter((c): c is { name: string; url: string } => c !== null);
}

export type RestoreOptions = {
  /** Restore even while services answer, or from a newer Strapi version. */
  force?: boolean;
  /** Back up the current state first (default), so the restore itself can be undone. */
  safetyBackup?: boolean;
  log?: Log;
};

export type RestoreResult = {
  manifest: Manifest;
  safetyBackup: string | null;
  restored: string[];
  reindex: 'started' | 'not-running' | 'failed';
  reindexReport?: unknown;
};

/**
 * Restores an archive into this environment. Refuses (and changes nothing) when the archive is
 * damaged or incomplete, when it holds another kind of database than this environment uses, when
 * it comes from a newer Strapi, or while the services answer (unless `force`). Then it backs up
 * what is there now, copies every part next to its place, and only when all copies (and a
 * PostgreSQL restore, in one transaction) succeeded, renames them into place.
 */
export async function restoreBackup(
  root: string,
  env: Env,
  archive: string,
  options: RestoreOptions = {},
): Promise<RestoreResult> {
  const log = options.log ?? (() => {});
  const dir = resolve(archive);
  const { manifest, problems } = await verifyArchive(dir);
  if (!manifest || problems.length > 0) {
    throw new BackupError(
      `the archive ${dir} is damaged or incomplete; nothing was restored and nothing was changed:\n${problems.map((p) => `  - ${p}`).join('\n')}`,
    );
  }
  log(
    `archive ${dir}: made ${manifest.createdAt} on ${manifest.host}, ${manifest.files.length} files, every checksum matches`,
  );

  const paths = dataPaths(root, env);
  const db = manifest.parts.database;
  if (db?.kind === 'postgres' && !paths.databaseUrl)
    throw new BackupError(
      'the archive holds a PostgreSQL dump, but this environment uses the SQLite file (DATABASE_URL is not set); nothing was changed.',
    );
  if (db?.kind === 'sqlite' && paths.databaseUrl)
    throw new BackupError(
      'the archive holds a SQLite database, but this environment uses PostgreSQL (DATABASE_URL); restore does not convert between them; nothing was changed.',
    );
  const installed = installedStrapi(root);
  if (manifest.versions.strapi && installed && compareVersions(manifest.versions.strapi, installed) === 1) {
    const message = `the archive comes from Strapi ${manifest.versions.strapi}, newer than the installed ${installed}: an older Strapi cannot read a database a newer one migrated`;
    if (!options.force) throw new BackupError(`${message}; upgrade first (or --force); nothing was changed.`);
    log(`warning: ${message} (--force)`);
  }

  const up = await servicesUp(env);
  if (up.length > 0) {
    const list = up.map((s) => `${s.name} (${s.url})`).join(', ');
    if (!options.force)
      throw new BackupError(
        `services are running: ${list}. Stop them first (they hold the files open and would overwrite the restore), or use --force; nothing was changed.`,
      );
    log(`warning: restoring while ${list} answer (--force); restart them afterwards`);
  }

  let safety: string | null = null;
  if (options.safetyBackup ?? true) {
    const made = await createBackup(root, env, { reason: 'before-restore', requireDatabase: false });
    if (made) {
      safety = made.dir;
      log(`the state before this restore is kept in ${safety}`);
    } else {
      log('nothing here yet to keep before the restore');
    }
  }

  // Stage: copy every part next to its place. A failure here leaves everything as it was.
  type Step = { label: string; commit: () => void; discard: () => void };
  const steps: Step[] = [];
  const expected = new Map(manifest.files.map((f) => [f.path, f.sha256]));
  const stagedCopy = async (from: string, to: string) => {
    if ((await copyAndHash(toArchivePath(dir, from), to)) !== expected.get(from))
      throw new BackupError(`copying ${from} gave another checksum: disk trouble?`);
  };
  const stageSqlite = async (label: string, from: string, target: string) => {
    mkdirSync(dirname(target), { recursive: true });
    const staged = `${target}.restoring`;
    rmSync(staged, { force: true });
    await stagedCopy(from, staged);
    steps.push({
      label,
      commit: () => {
        // A -wal left by the old file would be replayed into the restored one: remove it first.
        for (const suffix of ['-wal', '-shm', '-journal']) rmSync(`${target}${suffix}`, { force: true });
        renameSync(staged, target);
      },
      discard: () => rmSync(staged, { force: true }),
    });
  };
  try {
    if (db?.kind === 'sqlite') await stageSqlite(`database → ${paths.databaseFile}`, db.file, paths.databaseFile);
    else if (!db) log('database: not in the archive; left as it is');
    if (manifest.parts.dreamOutbox)
      await stageSqlite(`dream outbox → ${paths.outboxFile}`, manifest.parts.dreamOutbox.file, paths.outboxFile);
    else log(`dream outbox: not in the archive; ${paths.outboxFile} left as it is`);
    if (manifest.parts.indexerQueue)
      await stageSqlite(`indexer queue → ${paths.queueFile}`, manifest.parts.indexerQueue.file, paths.queueFile);
    else log(`indexer queue: not in the archive; ${paths.queueFile} left as it is`);

    mkdirSync(paths.publicDir, { recursive: true });
    const stagedUploads = join(paths.publicDir, '.uploads-restoring');
    const replacedUploads = join(paths.publicDir, '.uploads-replaced');
    rmSync(stagedUploads, { recursive: true, force: true });
    mkdirSync(stagedUploads, { recursive: true });
    for (const f of manifest.files.filter((f) => f.path.startsWith('uploads/')))
      await stagedCopy(f.path, toArchivePath(stagedUploads, f.path.slice('uploads/'.length)));
    steps.push({
      label: `uploads (${manifest.parts.uploads.files} files) → ${paths.uploadsDir}`,
      commit: () => {
        rmSync(replacedUploads, { recursive: true, force: true });
        if (existsSync(paths.uploadsDir)) renameSync(paths.uploadsDir, replacedUploads);
        renameSync(stagedUploads, paths.uploadsDir);
        rmSync(replacedUploads, { recursive: true, force: true });
      },
      discard: () => rmSync(stagedUploads, { recursive: true, force: true }),
    });

    // PostgreSQL: one transaction; if it fails the database is as it was and the staged files go.
    if (db?.kind === 'postgres') {
      const conn = pgConnection(paths.databaseUrl!, env);
      log(`database: pg_restore into ${conn.label} (one transaction)`);
      pgTool(
        'pg_restore',
        [
          '--clean',
          '--if-exists',
          '--no-owner',
          '--no-privileges',
          '--single-transaction',
          '--exit-on-error',
          `--dbname=${conn.dbname}`,
          toArchivePath(dir, db.file),
        ],
        conn.env,
      );
    }
  } catch (err) {
    for (const s of steps) s.discard();
    throw new BackupError(`restore stopped before anything was replaced: ${(err as Error).message}`);
  }

  const restored: string[] =
    db?.kind === 'postgres' ? [`database → PostgreSQL ${pgConnection(paths.databaseUrl!, env).label}`] : [];
  for (const [i, s] of steps.entries()) {
    try {
      s.commit();
      restored.push(s.label);
      log(`restored ${s.label}`);
    } catch (err) {
      for (const later of steps.slice(i)) later.discard();
      throw new BackupError(
        `restore failed at ${s.label}: ${(err as Error).message}.${safety ? ` The state before the restore is in ${safety} (npm run restore -- ${safety}).` : ''}`,
      );
    }
  }

  // Search indexes are never restored: the indexer rebuilds them from the cms.
  let reindex: RestoreResult['reindex'] = 'not-running';
  let reindexReport: unknown;
  if (up.some((s) => s.name === 'search-indexer')) {
    const indexer = (env.INDEXER_URL || `http://127.0.0.1:${env.INDEXER_PORT || 4000}`).replace(/\/$/, '');
    try {
      const res = await fetch(`${indexer}/admin/reindex?wait=true`, {
        method: 'POST',
        headers: { authorization: `Bearer ${env.INDEXER_ADMIN_SECRET}` },
        signal: AbortSignal.timeout(30 * 60_000),
      });
      reindexReport = await res.json().catch(() => null);
      reindex = res.ok ? 'started' : 'failed';
    } catch (err) {
      reindex = 'failed';
      reindexReport = (err as Error).message;
    }
  }
  return { manifest, safetyBackup: safety, restored, reindex, reindexReport };
}
