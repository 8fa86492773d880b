import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestStack, type TestStack } from '../utils/stack.ts';
import { activityData, DEMO_ADMIN, partnerEmail, request, signIn, type AdminSession } from '../utils/cms-admin.ts';
import { PORT_OFFSET } from '../utils/ports.ts';

// Issue 14, item 2: a relation a partner writes points at its own organisation's entries only
// (cms/src/access/relations/relation-rules.ts), in every form Strapi accepts, from either side, on create,
// update, clone and a new translation; the deliberate exceptions (themes, wijken, paidBy to a
// regeling of an approved organisation) keep working. Real Strapi, through the admin API as the
// admin panel sends it. Each account signs in once (the admin sign-in is rate limited).
const ACTIVITY = 'api::activity.activity';
const PLACE = 'api::place.place';
const ORGANISATION = 'api::organisation.organisation';
const CM = '/content-manager/collection-types';

let stack: TestStack;
let admin: AdminSession;
const orgs = ['de-nieuwe-bibliotheek', 'kinderwerk-almere'] as const;
const partner: Record<string, AdminSession> = {};
const orgId: Record<string, string> = {};
let almere = { lat: 52.37, lng: 5.22 };
let counter = 0;
const unique = (prefix: string) => `${prefix}-${++counter}`;

type Form = { name: string; value: (documentId: string, rowId: number) => unknown };

/** Every way to name a target in a relation write (documentId, with locale, row id, list, set, connect, position). */
const LINK_FORMS: Form[] = [
  { name: 'connect documentId', value: (d) => ({ connect: [{ documentId: d }] }) },
  { name: 'connect documentId + locale', value: (d) => ({ connect: [{ documentId: d, locale: 'nl' }] }) },
  { name: 'connect with position', value: (d) => ({ connect: [{ documentId: d, position: { end: true } }] }) },
  { name: 'connect string', value: (d) => ({ connect: [d] }) },
  { name: 'set', value: (d) => ({ set: [{ documentId: d }] }) },
  { name: 'plain list', value: (d) => [d] },
  { name: 'plain documentId', value: (d) => d },
  { name: 'row id list', value: (_d, id) => [id] },
  { name: 'connect row id', value: (_d, id) => ({ connect: [id] }) },
  { name: 'connect { id }', value: (_d, id) => ({ connect: [{ id }] }) },
];

async function list(session: AdminSession, uid: string, filters = '') {
  const res = await request(session, 'GET', `${CM}/${uid}?page=1&pageSize=100&locale=nl${filters}`);
  expect(res.status).toBe(200);
  return res.body as { results: any[]; pagination: { total: number } };
}

/** The documentIds a relation of an entry holds now (read by the programme editor). */
async function linked(uid: string, documentId: string, field: string, locale = 'nl'): Promise<string[]> {
  const res = await request(
    admin,
    'GET',
    `/content-manager/relations/${uid}/${documentId}/${field}?pageSize=100${uid === ACTIVITY ? `&locale=${locale}` : ''}`,
  );
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  return [...new Set(res.body.results.map((r: { documentId: string }) => r.documentId))].sort() as string[];
}

/** The row id of an entry (the draft in Dutch for an activity), for the numeric forms. */
async function rowId(uid: string, documentId: string): Promise<number> {
  const res = await request(admin, 'GET', `${CM}/${uid}/${documentId}${uid === ACTIVITY ? '?locale=nl' : ''}`);
  expect(res.status).toBe(200);
  return res.body.data.id;
}

async function newActivity(session: AdminSession, overrides: Record<string, unknown> = {}): Promise<string> {
  const slug = unique('relatie-aanbod');
  const res = await request(
    session,
    'POST',
    `${CM}/${ACTIVITY}?locale=nl`,
    activityData({ title: `Aanbod ${slug}`, slug, ...overrides }),
  );
  expect(res.status, JSON.stringify(res.body?.error)).toBe(201);
  return res.body.data.documentId;
}

async function newPlace(session: AdminSession, data: Record<string, unknown> = {}): Promise<string> {
  const res = await request(session, 'POST', `${CM}/${PLACE}`, { name: unique('Relatieplek'), ...almere, ...data });
  expect(res.status, JSON.stringify(res.body?.error)).toBe(201);
  return res.body.data.documentId;
}

async function publishedActivityOf(org: string): Promise<string> {
  const { results } = await list(
    admin,
    ACTIVITY,
    `&filters[organisation][slug][$eq]=${org}&filters[kind][$ne]=regeling`,
  );
  const activity = results.find((a) => a.status === 'published');
  expect(activity, `a published activity of ${org}`).toBeDefined();
  return activity.documentId;
}

function expectRefused(res: { status: number; body: any }, field: RegExp, what: string) {
  expect(res.status, `${what}: ${res.status} ${JSON.stringify(res.body?.error)}`).toBe(403);
  expect(res.body.error.message, what).toMatch(field);
}

async function activityCount(filters: string) {
  return (await list(admin, ACTIVITY, filters)).pagination.total;
}

beforeAll(async () => {
  stack = await startTestStack({
    name: 'relations',
    portOffset: PORT_OFFSET.relationIsolation,
    services: ['cms'],
    env: { SEED_DEMO_DATA: 'true', SEED_ACTIVITY_COUNT: '60' },
  });
  admin = await signIn(stack.urls.cms, DEMO_ADMIN.email, stack.env.DEMO_PASSWORD);
  for (const org of orgs) {
    partner[org] = await signIn(stack.urls.cms, partnerEmail(org), stack.env.DEMO_PASSWORD);
    orgId[org] = (await list(admin, ORGANISATION, `&filters[slug][$eq]=${org}`)).results[0].documentId;
  }
  const seeded = (await list(admin, PLACE)).results[0];
  almere = { lat: seeded.lat, lng: seeded.lng };
});

afterAll(async () => {
  await stack?.cleanup();
});

for (const [self, other] of [orgs, [...orgs].reverse()] as [string, string][]) {
  describe(`${self} → ${other}`, () => {
    it('activity side: links only its own places, in every form, on create and update; themes stay open', async () => {
      const mine = await newPlace(partner[self]);
      const theirs = await newPlace(partner[other]);
      const theirsId = await rowId(PLACE, theirs);
      const activity = await newActivity(partner[self]);
      for (const form of LINK_FORMS) {
        const slug = unique('geweigerd');
        const created = await request(
          partner[self],
          'POST',
          `${CM}/${ACTIVITY}?locale=nl`,
          activityData({ title: `Geweigerd ${slug}`, slug, places: form.value(theirs, theirsId) }),
        );
        expectRefused(created, /Plekken/, `create, ${form.name}`);
        expect(await activityCount(`&filters[slug][$eq]=${slug}`), `nothing created, ${form.name}`).toBe(0);
        const updated = await request(partner[self], 'PUT', `${CM}/${ACTIVITY}/${activity}?locale=nl`, {
          places: form.value(theirs, theirsId),
        });
        expectRefused(updated, /Plekken/, `update, ${form.name}`);
        expect(await linked(ACTIVITY, activity, 'places'), form.name).toEqual([]);
      }
      // A position next to another organisation's place names that place too.
      const positioned = await request(partner[self], 'PUT', `${CM}/${ACTIVITY}/${activity}?locale=nl`, {
        places: { connect: [{ documentId: mine, position: { before: theirs } }] },
      });
      expectRefused(positioned, /Plekken/, 'position before their place');
      expect(await linked(PLACE, theirs, 'activities')).toEqual([]);

      // Its own place, with themes of the programme, in each form.
      const theme = (await list(admin, 'api::theme.theme')).results[0].documentId;
      for (const value of [
        { connect: [{ documentId: mine }] },
        [mine],
        { set: [{ documentId: mine }] },
        [await rowId(PLACE, mine)],
      ]) {
        const ok = await request(partner[self], 'PUT', `${CM}/${ACTIVITY}/${activity}?locale=nl`, {
          places: value,
          themes: { connect: [{ documentId: theme }] },
        });
        expect(ok.status, JSON.stringify(ok.body?.error)).toBe(200);
        expect(await linked(ACTIVITY, activity, 'places')).toEqual([mine]);
      }
      expect(await linked(ACTIVITY, activity, 'themes')).toEqual([theme]);
      await newActivity(partner[self], { places: { connect: [{ documentId: mine }] }, themes: [theme] });
    });

    it('place side: links its own place only to its own activities, on create and update; wijken stay open', async () => {
      const mine = await newPlace(partner[self]);
      const theirs = await publishedActivityOf(other);
      const theirsId = await rowId(ACTIVITY, theirs);
      const before = await linked(ACTIVITY, theirs, 'places');
      for (const form of LINK_FORMS) {
        const updated = await request(partner[self], 'PUT', `${CM}/${PLACE}/${mine}`, {
          activities: form.value(theirs, theirsId),
        });
        expectRefused(updated, /Aanbod/, `update, ${form.name}`);
        const name = unique('Geweigerde plek');
        const created = await request(partner[self], 'POST', `${CM}/${PLACE}`, {
          name,
          ...almere,
          activities: form.value(theirs, theirsId),
        });
        expectRefused(created, /Aanbod/, `create, ${form.name}`);
        expect(
          (await list(admin, PLACE, `&filters[name][$eq]=${encodeURIComponent(name)}`)).pagination.total,
          `nothing created, ${form.name}`,
        ).toBe(0);
      }
      expect(await linked(ACTIVITY, theirs, 'places')).toEqual(before);
      expect(await linked(PLACE, mine, 'activities')).toEqual([]);

      // The organisation profile cannot take the other's activity or place either.
      const theirPlace = await newPlace(partner[other]);
      const profile = await request(partner[self], 'PUT', `${CM}/${ORGANISATION}/${orgId[self]}`, {
        activities: { connect: [{ documentId: theirs }] },
        places: { connect: [{ documentId: theirPlace }] },
      });
      expect([200, 403]).toContain(profile.status);
      expect(
        (await list(admin, ACTIVITY, `&filters[documentId][$eq]=${theirs}&filters[organisation][slug][$eq]=${other}`))
          .pagination.total,
      ).toBe(1);
      expect(
        (await list(admin, PLACE, `&filters[documentId][$eq]=${theirPlace}&filters[organisation][slug][$eq]=${other}`))
          .pagination.total,
      ).toBe(1);

      // Its own activity, from the place side, with a wijk.
      const activity = await newActivity(partner[self]);
      const wijk = (await list(admin, 'api::wijk.wijk')).results[0].documentId;
      const ok = await request(partner[self], 'PUT', `${CM}/${PLACE}/${mine}`, {
        activities: { connect: [{ documentId: activity, locale: 'nl' }] },
        wijk: { connect: [{ documentId: wijk }] },
      });
      expect(ok.status, JSON.stringify(ok.body?.error)).toBe(200);
      expect(await linked(ACTIVITY, activity, 'places')).toEqual([mine]);
      await newPlace(partner[self], { activities: [activity], wijk });
    });

    it('cannot unlink what links its entries to the other organisation, from either side, also not by replacing the list', async () => {
      // The programme editor linked the other's (unpublished) activity to this partner's place, and
      // this partner's activity to the other's place: a shared venue.
      const mine = await newPlace(partner[self]);
      const myActivity = await newActivity(partner[self], { places: [mine] });
      const theirActivity = await newActivity(partner[other]);
      const theirPlace = await newPlace(partner[other]);
      expect(
        (
          await request(admin, 'PUT', `${CM}/${ACTIVITY}/${theirActivity}?locale=nl`, {
            places: { connect: [{ documentId: mine }] },
          })
        ).status,
      ).toBe(200);
      expect(
        (
          await request(admin, 'PUT', `${CM}/${ACTIVITY}/${myActivity}?locale=nl`, {
            places: { connect: [{ documentId: theirPlace }] },
          })
        ).status,
      ).toBe(200);
      const theirActivityId = await rowId(ACTIVITY, theirActivity);

      for (const [what, activities] of [
        ['disconnect', { disconnect: [{ documentId: theirActivity }] }],
        ['disconnect + locale', { disconnect: [{ documentId: theirActivity, locale: 'nl' }] }],
        ['disconnect row id', { disconnect: [theirActivityId] }],
        ['set to own only', { set: [{ documentId: myActivity }] }],
        ['empty set', { set: [] }],
        ['empty list', []],
        ['null', null],
      ] as [string, unknown][]) {
        expectRefused(
          await request(partner[self], 'PUT', `${CM}/${PLACE}/${mine}`, { activities }),
          /loskoppelen/,
          `place side, ${what}`,
        );
      }
      expect(await linked(ACTIVITY, theirActivity, 'places')).toEqual([mine]);

      for (const [what, places] of [
        ['disconnect', { disconnect: [{ documentId: theirPlace }] }],
        ['disconnect row id', { disconnect: [{ id: await rowId(PLACE, theirPlace) }] }],
        ['set to own only', { set: [{ documentId: mine }] }],
        ['plain list of own', [mine]],
        ['empty list', []],
      ] as [string, unknown][]) {
        expectRefused(
          await request(partner[self], 'PUT', `${CM}/${ACTIVITY}/${myActivity}?locale=nl`, { places }),
          /loskoppelen/,
          `activity side, ${what}`,
        );
      }
      expect(await linked(ACTIVITY, myActivity, 'places')).toEqual([mine, theirPlace].sort());

      // Its own links it unlinks as it likes.
      const ok = await request(partner[self], 'PUT', `${CM}/${ACTIVITY}/${myActivity}?locale=nl`, {
        places: { disconnect: [{ documentId: mine }] },
      });
      expect(ok.status, JSON.stringify(ok.body?.error)).toBe(200);
      expect(await linked(ACTIVITY, myActivity, 'places')).toEqual([theirPlace]);
    });

    it('paidBy: a regeling of another approved organisation, never another activity or a regeling of an unapproved one', async () => {
      const regelingen = await list(
        admin,
        ACTIVITY,
        `&filters[kind][$eq]=regeling&filters[organisation][slug][$notIn][0]=${self}&filters[organisation][slug][$notIn][1]=${other}&filters[organisation][approved][$eq]=true`,
      );
      const regeling = regelingen.results[0].documentId;
      const unapproved = await request(admin, 'POST', `${CM}/${ORGANISATION}`, {
        name: unique('Nog niet goedgekeurd'),
        slug: unique('nog-niet-goedgekeurd'),
        kind: 'overig',
        approved: false,
      });
      expect(unapproved.status).toBe(201);
      const hidden = await request(
        admin,
        'POST',
        `${CM}/${ACTIVITY}?locale=nl`,
        activityData(
          {
            title: 'Regeling in afwachting',
            slug: unique('regeling-in-afwachting'),
            kind: 'regeling',
            offerType: 'hulp',
            applicant: 'ouder',
          },
          unapproved.body.data.documentId,
        ),
      );
      expect(hidden.status).toBe(201);
      const theirActivity = await publishedActivityOf(other);
      const activity = await newActivity(partner[self]);

      for (const [what, paidBy] of [
        ['unapproved regeling', { connect: [{ documentId: hidden.body.data.documentId }] }],
        ['their activity', { connect: [{ documentId: theirActivity }] }],
        ['their activity by row id', [await rowId(ACTIVITY, theirActivity)]],
      ] as [string, unknown][]) {
        expectRefused(
          await request(partner[self], 'PUT', `${CM}/${ACTIVITY}/${activity}?locale=nl`, { paidBy }),
          /Betaald door/,
          what,
        );
      }
      expect(await linked(ACTIVITY, activity, 'paidBy')).toEqual([]);

      const ok = await request(partner[self], 'PUT', `${CM}/${ACTIVITY}/${activity}?locale=nl`, {
        paidBy: { connect: [{ documentId: regeling }] },
      });
      expect(ok.status, JSON.stringify(ok.body?.error)).toBe(200);
      expect(await linked(ACTIVITY, activity, 'paidBy')).toEqual([regeling]);
      const created = await newActivity(partner[self], { costType: 'gratis-via-regeling', paidBy: [regeling] });
      expect(await linked(ACTIVITY, created, 'paidBy')).toEqual([regeling]);
      const unlinked = await request(partner[self], 'PUT', `${CM}/${ACTIVITY}/${activity}?locale=nl`, {
        paidBy: { disconnect: [{ documentId: regeling }] },
      });
      expect(unlinked.status, JSON.stringify(unlinked.body?.error)).toBe(200);
      expect(await linked(ACTIVITY, activity, 'paidBy')).toEqual([]);
    });

    it('a clone links nothing of the other organisation: not what it sends, not what it copies', async () => {
      const mine = await newPlace(partner[self]);
      const theirPlace = await newPlace(partner[other]);
      const activity = await newActivity(partner[self], { places: [mine] });
      const clone = (source: string, data: Record<string, unknown> = {}) => {
        const slug = unique('kloon');
        return request(partner[self], 'POST', `${CM}/${ACTIVITY}/clone/${source}?locale=nl`, {
          locale: 'nl',
          title: `Kloon ${slug}`,
          slug,
          ...data,
        });
      };
      // Its regeling pays the other's activity (their paidBy): a copy does not pay it.
      const regeling = await newActivity(partner[self], { kind: 'regeling', offerType: 'hulp', applicant: 'ouder' });
      const theirActivity = await newActivity(partner[other], { costType: 'gratis-via-regeling', paidBy: [regeling] });
      const copy = await clone(regeling);
      expect(copy.status, JSON.stringify(copy.body?.error)).toBe(200);
      expect(await linked(ACTIVITY, theirActivity, 'paidBy')).toEqual([regeling]);
      expect(await linked(ACTIVITY, copy.body.data.documentId, 'pays')).toEqual([]);

      expectRefused(
        await clone(activity, { places: { connect: [{ documentId: theirPlace }] } }),
        /Plekken/,
        'clone sending their place',
      );
      const ownCopy = await clone(activity);
      expect(ownCopy.status, JSON.stringify(ownCopy.body?.error)).toBe(200);
      expect(await linked(ACTIVITY, ownCopy.body.data.documentId, 'places')).toEqual([mine]);

      // The programme editor linked this activity to the other's place: a copy would link it again.
      expect(
        (
          await request(admin, 'PUT', `${CM}/${ACTIVITY}/${activity}?locale=nl`, {
            places: { connect: [{ documentId: theirPlace }] },
          })
        ).status,
      ).toBe(200);
      expectRefused(await clone(activity), /Plekken/, 'clone copying their place');
      expect(await linked(PLACE, theirPlace, 'activities')).toEqual([activity]);
    });

    it('a new translation links only its own places', async () => {
      const mine = await newPlace(partner[self]);
      const theirs = await newPlace(partner[other]);
      const activity = await newActivity(partner[self], { places: [mine] });
      const current = (await request(admin, 'GET', `${CM}/${ACTIVITY}/${activity}?locale=nl`)).body.data;
      const shared = [
        'kind',
        'offerType',
        'audience',
        'ageMin',
        'ageMax',
        'costType',
        'price',
        'scheduleType',
        'howToJoin',
        'languages',
      ];
      const translation = (places: unknown) => ({
        ...Object.fromEntries(shared.map((f) => [f, current[f]])),
        sessions: (current.sessions ?? []).map(({ id: _id, ...s }: Record<string, unknown>) => s),
        slug: current.slug,
        title: 'Activity (English)',
        summary: 'Come along.',
        places,
      });
      for (const places of [
        { connect: [{ documentId: theirs, locale: 'en' }] },
        [theirs],
        [await rowId(PLACE, theirs)],
      ]) {
        expectRefused(
          await request(partner[self], 'PUT', `${CM}/${ACTIVITY}/${activity}?locale=en`, translation(places)),
          /Plekken/,
          `translation ${JSON.stringify(places)}`,
        );
      }
      expect(
        (await request(admin, 'GET', `${CM}/${ACTIVITY}/${activity}?locale=en`)).body.data?.title ?? null,
      ).not.toBe('Activity (English)');
      expect(await linked(PLACE, theirs, 'activities')).toEqual([]);
      const ok = await request(
        partner[self],
        'PUT',
        `${CM}/${ACTIVITY}/${activity}?locale=en`,
        translation({ connect: [{ documentId: mine }] }),
      );
      expect(ok.status, JSON.stringify(ok.body?.error)).toBe(200);
      expect(await linked(ACTIVITY, activity, 'places', 'en')).toEqual([mine]);
    });

    it('paidBy: its own activity that is no regeling is refused by row id as by documentId', async () => {
      const activity = await newActivity(partner[self]);
      const ownActivity = await newActivity(partner[self]);
      const ownActivityId = await rowId(ACTIVITY, ownActivity);
      for (const [what, paidBy] of [
        ['documentId', [ownActivity]],
        ['row id list', [ownActivityId]],
        ['numeric string', [String(ownActivityId)]],
        ['connect row id', { connect: [ownActivityId] }],
        ['connect { id }', { connect: [{ id: ownActivityId }] }],
        ['set { id }', { set: [{ id: ownActivityId }] }],
      ] as [string, unknown][]) {
        const res = await request(partner[self], 'PUT', `${CM}/${ACTIVITY}/${activity}?locale=nl`, { paidBy });
        expect(res.status, `${what}: ${JSON.stringify(res.body?.error)}`).toBe(400);
        expect(res.body.error.message, what).toMatch(/alleen regelingen/);
      }
      // Paid by itself, by its own row id.
      const self_ = await request(partner[self], 'PUT', `${CM}/${ACTIVITY}/${activity}?locale=nl`, {
        paidBy: [await rowId(ACTIVITY, activity)],
      });
      expect(self_.status, JSON.stringify(self_.body?.error)).toBe(400);
      expect(self_.body.error.message).toMatch(/door zichzelf/);
      expect(await linked(ACTIVITY, activity, 'paidBy')).toEqual([]);
    });

    it('relation pickers offer only what the field may link, and show the links of its own entries only', async () => {
      const picker = (path: string) => request(partner[self], 'GET', `/content-manager/relations/${path}`);
      const ids = (res: { body: any }) => (res.body.results as { documentId: string }[]).map((r) => r.documentId);
      // The other organisation's regeling (readable through `any-regeling`) with its place, paid by an approved regeling.
      const approved = (
        await list(
          admin,
          ACTIVITY,
          `&filters[kind][$eq]=regeling&filters[organisation][slug][$notIn][0]=${self}&filters[organisation][slug][$notIn][1]=${other}&filters[organisation][approved][$eq]=true`,
        )
      ).results[0];
      const theirPlace = await newPlace(partner[other]);
      const theirTitle = unique('Hun regeling');
      const theirRegeling = await newActivity(partner[other], {
        title: theirTitle,
        kind: 'regeling',
        offerType: 'hulp',
        applicant: 'ouder',
        places: [theirPlace],
      });
      const mineTitle = unique('Eigen aanbod');
      const myActivity = await newActivity(partner[self], { title: mineTitle });
      const mine = await newPlace(partner[self], { activities: [myActivity] });
      const theirActivity = await newActivity(partner[other]);
      // The programme editor linked the other's activity to this partner's place (a shared venue).
      expect(
        (
          await request(admin, 'PUT', `${CM}/${ACTIVITY}/${theirActivity}?locale=nl`, {
            places: { connect: [{ documentId: mine }] },
          })
        ).status,
      ).toBe(200);

      // A regeling of a third, approved organisation (readable through `any-regeling`): its links neither.
      for (const field of ['pays', 'places', 'paidBy']) {
        const res = await picker(`${ACTIVITY}/${approved.documentId}/${field}?locale=nl`);
        expect(res.status, `${field} of an approved regeling: ${JSON.stringify(res.body)}`).toBe(403);
        expect(res.body.error.message).toMatch(/andere organisatie/);
      }
      // findExisting on another organisation's entries: refused with a Dutch message, nothing listed.
      for (const path of [
        `${ACTIVITY}/${theirRegeling}/places?locale=nl`,
        `${ACTIVITY}/${theirRegeling}/paidBy?locale=nl`,
        `${ACTIVITY}/${theirRegeling}/themes?locale=nl`,
        `${PLACE}/${theirPlace}/activities`,
        `${ORGANISATION}/${orgId[other]}/activities`,
      ]) {
        const res = await picker(path);
        expect(res.status, `${path}: ${JSON.stringify(res.body)}`).toBe(403);
        expect(res.body.error.message, path).toMatch(/andere organisatie/);
        expect(JSON.stringify(res.body), path).not.toContain(theirPlace);
      }
      // findExisting on its own place: its own activity, not the other's the editor linked.
      const existing = await picker(`${PLACE}/${mine}/activities?pageSize=100`);
      expect(existing.status, JSON.stringify(existing.body)).toBe(200);
      expect(ids(existing)).toEqual([myActivity]);
      expect(existing.body.pagination.total).toBe(1);
      expect(await linked(PLACE, mine, 'activities')).toEqual([myActivity, theirActivity].sort());

      // findAvailable: the place's `activities` picker offers its own activities, not the other's regeling.
      const search = (field: string, q: string) =>
        picker(`${field}?locale=nl&pageSize=100&_q=${encodeURIComponent(q)}`);
      const ownHit = await search(`${PLACE}/activities`, mineTitle);
      expect(ownHit.status, JSON.stringify(ownHit.body)).toBe(200);
      expect(ids(ownHit)).toContain(myActivity);
      const theirHit = await search(`${PLACE}/activities`, theirTitle);
      expect(theirHit.status, JSON.stringify(theirHit.body)).toBe(200);
      expect(ids(theirHit), "the other's regeling in the place's activities picker").toEqual([]);
      // Without a search: only its own activities.
      const all = await picker(`${PLACE}/activities?locale=nl&pageSize=100`);
      const own = new Set(
        (await list(admin, ACTIVITY, `&filters[organisation][slug][$eq]=${self}`)).results.map((a) => a.documentId),
      );
      for (const id of ids(all)) expect(own.has(id), id).toBe(true);
      // paidBy still offers another approved organisation's regeling, not the other's activity.
      expect(ids(await search(`${ACTIVITY}/paidBy`, approved.title))).toContain(approved.documentId);
      const activityTitle = (await request(admin, 'GET', `${CM}/${ACTIVITY}/${theirActivity}?locale=nl`)).body.data
        .title;
      expect(ids(await search(`${ACTIVITY}/paidBy`, activityTitle))).toEqual([]);
      // The activity's places picker: own places only.
      const places = await picker(`${ACTIVITY}/places?locale=nl&pageSize=100&_q=Relatieplek`);
      expect(ids(places)).toContain(mine);
      expect(ids(places)).not.toContain(theirPlace);
      // Leaving out what another's entry links would tell what it links; a field it never writes offers nothing.
      const their = await picker(`${PLACE}/activities?locale=nl&id=${theirPlace}`);
      expect(their.status).toBe(403);
      expect(their.body.error.message).toMatch(/andere organisatie/);
      const pays = await picker(`${ACTIVITY}/pays?locale=nl`);
      expect(pays.status).toBe(403);
      expect(pays.body.error.message).toMatch(/Betaalt voor/);
      // Themes stay open.
      const themes = await picker(`${ACTIVITY}/themes?locale=nl`);
      expect(themes.status).toBe(200);
      expect(themes.body.results.length).toBeGreaterThan(0);
    });

    it("the public API never shows this partner's place with the other's activity", async () => {
      const mine = await newPlace(partner[self]);
      const theirs = await publishedActivityOf(other);
      const attempt = await request(partner[self], 'PUT', `${CM}/${PLACE}/${mine}`, {
        activities: { connect: [{ documentId: theirs }] },
      });

      const one = (await (
        await fetch(
          `${stack.urls.cms}/api/activities/${theirs}?populate[places][populate][organisation][fields][0]=slug`,
        )
      ).json()) as { data: { places: { documentId: string; organisation: { slug: string } | null }[] } };
      expect(one.data.places.map((p) => p.documentId)).not.toContain(mine);
      // No published activity shows a place of another organisation.
      for (let page = 1; ; page++) {
        const res = await fetch(
          `${stack.urls.cms}/api/activities?populate[places][populate][organisation][fields][0]=slug&populate[organisation][fields][0]=slug&pagination[page]=${page}&pagination[pageSize]=100`,
        );
        expect(res.status).toBe(200);
        const body = (await res.json()) as {
          data: {
            title: string;
            organisation: { slug: string };
            places: { organisation: { slug: string } | null }[];
          }[];
          meta: { pagination: { pageCount: number } };
        };
        for (const a of body.data)
          for (const p of a.places) expect(p.organisation?.slug, a.title).toBe(a.organisation.slug);
        if (page >= body.meta.pagination.pageCount) break;
      }
      expectRefused(attempt, /Aanbod/, 'link to their published activity');
    });
  });
}

// Issue 19, point 5: a visitor's report ("Klopt er iets niet?") belongs to the offer's
// organisation; its `organisation` relation cannot be pointed at another organisation by a partner,
// in any form, so a report can neither be handed over nor taken.
describe('offer feedback keeps its organisation', () => {
  const FEEDBACK = 'api::offer-feedback.offer-feedback';
  for (const [self, other] of [orgs, [...orgs].reverse()] as [string, string][]) {
    it(`${self} cannot move its report to ${other}, in any form`, async () => {
      const activity = await publishedActivityOf(self);
      const { slug } = (await request(admin, 'GET', `${CM}/${ACTIVITY}/${activity}?locale=nl`)).body.data;
      const made = await fetch(`${stack.urls.cms}/api/offer-feedback`, {
        method: 'POST',
        headers: { authorization: `Bearer ${stack.env.WORKSPACE_TOKEN}`, 'content-type': 'application/json' },
        body: JSON.stringify({ slug, reason: 'anders', text: '' }),
      });
      expect(made.status).toBe(201);
      const report = ((await made.json()) as { data: { documentId: string } }).data.documentId;
      const otherRow = await rowId(ORGANISATION, orgId[other]);
      for (const form of LINK_FORMS) {
        const res = await request(partner[self], 'PUT', `${CM}/${FEEDBACK}/${report}`, {
          organisation: form.value(orgId[other], otherRow),
          note: form.name,
        });
        expect(res.status, `${form.name}: ${JSON.stringify(res.body?.error)}`).toBeLessThan(500);
        const owners = await request(
          admin,
          'GET',
          `${CM}/${FEEDBACK}?pageSize=100&filters[documentId][$eq]=${report}&filters[organisation][slug][$eq]=${self}`,
        );
        expect(owners.body.results, form.name).toHaveLength(1);
        const seen = await request(partner[other], 'GET', `${CM}/${FEEDBACK}/${report}`);
        expect(seen.status, form.name).toBe(403);
      }
    });
  }
});
