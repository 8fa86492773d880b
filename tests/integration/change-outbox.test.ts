import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { indexName } from '@droomkaart/shared';
import { findPostgresBin } from '../../scripts/lib/postgres.ts';
import { startTestStack, type TestStack } from '../utils/stack.ts';
import {
  activityData,
  createActivity,
  createOrganisation,
  DEMO_ADMIN,
  publishActivity,
  request,
  signIn,
  updateActivity,
  updateEntry,
  type AdminSession,
} from '../utils/cms-admin.ts';
import { meiliAdmin, waitForDocument } from '../utils/meili.ts';
import { PORT_OFFSET } from '../utils/ports.ts';

// The change outbox (cms/src/change-outbox): real Strapi, real indexer, real Meilisearch. Changes
// reach search through rows written in the change's own transaction, with no Strapi webhook, and
// none is lost while the indexer or the cms is down.
let stack: TestStack;
let admin: AdminSession;
let meili: ReturnType<typeof meiliAdmin>;
let club: string;
const nl = indexName('nl');

beforeAll(async () => {
  stack = await startTestStack({
    name: 'change-outbox',
    portOffset: PORT_OFFSET.changeOutbox,
    services: ['meilisearch', 'cms', 'indexer'],
    // Only the start-up reconcile: what reaches search between starts came through the outbox.
    env: { INDEXER_RECONCILE_INTERVAL_SECONDS: '0' },
  });
  admin = await signIn(stack.urls.cms, DEMO_ADMIN.email, stack.env.DEMO_PASSWORD);
  meili = meiliAdmin(stack.urls.meilisearch, stack.env.MEILI_MASTER_KEY);
  club = await createOrganisation(admin, 'Outboxclub');
}, 240_000);

afterAll(async () => {
  await stack?.cleanup();
});

/** The keys waiting in the cms's outbox table, oldest first, read from the database itself. */
function outboxKeys(): string[] {
  if (stack.database === 'postgres') {
    const psql = join(findPostgresBin()!.bin, 'psql');
    const out = execFileSync(psql, [stack.env.DATABASE_URL, '-At', '-c', 'SELECT key FROM change_outbox ORDER BY id'], {
      encoding: 'utf8',
    });
    return out.split('\n').filter(Boolean);
  }
  const db = new DatabaseSync(stack.env.DATABASE_FILENAME, { readOnly: true, timeout: 5_000 });
  try {
    return (db.prepare('SELECT key FROM change_outbox ORDER BY id').all() as { key: string }[]).map((r) => r.key);
  } finally {
    db.close();
  }
}

async function until(what: string, check: () => boolean | Promise<boolean>, timeoutMs = 15_000) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (await check()) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`${what}: not within ${timeoutMs} ms`);
}

async function publishedActivity(title: string) {
  const slug = title.toLowerCase().replace(/[^a-z0-9]+/g, '-');
  const { documentId } = await createActivity(admin, activityData({ title, slug }, club));
  await publishActivity(admin, documentId);
  return documentId;
}

describe('change outbox: cms → indexer without webhooks', () => {
  it('brings a published edit into search with no Strapi webhook configured', async () => {
    const webhooks = await request(admin, 'GET', '/admin/webhooks');
    expect(webhooks.status).toBe(200);
    expect(webhooks.body.data).toEqual([]);

    const documentId = await publishedActivity('Boogschieten');
    await waitForDocument(meili, nl, documentId, (hits) => hits[0]?.title === 'Boogschieten');
    const started = Date.now();
    await updateActivity(admin, documentId, { title: 'Boogschieten in Haven' });
    await publishActivity(admin, documentId);
    await waitForDocument(meili, nl, documentId, (hits) => hits[0]?.title === 'Boogschieten in Haven', 5_000);
    expect(Date.now() - started).toBeLessThan(5_000);
    // Delivered and deleted: the outbox is empty again.
    await until('outbox empty', () => outboxKeys().length === 0);

    // A change to an organisation an activity shows reaches that activity's search entry.
    await updateEntry(admin, 'api::organisation.organisation', club, { name: 'Outboxclub Haven' });
    await waitForDocument(meili, nl, documentId, (hits) => hits[0]?.organisationName === 'Outboxclub Haven');
  });

  it(
    'keeps changes while the indexer is down, and delivers every one when it is back',
    { timeout: 180_000 },
    async () => {
      await stack.stopService('indexer');
      const ids: string[] = [];
      for (const title of ['Kanoën', 'Skaten', 'Tekenen']) ids.push(await publishedActivity(title));
      await updateActivity(admin, ids[0], { title: 'Kanoën op het Weerwater' });
      await publishActivity(admin, ids[0]);
      // Each change waits as a row; the relay keeps trying and drops nothing.
      const waiting = outboxKeys();
      for (const id of ids) expect(waiting).toContain(`activity:${id}`);
      expect(waiting.filter((k) => k === `activity:${ids[0]}`)).toHaveLength(2);
      await new Promise((r) => setTimeout(r, 2_000));
      expect(outboxKeys()).toEqual(waiting);

      await stack.startService('indexer');
      await waitForDocument(meili, nl, ids[0], (hits) => hits[0]?.title === 'Kanoën op het Weerwater', 30_000);
      for (const id of ids.slice(1)) await waitForDocument(meili, nl, id, (hits) => hits.length === 1);
      await until('outbox empty', () => outboxKeys().length === 0, 30_000);
      // Each document is in the index once.
      for (const id of ids)
        expect((await meili.index(nl).search('', { filter: [`documentId = "${id}"`] })).hits).toHaveLength(1);
    },
  );

  it('leaves no row when the change fails after its row was written', { timeout: 180_000 }, async () => {
    await stack.stopService('indexer');
    try {
      const before = outboxKeys();
      // The row for `organisation:<club>` is written first, then the content rules refuse the
      // website: the whole transaction is rolled back, row and all.
      const refused = await request(
        admin,
        'PUT',
        `/content-manager/collection-types/api::organisation.organisation/${club}`,
        {
          website: 'geen adres',
        },
      );
      expect(refused.status).toBe(400);
      expect(outboxKeys()).toEqual(before);
      // The same change with a good website leaves its row.
      await updateEntry(admin, 'api::organisation.organisation', club, { website: 'https://outboxclub.example' });
      expect(outboxKeys()).toEqual([...before, `organisation:${club}`]);
    } finally {
      await stack.startService('indexer');
    }
    await until('outbox empty', () => outboxKeys().length === 0, 30_000);
  });

  it('writes nothing for dreams, and nothing for a draft that is only saved', { timeout: 180_000 }, async () => {
    await stack.stopService('indexer');
    try {
      const before = outboxKeys();
      const res = await fetch(`${stack.urls.cms}/api/dreams`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${stack.env.DREAM_INTAKE_TOKEN}` },
        body: JSON.stringify({
          data: {
            edition: 'kind',
            firstName: 'Sem',
            age: 9,
            dream: 'Ik wil dierenarts worden',
            need: 'Een dag meelopen bij een dierenkliniek',
            needPicks: ['meelopen'],
            wijk: 'muziekwijk',
            phone: '06 12345678',
            channel: 'website',
            idempotencyKey: 'outbox-dream-1',
          },
        }),
      });
      expect(res.status).toBeLessThan(300);
      const { documentId } = await createActivity(admin, activityData({ title: 'Concept', slug: 'concept' }, club));
      await updateActivity(admin, documentId, { title: 'Concept 2' });
      expect(outboxKeys()).toEqual(before);
    } finally {
      await stack.startService('indexer');
    }
  });

  it(
    'survives a cms restart with changes waiting, and removes the webhook an older version kept',
    { timeout: 180_000 },
    async () => {
      const created = await request(admin, 'POST', '/admin/webhooks', {
        name: 'search-indexer',
        url: `${stack.urls.indexer}/webhooks/strapi`,
        headers: {},
        events: ['entry.publish'],
      });
      expect(created.status).toBe(201);
      await stack.stopService('indexer');
      const documentId = await publishedActivity('Paardrijden');
      expect(outboxKeys()).toContain(`activity:${documentId}`);
      await stack.stopService('cms');
      await stack.startService('cms');
      admin = await signIn(stack.urls.cms, DEMO_ADMIN.email, stack.env.DEMO_PASSWORD);
      expect((await request(admin, 'GET', '/admin/webhooks')).body.data).toEqual([]);
      expect(outboxKeys()).toContain(`activity:${documentId}`);
      await stack.startService('indexer');
      await waitForDocument(meili, nl, documentId, (hits) => hits.length === 1, 30_000);
      await until('outbox empty', () => outboxKeys().length === 0, 30_000);
    },
  );

  it('refuses deliveries without the shared secret or with anything but change keys', async () => {
    const url = `${stack.urls.indexer}/changes`;
    const post = (body: unknown, authorization?: string) =>
      fetch(url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...(authorization ? { authorization } : {}) },
        body: JSON.stringify(body),
      });
    expect((await post({ keys: ['activity:x'] })).status).toBe(401);
    expect((await post({ keys: ['activity:x'] }, 'Bearer nope')).status).toBe(401);
    const secret = `Bearer ${stack.env.INDEXER_WEBHOOK_SECRET}`;
    const dream = await post({ keys: ['dream:secret-dream'] }, secret);
    expect(dream.status).toBe(400);
    expect(await dream.json()).toMatchObject({ error: expect.stringContaining('not a change key') });
    expect((await post({ event: 'entry.publish' }, secret)).status).toBe(400);
    // The old webhook path is gone.
    const old = await fetch(`${stack.urls.indexer}/webhooks/strapi`, {
      method: 'POST',
      headers: { authorization: secret },
    });
    expect(old.status).toBe(404);
    const ok = await post({ keys: ['activity:does-not-exist'] }, secret);
    expect(ok.status).toBe(202);
    expect(await ok.json()).toEqual({ queued: 1 });
  });
});
