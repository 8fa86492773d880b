import { describe, expect, it } from 'vitest';
import { changeKey, MAX_KEYS_PER_DELIVERY, parseChangeKey, readDelivery } from './changes.ts';

describe('change keys', () => {
  it('names activities and the documents they show', () => {
    expect(changeKey('activity', 'abc')).toBe('activity:abc');
    expect(parseChangeKey('place:p1')).toEqual({ type: 'place', documentId: 'p1' });
    expect(parseChangeKey('dream:d1')).toBeNull();
    expect(parseChangeKey('activity')).toBeNull();
  });
});

describe('readDelivery', () => {
  it('takes the keys of a delivery, each once, in order', () => {
    expect(readDelivery({ keys: ['activity:a', 'organisation:o', 'activity:a', 'theme:t'] })).toEqual({
      keys: ['activity:a', 'organisation:o', 'theme:t'],
    });
    expect(readDelivery({ keys: [] })).toEqual({ keys: [] });
  });

  it('refuses a delivery with anything but change keys, queueing none of it', () => {
    expect(readDelivery({})).toMatchObject({ error: expect.stringContaining('keys missing') });
    expect(readDelivery(null)).toMatchObject({ error: expect.any(String) });
    expect(readDelivery({ keys: 'activity:a' })).toMatchObject({ error: expect.any(String) });
    for (const bad of ['dream:secret', 'activity:', 'user:1', 42, null, `activity:${'x'.repeat(300)}`])
      expect(readDelivery({ keys: ['activity:ok', bad] })).toMatchObject({
        error: expect.stringContaining('not a change key'),
      });
  });

  it('refuses more keys than one delivery may carry', () => {
    const keys = Array.from({ length: MAX_KEYS_PER_DELIVERY + 1 }, (_, i) => `activity:a${i}`);
    expect(readDelivery({ keys })).toMatchObject({ error: expect.stringContaining(String(MAX_KEYS_PER_DELIVERY)) });
    expect(readDelivery({ keys: keys.slice(1) })).toMatchObject({ keys: expect.any(Array) });
  });
});
