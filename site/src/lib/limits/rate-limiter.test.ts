import { describe, expect, it } from 'vitest';
import { RateLimiter } from './rate-limiter.ts';

// In memory (no LIMITS_DATABASE_URL): the shared PostgreSQL count is tested with a real database
// in tests/integration/shared-limits.test.ts.
const inMemory = { shared: null };

describe('rate limiter', () => {
  it('allows up to the limit within the window, then again once the window has passed', async () => {
    const limiter = new RateLimiter(3, 10_000, inMemory);
    const taken = [];
    for (const i of [0, 1, 2, 3]) taken.push(await limiter.take('a', 1000 + i));
    expect(taken).toEqual([true, true, true, false]);
    expect(await limiter.take('b', 1005)).toBe(true);
    expect(await limiter.allows('a', 10_999)).toBe(false);
    expect(await limiter.allows('a', 11_001)).toBe(true);
  });

  it('checks without counting, and counts separately', async () => {
    const limiter = new RateLimiter(1, 1000, inMemory);
    expect(await limiter.allows('x', 0)).toBe(true);
    expect(await limiter.allows('x', 0)).toBe(true);
    await limiter.hit('x', 0);
    expect(await limiter.allows('x', 1)).toBe(false);
  });

  it('gives the last hit to one of two requests that ask at the same moment', async () => {
    const limiter = new RateLimiter(1, 1000, inMemory);
    expect(await Promise.all([limiter.take('x', 0), limiter.take('x', 0)])).toEqual([true, false]);
  });

  it('is off with a limit of 0', async () => {
    const limiter = new RateLimiter(0, 1000, inMemory);
    for (let i = 0; i < 100; i++) expect(await limiter.take('x', i)).toBe(true);
    expect(limiter.size).toBe(0);
  });

  it('keeps memory bounded under a flood of keys', async () => {
    const limiter = new RateLimiter(5, 60_000, { ...inMemory, maxKeys: 100 });
    for (let i = 0; i < 1000; i++) await limiter.hit(`k${i}`, i);
    expect(limiter.size).toBeLessThanOrEqual(100);
  });
});
