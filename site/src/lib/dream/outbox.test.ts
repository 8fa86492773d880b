import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { DreamOutbox } from './outbox.ts';

const dirs: string[] = [];
function open(now: () => number = Date.now) {
  const dir = mkdtempSync(join(tmpdir(), 'dream-outbox-'));
  dirs.push(dir);
  const file = join(dir, 'sub', 'outbox.db');
  return { file, outbox: new DreamOutbox(file, { now }) };
}
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

describe('dream outbox', () => {
  it('keeps a dream across a restart and stores a repeated one once', () => {
    const { file, outbox } = open();
    expect(outbox.add('a', { firstName: 'Sem' })).toBe(true);
    expect(outbox.add('a', { firstName: 'Sem' })).toBe(false);
    outbox.close();
    const again = new DreamOutbox(file);
    expect(again.get('a')).toMatchObject({ status: 'pending', payload: '{"firstName":"Sem"}', attempts: 0 });
    expect(again.stats()).toMatchObject({ pending: 1, rejected: 0, delivered: 0 });
    again.close();
  });

  it('erases the content once delivered and keeps only id, status and times', () => {
    let now = 1000;
    const { outbox } = open(() => now);
    outbox.add('a', { firstName: 'Sem', phone: '+31612345678' });
    now = 5000;
    outbox.markDelivered('a', 'doc1');
    expect(outbox.get('a')).toMatchObject({
      status: 'delivered',
      payload: null,
      documentId: 'doc1',
      deliveredAt: 5000,
      createdAt: 1000,
    });
    expect(outbox.stats()).toEqual({ pending: 0, rejected: 0, delivered: 1, oldestPendingSeconds: 0 });
    now = 5000 + 31 * 86_400_000;
    expect(outbox.prune(30 * 86_400_000)).toBe(1);
    expect(outbox.get('a')).toBeNull();
  });

  it('claims due dreams once (lease), retries later and tells the oldest waiting age', () => {
    let now = 10_000;
    const { outbox } = open(() => now);
    outbox.add('a', {});
    now = 11_000;
    outbox.add('b', {});
    expect(outbox.claimDue(10).map((r) => r.id)).toEqual(['a', 'b']);
    expect(outbox.claimDue(10)).toEqual([]);
    outbox.markRetry('a', 20_000, 'HTTP 503');
    outbox.markDelivered('b', 'x');
    now = 15_000;
    expect(outbox.claimDue(10)).toEqual([]);
    expect(outbox.nextDueAt()).toBe(20_000);
    expect(outbox.stats()).toMatchObject({ pending: 1, oldestPendingSeconds: 5 });
    outbox.expediteAll();
    expect(outbox.claimDue(10).map((r) => [r.id, r.attempts, r.lastError])).toEqual([['a', 1, 'HTTP 503']]);
  });

  it('keeps a refused dream for a person, who can send it again or discard it', () => {
    const { outbox } = open();
    outbox.add('a', { firstName: 'Sem' });
    outbox.markRejected('a', '400 phone: Dit is geen mobiel nummer.');
    expect(outbox.claimDue(10)).toEqual([]);
    expect(outbox.stats()).toMatchObject({ pending: 0, rejected: 1 });
    expect(outbox.list('rejected')[0]).toMatchObject({ id: 'a', payload: '{"firstName":"Sem"}' });
    expect(outbox.retry('a')).toBe(true);
    expect(outbox.claimDue(10).map((r) => r.id)).toEqual(['a']);
    outbox.markRejected('a', '400');
    expect(outbox.discard('a')).toBe(true);
    expect(outbox.stats().rejected).toBe(0);
  });
});
