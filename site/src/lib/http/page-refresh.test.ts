import { describe, expect, it } from 'vitest';
import { isPageRefresh, mustReload, REFRESH_HEADER, withFreshReads } from './page-refresh.ts';
import { createReadCache } from '../cms/cache.ts';

describe('page refresh', () => {
  const secret = 'a1b2c3d4e5f60718293a4b5c6d7e8f90';
  it('is a refresh only with the exact secret, never with an empty one', () => {
    expect(isPageRefresh(new Headers({ [REFRESH_HEADER]: secret }), secret)).toBe(true);
    expect(isPageRefresh(new Headers({ [REFRESH_HEADER]: `${secret}x` }), secret)).toBe(false);
    expect(isPageRefresh(new Headers({ [REFRESH_HEADER]: 'nope' }), secret)).toBe(false);
    expect(isPageRefresh(new Headers(), secret)).toBe(false);
    expect(isPageRefresh(new Headers({ [REFRESH_HEADER]: '' }), '')).toBe(false);
  });

  it('reloads each key once per refresh render, and not outside one', async () => {
    expect(mustReload('a')).toBe(false);
    await withFreshReads(async () => {
      expect(mustReload('a')).toBe(true);
      expect(mustReload('a')).toBe(false);
      expect(mustReload('b')).toBe(true);
    });
    await withFreshReads(async () => expect(mustReload('a')).toBe(true));
  });

  it('makes the cms read cache load a fresh answer and keep it for everyone', async () => {
    let t = 0;
    const cache = createReadCache<string>({ seconds: 30, now: () => t });
    let version = 'old';
    let loads = 0;
    const load = async () => {
      loads++;
      return version;
    };
    expect(await cache.get('activity', load)).toBe('old');
    version = 'new';
    t = 1_000;
    // An ordinary render still gets the kept answer.
    expect(await cache.get('activity', load)).toBe('old');
    // A refresh render reads the cms once, however often it asks.
    const seen = await withFreshReads(async () => [
      await cache.get('activity', load),
      await cache.get('activity', load),
    ]);
    expect(seen).toEqual(['new', 'new']);
    expect(loads).toBe(2);
    // And the next ordinary render gets the new answer from memory.
    expect(await cache.get('activity', load)).toBe('new');
    expect(loads).toBe(2);
  });
});
