import { describe, expect, it } from 'vitest';
import { KeyedQueue } from './queue.ts';

describe('KeyedQueue', () => {
  it('processes keys in order, in batches, and coalesces a key that is still waiting', async () => {
    const batches: string[][] = [];
    let release!: () => void;
    const gate = new Promise<void>((r) => (release = r));
    const queue = new KeyedQueue(async (keys) => {
      batches.push(keys);
      if (batches.length === 1) await gate;
    });
    queue.push('a');
    queue.push('b');
    queue.push('b');
    queue.push('c');
    expect(queue.length).toBe(3);
    release();
    await queue.idle();
    expect(batches).toEqual([['a'], ['b', 'c']]);
  });

  it('runs a key again when it is pushed while its batch is running', async () => {
    let release!: () => void;
    const gate = new Promise<void>((r) => (release = r));
    const batches: string[][] = [];
    const queue = new KeyedQueue(async (keys) => {
      batches.push(keys);
      if (batches.length === 1) await gate;
    });
    queue.push('a');
    await new Promise((r) => setTimeout(r, 10)); // 'a' is now running
    queue.push('a');
    queue.push('a');
    release();
    await queue.idle();
    expect(batches).toEqual([['a'], ['a']]);
  });

  it('limits the batch size', async () => {
    const batches: string[][] = [];
    const queue = new KeyedQueue(async (keys) => void batches.push(keys), { batchSize: 2 });
    for (const k of ['a', 'b', 'c', 'd', 'e']) queue.push(k);
    await queue.idle();
    expect(batches.flat()).toEqual(['a', 'b', 'c', 'd', 'e']);
    expect(Math.max(...batches.map((b) => b.length))).toBeLessThanOrEqual(2);
  });

  it('retries a failing batch until it succeeds, without losing or duplicating keys', async () => {
    let attempts = 0;
    const done: string[] = [];
    const queue = new KeyedQueue(
      async (keys) => {
        attempts++;
        if (attempts < 3) {
          queue.push('x'); // pushed again while failing: must not run twice
          throw new Error('meilisearch down');
        }
        done.push(...keys);
      },
      { retryDelayMs: () => 1 },
    );
    queue.push('x');
    queue.push('y');
    await queue.idle();
    expect(attempts).toBe(3);
    expect(done).toEqual(['x', 'y']);
    expect(queue.lastError).toBeNull();
    expect(queue.lastProcessedAt).toBeInstanceOf(Date);
  });
});
