import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, openSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { indexName, type SearchDocument } from '@droomkaart/shared';
import { PostgresChangeQueue } from '@droomkaart/search-indexer/postgres-queue';
import { startPostgres, type PostgresCluster } from '../../scripts/lib/postgres.ts';
import { postgresPort, repoRoot, startTestStack, type TestStack } from '../utils/stack.ts';
import {
  activityData,
  createActivity,
  createOrganisation,
  DEMO_ADMIN,
  publishActivity,
  signIn,
} from '../utils/cms-admin.ts';
import { meiliAdmin } from '../utils/meili.ts';
import { PORT_OFFSET, portShift } from '../utils/ports.ts';

// Two indexer instances on one change queue in PostgreSQL (INDEXER_QUEUE_URL, pg-boss): first the
// queue itself with two holders in this process and one in a child process that is killed with
// SIGKILL mid-batch, then two real indexer processes in front of one cms and one Meilisearch.
let postgres: PostgresCluster;
const queues: PostgresChangeQueue[] = [];
const queueModule = fileURLToPath(import.meta.resolve('@droomkaart/search-indexer/postgres-queue'));

beforeAll(async () => {
  postgres = await startPostgres({
    port: postgresPort(PORT_OFFSET.indexerCluster + portShift()),
    name: 'indexer-cluster',
  });
});

afterAll(async () => {
  for (const q of queues) await q.close();
  await postgres?.stop();
});

function open(work: (keys: string[]) => Promise<void>): PostgresChangeQueue {
  const q = new PostgresChangeQueue(postgres.url, work, { batchSize: 10 });
  queues.push(q);
  return q;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function until(what: string, ok: () => boolean | Promise<boolean>, timeoutMs = 30_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await ok())) {
    if (Date.now() > deadline) throw new Error(`${what}: not reached within ${timeoutMs} ms`);
    await sleep(100);
  }
}

describe('the change queue in PostgreSQL, two instances', () => {
  it('shares the keys: every key runs, never on two instances at once, and again when it changed meanwhile', async () => {
    const running = new Set<string>();
    const runs: { key: string; by: string }[] = [];
    let overlap = 0;
    const worker = (by: string) => async (keys: string[]) => {
      for (const key of keys) {
        if (running.has(key)) overlap++;
        running.add(key);
      }
      await sleep(keys.includes('activity:slow') ? 1500 : 60);
      for (const key of keys) {
        running.delete(key);
        runs.push({ key, by });
      }
    };
    const a = open(worker('a'));
    const b = open(worker('b'));
    a.start();
    b.start();
    const keys = Array.from({ length: 40 }, (_, i) => `activity:k${i}`);
    // Accepted on both instances, some keys twice.
    await Promise.all([a.pushMany(keys.slice(0, 25), 'entry.publish'), b.pushMany(keys.slice(15), 'entry.update')]);
    await a.push('activity:slow', 'entry.update');
    await until('slow key running', () => running.has('activity:slow'));
    await b.push('activity:slow', 'entry.update'); // the running read may predate this change
    await a.idle(60_000);

    expect(overlap).toBe(0);
    for (const key of keys) expect(runs.filter((r) => r.key === key).length).toBeGreaterThanOrEqual(1);
    // A key accepted once runs once (keys 15–24 were accepted twice and may run twice).
    for (const key of [...keys.slice(0, 15), ...keys.slice(25)])
      expect(runs.filter((r) => r.key === key).length).toBe(1);
    expect(runs.filter((r) => r.key === 'activity:slow').length).toBe(2);
    // Both instances did part of the work.
    expect(new Set(runs.map((r) => r.by))).toEqual(new Set(['a', 'b']));
    expect((await b.stats()).length).toBe(0);
    a.pause();
    b.pause();
  }, 90_000);

  it('retries a failing key with backoff and loses nothing', async () => {
    let calls = 0;
    const done: string[] = [];
    const q = open(async (keys) => {
      calls++;
      if (calls <= 2) throw new Error('Meilisearch unreachable');
      done.push(...keys);
    });
    q.start();
    await q.push('activity:flaky', 'entry.publish');
    await q.idle(60_000);
    expect(done).toEqual(['activity:flaky']);
    expect(q.failures).toBe(2);
    q.pause();
  }, 90_000);

  it('gives the work of an instance killed mid-batch to another one', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'indexer-cluster-'));
    const script = join(dir, 'stuck.ts');
    // A holder whose sync never ends: it takes the key, says so, and is then killed with SIGKILL.
    writeFileSync(
      script,
      `import { PostgresChangeQueue } from ${JSON.stringify(queueModule)};
const q = new PostgresChangeQueue(process.env.URL, async (keys) => { console.log('took ' + keys.join(',')); await new Promise(() => {}); });
q.start();
await q.push('activity:orphan', 'entry.publish');
`,
    );
    let child: ChildProcess | undefined;
    try {
      child = spawn(process.execPath, [script], {
        env: { ...process.env, URL: postgres.url },
        stdio: ['ignore', 'pipe', 'inherit'],
      });
      let out = '';
      child.stdout!.on('data', (d) => (out += d));
      await until('the child took the key', () => out.includes('took activity:orphan'), 30_000);
      const done: string[] = [];
      const survivor = open(async (keys) => void done.push(...keys));
      survivor.start();
      await sleep(1000);
      expect(done).toEqual([]); // still held by the living child
      const killedAt = Date.now();
      child.kill('SIGKILL');
      await until('the survivor ran the orphaned key', () => done.includes('activity:orphan'), 60_000);
      const seconds = (Date.now() - killedAt) / 1000;
      console.log(`[indexer-cluster] a key held by a killed instance ran elsewhere after ${seconds.toFixed(1)} s`);
      expect(seconds).toBeLessThan(40);
      survivor.pause();
    } finally {
      child?.kill('SIGKILL');
      rmSync(dir, { recursive: true, force: true });
    }
  }, 120_000);

  it('runs a reindex or reconcile on one instance at a time', async () => {
    const a = open(async () => undefined);
    const b = open(async () => undefined);
    let release!: () => void;
    const held = new Promise<void>((r) => (release = r));
    const first = a.alone('reindex', async () => {
      await held;
      return 'a';
    });
    await sleep(300);
    expect(await b.alone('reindex', async () => 'b')).toBeNull();
    expect(await b.alone('reconcile', async () => 'b')).toBe('b');
    release();
    expect(await first).toBe('a');
    expect(await b.alone('reindex', async () => 'b')).toBe('b');
  });
});

describe('two indexer processes on one queue', () => {
  let stack: TestStack;
  let second: ChildProcess | undefined;
  let secondUrl: string;

  beforeAll(async () => {
    stack = await startTestStack({
      name: 'indexer-cluster',
      portOffset: PORT_OFFSET.indexerCluster + 5,
      services: ['meilisearch', 'cms', 'indexer'],
      env: { INDEXER_QUEUE_URL: postgres.url },
    });
    const port = Number(stack.env.INDEXER_PORT) + 1;
    secondUrl = `http://127.0.0.1:${port}`;
    const secondLog = join(stack.dataDir, 'logs', 'indexer-2.log');
    second = spawn(process.execPath, [join(repoRoot, 'search-indexer', 'src', 'server.ts')], {
      cwd: join(repoRoot, 'search-indexer'),
      env: { ...process.env, ...stack.env, INDEXER_PORT: String(port) },
      stdio: ['ignore', openSync(secondLog, 'a'), openSync(secondLog, 'a')],
    });
    await until(
      'second indexer healthy',
      async () => (await fetch(`${secondUrl}/health`).catch(() => null))?.ok === true,
      120_000,
    );
  }, 400_000);

  afterAll(async () => {
    second?.kill('SIGTERM');
    await stack?.cleanup();
  });

  it('start side by side on one queue and one Meilisearch, and keep the index fresh', async () => {
    const admin = await signIn(stack.urls.cms, DEMO_ADMIN.email, stack.env.DEMO_PASSWORD);
    const meili = meiliAdmin(stack.urls.meilisearch, stack.env.MEILI_MASTER_KEY);
    const org = await createOrganisation(admin, 'Twee Indexers');
    const { documentId } = await createActivity(
      admin,
      activityData({ title: 'Samen klimmen', slug: 'samen-klimmen' }, org),
    );
    await publishActivity(admin, documentId);
    const findable = async (id: string) =>
      (
        await meili.index<SearchDocument>(indexName('nl')).getDocuments({
          filter: `documentId = ${JSON.stringify(id)}`,
          limit: 1,
        })
      ).results.length === 1;
    await until('first activity findable', () => findable(documentId), 30_000);

    // Both instances are healthy and share one queue.
    const healthA = await (await fetch(`${stack.urls.indexer}/health`)).json();
    const healthB = await (await fetch(`${secondUrl}/health`)).json();
    expect(healthA.status).toBe('ok');
    expect(healthB.status).toBe('ok');

    // The first instance goes away; a change the second one accepted is synced by it alone.
    await stack.stopService('indexer');
    const { documentId: other } = await createActivity(
      admin,
      activityData({ title: 'Samen zwemmen', slug: 'samen-zwemmen' }, org),
    );
    // The cms's change outbox delivers to the first instance only, which is gone: its row waits.
    // Delivered to the second instance as the relay would, it is synced by that one alone.
    await publishActivity(admin, other);
    const res = await fetch(`${secondUrl}/changes`, {
      method: 'POST',
      headers: { authorization: `Bearer ${stack.env.INDEXER_WEBHOOK_SECRET}`, 'content-type': 'application/json' },
      body: JSON.stringify({ keys: [`activity:${other}`] }),
    });
    expect(res.status).toBe(202);
    await until('second activity findable', () => findable(other), 30_000);
    await stack.startService('indexer');
  }, 180_000);

  it('answers a reindex 409 while another instance holds it', async () => {
    let release!: () => void;
    const held = new Promise<void>((r) => (release = r));
    const other = open(async () => undefined).alone('reindex', () => held);
    await sleep(300);
    try {
      const res = await fetch(`${secondUrl}/admin/reindex?wait=true`, {
        method: 'POST',
        headers: { authorization: `Bearer ${stack.env.INDEXER_ADMIN_SECRET}` },
      });
      expect(res.status).toBe(409);
      expect((await res.json()).error).toMatch(/another indexer instance is reindexing now/);
    } finally {
      release();
      await other;
    }
  }, 60_000);
});
