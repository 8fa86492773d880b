import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { ChangeQueue } from './queue.ts';

const dirs: string[] = [];
const queues: ChangeQueue[] = [];
function queueFile(): string {
  const dir = mkdtempSync(join(tmpdir(), 'queue-test-'));
  dirs.push(dir);
  return join(dir, 'queue.db');
}
function track(q: ChangeQueue): ChangeQueue {
  queues.push(q);
  return q;
}
function gate() {
  let release!: () => void;
  const promise = new Promise<void>((r) => (release = r));
  return { promise, release };
}

afterEach(() => {
  for (const q of queues.splice(0)) {
    try {
      q.close();
    } catch {
      // already closed
    }
  }
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

describe('ChangeQueue', () => {
  it('processes keys in order, in batches, and runs a key changed several times once', async () => {
    const batches: string[][] = [];
    const first = gate();
    const queue = track(
      new ChangeQueue(':memory:', async (keys) => {
        batches.push(keys);
        if (batches.length === 1) await first.promise;
      }),
    );
    queue.push('a', 'entry.update');
    queue.push('b', 'entry.update');
    queue.push('b', 'entry.publish');
    queue.push('c', 'entry.update');
    first.release();
    await queue.idle();
    // 'a' started alone; b (twice) and c waited and ran together, b once.
    expect(batches).toEqual([['a'], ['b', 'c']]);
    expect(queue.stats()).toMatchObject({ length: 0, processed: 3, failures: 0 });
  });

  it('runs a key again when it changes while its batch is running', async () => {
    const batches: string[][] = [];
    const first = gate();
    const queue = track(
      new ChangeQueue(':memory:', async (keys) => {
        batches.push(keys);
        if (batches.length === 1) await first.promise;
      }),
    );
    queue.push('a', 'entry.update');
    await new Promise((r) => setTimeout(r, 10));
    queue.push('a', 'entry.update'); // the running read may predate this change
    first.release();
    await queue.idle();
    expect(batches).toEqual([['a'], ['a']]);
  });

  it('retries a failing batch with backoff, loses nothing and counts the failures', async () => {
    let calls = 0;
    const done: string[][] = [];
    const queue = track(
      new ChangeQueue(
        ':memory:',
        async (keys) => {
          calls++;
          if (calls <= 3) throw new Error('Meilisearch unreachable');
          done.push(keys);
        },
        { retryDelayMs: () => 5 },
      ),
    );
    queue.pushMany(['x', 'y'], 'entry.publish');
    await queue.idle();
    expect(done).toEqual([['x', 'y']]);
    expect(queue.stats()).toMatchObject({ failures: 3, lastError: null, length: 0 });
  });

  it('keeps accepted changes on disk across a restart, including a batch that was running', async () => {
    const file = queueFile();
    const stuck = gate();
    const first = new ChangeQueue(file, () => stuck.promise);
    first.pushMany(['a', 'b'], 'entry.publish');
    first.push('c', 'entry.unpublish');
    await new Promise((r) => setTimeout(r, 20));
    first.close(); // a crash: the running batch never finished

    const seen: string[] = [];
    const second = track(new ChangeQueue(file, async (keys) => void seen.push(...keys)));
    second.pause();
    expect(second.length).toBe(3);
    second.start();
    await second.idle();
    expect(seen.sort()).toEqual(['a', 'b', 'c']);

    const third = track(new ChangeQueue(file, async () => undefined));
    expect(third.length).toBe(0);
  });

  it('keeps small state notes across a restart', () => {
    const file = queueFile();
    const first = new ChangeQueue(file, async () => undefined);
    expect(first.getState('indexVersion')).toBeNull();
    first.setState('indexVersion', 'a1');
    first.setState('indexVersion', 'b2');
    first.close();
    expect(track(new ChangeQueue(file, async () => undefined)).getState('indexVersion')).toBe('b2');
  });

  it('reports the age of the oldest waiting change', () => {
    let now = 1_000_000;
    const queue = track(new ChangeQueue(':memory:', async () => undefined, { now: () => now }));
    queue.pause();
    queue.push('a', 'entry.update');
    now += 4_000;
    queue.push('b', 'entry.update');
    now += 1_500;
    expect(queue.stats()).toMatchObject({ length: 2, oldestPendingSeconds: 5.5 });
  });

  it('holds changes while paused and runs them on start', async () => {
    const seen: string[] = [];
    const queue = track(new ChangeQueue(':memory:', async (keys) => void seen.push(...keys)));
    queue.pause();
    queue.push('a', 'entry.update');
    await new Promise((r) => setTimeout(r, 20));
    expect(seen).toEqual([]);
    queue.start();
    await queue.idle();
    expect(seen).toEqual(['a']);
  });
});
