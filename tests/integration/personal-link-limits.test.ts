import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestStack, type TestStack } from '../utils/stack.ts';
import { PORT_OFFSET } from '../utils/ports.ts';

// The two personal links of issue 18 through the real site, as a guesser would use them: the
// provider's page (/<locale>/aanmelding/<token>) and the family's page (/<locale>/gezin/<token>)
// answer a visitor address only so many times per window (PROVIDER_PAGE_RATE_LIMIT,
// FAMILY_LINK_RATE_LIMIT_PER_IP, lowered to 3 here), then 429 with a friendly page that keeps the
// links' headers; a provider's link does not open the family's page, nor the other way round.
let stack: TestStack;
let session: string;

const LIMIT = 3;

async function ws(method: string, path: string, body?: unknown) {
  const res = await fetch(`${stack.urls.cms}/api/workspace${path}`, {
    method,
    headers: {
      authorization: `Bearer ${stack.env.WORKSPACE_TOKEN}`,
      ...(session ? { 'x-workspace-session': session } : {}),
      ...(body !== undefined ? { 'content-type': 'application/json' } : {}),
    },
    body: body !== undefined ? JSON.stringify(body) : undefined,
  });
  return { status: res.status, body: await res.json().catch((): any => null) };
}

/** A dream with one activity on its shortlist, its provider told and its family link made. */
async function referredDream(firstName: string) {
  const made = await ws('POST', '/dreams', {
    edition: 'kind',
    channel: 'whatsapp',
    firstName,
    age: 9,
    dream: 'Ik wil leren zwemmen',
    wijk: 'muziekwijk',
    phone: `061${String(Date.now()).slice(-7)}`,
  });
  expect(made.status, JSON.stringify(made.body)).toBe(201);
  const dream = made.body.data.documentId as string;
  const activities = (await (await fetch(`${stack.urls.cms}/api/activities?locale=nl&pagination[pageSize]=5`)).json())
    .data as { documentId: string }[];
  const added = await ws('POST', `/dreams/${dream}/referrals`, { activityDocumentId: activities[0].documentId });
  expect(added.status, JSON.stringify(added.body)).toBe(201);
  const told = await ws('POST', `/referrals/${added.body.data.documentId}/provider-link`);
  expect(told.status, JSON.stringify(told.body)).toBe(200);
  const family = await ws('POST', `/dreams/${dream}/family-link`);
  expect(family.status, JSON.stringify(family.body)).toBe(200);
  return {
    providerPath: new URL(told.body.data.provider.linkUrl as string).pathname,
    familyToken: family.body.data.familyLink.token as string,
  };
}

const page = (path: string) => fetch(`${stack.urls.site}${path}`, { redirect: 'manual' });

beforeAll(async () => {
  stack = await startTestStack({
    name: 'personal-link-limits',
    portOffset: PORT_OFFSET.personalLinkLimits,
    services: ['cms', 'site'],
    env: {
      SEED_DEMO_DATA: 'true',
      SEED_ACTIVITY_COUNT: '6',
      PROVIDER_PAGE_RATE_LIMIT: String(LIMIT),
      FAMILY_LINK_RATE_LIMIT_PER_IP: String(LIMIT),
    },
  });
  const res = await ws('POST', '/sessions', {
    email: 'coordinator@droomkaart.test',
    password: stack.env.DEMO_PASSWORD,
  });
  expect(res.status).toBe(201);
  session = res.body.data.session;
});

afterAll(async () => {
  await stack?.cleanup();
});

describe('personal links through the site', () => {
  it("does not open one party's page with the other party's link", async () => {
    const { providerPath, familyToken } = await referredDream('Wissel');
    const providerToken = providerPath.split('/aanmelding/')[1];
    const asFamily = await page(`/nl/gezin/${providerToken}`);
    expect(asFamily.status).toBe(404);
    expect(await asFamily.text()).not.toContain('Wissel');
    const asProvider = await page(`/nl/aanmelding/${encodeURIComponent(familyToken)}`);
    expect(asProvider.status).toBe(404);
    expect(await asProvider.text()).not.toContain('Wissel');
  });

  it('answers a visitor address only so many times, then a friendly 429 that is not cached', async () => {
    // Earlier requests of this address count too: at most LIMIT answers, then 429.
    for (const [base, token] of [
      ['/nl/aanmelding/', 'l1.provider.guess.abc.abcdefghijklmnop.sig'],
      ['/nl/gezin/', 'l1.family.guess.abc.abcdefghijklmnop.sig'],
    ]) {
      const statuses: number[] = [];
      for (let i = 0; i <= LIMIT; i++) statuses.push((await page(`${base}${token}${i}`)).status);
      const first = statuses.indexOf(429);
      expect(first, statuses.join()).toBeGreaterThanOrEqual(0);
      expect(statuses.slice(0, first).every((s) => s === 404)).toBe(true);
      expect(statuses.slice(first).every((s) => s === 429)).toBe(true);
      const refused = await page(`${base}${token}`);
      expect(refused.status).toBe(429);
      expect(refused.headers.get('cache-control')).toContain('no-store');
      expect(refused.headers.get('referrer-policy')).toBe('no-referrer');
      const html = await refused.text();
      expect(html).toMatch(/<h1[\s>]/);
      expect(html).not.toMatch(/Error|stack|at \w+ \(/);
    }
  });
});
