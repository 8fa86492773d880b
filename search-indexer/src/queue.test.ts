import { describe, expect, it } from 'vitest';
import { KeyedQueue } from './queue.ts';

describe('KeyedQueue', () => {
  it('processes keys in order and coalesces a key that is still waiting', async () => {
    const seen: string[] = [];
    let release!: () => void;
    const gate = new Promise<void>((r) => (release = r));
    const queue = new KeyedQueue(async (key) => {
      if (key === 'a') await gate;
      seen.push(key);
    });
    queue.push('a');
    queue.push('b');
    queue.push('b');
    queue.push('c');
    expect(queue.length).toBe(3);
    release();
    await queue.idle();
    expect(seen).toEqual(['a', 'b', 'c']);
  });

  it('runs a key again when it is pushed while that key is running', async () => {
    let release!: () => void;
    const gate = new Promise<void>((r) => (release = r));
    const seen: string[] = [];
    const queue = new KeyedQueue(async (key) => {
      if (seen.length === 0) await gate;
      seen.push(key);
    });
    queue.push('a');
    await new Promise((r) => setTimeout(r, 10)); // 'a' is now running
    queue.push('a');
    queue.push('a');
    release();
    await queue.idle();
    expect(seen).toEqual(['a', 'a']);
  });

  it('retries a failing job until it succeeds, without losing it', async () => {
    let attempts = 0;
    const queue = new KeyedQueue(
      async () => {
        attempts++;
        if (attempts < 3) throw new Error('meilisearch down');
      },
      () => 1,
    );
    queue.push('x');
    await queue.idle();
    expect(attempts).toBe(3);
    expect(queue.lastError).toBeNull();
    expect(queue.lastProcessedAt).toBeInstanceOf(Date);
  });
});
