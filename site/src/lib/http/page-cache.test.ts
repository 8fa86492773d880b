import { describe, expect, it } from 'vitest';
import { createPageCache, isShareable, RERENDER_MS } from './page-cache.ts';
import { recordRead } from './render-reads.ts';

// The page cache with a clock the test moves and renders the test controls: every assertion counts
// the renders that really ran and reads the bodies that really came out.

function setup(seconds = 5, maxSize?: number) {
  let t = 1_000_000;
  const logs: string[] = [];
  const cache = createPageCache({ seconds, now: () => t, log: (m) => logs.push(m), maxSize });
  return { cache, logs, advance: (ms: number) => (t += ms) };
}

const PUBLIC = { 'content-type': 'text/html', 'cache-control': 'public, max-age=0, s-maxage=30' };

/** A render that counts its calls and answers `answer()` (a status and headers) after a real wait. */
function renderer(answer: () => { status?: number; headers?: Record<string, string>; body?: string } = () => ({})) {
  const calls = { n: 0 };
  const render = async () => {
    calls.n++;
    const n = calls.n;
    await new Promise((r) => setTimeout(r, 5));
    const a = answer();
    return new Response(a.body ?? `<p>render ${n}</p>`, { status: a.status ?? 200, headers: a.headers ?? PUBLIC });
  };
  return { calls, render };
}

const settle = () => new Promise((r) => setTimeout(r, 30));

describe('isShareable', () => {
  it('keeps only public HTML with status 200 and no cookie', () => {
    expect(isShareable(new Response('x', { headers: PUBLIC }))).toBe(true);
    expect(isShareable(new Response('x', { status: 404, headers: PUBLIC }))).toBe(false);
    expect(isShareable(new Response('x', { headers: { ...PUBLIC, 'set-cookie': 'a=b' } }))).toBe(false);
    expect(
      isShareable(new Response('x', { headers: { 'content-type': 'text/html', 'cache-control': 'no-store' } })),
    ).toBe(false);
    expect(isShareable(new Response('x', { headers: { 'content-type': 'text/html' } }))).toBe(false);
    expect(
      isShareable(new Response('x', { headers: { 'content-type': 'text/html', 'cache-control': 'private, public' } })),
    ).toBe(false);
    // An image with a year-long public lifetime is not a page.
    expect(
      isShareable(
        new Response('x', {
          headers: { 'content-type': 'image/avif', 'cache-control': 'public, max-age=31536000, immutable' },
        }),
      ),
    ).toBe(false);
    // "publicity" is not "public".
    expect(
      isShareable(new Response('x', { headers: { 'content-type': 'text/html', 'cache-control': 'x-publicity' } })),
    ).toBe(false);
  });
});

describe('createPageCache', () => {
  it('renders a page once for 50 concurrent requests and serves the same body to all', async () => {
    const { cache } = setup();
    const { calls, render } = renderer();
    const responses = await Promise.all(
      Array.from({ length: 50 }, () => cache.serve('/nl/activiteiten/zwemles', render)),
    );
    expect(calls.n).toBe(1);
    const bodies = await Promise.all(responses.map((r) => r.text()));
    expect(new Set(bodies)).toEqual(new Set(['<p>render 1</p>']));
    expect(responses.map((r) => r.headers.get('x-page-cache')).sort()[0]).toBe('miss');
    expect(responses.filter((r) => r.headers.get('x-page-cache') === 'shared')).toHaveLength(49);
    expect(responses[0].headers.get('cache-control')).toBe(PUBLIC['cache-control']);
    // Another page renders on its own.
    await cache.serve('/nl/activiteiten/judo', render);
    expect(calls.n).toBe(2);
  });

  it('serves from memory for P seconds, then the old page at once while one render runs, and never a page older than 2P', async () => {
    const { cache, advance } = setup(5);
    const { calls, render } = renderer();
    expect(await (await cache.serve('k', render)).text()).toBe('<p>render 1</p>');

    advance(4_900);
    const hit = await cache.serve('k', render);
    expect(hit.headers.get('x-page-cache')).toBe('hit');
    expect(hit.headers.get('age')).toBe('4');
    expect(calls.n).toBe(1);

    advance(200); // 5.1 s: stale; this request gets the old page, one render starts
    const stale = await Promise.all([cache.serve('k', render), cache.serve('k', render), cache.serve('k', render)]);
    expect(await Promise.all(stale.map((r) => r.text()))).toEqual([
      '<p>render 1</p>',
      '<p>render 1</p>',
      '<p>render 1</p>',
    ]);
    expect(stale.every((r) => r.headers.get('x-page-cache') === 'stale')).toBe(true);
    await settle();
    expect(calls.n).toBe(2);
    expect(await (await cache.serve('k', render)).text()).toBe('<p>render 2</p>');

    // A quiet page: older than 2P is not served, the request waits for a new render.
    advance(10_001);
    const late = await cache.serve('k', render);
    expect(late.headers.get('x-page-cache')).toBe('miss');
    expect(await late.text()).toBe('<p>render 3</p>');
  });

  it('passes a page that is not shareable through unchanged and keeps nothing', async () => {
    const { cache } = setup();
    const { calls, render } = renderer(() => ({
      status: 404,
      headers: { 'content-type': 'text/html', 'cache-control': 'no-store' },
      body: 'weg',
    }));
    const first = await cache.serve('k', render);
    expect(first.status).toBe(404);
    expect(first.headers.get('x-page-cache')).toBeNull();
    expect(await first.text()).toBe('weg');
    await cache.serve('k', render);
    expect(calls.n).toBe(2);
    expect(cache.size).toBe(0);
  });

  it('waiters on a render that turns out not shareable render their own answer', async () => {
    const { cache } = setup();
    const { calls, render } = renderer(() => ({
      headers: { 'content-type': 'text/html', 'cache-control': 'no-store' },
    }));
    const bodies = await Promise.all(
      [cache.serve('k', render), cache.serve('k', render)].map((p) => p.then((r) => r.text())),
    );
    expect(calls.n).toBe(2);
    expect(bodies.sort()).toEqual(['<p>render 1</p>', '<p>render 2</p>']);
  });

  it('renders an address whose last answer was not shareable straight away for P seconds, then tries to keep it again', async () => {
    const { cache, advance } = setup(5);
    let shareable = false;
    let inFlight = 0;
    let most = 0;
    const calls = { n: 0 };
    const render = async () => {
      calls.n++;
      most = Math.max(most, ++inFlight);
      await new Promise((r) => setTimeout(r, 5));
      inFlight--;
      return new Response('<p>droom</p>', {
        headers: shareable ? PUBLIC : { 'content-type': 'text/html', 'cache-control': 'no-store' },
      });
    };
    await cache.serve('/nl/droom', render);
    // Ten visitors at once: ten renders side by side, none waiting for another's.
    const answers = await Promise.all(Array.from({ length: 10 }, () => cache.serve('/nl/droom', render)));
    expect(calls.n).toBe(11);
    expect(most).toBe(10);
    expect(answers.every((r) => r.headers.get('x-page-cache') === null)).toBe(true);
    // After P seconds the address is tried again; now that it is shareable, it is kept.
    shareable = true;
    advance(5_001);
    await cache.serve('/nl/droom', render);
    expect((await cache.serve('/nl/droom', render)).headers.get('x-page-cache')).toBe('hit');
    expect(calls.n).toBe(12);
  });

  it('drops a page at once when its refresh is no longer shareable (an unpublished activity)', async () => {
    const { cache, advance } = setup(5);
    let published = true;
    const { render } = renderer(() =>
      published
        ? {}
        : { status: 404, headers: { 'content-type': 'text/html', 'cache-control': 'no-store' }, body: 'niet gevonden' },
    );
    await cache.serve('k', render);
    published = false;
    advance(6_000);
    expect(await (await cache.serve('k', render)).text()).toBe('<p>render 1</p>'); // stale, refresh starts
    await settle();
    expect(cache.size).toBe(0);
    const now = await cache.serve('k', render);
    expect(now.status).toBe(404);
    expect(await now.text()).toBe('niet gevonden');
  });

  it('keeps the old page when a background refresh fails, logs it, and stops serving it after 2P', async () => {
    const { cache, advance, logs } = setup(5);
    let fail = false;
    const calls = { n: 0 };
    const render = async () => {
      calls.n++;
      if (fail) throw new Error('cms down');
      return new Response('<p>ok</p>', { headers: PUBLIC });
    };
    await cache.serve('k', render);
    fail = true;
    advance(6_000);
    expect(await (await cache.serve('k', render)).text()).toBe('<p>ok</p>');
    await settle();
    expect(logs.join('\n')).toMatch(/page k: refresh failed \(cms down\)/);
    advance(5_000);
    await expect(cache.serve('k', render)).rejects.toThrow('cms down');
  });

  it('after P seconds checks the reads the render used: unchanged keeps the page without a render, a changed one renders', async () => {
    const { cache, advance } = setup(5);
    // What the cms cache would give: the same frozen object until the answer changes.
    let answer: object = Object.freeze({ title: 'Zwemles' });
    const rereads = { n: 0 };
    const calls = { n: 0 };
    const render = async () => {
      calls.n++;
      recordRead({ key: 'activity:nl:zwemles', value: answer, reread: async () => (rereads.n++, answer) });
      return new Response(`<h1>${(answer as { title: string }).title}</h1>`, { headers: PUBLIC });
    };
    await cache.serve('k', render);
    expect(calls.n).toBe(1);

    // 11 s later (past 2P): the request waits for the check, which finds the same answer.
    advance(11_000);
    const checked = await cache.serve('k', render);
    expect(checked.headers.get('x-page-cache')).toBe('checked');
    expect(await checked.text()).toBe('<h1>Zwemles</h1>');
    expect(rereads.n).toBe(1);
    expect(calls.n).toBe(1);
    // Checked counts as current again: a hit for the next P seconds.
    advance(4_000);
    expect((await cache.serve('k', render)).headers.get('x-page-cache')).toBe('hit');

    // The answer changes (a new object): the next check renders.
    answer = Object.freeze({ title: 'Zwemles (nieuw)' });
    advance(5_500); // 9.5 s after the check: stale, served at once while the check runs
    expect(await (await cache.serve('k', render)).text()).toBe('<h1>Zwemles</h1>');
    await settle();
    expect(calls.n).toBe(2);
    expect(await (await cache.serve('k', render)).text()).toBe('<h1>Zwemles (nieuw)</h1>');
  });

  it('renders a page again when it is RERENDER_MS old, even when its reads did not change', async () => {
    const { cache, advance } = setup(5);
    const same = Object.freeze({});
    const calls = { n: 0 };
    const render = async () => {
      calls.n++;
      recordRead({ key: 'k', value: same, reread: async () => same });
      return new Response(`<p>${calls.n}</p>`, { headers: PUBLIC });
    };
    await cache.serve('k', render);
    for (let t = 0; t < RERENDER_MS - 11_000; t += 9_000) {
      advance(9_000);
      await cache.serve('k', render);
      await settle();
    }
    expect(calls.n).toBe(1);
    advance(RERENDER_MS);
    expect(await (await cache.serve('k', render)).text()).toBe('<p>2</p>');
  });

  it('renders when a read fails on the check (the render then decides: the cms cache may still have a copy)', async () => {
    const { cache, advance } = setup(5);
    const calls = { n: 0 };
    const value = Object.freeze({});
    const render = async () => {
      calls.n++;
      recordRead({ key: 'k', value, reread: async () => Promise.reject(new Error('cms down')) });
      return new Response('<p>ok</p>', { headers: PUBLIC });
    };
    await cache.serve('k', render);
    advance(11_000);
    await cache.serve('k', render);
    expect(calls.n).toBe(2);
  });

  it('checks a no-cache page (the catalogue) on every request: the same answer keeps it, a new one renders at once', async () => {
    const { cache } = setup(5);
    let answer = '{"hits":["zwemles"]}';
    const searches = { n: 0 };
    const calls = { n: 0 };
    const render = async () => {
      calls.n++;
      recordRead({ key: 'search', value: answer, reread: async () => (searches.n++, answer) });
      return new Response(`<p>${answer}</p>`, {
        headers: { 'content-type': 'text/html', 'cache-control': 'public, no-cache' },
      });
    };
    await cache.serve('k', render);
    const again = await cache.serve('k', render); // no time passed: still checked
    expect(again.headers.get('x-page-cache')).toBe('checked');
    expect(searches.n).toBe(1);
    expect(calls.n).toBe(1);
    answer = '{"hits":["zwemles","judo"]}';
    const changed = await cache.serve('k', render);
    expect(changed.headers.get('x-page-cache')).toBe('miss');
    expect(await changed.text()).toBe('<p>{"hits":["zwemles","judo"]}</p>');
    expect(calls.n).toBe(2);
  });

  it('keeps at most maxSize bytes of pages, least recently used out', async () => {
    const { cache } = setup(5, 25);
    const { render } = renderer(() => ({ body: 'x'.repeat(10) }));
    for (const k of ['a', 'b', 'c']) await cache.serve(k, render);
    expect(cache.size).toBe(2);
  });

  it('with 0 seconds renders every time', async () => {
    const { cache } = setup(0);
    const { calls, render } = renderer();
    await cache.serve('k', render);
    await cache.serve('k', render);
    expect(calls.n).toBe(2);
  });

  it('renders a page refresh at once, even while the kept copy is fresh, and keeps the new copy', async () => {
    const { cache } = setup(5);
    const { calls, render } = renderer();
    expect(await (await cache.serve('k', render)).text()).toBe('<p>render 1</p>');
    expect(await (await cache.serve('k', render)).text()).toBe('<p>render 1</p>');
    const refreshed = await cache.serve('k', render, { refresh: true });
    expect(await refreshed.text()).toBe('<p>render 2</p>');
    expect(refreshed.headers.get('x-page-cache')).toBe('miss');
    const next = await cache.serve('k', render);
    expect(await next.text()).toBe('<p>render 2</p>');
    expect(next.headers.get('x-page-cache')).toBe('hit');
    expect(calls.n).toBe(2);
  });
});
