import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { SqliteChangeQueue } from './queue.ts';

const dirs: string[] = [];
const queues: SqliteChangeQueue[] = [];
function queueFile(): string {
  const dir = mkdtempSync(join(tmpdir(), 'queue-test-'));
  dirs.push(dir);
  return join(dir, 'queue.db');
}
function track(q: SqliteChangeQueue): SqliteChangeQueue {
  queues.push(q);
  return q;
}
function gate() {
  let release!: () => void;
  const promise = new Promise<void>((r) => (release = r));
  return { promise, release };
}

afterEach(async () => {
  // Some are closed already: that rejection is expected.
  for (const q of queues.splice(0)) await q.close().catch(() => undefined);
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

describe('SqliteChangeQueue', () => {
  it('processes keys in order, in batches, and runs a key changed several times once', async () => {
    const batches: string[][] = [];
    const first = gate();
    const queue = track(
      new SqliteChangeQueue(':memory:', async (keys) => {
        batches.push(keys);
        if (batches.length === 1) await first.promise;
      }),
    );
    void queue.push('a', 'entry.update');
    void queue.push('b', 'entry.update');
    void queue.push('b', 'entry.publish');
    void queue.push('c', 'entry.update');
    first.release();
    await queue.idle();
    // 'a' started alone; b (twice) and c waited and ran together, b once.
    expect(batches).toEqual([['a'], ['b', 'c']]);
    expect(await queue.stats()).toMatchObject({ length: 0, processed: 3, failures: 0 });
  });

  it('runs a key again when it changes while its batch is running', async () => {
    const batches: string[][] = [];
    const first = gate();
    const queue = track(
      new SqliteChangeQueue(':memory:', async (keys) => {
        batches.push(keys);
        if (batches.length === 1) await first.promise;
      }),
    );
    void queue.push('a', 'entry.update');
    await new Promise((r) => setTimeout(r, 10));
    void queue.push('a', 'entry.update'); // the running read may predate this change
    first.release();
    await queue.idle();
    expect(batches).toEqual([['a'], ['a']]);
  });

  it('retries a failing batch with backoff, loses nothing and counts the failures', async () => {
    let calls = 0;
    const done: string[][] = [];
    const queue = track(
      new SqliteChangeQueue(
        ':memory:',
        async (keys) => {
          calls++;
          if (calls <= 3) throw new Error('Meilisearch unreachable');
          done.push(keys);
        },
        { retryDelayMs: () => 5 },
      ),
    );
    void queue.pushMany(['x', 'y'], 'entry.publish');
    await queue.idle();
    expect(done).toEqual([['x', 'y']]);
    expect(await queue.stats()).toMatchObject({ failures: 3, lastError: null, length: 0 });
  });

  it('keeps accepted changes on disk across a restart, including a batch that was running', async () => {
    const file = queueFile();
    const stuck = gate();
    const first = new SqliteChangeQueue(file, () => stuck.promise);
    void first.pushMany(['a', 'b'], 'entry.publish');
    void first.push('c', 'entry.unpublish');
    await new Promise((r) => setTimeout(r, 20));
    await first.close(); // a crash: the running batch never finished

    const seen: string[] = [];
    const second = track(new SqliteChangeQueue(file, async (keys) => void seen.push(...keys)));
    second.pause();
    expect(second.length).toBe(3);
    second.start();
    await second.idle();
    expect(seen.sort()).toEqual(['a', 'b', 'c']);

    const third = track(new SqliteChangeQueue(file, async () => undefined));
    expect(third.length).toBe(0);
  });

  it('runs a task of one name once at a time', async () => {
    const queue = track(new SqliteChangeQueue(':memory:', async () => undefined));
    const running = gate();
    const first = queue.alone('reindex', async () => {
      await running.promise;
      return 'first';
    });
    expect(await queue.alone('reindex', async () => 'second')).toBeNull();
    expect(await queue.alone('reconcile', async () => 'other')).toBe('other');
    running.release();
    expect(await first).toBe('first');
    expect(await queue.alone('reindex', async () => 'third')).toBe('third');
  });

  it('keeps small state notes across a restart', async () => {
    const file = queueFile();
    const first = new SqliteChangeQueue(file, async () => undefined);
    expect(await first.getState('indexVersion')).toBeNull();
    await first.setState('indexVersion', 'a1');
    await first.setState('indexVersion', 'b2');
    await first.close();
    expect(await track(new SqliteChangeQueue(file, async () => undefined)).getState('indexVersion')).toBe('b2');
  });

  it('reports the age of the oldest waiting change', async () => {
    let now = 1_000_000;
    const queue = track(new SqliteChangeQueue(':memory:', async () => undefined, { now: () => now }));
    queue.pause();
    void queue.push('a', 'entry.update');
    now += 4_000;
    void queue.push('b', 'entry.update');
    now += 1_500;
    expect(await queue.stats()).toMatchObject({ length: 2, oldestPendingSeconds: 5.5 });
  });

  it('holds changes while paused and runs them on start', async () => {
    const seen: string[] = [];
    const queue = track(new SqliteChangeQueue(':memory:', async (keys) => void seen.push(...keys)));
    queue.pause();
    void queue.push('a', 'entry.update');
    await new Promise((r) => setTimeout(r, 20));
    expect(seen).toEqual([]);
    queue.start();
    await queue.idle();
    expect(seen).toEqual(['a']);
  });
});
