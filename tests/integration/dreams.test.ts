import { createServer, type Server } from 'node:http';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { indexName } from '@droomkaart/shared';
import { startTestStack, type TestStack } from '../utils/stack.ts';
import { DEMO_ADMIN, partnerEmail, request, signIn, type AdminSession } from '../utils/cms-admin.ts';
import { meiliAdmin } from '../utils/meili.ts';
import { PORT_OFFSET } from '../utils/ports.ts';

// The dream content type in the real cms: the site's create-only token, idempotency, validation,
// and every way in that must stay closed (public REST, partners, policy advisers, webhooks, search).
const DREAM = 'api::dream.dream';
let stack: TestStack;
let admin: AdminSession;
let hook: Server;
const hooked: any[] = [];

const submission = (overrides: Record<string, unknown> = {}) => ({
  edition: 'kind',
  firstName: 'Sem',
  age: 9,
  dream: 'Ik wil dierenarts worden',
  need: 'Een dag meelopen bij een dierenkliniek',
  needPicks: ['meelopen', 'natuur'],
  wijk: 'muziekwijk',
  phone: '06 12345678',
  channel: 'website',
  ...overrides,
});

async function intake(body: unknown, token = stack.env.DREAM_INTAKE_TOKEN): Promise<{ status: number; body: any }> {
  const res = await fetch(`${stack.urls.cms}/api/dreams`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify(body),
  });
  return { status: res.status, body: await res.json().catch(() => null) };
}

async function dreamsWithPhone(phone: string): Promise<any[]> {
  const res = await request(
    admin,
    'GET',
    `/content-manager/collection-types/${DREAM}?filters[phone][$eq]=${encodeURIComponent(phone)}&pageSize=100`,
  );
  expect(res.status).toBe(200);
  return res.body.results;
}

beforeAll(async () => {
  // A second webhook, to see exactly what Strapi posts when a dream is stored.
  hook = createServer((req, res) => {
    let body = '';
    req.on('data', (c) => (body += c));
    req.on('end', () => {
      hooked.push(JSON.parse(body || '{}'));
      res.end('ok');
    });
  });
  await new Promise<void>((r) => hook.listen(0, '127.0.0.1', r));
  stack = await startTestStack({
    name: 'dreams',
    portOffset: PORT_OFFSET.dreams,
    services: ['meilisearch', 'cms', 'indexer'],
    env: { SEED_DEMO_DATA: 'true', SEED_ACTIVITY_COUNT: '10' },
  });
  admin = await signIn(stack.urls.cms, DEMO_ADMIN.email, stack.env.DEMO_PASSWORD);
  const port = (hook.address() as { port: number }).port;
  const created = await request(admin, 'POST', '/admin/webhooks', {
    name: 'test-listener',
    url: `http://127.0.0.1:${port}/`,
    headers: {},
    events: ['entry.create', 'entry.update'],
  });
  expect(created.status).toBe(201);
});

afterAll(async () => {
  await stack?.cleanup();
  hook?.close();
});

describe('dreams in the cms', () => {
  it('stores a dream sent with the intake token, normalised, and answers with its id only', async () => {
    const res = await intake({ data: submission({ idempotencyKey: 'k-store-1' }) });
    expect(res.status).toBe(201);
    expect(res.body).toEqual({ data: { documentId: expect.any(String) } });
    const [stored] = await dreamsWithPhone('+31612345678');
    expect(stored).toMatchObject({
      firstName: 'Sem',
      age: 9,
      phone: '+31612345678',
      wijk: 'muziekwijk',
      dreamStatus: 'nieuw',
      channel: 'website',
      needPicks: ['meelopen', 'natuur'],
    });
    expect(stored.receivedAt).toEqual(expect.any(String));
  });

  it('stores a dream delivered twice with the same idempotency key once', async () => {
    const body = { data: submission({ phone: '0687654321', idempotencyKey: 'k-twice-1' }) };
    const [a, b] = await Promise.all([intake(body), intake(body)]);
    const again = await intake(body);
    for (const r of [a, b, again]) expect([200, 201]).toContain(r.status);
    expect(new Set([a, b, again].map((r) => r.body?.data?.documentId)).size).toBe(1);
    expect(await dreamsWithPhone('+31687654321')).toHaveLength(1);
  });

  it('refuses wrong input with Dutch field messages and stores nothing', async () => {
    const res = await intake({
      data: submission({ phone: '12345', age: 44, firstName: '', idempotencyKey: 'k-bad-1' }),
    });
    expect(res.status).toBe(400);
    const messages = (res.body.error.details.errors as { path: string[]; message: string }[]).map((e) => [
      e.path[0],
      e.message,
    ]);
    expect(Object.fromEntries(messages)).toEqual({
      phone: 'Dit is geen mobiel nummer. Schrijf het zo: 06 12345678.',
      age: 'Vul een leeftijd in van 0 tot en met 18 jaar.',
      firstName: 'Vul je voornaam in.',
    });
    expect(await dreamsWithPhone('12345')).toHaveLength(0);
  });

  it('refuses an edition the city file does not name, in the api and in the admin panel', async () => {
    // The edition is a string checked against the city file's ids, no longer an enumeration.
    const res = await intake({
      data: submission({ edition: 'onbekend', phone: '0613572468', idempotencyKey: 'k-ed-1' }),
    });
    expect(res.status).toBe(400);
    const paths = (res.body.error.details.errors as { path: string[] }[]).map((e) => e.path[0]);
    expect(paths).toEqual(['edition']);
    const typed = await request(admin, 'POST', `/content-manager/collection-types/${DREAM}`, {
      ...submission({ edition: 'onbekend', phone: '0613572468' }),
    });
    expect(typed.status).toBe(400);
    expect(await dreamsWithPhone('+31613572468')).toHaveLength(0);
    const jong = await intake({
      data: submission({ edition: 'jong', age: 14, phone: '0613572468', idempotencyKey: 'k-ed-2' }),
    });
    expect(jong.status).toBe(201);
    expect((await dreamsWithPhone('+31613572468')).map((d) => d.edition)).toEqual(['jong']);
  });

  it('the intake token can create dreams and do nothing else', async () => {
    const token = stack.env.DREAM_INTAKE_TOKEN;
    const get = (path: string) => fetch(`${stack.urls.cms}${path}`, { headers: { authorization: `Bearer ${token}` } });
    const { body } = await intake({ data: submission({ phone: '0611112222', idempotencyKey: 'k-token-1' }) });
    expect([403, 404, 405]).toContain((await get('/api/dreams')).status);
    expect([403, 404, 405]).toContain((await get(`/api/dreams/${body.data.documentId}`)).status);
    expect((await get('/api/activities')).status).toBe(403);
    const update = await fetch(`${stack.urls.cms}/api/dreams/${body.data.documentId}`, {
      method: 'PUT',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: JSON.stringify({ data: { dreamStatus: 'afgerond' } }),
    });
    expect([403, 404, 405]).toContain(update.status);
    // A wrong token is no token.
    expect((await intake({ data: submission() }, 'f'.repeat(64))).status).toBe(401);
  });

  it('is closed to the public in every way', async () => {
    expect((await intake({ data: submission({ idempotencyKey: 'k-public-1' }) }, '')).status).toBe(403);
    for (const path of ['/api/dreams', '/api/dreams?populate=*', '/api/activities?populate[dreams]=true']) {
      const res = await fetch(`${stack.urls.cms}${path}`);
      expect([400, 403, 404, 405]).toContain(res.status);
      expect(await res.text()).not.toContain('dierenarts');
    }
  });

  it('is closed to partner editors and policy advisers, open to coordinators', async () => {
    const sessions = [
      await signIn(stack.urls.cms, partnerEmail('kinderwerk-almere'), stack.env.DEMO_PASSWORD),
      await signIn(stack.urls.cms, 'beleid@droomkaart.test', stack.env.DEMO_PASSWORD),
    ];
    const [anyDream] = await dreamsWithPhone('+31612345678');
    for (const session of sessions) {
      expect((await request(session, 'GET', `/content-manager/collection-types/${DREAM}`)).status).toBe(403);
      expect(
        (await request(session, 'GET', `/content-manager/collection-types/${DREAM}/${anyDream.documentId}`)).status,
      ).toBe(403);
      expect((await request(session, 'POST', `/content-manager/collection-types/${DREAM}`, submission())).status).toBe(
        403,
      );
      expect((await request(session, 'GET', `/droomkaart/dreams/family?phone=0612345678`)).status).toBe(403);
    }
    const coordinator = await signIn(stack.urls.cms, 'coordinator@droomkaart.test', stack.env.DEMO_PASSWORD);
    const list = await request(coordinator, 'GET', `/content-manager/collection-types/${DREAM}`);
    expect(list.status).toBe(200);
    expect(list.body.results.length).toBeGreaterThan(0);
    // Manual intake of a postcard, with its channel.
    const postcard = await request(
      coordinator,
      'POST',
      `/content-manager/collection-types/${DREAM}`,
      submission({ channel: 'brievenbus', phone: '0633334444', firstName: 'Aya' }),
    );
    expect(postcard.status).toBe(201);
    expect(postcard.body.data).toMatchObject({ channel: 'brievenbus', phone: '+31633334444', dreamStatus: 'nieuw' });
    // Coordinators never delete; that is the programme editor's, on a family's request.
    expect(
      (
        await request(
          coordinator,
          'DELETE',
          `/content-manager/collection-types/${DREAM}/${postcard.body.data.documentId}`,
        )
      ).status,
    ).toBe(403);
  });

  it('never posts personal details in a webhook and never reaches the search index', async () => {
    const dreamHooks = hooked.filter((h) => h.uid === DREAM);
    expect(dreamHooks.length).toBeGreaterThan(0);
    const text = JSON.stringify(dreamHooks);
    for (const secret of ['Sem', 'dierenarts', '+31612345678', 'dierenkliniek', 'k-store-1'])
      expect(text).not.toContain(secret);
    const meili = meiliAdmin(stack.urls.meilisearch, stack.env.MEILI_MASTER_KEY);
    const indexes = (await meili.getIndexes({ limit: 100 })).results.map((i) => i.uid);
    expect(indexes.every((uid) => uid.startsWith('activities_'))).toBe(true);
    // "dierenarts" finds the activities about it (their keywords name the profession), never a dream.
    const hits = (await meili.index(indexName('nl')).search('dierenarts')).hits;
    for (const hit of hits)
      expect(hit, 'an activity').toMatchObject({ slug: expect.any(String), kind: expect.any(String) });
    expect(JSON.stringify(hits)).not.toMatch(/"Sem"|\+31612345678|k-store-1|dierenkliniek/);
    expect((await meili.index(indexName('nl')).search('+31612345678')).hits).toHaveLength(0);
  });

  it('tells the coordinator team about a new dream with a link and nothing personal', async () => {
    const outbox = stack.env.MAIL_OUTBOX_DIR;
    const mails = readdirSync(outbox)
      .map((f) => readFileSync(join(outbox, f), 'utf8'))
      .filter((m) => m.includes('Nieuwe droom'));
    expect(mails.length).toBeGreaterThan(0);
    for (const mail of mails) {
      expect(mail).toContain(`To: ${stack.env.COORDINATOR_TEAM_EMAIL}`);
      // A link to the dream in the coordinators' workspace on the site, not to the cms's admin.
      expect(mail).toMatch(new RegExp(`${stack.env.SITE_URL}/nl/werkplek/dromen/\\w+`));
      expect(mail).not.toContain('/admin/');
      for (const secret of ['Sem', 'dierenarts', '0612345678', '+31612345678', 'muziekwijk'])
        expect(mail).not.toContain(secret);
    }
  });

  it('lets the programme editor export and delete one family’s data, and anonymises closed dreams after the retention period', async () => {
    await intake({ data: submission({ phone: '0655556666', firstName: 'Lina', idempotencyKey: 'k-family-1' }) });
    await intake({
      data: submission({
        phone: '06 5555 6666',
        firstName: 'Omar',
        edition: 'jong',
        age: 14,
        idempotencyKey: 'k-family-2',
      }),
    });
    const exported = await request(admin, 'GET', '/droomkaart/dreams/family?phone=06-55556666');
    expect(exported.status).toBe(200);
    expect(exported.body.data.dreams.map((d: any) => d.firstName).sort()).toEqual(['Lina', 'Omar']);
    expect((await request(admin, 'GET', '/droomkaart/dreams/family?phone=hallo')).status).toBe(400);
    const deleted = await request(admin, 'DELETE', '/droomkaart/dreams/family?phone=0655556666');
    expect(deleted.body.data.deleted).toBe(2);
    expect(await dreamsWithPhone('+31655556666')).toHaveLength(0);

    const [kept] = await dreamsWithPhone('+31611112222');
    const { id: _id, documentId: _d, createdAt: _c, updatedAt: _u, createdBy: _cb, updatedBy: _ub, ...fields } = kept;
    const closed = await request(admin, 'PUT', `/content-manager/collection-types/${DREAM}/${kept.documentId}`, {
      ...fields,
      dreamStatus: 'afgerond',
    });
    expect(closed.status).toBe(200);
    expect(closed.body.data.closedAt).toEqual(expect.any(String));
    const notYet = await request(admin, 'POST', '/droomkaart/dreams/retention/run', {
      now: new Date(Date.now() + 300 * 86_400_000).toISOString(),
    });
    expect(notYet.body.data.anonymised).toBe(0);
    const run = await request(admin, 'POST', '/droomkaart/dreams/retention/run', {
      now: new Date(Date.now() + 400 * 86_400_000).toISOString(),
    });
    expect(run.body.data.anonymised).toBe(1);
    const after = await request(admin, 'GET', `/content-manager/collection-types/${DREAM}/${kept.documentId}`);
    expect(after.body.data).toMatchObject({
      firstName: '(geanonimiseerd)',
      phone: null,
      need: null,
      age: 9,
      edition: 'kind',
      dreamStatus: 'afgerond',
      anonymisedAt: expect.any(String),
    });
  });
});
