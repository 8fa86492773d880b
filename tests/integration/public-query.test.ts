import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { StrapiClient } from '@droomkaart/search-indexer/strapi-client';
import { relationFilter } from '@droomkaart/search-indexer/sync';
import { startTestStack, type TestStack } from '../utils/stack.ts';
import {
  activityData,
  createActivity,
  createEntry,
  DEMO_ADMIN,
  findDocumentId,
  partnerEmail,
  publishActivity,
  signIn,
  type AdminSession,
} from '../utils/cms-admin.ts';
import { PORT_OFFSET } from '../utils/ports.ts';
import { queryString } from '../utils/query-strings.ts';

// What the public may ask the cms (issue 14, items 3 and 4), on a real Strapi with the demo seed:
// an organisation's private e-mail, phone and WhatsApp cannot be inferred through a filter, a sort
// or a populate filter of the public REST API or through the open data API; the queries the site
// and the search-indexer send still work (run with their own code); malformed queries are a 400
// with a message; and a fast-check sweep of generated query strings against the public REST API,
// open data and the admin API (as admin and as a partner) finds no 5xx.

const ORGANISATION = 'api::organisation.organisation';
const PLACE = 'api::place.place';
const SECRET = { email: 'geheim@stilleclub.example', phone: '036 999 88 77', whatsapp: '06 98765432' };
/** Seed of the sweep; fast-check prints it (and the failing query) when a run fails. */
const SEED = Number(process.env.PUBLIC_QUERY_SEED ?? 20261207);
const RUNS = Number(process.env.PUBLIC_QUERY_RUNS ?? 300);

let stack: TestStack;
let admin: AdminSession;
let partner: AdminSession;
const quiet = { organisation: '', place: '', activity: '', wijk: '', theme: '' };

type Answer = { status: number; text: string; json: any };

async function get(path: string, session?: AdminSession): Promise<Answer> {
  const res = await fetch(`${stack.urls.cms}${path}`, {
    headers: session ? { authorization: `Bearer ${session.token}` } : {},
  });
  const text = await res.text();
  let json: any = null;
  try {
    json = JSON.parse(text);
  } catch {
    // not JSON: left null, the assertions say so
  }
  return { status: res.status, text, json };
}

beforeAll(async () => {
  stack = await startTestStack({
    name: 'public-query',
    portOffset: PORT_OFFSET.publicQuery,
    services: ['cms'],
    env: { SEED_DEMO_DATA: 'true', SEED_ACTIVITY_COUNT: '30' },
  });
  // One sign-in per account for the whole suite (admin sign-in is rate limited).
  admin = await signIn(stack.urls.cms, DEMO_ADMIN.email, stack.env.DEMO_PASSWORD);
  partner = await signIn(stack.urls.cms, partnerEmail('kinderwerk-almere'), stack.env.DEMO_PASSWORD);

  // An approved organisation that keeps its contact details to itself, with a place and an activity.
  quiet.organisation = await createEntry(admin, ORGANISATION, {
    name: 'Stille Club',
    slug: 'stille-club',
    kind: 'welzijn',
    approved: true,
    contactPublic: false,
    ...SECRET,
  });
  quiet.wijk = await findDocumentId(admin, 'api::wijk.wijk', 'slug', 'centrum');
  quiet.theme = await findDocumentId(admin, 'api::theme.theme', 'slug', 'sport-bewegen');
  quiet.place = await createEntry(admin, PLACE, {
    name: 'Stille Plek',
    lat: 52.371,
    lng: 5.218,
    wijk: { connect: [{ documentId: quiet.wijk }] },
    organisation: { connect: [{ documentId: quiet.organisation }] },
  });
  const { documentId } = await createActivity(
    admin,
    activityData(
      {
        title: 'Stille praatgroep',
        slug: 'stille-praatgroep',
        places: { connect: [{ documentId: quiet.place }] },
        themes: { connect: [{ documentId: quiet.theme }] },
      },
      quiet.organisation,
    ),
  );
  await publishActivity(admin, documentId);
  quiet.activity = documentId;
});

afterAll(async () => {
  await stack?.cleanup();
});

/** No answer carries a private value, whatever its status. */
function expectNoSecret(answer: Answer, path: string) {
  for (const value of Object.values(SECRET)) expect(answer.text, `${path} carries ${value}`).not.toContain(value);
}

function expectRefused(answer: Answer, path: string) {
  expect(answer.status, `${path}: ${answer.text.slice(0, 300)}`).toBe(400);
  expect(typeof answer.json?.error?.message, path).toBe('string');
  expect(answer.json.error.message.length, path).toBeGreaterThan(10);
  expect(answer.text, path).not.toMatch(/[<>]/);
  expectNoSecret(answer, path);
}

describe('private contact details', () => {
  // Each pair: a guess that is right and one that is wrong. An oracle answers them differently;
  // here both are refused alike.
  const guesses = (right: string, wrong: string) => [right, wrong].map(encodeURIComponent);

  it('cannot be inferred through REST filters, sorts and populate filters (400)', async () => {
    const paths: string[] = [];
    for (const [field, value] of Object.entries(SECRET)) {
      for (const guess of guesses(value.slice(0, 4), 'zzzz')) {
        paths.push(
          `/api/organisations?filters[${field}][$startsWith]=${guess}`,
          `/api/organisations?filters[${field}][$eq]=${guess}`,
          `/api/activities?filters[organisation][${field}][$startsWith]=${guess}`,
          `/api/places?filters[organisation][${field}][$startsWith]=${guess}`,
          `/api/organisations?filters[$or][0][${field}][$startsWith]=${guess}&filters[$or][1][slug][$eq]=niemand`,
          `/api/organisations?filters[$and][0][slug][$eq]=stille-club&filters[$and][1][$not][${field}][$lt]=${guess}`,
          `/api/activities?populate[organisation][filters][${field}][$startsWith]=${guess}`,
          `/api/wijken?filters[places][organisation][${field}][$containsi]=${guess}`,
          `/api/themes?filters[activities][organisation][${field}][$startsWith]=${guess}`,
          `/api/wijken?populate[places][populate][organisation][filters][${field}][$startsWith]=${guess}`,
        );
      }
      paths.push(
        `/api/organisations?sort=${field}`,
        `/api/organisations?sort=${field}:desc`,
        `/api/organisations?sort[0]=${field}:asc`,
        `/api/organisations?sort[${field}]=asc`,
        `/api/organisations?sort=name,${field}`,
        `/api/activities?sort[0]=organisation.${field}:asc`,
        `/api/activities?sort[organisation][${field}]=desc`,
        `/api/places?sort=organisation.${field}`,
        `/api/activities?populate[organisation][sort]=${field}`,
      );
    }
    paths.push(
      '/api/organisations?filters[contactPublic][$eq]=false',
      '/api/organisations?sort=contactPublic',
      `/api/organisations?_q=${encodeURIComponent('geheim@')}`,
      '/api/activities?filters[joinPhone][$startsWith]=036',
    );
    for (const path of paths) expectRefused(await get(path), path);
  });

  it('cannot be inferred through the open data API: its parameters filter on public values only, others are refused', async () => {
    for (const path of [
      '/api/hsds/organizations?filters[email][$startsWith]=geheim',
      '/api/hsds/organizations?sort=email',
      '/api/hsds/organizations?sort=phone:desc',
      '/api/hsds/services?filters[organisation][email][$startsWith]=geheim',
      '/api/hsds/services?sort[0]=organisation.phone:asc',
      '/api/hsds/services?fields[0]=email',
      '/api/hsds/organizations?email=geheim%40stilleclub.example',
      '/api/hsds/organizations?phone=036',
      `/api/hsds/organizations/${quiet.organisation}?fields=email`,
      `/api/hsds/services/${quiet.activity}?populate=organisation`,
    ]) {
      expectRefused(await get(path), path);
    }
    // Its search reads names (and for services the summary), never contact details.
    for (const [path, found] of [
      [`/api/hsds/organizations?search=${encodeURIComponent('geheim@')}`, 0],
      [`/api/hsds/organizations?search=${encodeURIComponent('036 999')}`, 0],
      [`/api/hsds/services?search=${encodeURIComponent('geheim')}`, 0],
      ['/api/hsds/organizations?search=Stille', 1],
    ] as const) {
      const answer = await get(path);
      expect(answer.status, path).toBe(200);
      expect(answer.json.total_items, path).toBe(found);
      expectNoSecret(answer, path);
    }
  });

  it('stay out of every answer, also through a populate of wijken, themes and organisations', async () => {
    for (const path of [
      '/api/organisations?filters[slug][$eq]=stille-club&fields[0]=name&fields[1]=email&fields[2]=phone&fields[3]=whatsapp',
      '/api/wijken?populate[places][populate][organisation]=true',
      '/api/wijken?populate[places][populate]=organisation',
      '/api/themes?populate[activities][populate][organisation]=true&pagination[pageSize]=100',
      '/api/organisations?populate[places][populate][organisation]=true&pagination[pageSize]=100',
      '/api/activities?populate[places][populate][organisation]=true&filters[slug][$eq]=stille-praatgroep',
      `/api/hsds/organizations/${quiet.organisation}`,
      `/api/hsds/services/${quiet.activity}`,
    ]) {
      const answer = await get(path);
      expect(answer.status, path).toBe(200);
      expect(answer.text, path).toContain('Stille');
      expectNoSecret(answer, path);
    }
  });
});

describe('what the site and the search-indexer ask', () => {
  it('still works for the indexer (its own client): lists, versions, batches and relation look-ups', async () => {
    const cms = new StrapiClient(stack.urls.cms);
    const total = (await get('/api/activities?locale=nl&pagination[pageSize]=1')).json.meta.pagination.total;
    expect(total).toBeGreaterThan(20);
    const listed = [];
    for await (const page of cms.listActivities('nl', 10)) listed.push(...page);
    expect(listed).toHaveLength(total);
    const versions = [];
    for await (const page of cms.listVersions('nl', 10)) versions.push(...page);
    expect(versions).toHaveLength(total);
    const [one] = await cms.fetchActivities([quiet.activity], 'nl');
    expect(one).toMatchObject({ title: 'Stille praatgroep', organisation: { slug: 'stille-club' } });
    expect(JSON.stringify(one)).not.toContain(SECRET.email);
    for (const [type, id] of [
      ['organisation', quiet.organisation],
      ['place', quiet.place],
      ['wijk', quiet.wijk],
      ['theme', quiet.theme],
    ] as const) {
      expect(await cms.findActivityIds('nl', relationFilter(type, id)), type).toContain(quiet.activity);
    }
    expect(await cms.findActivityIds('nl', relationFilter('organisation', quiet.organisation))).toEqual([
      quiet.activity,
    ]);
  });

  it('still works for the site (its own cms reads): activity pages, organisation pages, regelingen, letterboxes', async () => {
    process.env.CMS_URL = stack.urls.cms;
    process.env.SITE_CMS_CACHE_SECONDS = '0';
    const site = await import('@droomkaart/site/cms');
    const { letterboxes } = await import('@droomkaart/site/dream/letterboxes');
    const page = await site.activityForPage('stille-praatgroep', 'nl');
    expect(page?.activity).toMatchObject({ title: 'Stille praatgroep', organisation: { slug: 'stille-club' } });
    expect((await site.activityForPage('stille-praatgroep', 'en'))?.fallback).toBe(true);
    const activities = await site.activitiesFor({ organisation: { slug: { $eq: 'stille-club' } } }, 'nl');
    expect(activities.map((o) => o.activity.documentId)).toEqual([quiet.activity]);
    const organisations = await site.listOrganisations();
    expect(organisations.length).toBeGreaterThan(5);
    const stille = await site.organisationBySlug('stille-club');
    expect(stille).toMatchObject({ name: 'Stille Club' });
    expect(JSON.stringify([page, stille, organisations])).not.toContain(SECRET.email);
    const regelingen = await site.regelingenFor('nl');
    expect(regelingen.length).toBeGreaterThan(0);
    expect(
      regelingen.every(
        (r) => r.activity.kind === 'regeling' || r.activity.themes.some((t) => t.slug === 'geld-regelingen'),
      ),
    ).toBe(true);
    // The activity page asks for the regelingen that pay for an activity, filtered on approval.
    const paid = (
      await get('/api/activities?filters[paidBy][$notNull]=true&locale=nl&pagination[pageSize]=1&fields[0]=slug')
    ).json;
    expect(paid.data.length, 'the demo seed has activities paid by a regeling').toBe(1);
    const withRegeling = await site.activityForPage(paid.data[0].slug, 'nl');
    expect(withRegeling?.activity.paidBy?.length).toBeGreaterThan(0);
    expect((await letterboxes())?.length).toBeGreaterThan(0);
  });
});

describe('malformed queries', () => {
  // The inputs of the issue, and more of the kind that answered 500 (public REST and admin API alike).
  const MALFORMED = [
    'filters[$or]=x',
    'filters[title][$eq][$eq]=x',
    'filters[$and]=x',
    'filters[$not]=x',
    'filters[$or][0]=x',
    'filters[ageMin][$between]=1',
    '_q[a]=b',
  ];

  it('answer 400 with a message on the public REST API', async () => {
    for (const q of [
      ...MALFORMED,
      'filters=x',
      'filters[organisation][$eq]=1&filters[organisation][slug][$eq]=x',
      'filters[title][$in][a]=b',
      'sort=title:sideways',
      'pagination=x',
      'populate[organisation][on]=x',
      'locale[a]=b',
    ]) {
      for (const path of [`/api/activities?${q}`, `/api/activities/${quiet.activity}?${q}`])
        expectRefused(await get(path), path);
    }
  });

  it('answer 400 with a message on the admin API, for the admin and for a partner', async () => {
    // The same shapes, with fields each list has: [base, a text field, a number field].
    const lists = [
      ['/content-manager/collection-types/api::activity.activity', 'title', 'ageMin'],
      ['/content-manager/collection-types/api::place.place', 'name', 'lat'],
      ['/upload/files', 'name', 'size'],
    ] as const;
    for (const session of [admin, partner]) {
      for (const [base, text, number] of lists) {
        for (const q of [
          ...MALFORMED,
          'filters[organisation][$eq]=1&filters[organisation][name][$eq]=x',
          'fields=nope',
        ].filter((q) => !q.includes('organisation') || base.includes('activity'))) {
          const path = `${base}?${q.replace('[title]', `[${text}]`).replace('[ageMin]', `[${number}]`)}`;
          const answer = await get(path, session);
          expect(answer.status, `${path}: ${answer.text.slice(0, 200)}`).toBe(400);
          expect(answer.json?.error?.message?.length, path).toBeGreaterThan(10);
        }
      }
      // The relation picker takes `fields` unchecked (SQL "no such column"), and the users list a populate it cannot read.
      const more = [
        '/content-manager/relations/api::activity.activity/paidBy?fields=nope',
        '/content-manager/relations/api::activity.activity/places?fields=x%25',
      ];
      if (session === admin) more.push('/admin/users?populate[on][$gt]=1');
      for (const path of more) {
        const answer = await get(path, session);
        expect(answer.status, `${path}: ${answer.text.slice(0, 200)}`).toBe(400);
        expect(answer.json?.error?.message?.length, path).toBeGreaterThan(10);
      }
    }
  });
});

// ---------------------------------------------------------------------------------------------
// The sweep: generated query strings, no 5xx.

async function sweep(paths: fc.Arbitrary<string>, session?: AdminSession) {
  const failures: string[] = [];
  await fc.assert(
    fc.asyncProperty(paths, queryString, async (path, qs) => {
      const url = `${path}?${qs}`;
      const answer = await get(url, session);
      if (answer.status >= 500) failures.push(`${answer.status} ${url}`);
      expect(answer.status, `${url}: ${answer.text.slice(0, 300)}`).toBeLessThan(500);
      // A 400 says what is wrong.
      if (answer.status === 400) expect(answer.json?.error?.message ?? answer.json?.message, url).toBeTruthy();
    }),
    { seed: SEED, numRuns: RUNS, endOnFailure: true },
  );
  expect(failures).toEqual([]);
}

describe(`a sweep of generated query strings (seed ${SEED}, ${RUNS} runs per API) answers no 5xx`, () => {
  const id = () => quiet.activity;

  it('on the public REST API', async () => {
    const collections = ['activities', 'organisations', 'places', 'themes', 'wijken', 'letterboxes'];
    await sweep(
      fc
        .tuple(fc.constantFrom(...collections), fc.boolean())
        .map(([c, one]) => `/api/${c}${one ? `/${c === 'activities' ? id() : quiet.organisation}` : ''}`),
    );
  }, 150_000);

  it('on the open data API', async () => {
    await sweep(
      fc
        .constantFrom(
          '/api/hsds',
          '/api/hsds/openapi.json',
          '/api/hsds/services',
          '/api/hsds/organizations',
          '/api/hsds/services/{activity}',
          '/api/hsds/organizations/{organisation}',
        )
        .map((p) => p.replace('{activity}', id()).replace('{organisation}', quiet.organisation)),
    );
  }, 150_000);

  const adminPaths = fc.constantFrom(
    '/content-manager/collection-types/api::activity.activity',
    '/content-manager/collection-types/api::organisation.organisation',
    '/content-manager/collection-types/api::place.place',
    '/content-manager/collection-types/api::theme.theme',
    '/content-manager/collection-types/api::wijk.wijk',
    '/content-manager/collection-types/api::letterbox.letterbox',
    '/content-manager/collection-types/api::dream.dream',
    '/content-manager/relations/api::activity.activity/paidBy',
    '/content-manager/relations/api::activity.activity/places',
    '/upload/files',
    '/upload/folders',
    '/admin/users',
  );

  it('on the admin API, signed in as admin', async () => {
    await sweep(adminPaths, admin);
  }, 150_000);

  it('on the admin API, signed in as a partner', async () => {
    await sweep(adminPaths, partner);
  }, 150_000);
});
