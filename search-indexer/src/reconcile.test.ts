import { describe, expect, it } from 'vitest';
import { diffIndex, expectedPerLocale } from './reconcile.ts';
import { relationFilter } from './sync.ts';

describe('expectedPerLocale', () => {
  it('expects each locale’s own translation, else the Dutch text flagged as fallback', () => {
    const versions = new Map<string, Partial<Record<string, number>>>([
      ['a', { nl: 100, en: 200 }],
      ['b', { nl: 300 }],
      ['c', { en: 400 }], // published in English only
    ]);
    const expected = expectedPerLocale(versions, ['nl', 'en', 'ar']);
    expect(Object.fromEntries(expected.get('nl')!)).toEqual({
      a: { sourceUpdatedAt: 100, fallback: false },
      b: { sourceUpdatedAt: 300, fallback: false },
    });
    expect(Object.fromEntries(expected.get('en')!)).toEqual({
      a: { sourceUpdatedAt: 200, fallback: false },
      b: { sourceUpdatedAt: 300, fallback: true },
      c: { sourceUpdatedAt: 400, fallback: false },
    });
    expect(Object.fromEntries(expected.get('ar')!)).toEqual({
      a: { sourceUpdatedAt: 100, fallback: true },
      b: { sourceUpdatedAt: 300, fallback: true },
    });
  });
});

describe('diffIndex', () => {
  it('finds missing, outdated and extra entries', () => {
    const expected = new Map([
      ['same', { sourceUpdatedAt: 1, fallback: false }],
      ['missing', { sourceUpdatedAt: 1, fallback: false }],
      ['edited', { sourceUpdatedAt: 5, fallback: false }],
      ['translated', { sourceUpdatedAt: 1, fallback: false }],
    ]);
    const indexed = new Map([
      ['same', { sourceUpdatedAt: 1, fallback: false }],
      ['edited', { sourceUpdatedAt: 4, fallback: false }],
      ['translated', { sourceUpdatedAt: 1, fallback: true }],
      ['unpublished', { sourceUpdatedAt: 1, fallback: false }],
      ['legacy', { sourceUpdatedAt: null, fallback: false }],
    ]);
    expected.set('legacy', { sourceUpdatedAt: 1, fallback: false });
    expect(diffIndex(expected, indexed)).toEqual({
      missing: ['missing'],
      outdated: ['edited', 'translated', 'legacy'],
      extra: ['unpublished'],
    });
  });

  it('finds nothing when the index is right', () => {
    const m = new Map([['a', { sourceUpdatedAt: 1, fallback: false }]]);
    expect(diffIndex(m, new Map(m))).toEqual({ missing: [], outdated: [], extra: [] });
  });
});

describe('relationFilter', () => {
  it('finds activities through the relation that shows the document', () => {
    expect(relationFilter('organisation', 'o1')).toEqual({ organisation: { documentId: { $eq: 'o1' } } });
    expect(relationFilter('place', 'p1')).toEqual({ places: { documentId: { $eq: 'p1' } } });
    expect(relationFilter('wijk', 'w1')).toEqual({ places: { wijk: { documentId: { $eq: 'w1' } } } });
    expect(relationFilter('theme', 't1')).toEqual({ themes: { documentId: { $eq: 't1' } } });
  });
});
