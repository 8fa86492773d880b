import { describe, expect, it } from 'vitest';
import { RateLimiter } from './limits.ts';

describe('rate limiter', () => {
  it('allows up to the limit within the window, then again once the window has passed', () => {
    const limiter = new RateLimiter(3, 10_000);
    expect([0, 1, 2, 3].map((i) => limiter.take('a', 1000 + i))).toEqual([true, true, true, false]);
    expect(limiter.take('b', 1005)).toBe(true);
    expect(limiter.allows('a', 10_999)).toBe(false);
    expect(limiter.allows('a', 11_001)).toBe(true);
  });

  it('checks without counting, and counts separately', () => {
    const limiter = new RateLimiter(1, 1000);
    expect(limiter.allows('x', 0)).toBe(true);
    expect(limiter.allows('x', 0)).toBe(true);
    limiter.hit('x', 0);
    expect(limiter.allows('x', 1)).toBe(false);
  });

  it('is off with a limit of 0', () => {
    const limiter = new RateLimiter(0, 1000);
    for (let i = 0; i < 100; i++) expect(limiter.take('x', i)).toBe(true);
    expect(limiter.size).toBe(0);
  });

  it('keeps memory bounded under a flood of keys', () => {
    const limiter = new RateLimiter(5, 60_000, 100);
    for (let i = 0; i < 1000; i++) limiter.hit(`k${i}`, i);
    expect(limiter.size).toBeLessThanOrEqual(100);
  });
});
