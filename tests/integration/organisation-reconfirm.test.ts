import { createHmac } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
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
  updateEntry,
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
  const db = new DatabaseSync(stack.env.DATABASE_FILENAME, { timeout: 5_000 });
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

/** The same link with another expiry, signed with the stack's secret (what a link of the past looks like). */
function withExpiry(token: string, expires: Date): string {
  const parts = token.split('.');
  parts[3] = Math.floor(expires.getTime() / 1000).toString(36);
  const payload = parts.slice(0, 5).join('.');
  return `${payload}.${createHmac('sha256', stack.env.LINK_SECRET).update(payload).digest('base64url')}`;
}

type Link = { url: string; text: string; expiresAt: string; organisation: string };

async function linkFor(organisation: string, replace = false): Promise<Link> {
  const res = await request(
    admin,
    'POST',
    `/droomkaart/organisations/${organisation}/reconfirm-link`,
    replace ? { replace: true } : {},
  );
  expect(res.status).toBe(200);
  return res.body.data as Link;
}

/** The link's page on the site (the link's own path on this stack's site). */
const sitePath = (url: string) => `${stack.urls.site}${new URL(url).pathname}`;

async function openPage(url: string): Promise<{ status: number; html: string }> {
  const res = await fetch(sitePath(url));
  return { status: res.status, html: await res.text() };
}

/** "Alles klopt nog" as the browser sends the form: a same-origin post, then the redirect. */
async function tapConfirm(url: string): Promise<{ status: number; location: string | null }> {
  const res = await fetch(sitePath(url), {
    method: 'POST',
    headers: { origin: stack.urls.site, 'content-type': 'application/x-www-form-urlencoded' },
    body: '',
    redirect: 'manual',
  });
  return { status: res.status, location: res.headers.get('location') };
}

async function lastReviewed(documentId: string): Promise<number> {
  const db = new DatabaseSync(stack.env.DATABASE_FILENAME, { readOnly: true, timeout: 5_000 });
  try {
    const row = db
      .prepare('SELECT last_reviewed_at AS v FROM activities WHERE document_id = ? LIMIT 1')
      .get(documentId) as { v: number | string };
    return typeof row.v === 'number' ? row.v : Date.parse(row.v);
  } finally {
    db.close();
  }
}

describe('the organisation\'s "Alles klopt nog" link', () => {
  it("confirms exactly the organisation's listed offers with one tap, without an account", async () => {
    const scouts = await createOrganisation(admin, 'Scouting Waterland');
    const choir = await createOrganisation(admin, 'Kinderkoor Haven');
    const offer = async (title: string, slug: string, organisation: string) => {
      const { documentId } = await createActivity(admin, activityData({ title, slug }, organisation));
      await publishActivity(admin, documentId);
      return documentId;
    };
    const hike = await offer('Hike door het bos', 'hike-door-het-bos', scouts);
    const knots = await offer('Knopen leren', 'knopen-leren', scouts);
    const sing = await offer('Zingen op zaterdag', 'zingen-op-zaterdag', choir);
    const longAgo = new Date();
    longAgo.setUTCMonth(longAgo.getUTCMonth() - 10);
    for (const id of [hike, knots, sing]) reviewedAt(id, longAgo);
    expect(await apiStatus(hike)).toBe(404);

    const link = await linkFor(scouts);
    expect(new URL(link.url).pathname).toMatch(/^\/nl\/bijwerken\/l1\.organisation\./);
    // The WhatsApp-ready text carries the same link.
    expect(link.text).toContain(link.url);
    expect(link.text).toContain('Alles klopt nog');

    const page = await openPage(link.url);
    expect(page.status).toBe(200);
    expect(page.html).toContain('Scouting Waterland');
    expect(page.html).toContain('Hike door het bos');
    expect(page.html).toContain('Knopen leren');
    expect(page.html).not.toContain('Zingen op zaterdag');
    expect(page.html).toMatch(/Laatst gecontroleerd op/);
    expect(page.html).toMatch(/<form method="post"/);
    expect(page.html).toContain('Alles klopt nog');
    expect(page.html).toMatch(/href="[^"]*\/admin"/);

    const tapped = await tapConfirm(link.url);
    expect(tapped.status).toBe(303);
    expect(tapped.location).toMatch(/\?klaar=1$/);
    for (const id of [hike, knots]) expect(Date.now() - (await lastReviewed(id))).toBeLessThan(60_000);
    // Another organisation's offer is not touched.
    expect(await lastReviewed(sing)).toBe(longAgo.getTime());
    expect(await apiStatus(hike)).toBe(200);
    expect(await apiStatus(sing)).toBe(404);
    const thanks = await fetch(`${stack.urls.site}${tapped.location}`);
    expect(await thanks.text()).toMatch(/Dank je wel! Alles is bevestigd op \d{1,2} \w+ \d{4}/);

    // Again the same day: harmless, and it says so.
    const before = await lastReviewed(hike);
    const again = await tapConfirm(link.url);
    expect(again.location).toMatch(/\?klaar=al$/);
    expect(await lastReviewed(hike)).toBe(before);
    expect(await (await fetch(`${stack.urls.site}${again.location}`)).text()).toContain('vandaag al bevestigd');

    // The choir's own link confirms the choir's offer only.
    const choirLink = await linkFor(choir);
    expect((await tapConfirm(choirLink.url)).status).toBe(303);
    expect(Date.now() - (await lastReviewed(sing))).toBeLessThan(60_000);
  });

  it('sends expired, forged and replaced links to a kind page that says how to get a new one', async () => {
    const club = await createOrganisation(admin, 'Dansgroep Poort');
    const { documentId } = await createActivity(admin, activityData({ title: 'Dansen', slug: 'dansen-poort' }, club));
    await publishActivity(admin, documentId);
    const old = await linkFor(club);
    const token = decodeURIComponent(new URL(old.url).pathname.split('/').pop()!);
    const expired = `${new URL(old.url).pathname.replace(/[^/]+$/, '')}${withExpiry(token, new Date(Date.now() - 60_000))}`;
    const forged = `${new URL(old.url).pathname}x`;
    const other = token.replace('.organisation.', '.provider.');
    // Asked again: the same link (the round's mail and the WhatsApp text agree) until replaced.
    expect((await linkFor(club)).url).toBe(old.url);
    const fresh = await linkFor(club, true);
    for (const url of [`http://x${expired}`, `http://x${forged}`, old.url, `http://x/nl/bijwerken/${other}`]) {
      const page = await openPage(url);
      expect(page.status, url).toBe(404);
      expect(page.html).toContain('Deze link werkt niet meer');
      expect(page.html).toContain('vraag een nieuwe link');
      const tapped = await tapConfirm(url);
      expect(tapped.status, url).toBe(404);
    }
    expect((await openPage(fresh.url)).status).toBe(200);
    // The organisation's nonce never leaves through the public API.
    const api = await (await fetch(`${stack.urls.cms}/api/organisations?filters[slug][$eq]=dansgroep-poort`)).text();
    expect(api).not.toMatch(/reconfirmLinkNonce/);
  });
});

describe('confirmation rounds', () => {
  const mailsTo = (address: string) =>
    readdirSync(stack.env.MAIL_OUTBOX_DIR)
      .sort()
      .map((f) => readFileSync(join(stack.env.MAIL_OUTBOX_DIR, f), 'utf8'))
      .filter((m) => m.startsWith(`To: ${address}\n`));

  it('mail every organisation with listed offers once per round, with a link that works', async () => {
    const club = await createOrganisation(admin, 'Voetbalclub Ronde');
    await updateEntry(admin, 'api::organisation.organisation', club, { email: 'info@voetbalclub-ronde.test' });
    const { documentId } = await createActivity(admin, activityData({ title: 'Voetbal', slug: 'voetbal-ronde' }, club));
    await publishActivity(admin, documentId);
    const quiet = await createOrganisation(admin, 'Club Zonder Aanbod');
    await updateEntry(admin, 'api::organisation.organisation', quiet, { email: 'info@club-zonder-aanbod.test' });

    // The night the January round starts (00:30 on 10 January in Almere).
    const run = await request(admin, 'POST', '/droomkaart/freshness/run', { now: '2027-01-09T23:30:00Z' });
    expect(run.status).toBe(200);
    expect(run.body.data.round.round).toBe('2027-01-10');
    expect(run.body.data.round.organisations).toContain(club);
    expect(run.body.data.round.organisations).not.toContain(quiet);
    const [mail, ...more] = mailsTo('info@voetbalclub-ronde.test');
    expect(more).toHaveLength(0);
    expect(mailsTo('info@club-zonder-aanbod.test')).toHaveLength(0);
    expect(mail).toContain('Alles klopt nog');
    expect(mail).toContain('Aanpassen');
    expect(mail).toMatch(/\/admin/);
    expect(mail).not.toMatch(/armoede|gemeente/i);
    const url = /(https?:\/\/\S+\/nl\/bijwerken\/\S+)/.exec(mail)![1];

    // The programme editor's WhatsApp text carries the same link.
    expect((await linkFor(club)).url).toBe(url);
    const page = await openPage(url);
    expect(page.status).toBe(200);
    expect(page.html).toContain('Voetbalclub Ronde');
    expect((await tapConfirm(url)).status).toBe(303);
    expect(Date.now() - (await lastReviewed(documentId))).toBeLessThan(60_000);

    // The next nights of the same round: nobody hears again. The next round: again.
    const next = await request(admin, 'POST', '/droomkaart/freshness/run', { now: '2027-01-11T02:15:00Z' });
    expect(next.body.data.round.organisations).toEqual([]);
    expect(mailsTo('info@voetbalclub-ronde.test')).toHaveLength(1);
    const august = await request(admin, 'POST', '/droomkaart/freshness/run', { now: '2027-08-25T02:15:00Z' });
    expect(august.body.data.round.round).toBe('2027-08-25');
    expect(mailsTo('info@voetbalclub-ronde.test')).toHaveLength(2);
  });
});
