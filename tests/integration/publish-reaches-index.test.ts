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
  stack = await startTestStack({
    name: 'integration',
    portOffset: PORT_OFFSET.integration,
    services: ['meilisearch', 'cms', 'indexer'],
  });
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
      activityData(
        {
          title: 'Judo voor beginners',
          slug: 'judo-voor-beginners',
          themes: { connect: [{ documentId: sportTheme }] },
          ageMin: 7,
          ageMax: 9,
        },
        club,
      ),
    );
    // A draft is not public, so it must not be searchable.
    await new Promise((r) => setTimeout(r, 1000));
    expect((await meili.index(nl).search('', { filter: [`documentId = "${documentId}"`] })).hits).toHaveLength(0);

    await publishActivity(admin, documentId);
    const [doc] = await waitForDocument(meili, nl, documentId, (hits) => hits.length === 1);
    expect(doc).toMatchObject({
      title: 'Judo voor beginners',
      slug: 'judo-voor-beginners',
      themes: ['sport-bewegen'],
      ages: [7, 8, 9],
      editions: ['kind'],
      free: true,
      fallback: false,
      days: ['wo'],
    });
    const [english] = await waitForDocument(meili, en, documentId, (hits) => hits.length === 1);
    expect(english).toMatchObject({ title: 'Judo voor beginners', fallback: true, themeNames: ['Sport and exercise'] });
  });

  it('gives the search document the photo of an activity: only the small AVIF/WebP versions cards need, versioned, served by the cms', async () => {
    const sharp = (await import('sharp')).default;
    const photoOf = (r: number) =>
      sharp({ create: { width: 1200, height: 750, channels: 3, background: { r, g: 150, b: 90 } } })
        .jpeg()
        .toBuffer();
    // Uploaded (and replaced) as the admin panel does; `?id=` replaces a file, keeping its URLs.
    const upload = async (data: Buffer, replace?: number) => {
      const form = new FormData();
      form.append('files', new Blob([new Uint8Array(data)], { type: 'image/jpeg' }), 'zwemmen.jpg');
      const res = await fetch(`${stack.urls.cms}/upload${replace ? `?id=${replace}` : ''}`, {
        method: 'POST',
        headers: { authorization: `Bearer ${admin.token}` },
        body: form,
      });
      expect(res.status).toBeLessThan(300);
      const body = (await res.json()) as { id: number } | { id: number }[];
      return Array.isArray(body) ? body[0].id : body.id;
    };
    const fileId = await upload(await photoOf(40));
    const { documentId } = await createActivity(
      admin,
      activityData({ title: 'Zwemmen met foto', slug: 'zwemmen-met-foto', images: [fileId] }, club),
    );
    await publishActivity(admin, documentId);
    const [doc] = await waitForDocument(meili, nl, documentId, (hits) => Boolean(hits[0]?.image));
    const image = doc.image!;
    expect(image).toMatchObject({
      width: 1200,
      height: 750,
      url: expect.stringMatching(/^\/uploads\/xsmall_zwemmen_\w+\.jpg\?v=[a-z0-9]+$/),
    });
    expect(image.formats.avif.map((c) => c.width)).toEqual([320, 640]);
    expect(image.formats.webp.map((c) => c.width)).toEqual([320, 640]);
    for (const [type, list] of Object.entries(image.formats)) {
      for (const c of list) {
        const served = await fetch(`${stack.urls.cms}${c.url}`);
        expect(served.headers.get('content-type')).toBe(`image/${type}`);
        expect((await sharp(Buffer.from(await served.arrayBuffer())).metadata()).width).toBe(c.width);
      }
    }
    const [english] = await waitForDocument(meili, en, documentId, (hits) => hits.length === 1);
    expect(english.image).toEqual(image);

    // A photo replaced in the media library keeps its URLs: it gets new AVIF/WebP versions and a
    // new version in its addresses, which reconcile brings to the index (the activity itself did
    // not change, so no change outbox row says so).
    await upload(await photoOf(220), fileId);
    const reconcile = await fetch(`${stack.urls.indexer}/admin/reconcile`, {
      method: 'POST',
      headers: { authorization: `Bearer ${stack.env.INDEXER_ADMIN_SECRET}` },
    });
    expect(reconcile.status).toBe(200);
    const [replaced] = await waitForDocument(meili, nl, documentId, (hits) =>
      Boolean(hits[0]?.image && hits[0].image.url !== image.url),
    );
    expect(replaced.image!.url.split('?')[0]).toBe(image.url.split('?')[0]);
    expect(replaced.image!.formats.avif.map((c) => c.width)).toEqual([320, 640]);
    const pixel = async (url: string) =>
      (
        await sharp(Buffer.from(await (await fetch(`${stack.urls.cms}${url}`)).arrayBuffer()))
          .raw()
          .toBuffer()
      )[0];
    expect(await pixel(replaced.image!.formats.avif[0].url)).toBeGreaterThan(150);

    // No photo: null, not a missing field.
    const { documentId: plain } = await createActivity(
      admin,
      activityData({ title: 'Zwemmen zonder foto', slug: 'zwemmen-zonder-foto' }, club),
    );
    await publishActivity(admin, plain);
    const [without] = await waitForDocument(meili, nl, plain, (hits) => hits.length === 1);
    expect(without.image).toBeNull();
  });

  it('follows edits and removes unpublished and deleted activities from every locale', async () => {
    const { documentId } = await createActivity(
      admin,
      activityData({ title: 'Hiphop dansen', slug: 'hiphop-dansen', ageMin: 10, ageMax: 14 }, club),
    );
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
    await publishActivity(admin, documentId); // waits in the cms's change outbox until the indexer is back
    await stack.startService('indexer');
    await waitForDocument(meili, nl, documentId, (hits) => hits[0]?.title === 'Schaakclub');
  });

  it('lets the public read published activities only, never drafts or other content', async () => {
    const { documentId } = await createActivity(
      admin,
      activityData({ title: 'Geheim concept', slug: 'geheim-concept' }, club),
    );
    const cms = stack.urls.cms;
    expect((await fetch(`${cms}/api/activities/${documentId}`)).status).toBe(404);
    const asDraft = await fetch(`${cms}/api/activities?status=draft&filters[documentId][$eq]=${documentId}`);
    expect(((await asDraft.json()) as { data: unknown[] }).data ?? []).toHaveLength(0);
    // Writing is not public either.
    const write = await fetch(`${cms}/api/activities`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ data: { title: 'x' } }),
    });
    expect(write.status).toBe(403);
    expect((await fetch(`${cms}/api/users`)).status).toBe(403);

    await publishActivity(admin, documentId);
    const published = await fetch(`${cms}/api/activities/${documentId}?populate[organisation]=true`);
    expect(published.status).toBe(200);
    expect(((await published.json()) as { data: { title: string } }).data.title).toBe('Geheim concept');
  });

  it('rejects change deliveries without the shared secret and refuses other content types', async () => {
    const url = `${stack.urls.indexer}/changes`;
    const payload = { keys: ['activity:abc'] };
    const noSecret = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(payload),
    });
    expect(noSecret.status).toBe(401);
    const wrong = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: 'Bearer nope' },
      body: JSON.stringify(payload),
    });
    expect(wrong.status).toBe(401);

    const other = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${stack.env.INDEXER_WEBHOOK_SECRET}` },
      body: JSON.stringify({ keys: ['dream:secret-dream'] }),
    });
    expect(other.status).toBe(400);
    expect(await other.json()).toMatchObject({ error: expect.stringContaining('not a change key') });
    expect((await meili.index(nl).search('secret-dream')).hits).toHaveLength(0);
  });

  it('gives the site a search-only key that cannot write', async () => {
    const res = await fetch(`${stack.urls.indexer}/search-key`);
    const { key } = (await res.json()) as { key: string };
    const searchOnly = meiliAdmin(stack.urls.meilisearch, key);
    await expect(searchOnly.index(nl).search('')).resolves.toBeTruthy();
    await expect(
      searchOnly
        .index(nl)
        .addDocuments([{ id: 'x' }])
        .waitTask(),
    ).rejects.toThrow();
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
    expect(body).toMatchObject({
      status: 'ok',
      meilisearch: 'available',
      queue: { length: 0, lastError: null },
      lastSync: expect.any(String),
    });
  });
});
