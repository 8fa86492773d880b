import { DatabaseSync } from 'node:sqlite';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { indexName, locales, type SearchDocument } from '@droomkaart/shared';
import { startTestStack, type TestStack } from '../utils/stack.ts';
import {
  activityData,
  createActivity,
  createEntry,
  createOrganisation,
  DEMO_ADMIN,
  deleteActivity,
  findDocumentId,
  publishActivity,
  signIn,
  unpublishActivity,
  updateActivity,
  updateEntry,
  type AdminSession,
} from '../utils/cms-admin.ts';
import { meiliAdmin, waitForDocument } from '../utils/meili.ts';
import { PORT_OFFSET } from '../utils/ports.ts';

// The indexer under faults, with the real processes: Meilisearch stopped during edits, the
// indexer killed with changes waiting, the indexer down while editors work, an index changed
// behind its back, renames of what activities show, and a reindex while people search.
let stack: TestStack;
let admin: AdminSession;
let meili: ReturnType<typeof meiliAdmin>;
const nl = indexName('nl');

beforeAll(async () => {
  // A short reconcile interval: the periodic reconcile repairs what no change told the indexer of
  // (an index changed behind its back), as in production.
  stack = await startTestStack({
    name: 'indexer',
    portOffset: PORT_OFFSET.indexer,
    services: ['meilisearch', 'cms', 'indexer'],
    env: { INDEXER_RECONCILE_INTERVAL_SECONDS: '30' },
  });
  admin = await signIn(stack.urls.cms, DEMO_ADMIN.email, stack.env.DEMO_PASSWORD);
  meili = meiliAdmin(stack.urls.meilisearch, stack.env.MEILI_MASTER_KEY);
});

afterAll(async () => {
  await stack?.cleanup();
});

// A failed fault test must not leave a service stopped for the next one.
afterEach(async () => {
  if (!stack) return;
  for (const name of ['meilisearch', 'indexer'] as const)
    if (!stack.processes.has(name)) await stack.startService(name);
  await waitUntil('indexer idle', health, (h) => h.status === 200 && h.body.queue.length === 0, 120_000);
}, 180_000);

async function pool<T>(items: T[], limit: number, fn: (item: T, i: number) => Promise<void>): Promise<void> {
  let next = 0;
  await Promise.all(
    Array.from({ length: limit }, async () => {
      while (next < items.length) {
        const i = next++;
        await fn(items[i], i);
      }
    }),
  );
}

async function waitUntil<T>(
  what: string,
  probe: () => Promise<T>,
  ok: (value: T) => boolean,
  timeoutMs = 60_000,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let value = await probe();
  while (!ok(value)) {
    if (Date.now() > deadline)
      throw new Error(`${what}: not reached within ${timeoutMs} ms; last value: ${JSON.stringify(value)}`);
    await new Promise((r) => setTimeout(r, 200));
    value = await probe();
  }
  return value;
}

/** Creates and publishes activities of one organisation and waits until all are in the index. */
async function publishedActivities(
  organisation: string,
  prefix: string,
  count: number,
  extra: Record<string, unknown> = {},
): Promise<string[]> {
  const ids: string[] = new Array(count);
  await pool([...Array(count).keys()], 5, async (i) => {
    const slug = `${prefix}-${i}`.toLowerCase().replace(/[^a-z0-9]+/g, '-');
    const { documentId } = await createActivity(
      admin,
      activityData({ title: `${prefix} ${i}`, slug, ...extra }, organisation),
    );
    await publishActivity(admin, documentId);
    ids[i] = documentId;
  });
  await waitUntil(
    `${count} ${prefix} activities indexed`,
    () => titles(nl, ids),
    (t) => t.size === count,
  );
  return ids;
}

/** documentId → title in an index, for these activities (printed as an object when a wait fails). */
async function titles(index: string, ids: string[]): Promise<Map<string, string>> {
  const res = await meili.index<SearchDocument>(index).getDocuments({
    filter: `documentId IN [${ids.map((id) => JSON.stringify(id)).join(',')}]`,
    fields: ['id', 'title'],
    limit: 1000,
  });
  const out = new Map(res.results.map((d) => [d.id, d.title]));
  (out as any).toJSON = () => ({ size: out.size, missing: ids.filter((id) => !out.has(id)).slice(0, 5) });
  return out;
}

async function health(): Promise<{ status: number; body: any }> {
  const res = await fetch(`${stack.urls.indexer}/health`);
  return { status: res.status, body: await res.json() };
}

async function operator(path: string, secret = stack.env.INDEXER_ADMIN_SECRET): Promise<{ status: number; body: any }> {
  const res = await fetch(`${stack.urls.indexer}${path}`, {
    method: 'POST',
    headers: { authorization: `Bearer ${secret}` },
  });
  return { status: res.status, body: await res.json() };
}

async function metric(name: string): Promise<number> {
  const text = await (await fetch(`${stack.urls.indexer}/metrics`)).text();
  const line = text.split('\n').find((l) => l.startsWith(`droomkaart_indexer_${name}`));
  if (!line) throw new Error(`metric ${name} missing from /metrics`);
  return Number(line.split(' ').pop());
}

describe('search-indexer under faults', () => {
  it('reflects all 100 edits made while Meilisearch was down, once it is back', async () => {
    const club = await createOrganisation(admin, 'Storingsclub');
    const ids = await publishedActivities(club, 'Storing', 100);
    const failuresBefore = await metric('sync_failures');

    await stack.stopService('meilisearch');
    await pool(ids, 5, async (id, i) => {
      await updateActivity(admin, id, { title: `Na de storing ${i}` });
      await publishActivity(admin, id);
    });
    // The indexer has stored every change (the cms's change outbox drops none) and reports it is
    // waiting on Meilisearch.
    const waiting = await waitUntil('changes queued', health, (h) => h.body.queue.length === 100, 90_000);
    expect(waiting.status).toBe(503);
    expect(waiting.body).toMatchObject({ status: 'degraded', meilisearch: 'unavailable' });
    expect(waiting.body.queue.oldestPendingSeconds).toBeGreaterThan(0);
    expect(await metric('queue_length')).toBe(100);

    await stack.startService('meilisearch');
    const after = await waitUntil(
      'all 100 edits in the index',
      () => titles(nl, ids),
      (t) => ids.every((id, i) => t.get(id) === `Na de storing ${i}`),
      120_000,
    );
    expect(after.size).toBe(100);
    // Every locale index has them too (fallback to the Dutch text); each locale is its own task.
    await waitUntil(
      'all 100 edits in the English index',
      () => titles(indexName('en'), ids),
      (t) => ids.every((id, i) => t.get(id) === `Na de storing ${i}`),
      30_000,
    );
    expect(await metric('sync_failures')).toBeGreaterThan(failuresBefore);
    await waitUntil('queue empty', health, (h) => h.status === 200 && h.body.queue.length === 0);
  }, 240_000);

  it('keeps waiting changes on disk when the indexer is killed, and applies them after the restart', async () => {
    const club = await createOrganisation(admin, 'Herstartclub');
    const ids = await publishedActivities(club, 'Herstart', 10);
    await stack.stopService('meilisearch');
    for (const [i, id] of ids.entries()) {
      await updateActivity(admin, id, { title: `Herstart bewerkt ${i}` });
      await publishActivity(admin, id);
    }
    await waitUntil('changes queued', health, (h) => h.body.queue.length === 10, 60_000);

    // A crash, not a clean stop.
    process.kill(-stack.processes.get('indexer')!.pid!, 'SIGKILL');
    await stack.stopService('indexer');
    const queueFile = new DatabaseSync(stack.env.INDEXER_QUEUE_FILE, { readOnly: true });
    const stored = queueFile
      .prepare('SELECT DISTINCT key FROM changes')
      .all()
      .map((r: any) => r.key as string);
    queueFile.close();
    expect(stored.sort()).toEqual(ids.map((id) => `activity:${id}`).sort());

    await stack.startService('meilisearch');
    await stack.startService('indexer'); // healthy once the stored changes ran and a reconcile is done
    const t = await titles(nl, ids);
    expect(ids.map((id) => t.get(id))).toEqual(ids.map((_, i) => `Herstart bewerkt ${i}`));
    const { body } = await health();
    // The queue did the work: the reconcile after it found nothing left to repair.
    expect(body.queue.processed).toBeGreaterThanOrEqual(10);
    expect(body.lastReconcile).toMatchObject({ missing: 0, outdated: 0, extra: 0 });
  }, 120_000);

  it('catches up at start-up on what changed while the indexer was down', async () => {
    const club = await createOrganisation(admin, 'Reconcileclub');
    const [edited, unpublished, deleted] = await publishedActivities(club, 'Reconcile', 3);
    await stack.stopService('indexer');

    await updateActivity(admin, edited, { title: 'Reconcile bewerkt' });
    await publishActivity(admin, edited);
    await unpublishActivity(admin, unpublished);
    await deleteActivity(admin, deleted);
    const { documentId: added } = await createActivity(
      admin,
      activityData({ title: 'Reconcile nieuw', slug: 'reconcile-nieuw' }, club),
    );
    await publishActivity(admin, added);
    // Let the cms's change outbox try (and fail) these deliveries before the indexer is back.
    await new Promise((r) => setTimeout(r, 5_000));

    const restartedAt = Date.now();
    await stack.startService('indexer');
    // The outbox delivers the waiting changes once the indexer answers, and the start-up reconcile
    // compares too, so which of the two repairs what varies; together they must heal the index.
    // (The exact reconcile counts are checked deterministically in the next-but-one test.)
    const { body } = await health();
    expect(Date.parse(body.lastReconcile.at)).toBeGreaterThanOrEqual(restartedAt - 1000);
    expect(body.lastReconcile.published).toBeGreaterThan(100);
    const t = await titles(nl, [edited, unpublished, deleted, added]);
    expect(Object.fromEntries(t)).toEqual({ [edited]: 'Reconcile bewerkt', [added]: 'Reconcile nieuw' });
  });

  it('rebuilds the indexes at start-up when the transform or settings changed since they were built', async () => {
    const club = await createOrganisation(admin, 'Versieclub');
    const [doc] = await publishedActivities(club, 'Versie', 1);
    await stack.stopService('indexer');
    // Same dates, other content: reconcile alone could not see this; only a rebuild fixes it.
    await meili
      .index(nl)
      .updateDocuments([{ id: doc, title: 'Gebouwd door oude code' }])
      .waitTask();
    const queueFile = new DatabaseSync(stack.env.INDEXER_QUEUE_FILE);
    queueFile.prepare("UPDATE state SET value = 'an-older-version' WHERE name = 'indexVersion'").run();
    queueFile.close();
    await stack.startService('indexer');
    expect((await titles(nl, [doc])).get(doc)).toBe('Versie 0');
  });

  it('repairs an index changed behind its back when asked to reconcile, for operators only', async () => {
    const club = await createOrganisation(admin, 'Reparatieclub');
    const [lost, stale] = await publishedActivities(club, 'Reparatie', 2);
    await meili.index(nl).deleteDocument(lost).waitTask();
    await meili
      .index(nl)
      .updateDocuments([{ id: stale, title: 'Verouderd', sourceUpdatedAt: 1 }])
      .waitTask();
    await meili
      .index(nl)
      .addDocuments([{ id: 'spook', documentId: 'spook', title: 'Spookactiviteit', refs: [] }])
      .waitTask();

    expect((await operator('/admin/reconcile', 'wrong-secret-wrong-secret')).status).toBe(401);
    const { status, body } = await operator('/admin/reconcile');
    expect(status).toBe(200);
    expect(body).toMatchObject({ missing: 1, outdated: 1, extra: 1, repaired: 3 });
    await waitUntil(
      'index repaired',
      () => titles(nl, [lost, stale, 'spook']),
      (t) => t.size === 2 && t.get(lost) === 'Reparatie 0' && t.get(stale) === 'Reparatie 1',
    );
    expect(await metric('last_reconcile_timestamp_seconds')).toBeGreaterThan(Date.now() / 1000 - 60);
  });

  it('updates every activity that shows a renamed organisation, place, wijk or theme', async () => {
    const org = await createOrganisation(admin, 'Oude Naam Sport');
    const wijk = await findDocumentId(admin, 'api::wijk.wijk', 'slug', 'muziekwijk');
    const place = await createEntry(admin, 'api::place.place', {
      name: 'Oude Sporthal',
      lat: 52.376,
      lng: 5.185,
      wijk: { connect: [{ documentId: wijk }] },
    });
    const theme = await findDocumentId(admin, 'api::theme.theme', 'slug', 'natuur-buiten');
    const ids = await publishedActivities(org, 'Hernoem', 3, {
      places: { connect: [{ documentId: place }] },
      themes: { connect: [{ documentId: theme }] },
    });
    const docs = async () =>
      (
        await meili
          .index<SearchDocument>(nl)
          .getDocuments({ filter: `documentId IN [${ids.map((i) => JSON.stringify(i)).join(',')}]`, limit: 10 })
      ).results;

    await updateEntry(admin, 'api::organisation.organisation', org, { name: 'Nieuwe Naam Sport' });
    await waitUntil(
      'organisation renamed',
      docs,
      (d) => d.length === 3 && d.every((x) => x.organisationName === 'Nieuwe Naam Sport'),
      15_000,
    );

    await updateEntry(admin, 'api::place.place', place, { name: 'Nieuwe Sporthal' });
    await waitUntil('place renamed', docs, (d) => d.every((x) => x.places[0]?.name === 'Nieuwe Sporthal'), 15_000);

    const wijkName = (await docs())[0].places[0].wijkName;
    try {
      await updateEntry(admin, 'api::wijk.wijk', wijk, { name: 'Muziekwijk Noord' });
      await waitUntil(
        'wijk renamed',
        docs,
        (d) => d.every((x) => x.places[0]?.wijkName === 'Muziekwijk Noord'),
        15_000,
      );
    } finally {
      await updateEntry(admin, 'api::wijk.wijk', wijk, { name: wijkName });
    }

    const themeName = (await docs())[0].themeNames[0];
    try {
      await updateEntry(admin, 'api::theme.theme', theme, { name: 'Natuur, dieren en buiten' });
      await waitUntil(
        'theme renamed',
        docs,
        (d) => d.every((x) => x.themeNames.includes('Natuur, dieren en buiten')),
        15_000,
      );
    } finally {
      await updateEntry(admin, 'api::theme.theme', theme, { name: themeName });
    }
  });

  it('takes an organisation’s activities out of search when its approval is withdrawn, and back in when approved', async () => {
    const org = await createOrganisation(admin, 'Goedkeuringsclub');
    const ids = await publishedActivities(org, 'Goedkeuring', 2);
    await updateEntry(admin, 'api::organisation.organisation', org, { approved: false });
    await waitUntil(
      'activities withdrawn',
      () => titles(nl, ids),
      (t) => t.size === 0,
      15_000,
    );
    await updateEntry(admin, 'api::organisation.organisation', org, { approved: true });
    await waitUntil(
      'activities back',
      () => titles(nl, ids),
      (t) => t.size === 2,
      15_000,
    );
  });

  it('reindexes without downtime: searches keep answering, and an edit made meanwhile survives the swap', async () => {
    const club = await createOrganisation(admin, 'Reindexclub');
    const [during] = await publishedActivities(club, 'Reindex', 1);
    const before = (await meili.index(nl).getStats()).numberOfDocuments;
    const searchKey = ((await (await fetch(`${stack.urls.indexer}/search-key`)).json()) as { key: string }).key;
    const searcher = meiliAdmin(stack.urls.meilisearch, searchKey);

    expect((await operator('/admin/reindex', 'wrong-secret-wrong-secret')).status).toBe(401);
    let searching = true;
    const results = { ok: 0, failed: 0, empty: 0 };
    const searches = (async () => {
      while (searching) {
        try {
          const res = await searcher.index(nl).search('', { limit: 1 });
          if (res.estimatedTotalHits && res.estimatedTotalHits > 0) results.ok++;
          else results.empty++;
        } catch {
          results.failed++;
        }
      }
    })();

    const started = await operator('/admin/reindex');
    expect(started.status).toBe(202);
    expect((await operator('/admin/reindex')).status).toBe(409);
    await updateActivity(admin, during, { title: 'Bewerkt tijdens reindex' });
    await publishActivity(admin, during);
    const finished = await waitUntil(
      'reindex finished',
      health,
      (h) => h.body.reindex && !h.body.reindex.running,
      60_000,
    );
    searching = false;
    await searches;

    expect(finished.body.reindex).toMatchObject({ error: null, documents: expect.any(Number) });
    expect(finished.body.reindex.documents).toBeGreaterThanOrEqual(before);
    expect(results.failed).toBe(0);
    expect(results.empty).toBe(0);
    expect(results.ok).toBeGreaterThan(10);
    await waitForDocument(meili, nl, during, (hits) => hits[0]?.title === 'Bewerkt tijdens reindex', 15_000);
    const indexes = (await meili.getIndexes({ limit: 100 })).results.map((i) => i.uid).sort();
    expect(indexes).toEqual(locales.map((l) => indexName(l)).sort());

    const waited = await operator('/admin/reindex?wait=true');
    expect(waited.status).toBe(200);
    expect(waited.body).toMatchObject({ durationMs: expect.any(Number), error: null });
    expect(waited.body.documents).toBeGreaterThanOrEqual(before);
    expect((await meili.index(nl).getStats()).numberOfDocuments).toBe(waited.body.documents);
    expect(Object.keys(waited.body.perLocale).sort()).toEqual([...locales].sort());
  });

  it('never indexes anything but activities, whatever is delivered', async () => {
    const post = (body: unknown) =>
      fetch(`${stack.urls.indexer}/changes`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${stack.env.INDEXER_WEBHOOK_SECRET}` },
        body: JSON.stringify(body),
      });
    // Keys of private content types, and payloads of the retired Strapi webhook with private words:
    // refused, nothing queued.
    const refused = [
      { keys: ['dream:dream-1'] },
      { keys: ['activity:ok', 'referral:ref-1'] },
      { keys: ['audit-entry:audit-1', 'user:u-1'] },
      {
        event: 'entry.create',
        uid: 'api::dream.dream',
        model: 'dream',
        entry: { documentId: 'dream-1', firstName: 'Sem', dream: 'Ik wil dierenarts worden', phone: '0612345678' },
      },
      { keys: ['Ik wil dierenarts worden', '0612345678'] },
    ];
    for (const body of refused) {
      const res = await post(body);
      expect(res.status).toBe(400);
      expect(await res.json()).toHaveProperty('error');
    }
    // An activity key is only ever re-read from the cms: one that names no activity indexes nothing.
    const unknown = await post({ keys: ['activity:dream-1', 'activity:no-uid'] });
    expect(unknown.status).toBe(202);
    await waitUntil('queue empty', health, (h) => h.body.queue.length === 0);
    const indexes = (await meili.getIndexes({ limit: 100 })).results.map((i) => i.uid);
    expect(indexes.every((uid) => locales.some((l) => uid === indexName(l)))).toBe(true);
    // The private words find only activities (an activity's keywords may name "dierenarts"),
    // never the dream, the referral or a person.
    for (const q of ['dierenarts', 'dierenkliniek', '0612345678']) {
      const hits = (await meili.index(nl).search(q)).hits;
      for (const hit of hits) expect(hit, q).toMatchObject({ slug: expect.any(String), kind: expect.any(String) });
      expect(JSON.stringify(hits), q).not.toMatch(/"Sem"|0612345678|Ik wil dierenarts worden|dierenkliniek/);
    }
    expect((await meili.index(nl).search('0612345678')).hits).toHaveLength(0);
    expect(
      (await meili.index(nl).getDocuments({ filter: 'documentId IN ["dream-1", "ref-1", "audit-1", "u-1", "no-uid"]' }))
        .results,
    ).toHaveLength(0);
  });
});
