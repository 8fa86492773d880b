import { spawn, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { cpSync, existsSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { repoRoot, startTestStack, type TestStack } from '../utils/stack.ts';
import { DEMO_ADMIN, request, signIn, type AdminSession } from '../utils/cms-admin.ts';
import { PORT_OFFSET } from '../utils/ports.ts';
import type { ServiceName } from '../../scripts/lib/stack.ts';

// Backup and restore end to end with the real processes and the operator commands
// (scripts/backup.ts, scripts/restore.ts, the indexer's reindex CLI): a stack with activities, dreams
// (intake and letterbox), a photo; a backup; refusals (services running, a damaged archive) that
// change nothing; then the data wiped, restored, started again and reindexed: the site shows the
// same activities and the cms holds the same dreams and photo.

const DREAM = 'api::dream.dream';
const SERVICES: ServiceName[] = ['meilisearch', 'cms', 'indexer', 'site'];
let stack: TestStack;
let admin: AdminSession;
let backupDir: string;
let archive: string;

type Run = { status: number | null; stdout: string; stderr: string; ms: number };

/** An operator command as a real process, with the stack's environment. */
function run(args: string[], cwd = repoRoot): Promise<Run> {
  const started = Date.now();
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, args, {
      cwd,
      env: { ...process.env, ...stack.env, BACKUP_DIR: backupDir },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    child.once('error', reject);
    child.once('exit', (status) => resolve({ status, stdout, stderr, ms: Date.now() - started }));
  });
}
const backup = () => run([join(repoRoot, 'scripts', 'backup.ts')]);
const restore = (...args: string[]) => run([join(repoRoot, 'scripts', 'restore.ts'), ...args]);

const sha256 = (data: Buffer | Uint8Array) => createHash('sha256').update(data).digest('hex');
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function until<T>(what: string, get: () => Promise<T>, ok: (v: T) => boolean, timeoutMs: number): Promise<T> {
  const end = Date.now() + timeoutMs;
  let last = await get();
  while (!ok(last)) {
    if (Date.now() > end)
      throw new Error(`${what}: not reached within ${timeoutMs / 1000} s (last: ${JSON.stringify(last)})`);
    await sleep(500);
    last = await get();
  }
  return last;
}

const postgres = () => Boolean(stack.env.DATABASE_URL);
function psql(sql: string): string {
  const r = spawnSync('psql', [stack.env.DATABASE_URL, '-v', 'ON_ERROR_STOP=1', '-Atc', sql], { encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`psql failed: ${r.stderr}`);
  return r.stdout.trim();
}

// ---- what the product shows, read the way visitors and coordinators read it

type Activity = { documentId: string; slug: string; title: string };

/** Published activities of approved organisations, from the cms's public REST API. */
async function publishedActivities(): Promise<Activity[]> {
  const out: Activity[] = [];
  for (let page = 1; page <= 20; page++) {
    const res = await fetch(
      `${stack.urls.cms}/api/activities?locale=nl&fields[0]=slug&fields[1]=title&sort=documentId:asc&pagination[pageSize]=100&pagination[page]=${page}`,
    );
    expect(res.status).toBe(200);
    const body = (await res.json()) as { data: Activity[]; meta: { pagination: { pageCount: number } } };
    out.push(...body.data.map(({ documentId, slug, title }) => ({ documentId, slug, title })));
    if (page >= body.meta.pagination.pageCount) break;
  }
  return out;
}

/** The catalogue's own search (the site's /api/search/multi-search): total and the ids found. */
async function siteSearch(): Promise<{ total: number; ids: string[] }> {
  const res = await fetch(`${stack.urls.site}/api/search/multi-search`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      queries: [{ indexUid: 'activities_nl', q: '', limit: 1000, attributesToRetrieve: ['documentId'] }],
    }),
  });
  expect(res.status).toBe(200);
  const body = (await res.json()) as { results: { estimatedTotalHits: number; hits: { documentId: string }[] }[] };
  return { total: body.results[0].estimatedTotalHits, ids: body.results[0].hits.map((h) => h.documentId).sort() };
}

/** "N activiteiten gevonden" on the catalogue page as the server renders it. */
async function catalogueCount(): Promise<number> {
  const res = await fetch(`${stack.urls.site}/nl/activiteiten`);
  expect(res.status).toBe(200);
  const found = /(\d+) activiteit(?:en)? gevonden/.exec(await res.text());
  expect(found, 'count in the catalogue heading').not.toBeNull();
  return Number(found![1]);
}

type Dream = { documentId: string; firstName: string; phone: string; dreamStatus: string; channel: string };
async function cmsDreams(): Promise<Dream[]> {
  const out: Dream[] = [];
  for (let page = 1; page <= 20; page++) {
    const res = await request(
      admin,
      'GET',
      `/content-manager/collection-types/${DREAM}?page=${page}&pageSize=100&sort=documentId:ASC`,
    );
    expect(res.status).toBe(200);
    out.push(
      ...res.body.results.map((d: Dream) => ({
        documentId: d.documentId,
        firstName: d.firstName,
        phone: d.phone,
        dreamStatus: d.dreamStatus,
        channel: d.channel,
      })),
    );
    if (page >= res.body.pagination.pageCount) break;
  }
  return out.sort((a, b) => a.documentId.localeCompare(b.documentId));
}

type OutboxHealth = { pending: number; rejected: number; delivered: number };
async function outboxHealth(): Promise<OutboxHealth> {
  const res = await fetch(`${stack.urls.site}/health`);
  expect(res.status).toBe(200);
  const { pending, rejected, delivered } = ((await res.json()) as { dreamOutbox: OutboxHealth }).dreamOutbox;
  return { pending, rejected, delivered };
}

/** Every file of the data folder but logs and backups, with its checksum; PostgreSQL's tables and dreams. */
function fingerprint(): Record<string, string> {
  const out: Record<string, string> = {};
  const visit = (dir: string) => {
    for (const e of readdirSync(dir, { withFileTypes: true })) {
      const full = join(dir, e.name);
      const rel = relative(stack.dataDir, full);
      if (rel === 'logs' || rel.startsWith('backups')) continue;
      if (e.isDirectory()) visit(full);
      else out[rel] = sha256(readFileSync(full));
    }
  };
  visit(stack.dataDir);
  if (postgres())
    out['postgres'] = psql(
      "SELECT (SELECT count(*) FROM information_schema.tables WHERE table_schema = 'public') || '/' || (SELECT count(*) FROM dreams)",
    );
  return out;
}

// ---- state noted before the backup, compared after the restore
const before = {} as {
  activities: Activity[];
  search: { total: number; ids: string[] };
  catalogue: number;
  dreams: Dream[];
  photo: { id: number; url: string; sha256: string };
  outbox: OutboxHealth;
  queueState: Record<string, string>;
};

beforeAll(async () => {
  stack = await startTestStack({
    name: 'backup-restore',
    portOffset: PORT_OFFSET.backupRestore,
    services: SERVICES,
    env: {
      SEED_DEMO_DATA: 'true',
      SEED_ACTIVITY_COUNT: '16',
      SEED_DEMO_DREAMS: 'true',
      DREAM_MIN_FILL_SECONDS: '0',
      DREAM_RATE_LIMIT_PER_IP: '0',
    },
  });
  backupDir = join(stack.dataDir, 'backups');
  admin = await signIn(stack.urls.cms, DEMO_ADMIN.email, stack.env.DEMO_PASSWORD);
});

afterAll(async () => {
  await stack?.cleanup();
});

describe('backup and restore', () => {
  it('a stack with activities in search, dreams from the intake and the letterbox, and a photo', async () => {
    // A dream through the cms intake, as the site delivers it.
    const intake = await fetch(`${stack.urls.cms}/api/dreams`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${stack.env.DREAM_INTAKE_TOKEN}` },
      body: JSON.stringify({
        data: {
          edition: 'kind',
          firstName: 'Bewaard',
          age: 9,
          dream: 'Ik wil archivaris worden',
          need: 'Een dag meelopen',
          needPicks: ['meelopen'],
          wijk: 'muziekwijk',
          phone: '06 55500001',
          channel: 'website',
          idempotencyKey: 'backup-restore-1',
        },
      }),
    });
    expect(intake.status).toBe(201);

    // A dream through the site's letterbox: it goes through the outbox, which is backed up too.
    const form = await (await fetch(`${stack.urls.site}/nl/droom`)).text();
    const t = /name="t" value="([^"]+)"/.exec(form)?.[1];
    expect(t).toBeTruthy();
    const body = new URLSearchParams({
      edition: 'kind',
      dream: 'Ik wil later bibliothecaris worden',
      need: 'Boeken',
      firstName: 'Brievenbus',
      age: '10',
      wijk: 'stedenwijk',
      phone: '06 55500002',
      website: '',
      t: t!,
    });
    body.append('needPicks', 'meelopen');
    const posted = await fetch(`${stack.urls.site}/nl/droom`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', origin: stack.urls.site },
      body: body.toString(),
      redirect: 'manual',
    });
    expect(posted.status).toBe(200);
    expect(await posted.text()).toContain('data-dream-status="ontvangen"');
    before.outbox = await until(
      'letterbox dream delivered',
      outboxHealth,
      (h) => h.pending === 0 && h.delivered >= 1,
      60_000,
    );

    // A photo, uploaded as the admin panel does.
    const sharp = (await import('sharp')).default;
    const photo = await sharp({
      create: { width: 400, height: 300, channels: 3, background: { r: 20, g: 120, b: 200 } },
    })
      .jpeg()
      .toBuffer();
    const upload = new FormData();
    upload.append('files', new Blob([new Uint8Array(photo)], { type: 'image/jpeg' }), 'archief.jpg');
    const uploaded = await fetch(`${stack.urls.cms}/upload`, {
      method: 'POST',
      headers: { authorization: `Bearer ${admin.token}` },
      body: upload,
    });
    expect(uploaded.status).toBe(201);
    const [file] = (await uploaded.json()) as { id: number; url: string }[];
    const served = await fetch(`${stack.urls.cms}${file.url}`);
    expect(served.status).toBe(200);
    before.photo = { id: file.id, url: file.url, sha256: sha256(new Uint8Array(await served.arrayBuffer())) };

    before.activities = await publishedActivities();
    expect(before.activities.length).toBeGreaterThan(5);
    // Search as the catalogue sees it, once the indexer has nothing left to do.
    await until(
      'indexer idle',
      async () =>
        (await (await fetch(`${stack.urls.indexer}/health`)).json()) as { status: string; queue: { length: number } },
      (h) => h.status === 'ok' && h.queue.length === 0,
      60_000,
    );
    before.search = await siteSearch();
    expect(before.search.total).toBeGreaterThan(5);
    const published = new Set(before.activities.map((o) => o.documentId));
    expect(before.search.ids.every((id) => published.has(id))).toBe(true);
    before.catalogue = await catalogueCount();
    expect(before.catalogue).toBe(before.search.total);
    before.dreams = await cmsDreams();
    expect(before.dreams.map((d) => d.firstName)).toEqual(expect.arrayContaining(['Bewaard', 'Brievenbus']));
    expect(before.dreams.length).toBeGreaterThan(10); // the demo dreams as well
  }, 180_000);

  it('backs up the running stack into one archive: database, uploads, outbox, queue, a manifest with checksums', async () => {
    const result = await backup();
    expect(result.status, result.stderr + result.stdout).toBe(0);
    console.log(`backup of the running stack: ${result.ms} ms`);
    const names = readdirSync(backupDir);
    expect(names).toHaveLength(1);
    expect(names[0]).toMatch(/^droomkaart-backup-\d{4}-\d\d-\d\dT\d\d-\d\d-\d\dZ$/);
    archive = join(backupDir, names[0]);
    expect(result.stdout).toContain(archive);

    const manifest = JSON.parse(readFileSync(join(archive, 'manifest.json'), 'utf8'));
    expect(manifest).toMatchObject({
      format: 'droomkaart-backup',
      formatVersion: 1,
      reason: 'backup',
      versions: { strapi: '5.54.0', node: process.version },
    });
    expect(manifest.parts.database.kind).toBe(postgres() ? 'postgres' : 'sqlite');
    if (!postgres()) expect(manifest.parts.database.tables.dreams).toBeGreaterThanOrEqual(before.dreams.length);
    expect(manifest.parts.dreamOutbox).toMatchObject({ pending: 0, delivered: before.outbox.delivered });
    expect(manifest.parts.indexerQueue).toMatchObject({ file: 'indexer/queue.db' });
    expect(manifest.versions.indexVersion).toMatch(/^[0-9a-f]{16}$/);
    // Every file is listed with its size and checksum, and nothing else is in the folder.
    const listed = manifest.files.map((f: { path: string }) => f.path);
    expect(listed).toEqual(
      expect.arrayContaining([
        manifest.parts.database.file,
        'site/dream-outbox.db',
        'indexer/queue.db',
        `uploads${before.photo.url.replace(/^\/uploads/, '')}`,
      ]),
    );
    for (const f of manifest.files) {
      const data = readFileSync(join(archive, f.path));
      expect(data.length, f.path).toBe(f.bytes);
      expect(sha256(data), f.path).toBe(f.sha256);
    }
    // The photo in the archive is the photo the cms serves.
    expect(sha256(readFileSync(join(archive, 'uploads', before.photo.url.replace(/^\/uploads\//, ''))))).toBe(
      before.photo.sha256,
    );
    // The database copy is a whole SQLite database with the dreams in it (not a torn copy of a live file).
    if (!postgres()) {
      const db = new DatabaseSync(join(archive, 'database', 'cms.sqlite'), { readOnly: true });
      try {
        expect(db.prepare('PRAGMA integrity_check').get()).toEqual({ integrity_check: 'ok' });
        const names = db
          .prepare("SELECT first_name AS n FROM dreams WHERE first_name IN ('Bewaard', 'Brievenbus')")
          .all()
          .map((r) => (r as { n: string }).n);
        expect(new Set(names)).toEqual(new Set(['Bewaard', 'Brievenbus']));
      } finally {
        db.close();
      }
    }
    // No search index in it: those are rebuilt from the cms.
    expect(existsSync(join(archive, 'meilisearch'))).toBe(false);
    expect((await restore(archive, '--check')).status).toBe(0);
  });

  it('refuses to restore while the services run, and changes nothing', async () => {
    const result = await restore(archive);
    expect(result.status).toBe(1);
    expect(result.stderr).toContain('services are running');
    expect(result.stderr).toContain(`cms (${stack.urls.cms}/_health)`);
    expect(result.stderr).toContain('nothing was changed');
    expect(readdirSync(backupDir)).toEqual([archive.split('/').pop()]); // not even a safety backup
    expect(await publishedActivities()).toEqual(before.activities);
  });

  it('refuses a damaged archive with a clear message, and changes nothing', async () => {
    await stack.stop();
    const db = new DatabaseSync(stack.env.INDEXER_QUEUE_FILE, { readOnly: true });
    try {
      before.queueState = Object.fromEntries(
        (db.prepare('SELECT name, value FROM state').all() as { name: string; value: string }[]).map((r) => [
          r.name,
          r.value,
        ]),
      );
    } finally {
      db.close();
    }
    const damaged = join(stack.dataDir, 'damaged-archive');
    cpSync(archive, damaged, { recursive: true });
    const manifest = JSON.parse(readFileSync(join(damaged, 'manifest.json'), 'utf8'));
    const victim = join(damaged, manifest.parts.database.file);
    const bytes = readFileSync(victim);
    bytes[Math.floor(bytes.length / 2)] ^= 0xff; // one flipped byte, same size
    writeFileSync(victim, bytes);

    const untouched = fingerprint();
    const result = await restore(damaged);
    expect(result.status).toBe(1);
    expect(result.stderr).toContain('is damaged or incomplete');
    expect(result.stderr).toContain(`${manifest.parts.database.file}: checksum mismatch`);
    expect(result.stderr).toContain('nothing was changed');
    expect(fingerprint()).toEqual(untouched);
    expect(readdirSync(backupDir)).toEqual([archive.split('/').pop()]);
    rmSync(damaged, { recursive: true });
  });

  it('restores into a wiped data folder; after a start and a reindex the site shows the same activities and the cms the same dreams and photo', async () => {
    // Lose everything: the database, the uploads, the outbox, the queue and the search data.
    const wiped = [
      stack.env.CMS_PUBLIC_DIR,
      stack.env.DREAM_OUTBOX_FILE,
      stack.env.INDEXER_QUEUE_FILE,
      stack.env.MEILI_DATA_DIR,
    ];
    if (postgres()) psql('DROP SCHEMA public CASCADE; CREATE SCHEMA public;');
    else wiped.push(stack.env.DATABASE_FILENAME);
    for (const p of wiped)
      for (const suffix of ['', '-wal', '-shm']) rmSync(`${p}${suffix}`, { recursive: true, force: true });
    expect(existsSync(join(stack.env.CMS_PUBLIC_DIR, 'uploads'))).toBe(false);

    const restored = await restore(archive);
    expect(restored.status, restored.stderr + restored.stdout).toBe(0);
    console.log(`restore: ${restored.ms} ms`);
    expect(restored.stdout).toContain('every checksum matches');
    expect(restored.stdout).toContain('npm run reindex');
    if (!postgres()) expect(existsSync(stack.env.DATABASE_FILENAME)).toBe(true);
    expect(sha256(readFileSync(join(stack.env.CMS_PUBLIC_DIR, before.photo.url)))).toBe(before.photo.sha256);
    const db = new DatabaseSync(stack.env.INDEXER_QUEUE_FILE, { readOnly: true });
    try {
      const state = Object.fromEntries(
        (db.prepare('SELECT name, value FROM state').all() as { name: string; value: string }[]).map((r) => [
          r.name,
          r.value,
        ]),
      );
      expect(state).toEqual(before.queueState);
    } finally {
      db.close();
    }

    // Start again on the same data folder and environment, then the operator's reindex.
    const started = Date.now();
    for (const name of SERVICES) await stack.startService(name);
    console.log(`stack started again in ${Date.now() - started} ms`);
    const reindex = await run(
      [join(repoRoot, 'search-indexer', 'src', 'cli.ts'), 'reindex'],
      join(repoRoot, 'search-indexer'),
    );
    expect(reindex.status, reindex.stderr + reindex.stdout).toBe(0);
    expect(JSON.parse(reindex.stdout)).toMatchObject({ documents: before.search.total, error: null });
    console.log(`reindex: ${reindex.ms} ms`);

    // The site shows the same activities: search, the catalogue count and the activity pages.
    expect(await publishedActivities()).toEqual(before.activities);
    expect(await siteSearch()).toEqual(before.search);
    expect(await catalogueCount()).toBe(before.catalogue);
    const sample = before.activities.filter((_, i) => i % Math.ceil(before.activities.length / 6) === 0);
    for (const activity of sample) {
      const page = await fetch(`${stack.urls.site}/nl/activiteiten/${activity.slug}`);
      expect(page.status, activity.slug).toBe(200);
      const html = await page.text();
      expect(
        html
          .replace(/&amp;/g, '&')
          .replace(/&#39;/g, "'")
          .replace(/&quot;/g, '"'),
      ).toContain(activity.title);
    }

    // The cms has the same dreams (the admin's password is in the restored database too) and photo.
    admin = await signIn(stack.urls.cms, DEMO_ADMIN.email, stack.env.DEMO_PASSWORD, { fresh: true });
    expect(await cmsDreams()).toEqual(before.dreams);
    const photo = await fetch(`${stack.urls.cms}${before.photo.url}`);
    expect(photo.status).toBe(200);
    expect(sha256(new Uint8Array(await photo.arrayBuffer()))).toBe(before.photo.sha256);
    expect((await request(admin, 'GET', `/upload/files/${before.photo.id}`)).body).toMatchObject({
      url: before.photo.url,
    });

    // The outbox came back with its delivered rows and nothing to deliver again; the indexer is idle.
    expect(await outboxHealth()).toEqual(before.outbox);
    const indexer = (await (await fetch(`${stack.urls.indexer}/health`)).json()) as {
      status: string;
      queue: { length: number };
    };
    expect(indexer).toMatchObject({ status: 'ok', queue: { length: 0 } });
    expect(statSync(archive).isDirectory()).toBe(true);
  }, 300_000); // four services start again: slow on a busy machine
});
