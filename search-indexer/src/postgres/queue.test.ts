import { describe, expect, it } from 'vitest';
import { keysOf, lockId, queueOptions } from './queue.ts';

describe('the PostgreSQL change queue, its pure parts', () => {
  it('runs each key of a batch once, in the order the changes came', () => {
    const job = (key: string) => ({ data: { key, event: 'entry.update' } });
    expect(keysOf([job('activity:b'), job('activity:a'), job('activity:b'), job('place:c')])).toEqual([
      'activity:b',
      'activity:a',
      'place:c',
    ]);
    expect(keysOf([])).toEqual([]);
  });

  it('gives each task one lock number, the same in every instance', () => {
    expect(lockId('reindex')).toBe(lockId('reindex'));
    expect(lockId('reindex')).not.toBe(lockId('reconcile'));
    expect(Number.isInteger(lockId('reconcile'))).toBe(true);
    expect(Math.abs(lockId('reconcile'))).toBeLessThan(2 ** 31);
  });

  it('keeps a key on one worker at a time, retries with backoff and drops nothing', () => {
    const o = queueOptions();
    expect(o.policy).toBe('singleton');
    expect(o.retryBackoff).toBe(true);
    expect(o.retryLimit).toBeGreaterThan(10_000);
    // A dead instance's jobs come back within seconds, not after the 15-minute expiry.
    expect(o.heartbeatSeconds).toBeLessThanOrEqual(15);
    expect(o.retentionSeconds).toBeGreaterThanOrEqual(7 * 24 * 3600);
  });
});
