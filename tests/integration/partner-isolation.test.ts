import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestStack, type TestStack } from '../utils/stack.ts';
import { activityData, DEMO_ADMIN, partnerEmail, request, signIn, type AdminSession } from '../utils/cms-admin.ts';
import { PORT_OFFSET } from '../utils/ports.ts';

// Real Strapi with seeded demo organisations and their partner accounts; every request goes
// through the admin API exactly as the admin panel sends it.
const ACTIVITY = 'api::activity.activity';
const PLACE = 'api::place.place';
const ORGANISATION = 'api::organisation.organisation';
const CM = '/content-manager/collection-types';

let stack: TestStack;
let admin: AdminSession;
const orgs = ['de-nieuwe-bibliotheek', 'kinderwerk-almere'] as const;
const partner: Record<string, AdminSession> = {};
const orgId: Record<string, string> = {};

async function list(session: AdminSession, uid: string, filters = '') {
  const res = await request(session, 'GET', `${CM}/${uid}?page=1&pageSize=100&locale=nl${filters}`);
  expect(res.status).toBe(200);
  return res.body as { results: any[]; pagination: { total: number } };
}

async function activityOf(org: string): Promise<{ documentId: string; title: string }> {
  const { results } = await list(admin, ACTIVITY, `&filters[organisation][slug][$eq]=${org}`);
  expect(results.length).toBeGreaterThan(0);
  return results[0];
}

async function asAdmin(documentId: string) {
  const res = await request(admin, 'GET', `${CM}/${ACTIVITY}/${documentId}?locale=nl`);
  return res.body.data;
}

beforeAll(async () => {
  stack = await startTestStack({
    name: 'partners',
    portOffset: PORT_OFFSET.partners,
    services: ['cms'],
    env: { SEED_DEMO_DATA: 'true', SEED_ACTIVITY_COUNT: '60', UPLOAD_SIZE_LIMIT_BYTES: '400000' },
  });
  admin = await signIn(stack.urls.cms, DEMO_ADMIN.email, stack.env.DEMO_PASSWORD);
  for (const org of orgs) {
    partner[org] = await signIn(stack.urls.cms, partnerEmail(org), stack.env.DEMO_PASSWORD);
    orgId[org] = (await list(admin, ORGANISATION, `&filters[slug][$eq]=${org}`)).results[0].documentId;
  }
});

afterAll(async () => {
  await stack?.cleanup();
});

describe('partner editors keep their own activity, and only theirs', () => {
  for (const [self, other] of [orgs, [...orgs].reverse()] as [string, string][]) {
    describe(`${self} → ${other}`, () => {
      it('lists only its own activities and places, also in the relation picker', async () => {
        const mine = await list(partner[self], ACTIVITY);
        const expected = await list(admin, ACTIVITY, `&filters[organisation][slug][$eq]=${self}`);
        const everything = await list(admin, ACTIVITY);
        expect(mine.pagination.total).toBe(expected.pagination.total);
        expect(mine.pagination.total).toBeLessThan(everything.pagination.total);
        expect(new Set(mine.results.map((a) => a.documentId))).toEqual(
          new Set(expected.results.map((a) => a.documentId)),
        );

        const places = await list(partner[self], PLACE);
        const ownPlaces = await list(admin, PLACE, `&filters[organisation][slug][$eq]=${self}`);
        expect(places.pagination.total).toBe(ownPlaces.pagination.total);
        const picker = await request(
          partner[self],
          'GET',
          `/content-manager/relations/${ACTIVITY}/places?locale=nl&pageSize=100`,
        );
        expect(picker.status).toBe(200);
        expect(new Set(picker.body.results.map((p: any) => p.documentId))).toEqual(
          new Set(ownPlaces.results.map((p) => p.documentId)),
        );
      });

      it("cannot read, change, publish, unpublish or delete the other's activity", async () => {
        const target = await activityOf(other);
        const before = await asAdmin(target.documentId);
        const base = `${CM}/${ACTIVITY}/${target.documentId}`;
        const attempts = {
          read: await request(partner[self], 'GET', `${base}?locale=nl`),
          update: await request(partner[self], 'PUT', `${base}?locale=nl`, { ...before, title: 'Overgenomen!' }),
          publish: await request(partner[self], 'POST', `${base}/actions/publish?locale=nl`, { title: 'Overgenomen!' }),
          unpublish: await request(partner[self], 'POST', `${base}/actions/unpublish?locale=nl`, {}),
          delete: await request(partner[self], 'DELETE', `${base}?locale=nl`),
        };
        for (const [action, attempt] of Object.entries(attempts))
          expect([403, 404], `${action} answered ${attempt.status}`).toContain(attempt.status);
        const after = await asAdmin(target.documentId);
        expect(after.title).toBe(before.title);
        expect(after.status).toBe(before.status);
        expect((await fetch(`${stack.urls.cms}/api/activities/${target.documentId}`)).status).toBe(200);
      });

      it('creates activities for its own organisation, whatever the request says', async () => {
        const created = await request(
          partner[self],
          'POST',
          `${CM}/${ACTIVITY}?locale=nl`,
          activityData({
            title: `Nieuw van ${self}`,
            slug: `nieuw-van-${self}`,
            organisation: { connect: [{ documentId: orgId[other] }] },
          }),
        );
        expect(created.status).toBe(201);
        const { documentId } = created.body.data;
        const stored = await request(
          admin,
          'GET',
          `${CM}/${ACTIVITY}/${documentId}?locale=nl&populate[organisation]=true`,
        );
        const owner = await list(
          admin,
          ACTIVITY,
          `&filters[documentId][$eq]=${documentId}&filters[organisation][slug][$eq]=${self}`,
        );
        expect(stored.status).toBe(200);
        expect(owner.pagination.total).toBe(1);

        // Moving it to the other organisation is not possible either.
        const moved = await request(partner[self], 'PUT', `${CM}/${ACTIVITY}/${documentId}?locale=nl`, {
          ...stored.body.data,
          organisation: { connect: [{ documentId: orgId[other] }] },
        });
        expect([200, 403]).toContain(moved.status);
        expect(
          (
            await list(
              admin,
              ACTIVITY,
              `&filters[documentId][$eq]=${documentId}&filters[organisation][slug][$eq]=${self}`,
            )
          ).pagination.total,
        ).toBe(1);

        // Publishing marks it as reviewed.
        const published = await request(
          partner[self],
          'POST',
          `${CM}/${ACTIVITY}/${documentId}/actions/publish?locale=nl`,
          {},
        );
        expect(published.status).toBe(200);
        const reviewed = Date.parse((await asAdmin(documentId)).lastReviewedAt);
        expect(Date.now() - reviewed).toBeLessThan(60_000);
      });

      it('edits its own organisation profile but not the approval, and never the other profile', async () => {
        const own = await request(partner[self], 'PUT', `${CM}/${ORGANISATION}/${orgId[self]}`, {
          description: `Wij zijn ${self}.`,
          approved: false,
        });
        expect(own.status).toBe(200);
        const stored = (await list(admin, ORGANISATION, `&filters[slug][$eq]=${self}`)).results[0];
        expect(stored.description).toBe(`Wij zijn ${self}.`);
        expect(stored.approved).toBe(true);

        const theirs = await request(partner[self], 'PUT', `${CM}/${ORGANISATION}/${orgId[other]}`, {
          description: 'Overgenomen!',
        });
        expect([403, 404]).toContain(theirs.status);
        expect((await list(admin, ORGANISATION, `&filters[slug][$eq]=${other}`)).results[0].description).not.toBe(
          'Overgenomen!',
        );
        const create = await request(partner[self], 'POST', `${CM}/${ORGANISATION}`, {
          name: 'Nepclub',
          slug: 'nepclub',
          kind: 'overig',
        });
        expect(create.status).toBe(403);
      });
    });
  }
});

describe('content rules', () => {
  it("links its own activity to another organisation's regeling through the picker, and sees nothing else of theirs", async () => {
    const self = orgs[0];
    const others = await list(admin, ACTIVITY, `&filters[kind][$eq]=regeling&filters[organisation][slug][$ne]=${self}`);
    expect(others.results.length).toBeGreaterThan(0);
    const picker = await request(
      partner[self],
      'GET',
      `/content-manager/relations/${ACTIVITY}/paidBy?locale=nl&pageSize=100`,
    );
    expect(picker.status).toBe(200);
    const offered = new Set(picker.body.results.map((r: { documentId: string }) => r.documentId));
    // Every regeling of another (approved) organisation can be picked …
    for (const r of others.results) expect(offered.has(r.documentId), r.title).toBe(true);
    // … and nothing else of theirs.
    const otherActivities = await list(
      admin,
      ACTIVITY,
      `&filters[kind][$ne]=regeling&filters[organisation][slug][$ne]=${self}`,
    );
    expect(otherActivities.results.length).toBeGreaterThan(0);
    for (const a of otherActivities.results) expect(offered.has(a.documentId), a.title).toBe(false);

    const own = (await list(partner[self], ACTIVITY, '&filters[kind][$ne]=regeling')).results[0];
    const regeling = others.results[0];
    const before = await asAdmin(own.documentId);
    const linked = await request(partner[self], 'PUT', `${CM}/${ACTIVITY}/${own.documentId}?locale=nl`, {
      ...before,
      paidBy: { connect: [{ documentId: regeling.documentId }] },
    });
    expect(linked.status).toBe(200);
    // The link is stored, and the partner's edit view shows its name.
    const existing = await request(
      partner[self],
      'GET',
      `/content-manager/relations/${ACTIVITY}/${own.documentId}/paidBy?locale=nl`,
    );
    expect(existing.status).toBe(200);
    expect(
      existing.body.results.map((r: { documentId: string; title: string }) => [r.documentId, r.title]),
    ).toContainEqual([regeling.documentId, regeling.title]);
    // The regeling itself stays the other organisation's: not in the partner's list, not to open or change.
    expect((await list(partner[self], ACTIVITY)).results.map((a) => a.documentId)).not.toContain(regeling.documentId);
    const opened = await request(partner[self], 'GET', `${CM}/${ACTIVITY}/${regeling.documentId}?locale=nl`);
    expect([403, 404]).toContain(opened.status);
    const changed = await request(partner[self], 'PUT', `${CM}/${ACTIVITY}/${regeling.documentId}?locale=nl`, {
      ...(await asAdmin(regeling.documentId)),
      title: 'Overgenomen!',
    });
    expect([403, 404]).toContain(changed.status);
    expect((await asAdmin(regeling.documentId)).title).toBe(regeling.title);
  });

  it('refuses invalid input with Dutch messages per field and stores nothing', async () => {
    const before = (await list(admin, ACTIVITY)).pagination.total;
    const res = await request(
      partner['kinderwerk-almere'],
      'POST',
      `${CM}/${ACTIVITY}?locale=nl`,
      activityData({ title: 'Fout', slug: 'fout', ageMin: 10, ageMax: 40, price: -1, joinUrl: 'geen-link' }),
    );
    expect(res.status).toBe(400);
    const fields = res.body.error.details.errors.map((e: { path: string[] }) => e.path.join('.'));
    expect(fields).toEqual(expect.arrayContaining(['ageMax', 'price', 'joinUrl']));
    expect(res.body.error.details.errors.find((e: any) => e.path[0] === 'ageMax').message).toMatch(
      /0 tot en met 18 jaar/,
    );
    expect((await list(admin, ACTIVITY)).pagination.total).toBe(before);
  });

  it('refuses a place outside Almere', async () => {
    const res = await request(partner['kinderwerk-almere'], 'POST', `${CM}/${PLACE}`, {
      name: 'Ver weg',
      lat: 52.37,
      lng: 4.89,
    });
    expect(res.status).toBe(400);
    expect(res.body.error.details.errors[0].message).toMatch(/niet in Almere/);
  });
});

describe('approval', () => {
  it('keeps a new organisation and its activity off the public API until the programme editor approves it', async () => {
    const org = await request(admin, 'POST', `${CM}/${ORGANISATION}`, {
      name: 'Nieuwe Club',
      slug: 'nieuwe-club',
      kind: 'sport',
      approved: false,
    });
    expect(org.status).toBe(201);
    const created = await request(
      admin,
      'POST',
      `${CM}/${ACTIVITY}?locale=nl`,
      activityData({
        title: 'Proefles nieuwe club',
        slug: 'proefles-nieuwe-club',
        organisation: { connect: [{ documentId: org.body.data.documentId }] },
      }),
    );
    const documentId = created.body.data.documentId;
    expect((await request(admin, 'POST', `${CM}/${ACTIVITY}/${documentId}/actions/publish?locale=nl`, {})).status).toBe(
      200,
    );

    const cms = stack.urls.cms;
    expect((await fetch(`${cms}/api/activities/${documentId}`)).status).toBe(404);
    const listed = (await (await fetch(`${cms}/api/activities?filters[slug][$eq]=proefles-nieuwe-club`)).json()) as {
      data: unknown[];
    };
    expect(listed.data).toHaveLength(0);
    expect(
      ((await (await fetch(`${cms}/api/organisations?filters[slug][$eq]=nieuwe-club`)).json()) as { data: unknown[] })
        .data,
    ).toHaveLength(0);

    // Its partner role exists from the start, so the organisation can prepare its activity.
    expect(
      (await request(admin, 'GET', '/admin/roles')).body.data.some(
        (r: { code: string }) => r.code === 'partner-nieuwe-club',
      ),
    ).toBe(true);

    expect(
      (await request(admin, 'PUT', `${CM}/${ORGANISATION}/${org.body.data.documentId}`, { approved: true })).status,
    ).toBe(200);
    expect((await fetch(`${cms}/api/activities/${documentId}`)).status).toBe(200);
  });
});

describe('freshness', () => {
  it('lets a partner confirm its own activity with one click, and nobody else’s', async () => {
    const own = await activityOf('kinderwerk-almere');
    const ok = await request(partner['kinderwerk-almere'], 'POST', `/droomkaart/activities/${own.documentId}/reviewed`);
    expect(ok.status).toBe(200);
    expect(Date.now() - Date.parse((await asAdmin(own.documentId)).lastReviewedAt)).toBeLessThan(60_000);

    const other = await activityOf('de-nieuwe-bibliotheek');
    const before = (await asAdmin(other.documentId)).lastReviewedAt;
    expect(
      (await request(partner['kinderwerk-almere'], 'POST', `/droomkaart/activities/${other.documentId}/reviewed`))
        .status,
    ).toBe(403);
    const coordinator = await signIn(stack.urls.cms, 'coordinator@droomkaart.test', stack.env.DEMO_PASSWORD);
    expect((await request(coordinator, 'POST', `/droomkaart/activities/${other.documentId}/reviewed`)).status).toBe(
      403,
    );
    expect((await asAdmin(other.documentId)).lastReviewedAt).toBe(before);
  });

  it('reminds partners once, marks stale activities and unpublishes expired ones', async () => {
    expect((await request(partner['kinderwerk-almere'], 'POST', '/droomkaart/freshness/run', {})).status).toBe(403);
    // Demo activities were last reviewed up to about 8 months before the seed: two months later
    // some are past the freshness limit.
    const night = Date.now() + 61 * 86_400_000;
    const run = await request(admin, 'POST', '/droomkaart/freshness/run', { now: new Date(night).toISOString() });
    expect(run.status).toBe(200);
    const summary = run.body.data as {
      checked: number;
      reminded: string[];
      stale: string[];
      expired: string[];
      mails: number;
      round: { round: string; organisations: string[]; mails: number };
    };
    expect(summary.expired.length).toBeGreaterThan(0);
    expect(summary.stale.length).toBeGreaterThan(0);
    expect(summary.mails).toBeGreaterThan(0);

    // Past the limit then, but not unpublished: it is hidden on read from then on, and a
    // confirmation brings it back. Today it is still shown.
    const expired = summary.expired[0];
    expect((await fetch(`${stack.urls.cms}/api/activities/${expired}`)).status).toBe(200);
    const stale = await asAdmin(summary.stale[0]);
    expect(stale.stale).toBe(true);
    expect((await fetch(`${stack.urls.cms}/api/activities/${summary.stale[0]}`)).status).toBe(200);

    const { readdirSync, readFileSync } = await import('node:fs');
    // The freshness notices, and the confirmation round's one mail per organisation; not the
    // editors' notices of new partners, which are in the outbox too.
    const outbox = readdirSync(stack.env.MAIL_OUTBOX_DIR);
    const mails = outbox
      .map((f) => readFileSync(`${stack.env.MAIL_OUTBOX_DIR}/${f}`, 'utf8'))
      .filter((m) => !/^Subject: Nieuwe partner wacht/m.test(m));
    expect(summary.round.mails).toBeGreaterThan(0);
    expect(mails.length).toBe(summary.mails + summary.round.mails);
    const notice = mails.find((m) => /Publiceren/.test(m))!;
    expect(notice).toMatch(/^To: partner@[a-z0-9-]+\.test$/m);
    expect(mails.filter((m) => /Alles klopt nog/.test(m))).toHaveLength(summary.round.mails);

    // The same night again: nobody hears twice.
    const again = await request(admin, 'POST', '/droomkaart/freshness/run', {
      now: new Date(night + 5 * 60_000).toISOString(),
    });
    expect(again.body.data.mails).toBe(0);
    expect(again.body.data.round.mails).toBe(0);
  });

  it('gives each partner an overview of its own offers and the programme editor one of the city', async () => {
    type Row = { organisation: { slug: string } | null; missing: string[]; score: number; referrals: number };
    const own = await request(partner['kinderwerk-almere'], 'GET', '/droomkaart/overview');
    expect(own.status).toBe(200);
    expect(own.body.meta.scope).toBe('organisation');
    const ownRows = own.body.data as Row[];
    expect(ownRows.length).toBeGreaterThan(0);
    expect(new Set(ownRows.map((r) => r.organisation?.slug))).toEqual(new Set(['kinderwerk-almere']));

    const res = await request(admin, 'GET', '/droomkaart/overview');
    expect(res.status).toBe(200);
    expect(res.body.meta.scope).toBe('city');
    const rows = res.body.data as Row[];
    expect(new Set(rows.map((r) => r.organisation?.slug)).size).toBeGreaterThan(2);
    const library = rows.filter((r) => r.organisation?.slug === 'de-nieuwe-bibliotheek');
    expect(library.length).toBeGreaterThan(0);
    // Demo activities have no photos yet.
    expect(library[0].missing).toContain('photo');
    expect(library[0].score).toBeLessThan(100);

    const coordinator = await signIn(stack.urls.cms, 'coordinator@droomkaart.test', stack.env.DEMO_PASSWORD);
    expect((await request(coordinator, 'GET', '/droomkaart/overview')).status).toBe(403);
  });
});

describe('audit trail', () => {
  it('records who changed which fields and when, readable by the programme editor only', async () => {
    const own = await activityOf('kinderwerk-almere');
    const current = await asAdmin(own.documentId);
    const res = await request(partner['kinderwerk-almere'], 'PUT', `${CM}/${ACTIVITY}/${own.documentId}?locale=nl`, {
      ...current,
      title: `${current.title} (nieuw)`,
      ageMax: current.ageMax,
    });
    expect(res.status).toBe(200);

    const trail = await list(
      admin,
      'api::audit-entry.audit-entry',
      `&filters[entryDocumentId][$eq]=${own.documentId}&sort=at:desc`,
    );
    const latest = trail.results[0];
    expect(latest).toMatchObject({
      action: 'update',
      contentType: ACTIVITY,
      userEmail: partnerEmail('kinderwerk-almere'),
      fields: ['title'],
    });
    expect(Date.now() - Date.parse(latest.at)).toBeLessThan(60_000);

    expect((await request(partner['kinderwerk-almere'], 'GET', `${CM}/api::audit-entry.audit-entry`)).status).toBe(403);
    expect((await fetch(`${stack.urls.cms}/api/audit-entries`)).status).toBe(403);
  });
});

describe('translations', () => {
  it('lets a partner add a translation of its own activity', async () => {
    const own = await activityOf('kinderwerk-almere');
    const current = await asAdmin(own.documentId);
    // What the admin panel sends for a new locale: the text, with the shared fields as they are.
    const shared = [
      'kind',
      'offerType',
      'audience',
      'ageMin',
      'ageMax',
      'costType',
      'price',
      'scheduleType',
      'startDate',
      'endDate',
      'howToJoin',
      'joinUrl',
      'joinPhone',
      'languages',
      'accessibility',
      'validUntil',
    ];
    const fields = Object.fromEntries(shared.map((f) => [f, current[f]]));
    const sessions = (current.sessions ?? []).map(({ id: _id, ...s }: Record<string, unknown>) => s);
    const res = await request(partner['kinderwerk-almere'], 'PUT', `${CM}/${ACTIVITY}/${own.documentId}?locale=en`, {
      ...fields,
      sessions,
      slug: current.slug,
      title: 'Crafts (English)',
      summary: 'Make something new every week.',
    });
    expect(res.status, JSON.stringify(res.body?.error)).toBe(200);
    expect(
      (
        await request(
          partner['kinderwerk-almere'],
          'POST',
          `${CM}/${ACTIVITY}/${own.documentId}/actions/publish?locale=en`,
          {},
        )
      ).status,
    ).toBe(200);
    const english = (await (
      await fetch(`${stack.urls.cms}/api/activities/${own.documentId}?locale=en&populate[organisation]=true`)
    ).json()) as { data: { title: string; organisation: { slug: string } } };
    expect(english.data).toMatchObject({ title: 'Crafts (English)', organisation: { slug: 'kinderwerk-almere' } });
  });
});

describe('images', () => {
  async function upload(session: AdminSession, name: string, type: string, data: Buffer) {
    const form = new FormData();
    form.append('files', new Blob([new Uint8Array(data)], { type }), name);
    const res = await fetch(`${stack.urls.cms}/upload`, {
      method: 'POST',
      headers: { authorization: `Bearer ${session.token}` },
      body: form,
    });
    return { status: res.status, body: await res.json() };
  }

  it('turns an uploaded photo into AVIF and WebP at the sizes the site shows', async () => {
    const sharp = (await import('sharp')).default;
    const photo = await sharp({
      create: { width: 1000, height: 600, channels: 3, background: { r: 255, g: 204, b: 51 } },
    })
      .jpeg()
      .toBuffer();
    const res = await upload(partner['kinderwerk-almere'], 'knutselen.jpg', 'image/jpeg', photo);
    expect(res.status).toBe(201);
    const formats = res.body[0].formats as Record<string, { url: string; mime: string; width: number }>;
    // The response is written before the variants; read the file again.
    const stored = await request(admin, 'GET', `/upload/files/${res.body[0].id}`);
    const all = (stored.body.formats ?? formats) as Record<string, { url: string; mime: string; width: number }>;
    for (const key of [
      'avif_320',
      'webp_320',
      'avif_640',
      'webp_640',
      'avif_960',
      'webp_960',
      'avif_1000',
      'webp_1000',
    ]) {
      expect(all[key], key).toBeDefined();
      const served = await fetch(`${stack.urls.cms}${all[key].url}`);
      expect(served.status).toBe(200);
      expect(served.headers.get('content-type')).toBe(all[key].mime);
      expect((await sharp(Buffer.from(await served.arrayBuffer())).metadata()).width).toBe(all[key].width);
    }
  });

  it('refuses files that are not photos, and photos that are too large, with a clear error', async () => {
    const svg = await upload(
      partner['kinderwerk-almere'],
      'logo.svg',
      'image/svg+xml',
      Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>'),
    );
    expect(svg.status).toBe(400);
    expect(JSON.stringify(svg.body.error)).toMatch(/not allowed/i);
    const html = await upload(
      partner['kinderwerk-almere'],
      'page.html',
      'text/html',
      Buffer.from('<html><script>alert(1)</script></html>'),
    );
    expect(html.status).toBe(400);

    const sharp = (await import('sharp')).default;
    // Random pixels do not compress, so the photo stays too large after Strapi optimises it.
    const noise = (await import('node:crypto')).randomBytes(800 * 800 * 3);
    const big = await sharp(noise, { raw: { width: 800, height: 800, channels: 3 } })
      .png({ compressionLevel: 0 })
      .toBuffer();
    expect(big.length).toBeGreaterThan(400_000);
    const tooLarge = await upload(partner['kinderwerk-almere'], 'groot.png', 'image/png', big);
    expect(tooLarge.status).toBe(413);
    expect(JSON.stringify(tooLarge.body.error)).toMatch(/exceeds size limit/);
  });
});

// Last: its reports send mails, which the freshness test counts in the outbox.
describe('visitor reports ("Klopt er iets niet?") stay with the offer\'s organisation', () => {
  const FEEDBACK = 'api::offer-feedback.offer-feedback';
  const reportId: Record<string, string> = {};

  beforeAll(async () => {
    for (const org of orgs) {
      const { results } = await list(admin, ACTIVITY, `&status=published&filters[organisation][slug][$eq]=${org}`);
      // As the site forwards a visitor's report: its service token, the offer's slug.
      const res = await fetch(`${stack.urls.cms}/api/offer-feedback`, {
        method: 'POST',
        headers: { authorization: `Bearer ${stack.env.WORKSPACE_TOKEN}`, 'content-type': 'application/json' },
        body: JSON.stringify({ slug: results[0].slug, reason: 'plek', text: `melding over ${org}` }),
      });
      expect(res.status).toBe(201);
      reportId[org] = ((await res.json()) as { data: { documentId: string } }).data.documentId;
    }
  });

  for (const [self, other] of [orgs, [...orgs].reverse()] as [string, string][]) {
    it(`${self} reads and handles its own report, never ${other}'s`, async () => {
      const mine = await list(partner[self], FEEDBACK);
      expect(mine.results.map((r) => r.documentId)).toEqual([reportId[self]]);
      const theirs = `${CM}/${FEEDBACK}/${reportId[other]}`;
      const before = (await request(admin, 'GET', theirs)).body.data;
      expect((await request(partner[self], 'GET', theirs)).status).toBe(403);
      const change = await request(partner[self], 'PUT', theirs, { handlingStatus: 'opgelost', note: 'weg' });
      expect(change.status).toBe(403);
      expect((await request(partner[self], 'DELETE', theirs)).status).toBe(403);
      expect((await request(admin, 'GET', theirs)).body.data).toMatchObject({
        handlingStatus: before.handlingStatus,
        note: before.note,
        updatedAt: before.updatedAt,
        text: `melding over ${other}`,
      });
      const own = await request(partner[self], 'PUT', `${CM}/${FEEDBACK}/${reportId[self]}`, {
        handlingStatus: 'in-behandeling',
        note: 'We kijken ernaar.',
      });
      expect(own.status, JSON.stringify(own.body)).toBe(200);
    });
  }
});
