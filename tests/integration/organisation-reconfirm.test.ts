import { DatabaseSync } from 'node:sqlite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { indexName, shownUntil } from '@droomkaart/shared';
import { startTestStack, type TestStack } from '../utils/stack.ts';
import {
  activityData,
  createActivity,
  createOrganisation,
  DEMO_ADMIN,
  publishActivity,
  request,
  signIn,
  type AdminSession,
} from '../utils/cms-admin.ts';
import { meiliAdmin, waitForDocument } from '../utils/meili.ts';
import { PORT_OFFSET } from '../utils/ports.ts';

// Issue 19, point 3 "One tap, no sign-in": an activity past its freshness limit leaves the site, the
// public API and search at once (decided on read, not by the nightly job), and is back as soon as it
// is confirmed. Real Strapi on SQLite, real Meilisearch, real indexer, real site; nothing mocked.
let stack: TestStack;
let admin: AdminSession;
let meili: ReturnType<typeof meiliAdmin>;

beforeAll(async () => {
  stack = await startTestStack({
    name: 'organisation-reconfirm',
    portOffset: PORT_OFFSET.organisationReconfirm,
    services: ['meilisearch', 'cms', 'indexer', 'site'],
    // The site keeps a cms read for SITE_CMS_CACHE_SECONDS (30 by default) and a page a few seconds:
    // short here, so the test sees a change as soon as the site would after its caches.
    env: { SITE_CMS_CACHE_SECONDS: '1', SITE_PAGE_CACHE_SECONDS: '1' },
  });
  admin = await signIn(stack.urls.cms, DEMO_ADMIN.email, stack.env.DEMO_PASSWORD);
  meili = meiliAdmin(stack.urls.meilisearch, stack.env.MEILI_MASTER_KEY);
}, 240_000);

afterAll(async () => {
  await stack?.cleanup();
});

/** What a family finds through the site's own search proxy. */
async function siteSearchIds(): Promise<string[]> {
  const res = await fetch(`${stack.urls.site}/api/search/multi-search`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      queries: [
        { indexUid: indexName('nl', stack.env.INDEX_PREFIX), q: '', limit: 1000, attributesToRetrieve: ['documentId'] },
      ],
    }),
  });
  expect(res.status).toBe(200);
  const body = (await res.json()) as { results: { hits: { documentId: string }[] }[] };
  return body.results[0].hits.map((h) => h.documentId);
}

/** The activity page's status once it is `expected`, or the last one after the site's caches ran out. */
async function pageStatus(slug: string, expected: number): Promise<number> {
  const deadline = Date.now() + 10_000;
  let status = 0;
  while (Date.now() < deadline) {
    status = (await fetch(`${stack.urls.site}/nl/activiteiten/${slug}`)).status;
    if (status === expected) break;
    await new Promise((r) => setTimeout(r, 250));
  }
  return status;
}

async function apiStatus(documentId: string): Promise<number> {
  return (await fetch(`${stack.urls.cms}/api/activities/${documentId}`)).status;
}

async function apiListed(slug: string): Promise<boolean> {
  const res = await fetch(`${stack.urls.cms}/api/activities?filters[slug][$eq]=${slug}`);
  return ((await res.json()) as { data: unknown[] }).data.length > 0;
}

/** Whether open data (HSDS, ids are UUIDs) lists a service of this name. */
async function openDataListed(name: string): Promise<boolean> {
  const res = await fetch(`${stack.urls.cms}/api/hsds/services?search=${encodeURIComponent(name)}`);
  expect(res.status).toBe(200);
  const body = (await res.json()) as { contents: { name: string }[] };
  return body.contents.some((s) => s.name === name);
}

/**
 * Time passing, as the database sees it: the activity's last review moved back. The nightly job
 * does not run in this stack (CRON_ENABLED=false), so nothing but the read decides.
 */
function reviewedAt(documentId: string, at: Date) {
  const db = new DatabaseSync(stack.env.DATABASE_FILENAME);
  try {
    const row = db
      .prepare('SELECT last_reviewed_at AS v FROM activities WHERE document_id = ? LIMIT 1')
      .get(documentId) as { v: unknown } | undefined;
    const value = typeof row?.v === 'number' ? at.getTime() : at.toISOString();
    db.prepare('UPDATE activities SET last_reviewed_at = ? WHERE document_id = ?').run(value, documentId);
  } finally {
    db.close();
  }
}

describe('an activity past its freshness limit', () => {
  it('is off its page, the API and search at once, and back in all three once confirmed', async () => {
    const club = await createOrganisation(admin, 'Sportclub Vers');
    const { documentId } = await createActivity(
      admin,
      activityData({ title: 'Tafeltennis op woensdag', slug: 'tafeltennis-op-woensdag' }, club),
    );
    await publishActivity(admin, documentId);
    const index = indexName('nl', stack.env.INDEX_PREFIX);
    const [fresh] = await waitForDocument(meili, index, documentId, (hits) => hits.length === 1);
    expect(fresh.shownUntil).toBeGreaterThan(Date.now());
    expect(await pageStatus('tafeltennis-op-woensdag', 200)).toBe(200);
    expect(await apiStatus(documentId)).toBe(200);
    expect(await siteSearchIds()).toContain(documentId);

    // Ten months later, without a check: the index still holds the document as written then.
    const tenMonthsAgo = new Date();
    tenMonthsAgo.setUTCMonth(tenMonthsAgo.getUTCMonth() - 10);
    reviewedAt(documentId, tenMonthsAgo);
    const limit = shownUntil({ lastReviewedAt: tenMonthsAgo });
    await meili
      .index(index)
      .updateDocuments([{ id: fresh.id, shownUntil: limit }])
      .waitTask();
    expect((await meili.index(index).search('', { filter: [`documentId = "${documentId}"`] })).hits).toHaveLength(1);

    expect(await apiStatus(documentId)).toBe(404);
    expect(await pageStatus('tafeltennis-op-woensdag', 404)).toBe(404);
    expect(await apiListed('tafeltennis-op-woensdag')).toBe(false);
    expect(await openDataListed('Tafeltennis op woensdag')).toBe(false);
    expect(await siteSearchIds()).not.toContain(documentId);

    // "Klopt nog": back everywhere, without a new publish.
    expect((await request(admin, 'POST', `/droomkaart/activities/${documentId}/reviewed`)).status).toBe(200);
    await waitForDocument(
      meili,
      index,
      documentId,
      (hits) => hits.length === 1 && (hits[0].shownUntil as number) > Date.now(),
    );
    expect(await apiStatus(documentId)).toBe(200);
    expect(await apiListed('tafeltennis-op-woensdag')).toBe(true);
    expect(await openDataListed('Tafeltennis op woensdag')).toBe(true);
    expect(await siteSearchIds()).toContain(documentId);
    expect(await pageStatus('tafeltennis-op-woensdag', 200)).toBe(200);
  });
});
