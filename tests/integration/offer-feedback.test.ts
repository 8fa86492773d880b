import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestStack, type TestStack } from '../utils/stack.ts';
import { DEMO_ADMIN, partnerEmail, request, signIn, type AdminSession } from '../utils/cms-admin.ts';
import { PORT_OFFSET } from '../utils/ports.ts';

// Issue 19, points 5 and 8 on the real stack (cms on its own database, the built site):
// - "Klopt er iets niet?": a visitor's plain form post on an offer page goes through the site
//   (origin, honeypot, limit per address) to the cms, is stored as an offer-feedback of the offer's
//   organisation, and the organisation and the programme editor get a mail; markup stays text;
//   only the owning organisation's partner (and the programme editor) can read and handle it; a
//   flood gets a friendly 429 page.
// - "Hoe actueel is de kaart?": the public counts change when an offer is confirmed ("klopt nog"),
//   and /<locale>/actueel shows them as tables.

const FEEDBACK = 'api::offer-feedback.offer-feedback';
const ACTIVITY = 'api::activity.activity';
const OWN = 'de-nieuwe-bibliotheek';
const OTHER = 'kinderwerk-almere';
const LIMIT = 5;
const EDITOR = 'redactie@droomkaart.test';

let stack: TestStack;
let admin: AdminSession;
let own: AdminSession;
let other: AdminSession;
let offer: { documentId: string; slug: string; title: string };
let posts = 0;

function mailsTo(address: string): string[] {
  const dir = stack.env.MAIL_OUTBOX_DIR;
  let files: string[] = [];
  try {
    files = readdirSync(dir);
  } catch {
    return [];
  }
  return files
    .sort()
    .map((f) => readFileSync(join(dir, f), 'utf8'))
    .filter((m) => m.startsWith(`To: ${address}\n`));
}

async function until<T>(read: () => T | Promise<T>, ok: (v: T) => boolean, ms = 10_000): Promise<T> {
  const end = Date.now() + ms;
  for (;;) {
    const value = await read();
    if (ok(value) || Date.now() > end) return value;
    await new Promise((r) => setTimeout(r, 200));
  }
}

/** A visitor's post of the form on the offer page, as a browser sends it. */
async function report(fields: Record<string, string>, slug = offer.slug) {
  posts++;
  return fetch(`${stack.urls.site}/nl/activiteiten/${slug}/melding`, {
    method: 'POST',
    redirect: 'manual',
    headers: { 'content-type': 'application/x-www-form-urlencoded', origin: stack.urls.site },
    body: new URLSearchParams(fields).toString(),
  });
}

async function feedbackOf(session: AdminSession) {
  const res = await request(session, 'GET', `/content-manager/collection-types/${FEEDBACK}?pageSize=100&sort=id:asc`);
  return res;
}

beforeAll(async () => {
  stack = await startTestStack({
    name: 'offer-feedback',
    portOffset: PORT_OFFSET.offerFeedback,
    services: ['cms', 'site'],
    env: {
      SEED_DEMO_DATA: 'true',
      SEED_ACTIVITY_COUNT: '20',
      OFFER_FEEDBACK_RATE_LIMIT_PER_IP: String(LIMIT),
    },
  });
  admin = await signIn(stack.urls.cms, DEMO_ADMIN.email, stack.env.DEMO_PASSWORD);
  own = await signIn(stack.urls.cms, partnerEmail(OWN), stack.env.DEMO_PASSWORD);
  other = await signIn(stack.urls.cms, partnerEmail(OTHER), stack.env.DEMO_PASSWORD);
  // A programme editor's account (the demo has none): the super admin invites it and activates it.
  const roles = await request(admin, 'GET', '/admin/roles');
  const editorRole = roles.body.data.find((r: { code: string }) => r.code === 'programme-editor');
  const made = await request(admin, 'POST', '/admin/users', {
    firstname: 'Demo',
    lastname: 'Redactie',
    email: EDITOR,
    roles: [editorRole.id],
  });
  expect(made.status, JSON.stringify(made.body)).toBe(201);
  const activated = await request(admin, 'PUT', `/admin/users/${made.body.data.id}`, { isActive: true });
  expect(activated.status, JSON.stringify(activated.body)).toBe(200);
  const list = await request(
    admin,
    'GET',
    `/content-manager/collection-types/${ACTIVITY}?locale=nl&status=published&pageSize=1&filters[organisation][slug][$eq]=${OWN}`,
  );
  offer = list.body.results[0];
  expect(offer?.slug).toBeTruthy();
});

afterAll(async () => {
  await stack?.cleanup();
});

describe('"Klopt er iets niet?" on an offer page', () => {
  it('shows the form on the offer page: no account, no personal data asked', async () => {
    const res = await fetch(`${stack.urls.site}/nl/activiteiten/${offer.slug}`);
    expect(res.status).toBe(200);
    const html = await res.text();
    expect(html).toContain('Klopt er iets niet?');
    expect(html).toContain(`action="/nl/activiteiten/${offer.slug}/melding"`);
    for (const reason of ['tijd', 'plek', 'prijs', 'bestaat-niet-meer', 'anders'])
      expect(html).toContain(`value="${reason}"`);
    expect(html).toContain('Je hoeft geen naam of andere gegevens te geven.');
    expect(html).not.toMatch(/type="email"|name="(email|phone|name)"/);
  });

  it('stores a report without JavaScript, thanks the visitor and tells the organisation and the editor', async () => {
    const markup = '<img src=x onerror="fbMarker1()"><script>fbMarker2()</script> Het is nu op dinsdag.';
    const res = await report({ reason: 'tijd', text: markup });
    expect(res.status).toBe(303);
    const location = res.headers.get('location')!;
    expect(location).toBe(`/nl/activiteiten/${offer.slug}?melding=bedankt#klopt-er-iets-niet`);
    const page = await (await fetch(`${stack.urls.site}${location.split('#')[0]}`)).text();
    expect(page).toContain('Dank je wel!');
    // Markup is inert: never rendered on the page.
    expect(page).not.toContain('fbMarker');

    const stored = (await feedbackOf(admin)).body.results as any[];
    expect(stored).toHaveLength(1);
    expect(stored[0]).toMatchObject({
      activityDocumentId: offer.documentId,
      activitySlug: offer.slug,
      reason: 'tijd',
      handlingStatus: 'nieuw',
      text: markup, // kept as typed, as plain text
    });
    // It belongs to the offer's organisation.
    const ofOwner = await request(
      admin,
      'GET',
      `/content-manager/collection-types/${FEEDBACK}?filters[organisation][slug][$eq]=${OWN}`,
    );
    expect(ofOwner.body.results.map((r: { documentId: string }) => r.documentId)).toEqual([stored[0].documentId]);

    const orgEmail = (
      await request(
        admin,
        'GET',
        `/content-manager/collection-types/api::organisation.organisation?filters[slug][$eq]=${OWN}`,
      )
    ).body.results[0].email as string | null;
    const recipients = [EDITOR, partnerEmail(OWN), ...(orgEmail ? [orgEmail] : [])];
    for (const to of recipients) {
      const mails = await until(
        () => mailsTo(to),
        (m) => m.length > 0,
      );
      expect(mails, to).toHaveLength(1);
      expect(mails[0]).toContain(offer.title);
      expect(mails[0]).toContain(`/admin/content-manager/collection-types/${FEEDBACK}/${stored[0].documentId}`);
      expect(mails[0]).not.toContain('fbMarker');
      expect(mails[0]).not.toContain('dinsdag');
    }
    expect(mailsTo(partnerEmail(OTHER))).toHaveLength(0);
  });

  it('keeps the report to the owning organisation: another partner cannot read or change it', async () => {
    const [stored] = (await feedbackOf(admin)).body.results as { documentId: string }[];
    const ownList = await feedbackOf(own);
    expect(ownList.status).toBe(200);
    expect(ownList.body.results.map((r: { documentId: string }) => r.documentId)).toEqual([stored.documentId]);

    const otherList = await feedbackOf(other);
    expect(otherList.status === 403 || otherList.body.results.length === 0, JSON.stringify(otherList.body)).toBe(true);
    const read = await request(other, 'GET', `/content-manager/collection-types/${FEEDBACK}/${stored.documentId}`);
    expect(read.status).toBe(403);
    const change = await request(other, 'PUT', `/content-manager/collection-types/${FEEDBACK}/${stored.documentId}`, {
      handlingStatus: 'opgelost',
      note: 'niet van mij',
    });
    // Refused before anything is written (the document guard's 403, or the content manager's 400).
    expect([400, 403], JSON.stringify(change.body)).toContain(change.status);
    const unchanged = await request(admin, 'GET', `/content-manager/collection-types/${FEEDBACK}/${stored.documentId}`);
    expect(unchanged.body.data).toMatchObject({ handlingStatus: 'nieuw', note: null });
    const remove = await request(other, 'DELETE', `/content-manager/collection-types/${FEEDBACK}/${stored.documentId}`);
    expect(remove.status).toBe(403);
    // Nor can a partner make a report up, for its own offers or another's.
    const made = await request(own, 'POST', `/content-manager/collection-types/${FEEDBACK}`, {
      activityTitle: 'Nep',
      activitySlug: 'nep',
      activityDocumentId: 'nep',
      reason: 'anders',
    });
    expect(made.status).toBeGreaterThanOrEqual(400);

    // The owner handles it: status and note change; what was reported stays as reported.
    const handled = await request(own, 'PUT', `/content-manager/collection-types/${FEEDBACK}/${stored.documentId}`, {
      handlingStatus: 'opgelost',
      handledAt: new Date().toISOString(),
      note: 'Tijd aangepast.',
      text: 'overschreven',
      reason: 'prijs',
    });
    expect(handled.status, JSON.stringify(handled.body)).toBe(200);
    const after = await request(admin, 'GET', `/content-manager/collection-types/${FEEDBACK}/${stored.documentId}`);
    expect(after.body.data).toMatchObject({ handlingStatus: 'opgelost', note: 'Tijd aangepast.', reason: 'tijd' });
    expect(after.body.data.text).toContain('Het is nu op dinsdag.');
  });

  it('stores nothing for a filled-in honeypot or a report without a reason, and has no public door', async () => {
    const trap = await report({ reason: 'prijs', text: 'spam', website: 'http://spam.example' });
    expect(trap.headers.get('location')).toContain('melding=bedankt');
    const wrong = await report({ reason: 'armoede', text: 'x' });
    expect(wrong.headers.get('location')).toContain('melding=fout');
    const tooLong = await report({ reason: 'anders', text: 'a'.repeat(1001) });
    expect(tooLong.headers.get('location')).toContain('melding=fout');
    expect((await feedbackOf(admin)).body.results).toHaveLength(1);

    const direct = await fetch(`${stack.urls.cms}/api/offer-feedback`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ slug: offer.slug, reason: 'prijs', text: '' }),
    });
    expect(direct.status).toBe(401);
    const publicRead = await fetch(`${stack.urls.cms}/api/offer-feedbacks`);
    expect([403, 404]).toContain(publicRead.status);
  });

  it('limits a flood of posts per address with a friendly 429 page', async () => {
    const left = LIMIT - posts;
    expect(left).toBeGreaterThan(0);
    const statuses: number[] = [];
    let refusal: Response | null = null;
    for (let i = 0; i < left + 3; i++) {
      const res = await report({ reason: 'plek', text: `melding ${i}` });
      statuses.push(res.status);
      if (res.status === 429) refusal = res;
    }
    expect(statuses).toEqual([...Array(left).fill(303), 429, 429, 429]);
    expect(refusal!.headers.get('content-type')).toContain('text/html');
    expect(Number(refusal!.headers.get('retry-after'))).toBeGreaterThan(0);
    const html = await refusal!.text();
    expect(html).toContain('Even wachten');
    expect(html).toContain(`/nl/activiteiten/${offer.slug}`);
    expect((await feedbackOf(admin)).body.results).toHaveLength(1 + left);
  });
});

describe('"Hoe actueel is de kaart?"', () => {
  it('counts the checked offers and counts one more when an offer is confirmed', async () => {
    const read = async () => (await (await fetch(`${stack.urls.cms}/api/freshness`)).json()).data;
    const before = await read();
    expect(before.months).toBe(6);
    expect(before.total.listed).toBeGreaterThan(0);
    expect(before.total.checked).toBeLessThan(before.total.listed);
    const sum = (rows: { listed: number }[]) => rows.reduce((n, r) => n + r.listed, 0);
    expect(sum(before.byOrganisationKind)).toBe(before.total.listed);
    expect(sum(before.byStadsdeel)).toBeGreaterThanOrEqual(before.total.listed);
    for (const row of before.byStadsdeel) expect(row.stadsdeel).toMatch(/^[a-z-]+$/);

    const sixMonths = new Date(Date.now() - 183 * 86_400_000).toISOString();
    // Not past nine months: such an offer is hidden from the site, so not among the map's figures.
    const eightMonths = new Date(Date.now() - 245 * 86_400_000).toISOString();
    const old = await request(
      admin,
      'GET',
      `/content-manager/collection-types/${ACTIVITY}?locale=nl&status=published&pageSize=1&filters[lastReviewedAt][$lt]=${sixMonths}&filters[lastReviewedAt][$gt]=${eightMonths}&filters[organisation][approved][$eq]=true`,
    );
    const stale = old.body.results[0];
    expect(stale, 'a seeded offer not checked for six to eight months').toBeTruthy();
    const confirmed = await request(admin, 'POST', `/droomkaart/activities/${stale.documentId}/reviewed`);
    expect(confirmed.status, JSON.stringify(confirmed.body)).toBe(200);
    const after = await read();
    expect(after.total).toEqual({ listed: before.total.listed, checked: before.total.checked + 1 });
  });

  it('shows the figures as tables on /nl/actueel, linked from the footer', async () => {
    const home = await (await fetch(`${stack.urls.site}/nl/activiteiten`)).text();
    expect(home).toContain('href="/nl/actueel"');
    const res = await fetch(`${stack.urls.site}/nl/actueel`);
    expect(res.status).toBe(200);
    const html = await res.text();
    expect(html).toContain('Hoe actueel is de kaart?');
    expect(html).toMatch(/van het aanbod is in de laatste 6 maanden gecontroleerd/);
    expect(html).toContain('<caption');
    expect(html).toContain('Per stadsdeel');
    expect(html).toContain('Per soort organisatie');
    expect(html).not.toMatch(/armoede/i);
  });
});
