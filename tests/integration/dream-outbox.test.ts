import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestStack, type TestStack } from '../utils/stack.ts';
import { DEMO_ADMIN, request, signIn, type AdminSession } from '../utils/cms-admin.ts';
import { PORT_OFFSET } from '../utils/ports.ts';

// The site's letterbox against the real cms, through the same POST a browser without JavaScript
// sends: no dream is lost while the cms is down, none is stored twice, none lingers on the site,
// and every abuse (honeypot, too fast, rate limits, oversized body, foreign origin) gets a kind
// page and stores nothing.

const DREAM = 'api::dream.dream';
let stack: TestStack;

type Answer = { status: number; html: string };

async function formToken(path = '/nl/droom'): Promise<string> {
  const res = await fetch(`${stack.urls.site}${path}`);
  expect(res.status).toBe(200);
  const token = /name="t" value="([^"]+)"/.exec(await res.text())?.[1];
  expect(token).toBeTruthy();
  return token!;
}

/** The urlencoded post of the plain HTML form, from the site's own origin unless told otherwise. */
async function post(
  fields: Record<string, string | string[]>,
  options: { path?: string; origin?: string | null; body?: string } = {},
): Promise<Answer> {
  const body = new URLSearchParams();
  for (const [k, v] of Object.entries(fields)) for (const one of [v].flat()) body.append(k, one);
  const headers: Record<string, string> = { 'content-type': 'application/x-www-form-urlencoded' };
  if (options.origin !== null) headers.origin = options.origin ?? stack.urls.site;
  const res = await fetch(`${stack.urls.site}${options.path ?? '/nl/droom'}`, {
    method: 'POST',
    headers,
    body: options.body ?? body.toString(),
    redirect: 'manual',
  });
  return { status: res.status, html: await res.text() };
}

const dream = (i: number | string, over: Record<string, string | string[]> = {}) => ({
  edition: 'kind',
  dream: `Ik wil later uitvinder worden (${i})`,
  need: 'Een doos met gereedschap',
  needPicks: ['meelopen'],
  firstName: `Fout${i}`,
  age: '10',
  wijk: 'stedenwijk',
  phone: `06 1${String(i).padStart(7, '0')}`,
  website: '',
  ...over,
});
const e164 = (i: number) => `+3161${String(i).padStart(7, '0')}`;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const MIN_FILL_MS = 3300;

async function health(): Promise<{
  status: string;
  dreamOutbox: {
    pending: number;
    rejected: number;
    delivered: number;
    oldestPendingSeconds: number;
    cmsReachable: boolean;
  };
}> {
  const res = await fetch(`${stack.urls.site}/health`);
  expect(res.status).toBe(200);
  return res.json();
}
const total = (h: Awaited<ReturnType<typeof health>>) =>
  h.dreamOutbox.pending + h.dreamOutbox.delivered + h.dreamOutbox.rejected;

// One sign-in (again after a restart of the cms): the cms limits sign-ins per address.
let session: AdminSession | null = null;
async function cmsDreams(filter: string): Promise<any[]> {
  session ??= await signIn(stack.urls.cms, DEMO_ADMIN.email, stack.env.DEMO_PASSWORD);
  const admin = session;
  const out: any[] = [];
  for (let page = 1; page <= 10; page++) {
    const res = await request(
      admin,
      'GET',
      `/content-manager/collection-types/${DREAM}?${filter}&page=${page}&pageSize=100`,
    );
    expect(res.status).toBe(200);
    out.push(...res.body.results);
    if (page >= res.body.pagination.pageCount) break;
  }
  return out;
}

async function until<T>(what: string, get: () => Promise<T>, ok: (v: T) => boolean, timeoutMs: number): Promise<T> {
  const end = Date.now() + timeoutMs;
  let last: T = await get();
  while (!ok(last)) {
    if (Date.now() > end)
      throw new Error(`${what}: not reached within ${timeoutMs / 1000} s (last: ${JSON.stringify(last)})`);
    await sleep(500);
    last = await get();
  }
  return last;
}

beforeAll(async () => {
  stack = await startTestStack({
    name: 'dream-outbox',
    portOffset: PORT_OFFSET.dreamOutbox,
    services: ['cms', 'site'],
    // Letterboxes are seeded with the demo data; a high per-address limit, since every post of
    // this suite comes from 127.0.0.1 (the limit itself is tested by lowering it).
    env: {
      SEED_DEMO_DATA: 'true',
      SEED_ACTIVITY_COUNT: '10',
      DREAM_RATE_LIMIT_PER_IP: '1000',
      DREAM_DELIVERY_MAX_BACKOFF_SECONDS: '5',
    },
  });
});

afterAll(async () => {
  await stack?.cleanup();
});

describe('the letterbox outbox', () => {
  it('answers "ontvangen" to 100 dreams while the cms is down, and stores each exactly once when it is back', async () => {
    // Seen once while the cms is up: the list of letterboxes is then kept for when it is not.
    expect(await (await fetch(`${stack.urls.site}/nl/droom`)).text()).toContain('Bibliotheek Almere Stad (demo)');
    await stack.stopService('cms');
    const before = await health();

    const tokens = await Promise.all(Array.from({ length: 100 }, () => formToken()));
    await sleep(MIN_FILL_MS);
    const answers: Answer[] = [];
    for (let batch = 0; batch < 100; batch += 10) {
      answers.push(
        ...(await Promise.all(tokens.slice(batch, batch + 10).map((t, j) => post({ ...dream(batch + j), t })))),
      );
    }
    for (const a of answers) {
      expect(a.status).toBe(200);
      expect(a.html).toContain('data-dream-status="ontvangen"');
    }
    // The page still works without the cms, with the letterboxes it saw before.
    const page = await fetch(`${stack.urls.site}/nl/droom`);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('Bibliotheek Almere Stad (demo)');

    const waiting = await health();
    expect(waiting.status).toBe('ok');
    expect(waiting.dreamOutbox.pending).toBe(before.dreamOutbox.pending + 100);
    expect(waiting.dreamOutbox.cmsReachable).toBe(false);

    await stack.startService('cms');
    const done = await until('outbox emptied', health, (h) => h.dreamOutbox.pending === 0, 180_000);
    expect(done.dreamOutbox.rejected).toBe(0);
    expect(done.dreamOutbox.cmsReachable).toBe(true);

    const stored = await cmsDreams('filters[firstName][$startsWith]=Fout');
    expect(stored).toHaveLength(100);
    expect(new Set(stored.map((d) => d.phone))).toEqual(new Set(Array.from({ length: 100 }, (_, i) => e164(i))));
    expect(
      stored.every((d) => d.channel === 'website' && d.dreamStatus === 'nieuw' && d.edition === 'kind' && d.age === 10),
    ).toBe(true);

    // Once the cms has them, nothing personal is left on the site: not in the outbox, not in its log.
    const db = new DatabaseSync(stack.env.DREAM_OUTBOX_FILE, { readOnly: true });
    try {
      expect(
        db.prepare(`SELECT COUNT(*) AS n FROM dream_outbox WHERE status = 'delivered' AND payload IS NOT NULL`).get(),
      ).toEqual({ n: 0 });
      expect(
        (db.prepare(`SELECT COUNT(*) AS n FROM dream_outbox WHERE status = 'delivered'`).get() as { n: number }).n,
      ).toBeGreaterThanOrEqual(100);
    } finally {
      db.close();
    }
    const log = readFileSync(join(stack.dataDir, 'logs', 'site.log'), 'utf8');
    expect(log).toContain('cms reached again');
    for (const secret of ['Fout1', 'uitvinder', '0610000001', e164(1), 'gereedschap', 'stedenwijk'])
      expect(log).not.toContain(secret);
  });

  it('sends the same form twice as one dream', async () => {
    const t = await formToken();
    await sleep(MIN_FILL_MS);
    const fields = { ...dream(900), firstName: 'Twee', t };
    const [a, b] = await Promise.all([post(fields), post(fields)]);
    const c = await post(fields);
    for (const x of [a, b, c]) expect(x.html).toContain('data-dream-status="ontvangen"');
    await until(
      'delivered',
      () => cmsDreams('filters[firstName][$eq]=Twee'),
      (l) => l.length > 0,
      60_000,
    );
    await sleep(1500);
    expect(await cmsDreams('filters[firstName][$eq]=Twee')).toHaveLength(1);
  });

  it('keeps dreams while the intake token is refused, and delivers them once it is right', async () => {
    const right = stack.env.DREAM_INTAKE_TOKEN;
    stack.env.DREAM_INTAKE_TOKEN = 'f'.repeat(64);
    await stack.restart('site');
    try {
      const t = await formToken();
      await sleep(MIN_FILL_MS);
      expect((await post({ ...dream(901), firstName: 'Token', t })).html).toContain('data-dream-status="ontvangen"');
      const h = await until(
        'token refused',
        health,
        (x) => x.dreamOutbox.pending === 1 && !x.dreamOutbox.cmsReachable,
        30_000,
      );
      expect(h.dreamOutbox.oldestPendingSeconds).toBeGreaterThanOrEqual(0);
    } finally {
      stack.env.DREAM_INTAKE_TOKEN = right;
      await stack.restart('site');
    }
    // The dream waited in the outbox file across the restart.
    await until(
      'delivered after the fix',
      () => cmsDreams('filters[firstName][$eq]=Token'),
      (l) => l.length === 1,
      60_000,
    );
    expect((await health()).dreamOutbox.pending).toBe(0);
  });
});

describe('abuse is refused kindly and stores nothing', () => {
  /** Runs `attempt` and checks that the outbox did not grow. */
  async function storesNothing(attempt: () => Promise<void>) {
    const before = total(await health());
    await attempt();
    await sleep(500);
    expect(total(await health())).toBe(before);
  }
  const friendly = (a: Answer, status: number, text: string) => {
    expect(a.status).toBe(status);
    expect(a.html).toContain('<html lang="nl"');
    expect(a.html).toContain(text);
    // A page, not a crash: no stack trace.
    expect(a.html).not.toMatch(/\n\s+at .+:\d+:\d+/);
  };

  it('a filled-in honeypot', async () => {
    await storesNothing(async () => {
      const t = await formToken();
      await sleep(MIN_FILL_MS);
      const a = await post({ ...dream(910), t, website: 'http://spam.example' });
      friendly(a, 400, 'Er ging iets mis bij het versturen.');
      // What was typed is still in the form, the honeypot is empty again.
      expect(a.html).toContain('Ik wil later uitvinder worden (910)');
      expect(a.html).not.toContain('spam.example');
    });
  });

  it('a form sent faster than a person can, or with a made-up token', async () => {
    await storesNothing(async () => {
      const t = await formToken();
      const fast = await post({ ...dream(911), t });
      friendly(fast, 400, 'Dat ging heel snel!');
      expect(fast.html).toContain('Ik wil later uitvinder worden (911)');
      friendly(await post({ ...dream(912), t: 'v1.abc.def.ghi' }), 400, 'Er ging iets mis bij het versturen.');
      friendly(await post({ ...dream(913) }), 400, 'Er ging iets mis bij het versturen.');
    });
  });

  it('an oversized body', async () => {
    await storesNothing(async () => {
      const t = await formToken();
      await sleep(MIN_FILL_MS);
      const a = await post(
        {},
        {
          body: new URLSearchParams({ ...dream(914), needPicks: 'meelopen', t, dream: 'x'.repeat(20_000) }).toString(),
        },
      );
      friendly(a, 413, 'Je bericht was te lang en is niet verstuurd.');
    });
  });

  it('a post from another site, to the letterbox and to any other page', async () => {
    await storesNothing(async () => {
      const t = await formToken();
      await sleep(MIN_FILL_MS);
      friendly(
        await post({ ...dream(915), t }, { origin: 'https://evil.example' }),
        403,
        'Dit formulier kwam niet van onze website.',
      );
      friendly(await post({ ...dream(916), t }, { origin: null }), 403, 'Dit formulier kwam niet van onze website.');
      const other = await post({ a: 'b' }, { path: '/nl/activiteiten', origin: 'https://evil.example' });
      expect(other.status).toBe(403);
    });
  });

  it('more than 5 dreams per phone number in 10 minutes', async () => {
    const phone = '06 19999999';
    const tokens = await Promise.all(Array.from({ length: 6 }, () => formToken()));
    await sleep(MIN_FILL_MS);
    for (let i = 0; i < 5; i++)
      expect((await post({ ...dream(920 + i), phone, firstName: 'Limiet', t: tokens[i] })).html).toContain(
        'data-dream-status="ontvangen"',
      );
    await storesNothing(async () => {
      const a = await post({ ...dream(925), phone: '0619999999', firstName: 'Limiet', t: tokens[5] });
      friendly(a, 429, 'Met dit telefoonnummer zijn net al een paar dromen verstuurd.');
      expect(a.html).toContain('Ik wil later uitvinder worden (925)');
    });
    await until(
      'delivered',
      () => cmsDreams('filters[firstName][$eq]=Limiet'),
      (l) => l.length === 5,
      60_000,
    );
  });

  it('too many posts from one address', async () => {
    stack.env.DREAM_RATE_LIMIT_PER_IP = '3';
    await stack.restart('site');
    try {
      const tokens = await Promise.all(Array.from({ length: 4 }, () => formToken()));
      await sleep(MIN_FILL_MS);
      for (let i = 0; i < 3; i++)
        expect((await post({ ...dream(930 + i), firstName: 'Adres', t: tokens[i] })).status).toBe(200);
      await storesNothing(async () => {
        const a = await post({ ...dream(933), firstName: 'Adres', t: tokens[3] });
        friendly(a, 429, 'Er zijn net veel dromen verstuurd vanaf dit netwerk.');
      });
    } finally {
      stack.env.DREAM_RATE_LIMIT_PER_IP = '1000';
      await stack.restart('site');
    }
  });
});
