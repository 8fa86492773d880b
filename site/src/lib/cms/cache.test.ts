import { describe, expect, it } from 'vitest';
import { createReadCache, ERROR_MS, NEGATIVE_MS, publicPageHeaders, STALE_IF_ERROR_MS } from './cache.ts';

// The cache with a clock the test moves and loaders the test controls: every assertion counts the
// loads that really happened.

function setup(seconds = 30, extra: { maxEntries?: number } = {}) {
  let t = 1_000_000;
  const logs: string[] = [];
  const cache = createReadCache<unknown>({ seconds, now: () => t, log: (m) => logs.push(m), ...extra });
  return { cache, logs, advance: (ms: number) => (t += ms) };
}

/** A loader that counts its calls and answers from `answer` (a value, or an Error to throw). */
function counter(answer: () => unknown) {
  const calls = { n: 0 };
  const load = async () => {
    calls.n++;
    await new Promise((r) => setTimeout(r, 5)); // a real wait, so concurrent callers overlap
    const a = answer();
    if (a instanceof Error) throw a;
    return a;
  };
  return { calls, load };
}

/** Lets a background refresh finish. */
const settle = () => new Promise((r) => setTimeout(r, 30));

describe('createReadCache', () => {
  it('coalesces concurrent misses for one key into one load', async () => {
    const { cache } = setup();
    const { calls, load } = counter(() => ({ title: 'Zwemles' }));
    const results = await Promise.all(Array.from({ length: 50 }, () => cache.get('activity:nl:zwemles', load)));
    expect(calls.n).toBe(1);
    expect(new Set(results).size).toBe(1);
    expect(results[0]).toEqual({ title: 'Zwemles' });
    // Other keys are loaded on their own.
    await cache.get('activity:nl:judo', load);
    expect(calls.n).toBe(2);
  });

  it('keeps an answer that came back equal as the same object, and a changed one as a new object', async () => {
    const { cache, advance } = setup(30);
    let version = 1;
    const { calls, load } = counter(() => ({ title: 'Zwemles', version }));
    const first = await cache.get('k', load);
    advance(31_000);
    const again = await cache.get('k', load);
    expect(calls.n).toBe(2);
    expect(again).toBe(first);
    version = 2;
    advance(31_000);
    const changed = await cache.get('k', load);
    expect(calls.n).toBe(3);
    expect(changed).not.toBe(first);
    expect(changed).toEqual({ title: 'Zwemles', version: 2 });
  });

  it('serves a fresh answer without loading, refreshes in the background after half the time, and never serves one older than the time', async () => {
    const { cache, advance } = setup(30);
    let version = 1;
    const { calls, load } = counter(() => ({ version }));
    expect(await cache.get('k', load)).toEqual({ version: 1 });

    advance(14_000);
    version = 2;
    expect(await cache.get('k', load)).toEqual({ version: 1 }); // fresh: no load
    expect(calls.n).toBe(1);

    advance(2_000); // 16 s: stale, still young enough → old answer at once, one refresh behind it
    const during = await Promise.all(Array.from({ length: 20 }, () => cache.get('k', load)));
    expect(during.every((v) => (v as { version: number }).version === 1)).toBe(true);
    await settle();
    expect(calls.n).toBe(2);
    expect(await cache.get('k', load)).toEqual({ version: 2 });

    // Nobody asks for 31 s: the next request waits for the cms instead of getting a 31 s old answer.
    advance(31_000);
    version = 3;
    expect(await cache.get('k', load)).toEqual({ version: 3 });
    expect(calls.n).toBe(3);
  });

  it('keeps serving the last good answer while the cms fails, for a bounded time, and logs it', async () => {
    const { cache, advance, logs } = setup(30);
    let answer: unknown = { version: 1 };
    const { calls, load } = counter(() => answer);
    await cache.get('k', load);

    answer = new Error('cms answered 502 for activities');
    advance(20_000); // stale: served at once, the background refresh fails
    expect(await cache.get('k', load)).toEqual({ version: 1 });
    await settle();
    expect(logs.some((m) => m.includes('502') && m.includes('serving the copy from 20 s ago'))).toBe(true);

    advance(60_000); // 80 s old, past 30 s, but the cms is failing: still served, at once
    expect(await cache.get('k', load)).toEqual({ version: 1 });
    await settle();
    const tries = calls.n;

    advance(1_000); // the failure is remembered ERROR_MS: no new try within it
    await cache.get('k', load);
    await settle();
    expect(calls.n).toBe(tries);

    advance(STALE_IF_ERROR_MS); // too old now: the read fails
    await expect(cache.get('k', load)).rejects.toThrow('502');

    answer = { version: 2 }; // the cms is back
    advance(ERROR_MS + 1);
    expect(await cache.get('k', load)).toEqual({ version: 2 });
  });

  it('remembers an error only briefly', async () => {
    const { cache, advance } = setup(30);
    let answer: unknown = new Error('fetch failed');
    const { calls, load } = counter(() => answer);
    await expect(cache.get('k', load)).rejects.toThrow('fetch failed');
    await expect(cache.get('k', load)).rejects.toThrow('fetch failed');
    expect(calls.n).toBe(1);

    answer = { version: 1 };
    advance(ERROR_MS + 1);
    expect(await cache.get('k', load)).toEqual({ version: 1 });
    expect(calls.n).toBe(2);
  });

  it('keeps "not found" a few seconds only, and never serves it stale', async () => {
    const { cache, advance } = setup(30);
    let answer: unknown = null;
    const { calls, load } = counter(() => answer);
    expect(await cache.get('activity:nl:new', load)).toBeNull();
    advance(NEGATIVE_MS - 1);
    expect(await cache.get('activity:nl:new', load)).toBeNull();
    expect(calls.n).toBe(1);

    answer = { title: 'Nieuw' }; // published meanwhile
    advance(2);
    expect(await cache.get('activity:nl:new', load)).toEqual({ title: 'Nieuw' });
    expect(calls.n).toBe(2);

    // An empty list counts as not found too.
    answer = [];
    await cache.get('list', load);
    advance(NEGATIVE_MS + 1);
    answer = ['a'];
    expect(await cache.get('list', load)).toEqual(['a']);
  });

  it('holds a bounded number of answers, least recently used out', async () => {
    const { cache } = setup(30, { maxEntries: 3 });
    const { calls, load } = counter(() => ({ ok: true }));
    for (const key of ['a', 'b', 'c']) await cache.get(key, load);
    await cache.get('a', load); // a is now the most recent
    await cache.get('d', load); // b goes
    expect(cache.size).toBe(3);
    expect(calls.n).toBe(4);
    await cache.get('a', load);
    expect(calls.n).toBe(4);
    await cache.get('b', load);
    expect(calls.n).toBe(5);
  });

  it("hands out frozen values, so one request cannot change another one's page", async () => {
    const { cache } = setup();
    const value = (await cache.get('k', async () => ({ places: [{ name: 'Zwembad' }] }))) as {
      places: { name: string }[];
    };
    expect(() => value.places.push({ name: 'x' })).toThrow(TypeError);
    expect(() => {
      value.places[0].name = 'x';
    }).toThrow(TypeError);
  });

  it('loads every time when switched off (0 seconds)', async () => {
    const { cache } = setup(0);
    const { calls, load } = counter(() => ({ ok: true }));
    await Promise.all([cache.get('k', load), cache.get('k', load)]);
    await cache.get('k', load);
    expect(calls.n).toBe(3);
  });
});

describe('publicPageHeaders', () => {
  it('lets a shared cache keep a public page as long as the process keeps its reads', () => {
    expect(publicPageHeaders(30)).toEqual({
      'cache-control': 'public, max-age=0, s-maxage=30, stale-while-revalidate=30',
      vary: 'Cookie',
    });
    expect(publicPageHeaders(0)['cache-control']).toBe('no-cache');
  });
});
