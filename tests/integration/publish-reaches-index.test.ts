import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { indexName } from '@droomkaart/shared';
import { startTestStack, type TestStack } from '../utils/stack.ts';
import {
  activityData,
  createActivity,
  createOrganisation,
  DEMO_ADMIN,
  deleteActivity,
  findDocumentId,
  publishActivity,
  signIn,
  unpublishActivity,
  updateActivity,
  type AdminSession,
} from '../utils/cms-admin.ts';
import { meiliAdmin, waitForDocument } from '../utils/meili.ts';
import { PORT_OFFSET } from '../utils/ports.ts';

// Real Strapi on a temporary SQLite file, real Meilisearch, real indexer; nothing mocked.
let stack: TestStack;
let admin: AdminSession;
let meili: ReturnType<typeof meiliAdmin>;
let sportTheme: string;
let club: string;

beforeAll(async () => {
  stack = await startTestStack({ name: 'integration', portOffset: PORT_OFFSET.integration, services: ['meilisearch', 'cms', 'indexer'] });
  admin = await signIn(stack.urls.cms, DEMO_ADMIN.email, stack.env.DEMO_PASSWORD);
  meili = meiliAdmin(stack.urls.meilisearch, stack.env.MEILI_MASTER_KEY);
  sportTheme = await findDocumentId(admin, 'api::theme.theme', 'slug', 'sport-bewegen');
  club = await createOrganisation(admin, 'Testclub');
});

afterAll(async () => {
  await stack?.cleanup();
});

const nl = indexName('nl');
const en = indexName('en');

describe('cms → search-indexer → Meilisearch', () => {
  it('indexes a published activity in every locale, with the Dutch text flagged as fallback elsewhere', async () => {
    const { documentId } = await createActivity(
      admin,
      activityData({ title: 'Judo voor beginners', slug: 'judo-voor-beginners', themes: { connect: [{ documentId: sportTheme }] }, ageMin: 7, ageMax: 9 }, club),
    );
    // A draft is not public, so it must not be searchable.
    await new Promise((r) => setTimeout(r, 1000));
    expect((await meili.index(nl).search('', { filter: [`documentId = "${documentId}"`] })).hits).toHaveLength(0);

    await publishActivity(admin, documentId);
    const [doc] = await waitForDocument(meili, nl, documentId, (hits) => hits.length === 1);
    expect(doc).toMatchObject({ title: 'Judo voor beginners', slug: 'judo-voor-beginners', themes: ['sport-bewegen'], ages: [7, 8, 9], editions: ['kind'], free: true, fallback: false, days: ['wo'] });
    const [english] = await waitForDocument(meili, en, documentId, (hits) => hits.length === 1);
    expect(english).toMatchObject({ title: 'Judo voor beginners', fallback: true, themeNames: ['Sport and exercise'] });
  });

  it('follows edits and removes unpublished and deleted activities from every locale', async () => {
    const { documentId } = await createActivity(admin, activityData({ title: 'Hiphop dansen', slug: 'hiphop-dansen', ageMin: 10, ageMax: 14 }, club));
    await publishActivity(admin, documentId);
    await waitForDocument(meili, nl, documentId, (hits) => hits[0]?.title === 'Hiphop dansen');

    await updateActivity(admin, documentId, { title: 'Hiphop dansen in Poort' });
    await publishActivity(admin, documentId);
    await waitForDocument(meili, nl, documentId, (hits) => hits[0]?.title === 'Hiphop dansen in Poort');

    await unpublishActivity(admin, documentId);
    await waitForDocument(meili, nl, documentId, (hits) => hits.length === 0);
    await waitForDocument(meili, en, documentId, (hits) => hits.length === 0);

    await publishActivity(admin, documentId);
    await waitForDocument(meili, nl, documentId, (hits) => hits.length === 1);
    await deleteActivity(admin, documentId);
    await waitForDocument(meili, nl, documentId, (hits) => hits.length === 0);
  });

  it('catches up at start-up on changes made while the indexer was down', async () => {
    await stack.stopService('indexer');
    const { documentId } = await createActivity(admin, activityData({ title: 'Schaakclub', slug: 'schaakclub' }, club));
    await publishActivity(admin, documentId); // the webhook call fails: Strapi does not retry
    await stack.startService('indexer');
    await waitForDocument(meili, nl, documentId, (hits) => hits[0]?.title === 'Schaakclub');
  });

  it('lets the public read published activities only, never drafts or other content', async () => {
    const { documentId } = await createActivity(admin, activityData({ title: 'Geheim concept', slug: 'geheim-concept' }, club));
    const cms = stack.urls.cms;
    expect((await fetch(`${cms}/api/activities/${documentId}`)).status).toBe(404);
    const asDraft = await fetch(`${cms}/api/activities?status=draft&filters[documentId][$eq]=${documentId}`);
    expect(((await asDraft.json()) as { data: unknown[] }).data ?? []).toHaveLength(0);
    // Writing is not public either.
    const write = await fetch(`${cms}/api/activities`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ data: { title: 'x' } }) });
    expect(write.status).toBe(403);
    expect((await fetch(`${cms}/api/users`)).status).toBe(403);

    await publishActivity(admin, documentId);
    const published = await fetch(`${cms}/api/activities/${documentId}?populate[organisation]=true`);
    expect(published.status).toBe(200);
    expect(((await published.json()) as { data: { title: string } }).data.title).toBe('Geheim concept');
  });

  it('rejects webhook calls without the shared secret and ignores other content types', async () => {
    const url = `${stack.urls.indexer}/webhooks/strapi`;
    const payload = { event: 'entry.publish', uid: 'api::activity.activity', entry: { documentId: 'abc' } };
    const noSecret = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(payload) });
    expect(noSecret.status).toBe(401);
    const wrong = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', authorization: 'Bearer nope' }, body: JSON.stringify(payload) });
    expect(wrong.status).toBe(401);

    const other = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${stack.env.INDEXER_WEBHOOK_SECRET}` },
      body: JSON.stringify({ event: 'entry.create', uid: 'api::dream.dream', entry: { documentId: 'secret-dream', dream: 'dierenarts' } }),
    });
    expect(other.status).toBe(202);
    expect(await other.json()).toMatchObject({ ignored: expect.stringContaining('api::dream.dream') });
    expect((await meili.index(nl).search('dierenarts')).hits).toHaveLength(0);
  });

  it('gives the site a search-only key that cannot write', async () => {
    const res = await fetch(`${stack.urls.indexer}/search-key`);
    const { key } = (await res.json()) as { key: string };
    const searchOnly = meiliAdmin(stack.urls.meilisearch, key);
    await expect(searchOnly.index(nl).search('')).resolves.toBeTruthy();
    await expect(searchOnly.index(nl).addDocuments([{ id: 'x' }]).waitTask()).rejects.toThrow();
    await expect(searchOnly.getKeys()).rejects.toThrow();
  });

  it('reports health with queue length and last sync', async () => {
    let body: any;
    // The queue drains within moments of the last publish.
    for (let i = 0; i < 50; i++) {
      const res = await fetch(`${stack.urls.indexer}/health`);
      expect(res.status).toBe(200);
      body = await res.json();
      if (body.queue.length === 0) break;
      await new Promise((r) => setTimeout(r, 100));
    }
    expect(body).toMatchObject({ status: 'ok', meilisearch: 'available', queue: { length: 0, lastError: null }, lastSync: expect.any(String) });
  });
});
