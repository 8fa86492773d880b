import { describe, expect, it } from 'vitest';
import {
  answerFingerprint,
  checkMultiSearch,
  markupFreeJsonText,
  withShownFilter,
  withShownFilters,
} from './search.ts';

const indexes = new Set(['activities_nl', 'activities_ar']);
const check = (body: unknown) => checkMultiSearch(typeof body === 'string' ? body : JSON.stringify(body), indexes);

describe('the browser search endpoint', () => {
  it('forwards searches on the catalogue indexes', () => {
    const result = check({
      queries: [
        { indexUid: 'activities_nl', q: 'zwemmen', hitsPerPage: 20 },
        { indexUid: 'activities_ar', q: '' },
      ],
    });
    expect(result.ok).toBe(true);
  });

  it('refuses other indexes, federation and oversized requests', () => {
    expect(check({ queries: [{ indexUid: 'dreams', q: '' }] })).toMatchObject({ ok: false, status: 403 });
    expect(check({ queries: [{ indexUid: 'activities_nl', federationOptions: { weight: 1 } }] })).toMatchObject({
      ok: false,
      status: 400,
    });
    expect(check({ federation: {}, queries: [{ indexUid: 'activities_nl' }] })).toMatchObject({
      ok: false,
      status: 400,
    });
    expect(check({ queries: [{ indexUid: 'activities_nl', limit: 100000 }] })).toMatchObject({
      ok: false,
      status: 400,
    });
    expect(check({ queries: Array.from({ length: 21 }, () => ({ indexUid: 'activities_nl' })) })).toMatchObject({
      ok: false,
      status: 400,
    });
    expect(check('{"queries": [')).toMatchObject({ ok: false, status: 400 });
    expect(check('x'.repeat(70_000))).toMatchObject({ ok: false, status: 413 });
  });
});

describe('forwarded search answers', () => {
  it('carry no raw markup and read back as the same value', () => {
    const answer = {
      results: [{ query: '<script>alert(1)</script>', hits: [{ _formatted: { title: '<em>Zwem</em>les & "meer"' } }] }],
      message: 'at `"><img src=x onerror=alert(1)>`\u2028',
    };
    const text = markupFreeJsonText(JSON.stringify(answer));
    expect(text).not.toMatch(/[<>&\u2028]/);
    expect(JSON.parse(text)).toEqual(answer);
  });
});

describe('answerFingerprint', () => {
  it('is equal for answers that differ only in timings, and differs when a hit or count differs', () => {
    const answer = (ms: number, hits: string[]) => ({
      results: [
        {
          hits: hits.map((id) => ({ id })),
          nbHits: hits.length,
          processingTimeMS: ms,
          facets: { themes: { sport: 2 } },
        },
      ],
    });
    expect(answerFingerprint(answer(3, ['a', 'b']))).toBe(answerFingerprint(answer(17, ['a', 'b'])));
    expect(answerFingerprint(answer(3, ['a', 'b']))).not.toBe(answerFingerprint(answer(3, ['a', 'c'])));
    expect(answerFingerprint({ processingTimeMs: 1, hits: [] })).toBe(
      answerFingerprint({ processingTimeMs: 9, hits: [] }),
    );
  });
});

describe('activities past their freshness limit', () => {
  const now = 1_800_000_000_000;
  it('are filtered out of every search at the moment of the query', () => {
    expect(withShownFilter(undefined, now)).toBe('shownUntil > 1800000000000');
    expect(withShownFilter('free = true', now)).toEqual(['free = true', 'shownUntil > 1800000000000']);
    expect(withShownFilter([['wijk = a', 'wijk = b'], 'free = true'], now)).toEqual([
      ['wijk = a', 'wijk = b'],
      'free = true',
      'shownUntil > 1800000000000',
    ]);
  });
  it('also in the first render, through instant-meilisearch', () => {
    expect(withShownFilters({ indexName: 'x', params: { query: 'judo' } }, now).params).toEqual({
      query: 'judo',
      filters: 'shownUntil > 1800000000000',
    });
    expect(withShownFilters({ indexName: 'x', params: { filters: 'free = true' } }, now).params?.filters).toBe(
      '(free = true) AND shownUntil > 1800000000000',
    );
  });
});
