import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestStack, type TestStack } from '../utils/stack.ts';
import {
  activityData,
  createActivity,
  createEntry,
  createOrganisation,
  DEMO_ADMIN,
  findDocumentId,
  publishActivity,
  signIn,
  updateActivity,
  updateEntry,
  type AdminSession,
} from '../utils/cms-admin.ts';
import { PORT_OFFSET } from '../utils/ports.ts';
import { hsdsUuid } from '../utils/hsds-ids.ts';

/** The HSDS ids of cms records (UUID v5 of their documentIds). */
const svc = (documentId: string) => hsdsUuid('service', documentId);
const orgUuid = (documentId: string) => hsdsUuid('organization', documentId);
const term = (taxonomy: string, code: string) => hsdsUuid('taxonomy_term', taxonomy, code);
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

// The open-data API (GET /api/hsds/...) of a real Strapi, with content created through the admin
// API as editors create it. No token: the API is public.
const ORGANISATION = 'api::organisation.organisation';
const PLACE = 'api::place.place';

let stack: TestStack;
let admin: AdminSession;
const org = { open: '', quiet: '', pending: '' };
let place = '';
/** Published activities of approved organisations: what the API must list. */
const listed: string[] = [];
const ids = { paid: '', translated: '', oneOff: '', quiet: '', draft: '', pending: '' };

async function hsds(path: string): Promise<{ status: number; headers: Headers; body: any }> {
  const res = await fetch(`${stack.urls.cms}/api/hsds${path}`);
  const text = await res.text();
  return { status: res.status, headers: res.headers, body: text ? JSON.parse(text) : null };
}

async function ok(path: string) {
  const res = await hsds(path);
  expect(res.status, `${path}: ${JSON.stringify(res.body)}`).toBe(200);
  return res.body;
}

/** Every item of a services query, page by page. */
async function allServices(query: string, perPage = 2): Promise<any[]> {
  const out: any[] = [];
  for (let page = 1; ; page++) {
    const body = await ok(`/services?per_page=${perPage}&page=${page}${query}`);
    out.push(...body.contents);
    if (body.last_page) return out;
  }
}

async function published(data: Parameters<typeof activityData>[0], organisation: string) {
  const { documentId } = await createActivity(admin, activityData(data, organisation));
  await publishActivity(admin, documentId);
  return documentId;
}

const tick = () => new Promise((r) => setTimeout(r, 1100));

beforeAll(async () => {
  stack = await startTestStack({ name: 'open-data', portOffset: PORT_OFFSET.openData, services: ['cms'] });
  admin = await signIn(stack.urls.cms, DEMO_ADMIN.email, stack.env.DEMO_PASSWORD);

  org.open = await createOrganisation(admin, 'Open Kinderclub');
  await updateEntry(admin, ORGANISATION, org.open, {
    description: 'Wij openen deuren.',
    email: 'hallo@openkinderclub.example',
    phone: '036 111 22 33',
    website: 'https://openkinderclub.example',
    contactPublic: true,
  });
  org.quiet = await createEntry(admin, ORGANISATION, {
    name: 'Stille Club',
    slug: 'stille-club',
    kind: 'welzijn',
    approved: true,
    contactPublic: false,
    email: 'geheim@stilleclub.example',
    phone: '036 999 88 77',
    whatsapp: '06 98765432',
  });
  org.pending = await createEntry(admin, ORGANISATION, {
    name: 'Nog Niet Goedgekeurd',
    slug: 'nog-niet-goedgekeurd',
    kind: 'overig',
    approved: false,
  });

  const wijk = await findDocumentId(admin, 'api::wijk.wijk', 'slug', 'centrum');
  place = await createEntry(admin, PLACE, {
    name: 'Buurthuis De Proef',
    address: 'Proefstraat 1',
    postcode: '1315 AB',
    lat: 52.371,
    lng: 5.218,
    accessibility: ['rolstoel', 'lift'],
    directions: 'Bus M5, halte Stadhuis.',
    wijk: { connect: [{ documentId: wijk }] },
    organisation: { connect: [{ documentId: org.open }] },
  });

  ids.paid = await published(
    {
      title: 'Zwemles op woensdag',
      slug: 'zwemles-op-woensdag',
      costType: 'betaald',
      price: 12.5,
      costNote: 'Per maand.',
      places: { connect: [{ documentId: place }] },
      languages: ['nl', 'en'],
    },
    org.open,
  );
  ids.translated = await published(
    { title: 'Voorlezen in de bieb', slug: 'voorlezen-in-de-bieb', ageMin: 4, ageMax: 8 },
    org.open,
  );
  await updateActivity(
    admin,
    ids.translated,
    activityData(
      {
        title: 'Story time at the library',
        slug: 'story-time-at-the-library',
        summary: 'We read stories together.',
        ageMin: 4,
        ageMax: 8,
      },
      org.open,
    ),
    'en',
  );
  await publishActivity(admin, ids.translated, 'en');
  ids.oneOff = await published(
    {
      title: 'Dansfeest in de zomer',
      slug: 'dansfeest-in-de-zomer',
      scheduleType: 'eenmalig',
      startDate: '2026-07-04',
      sessions: [{ day: 'za', startTime: '13:00:00.000', endTime: '16:00:00.000' }],
    },
    org.open,
  );
  for (const n of [1, 2])
    listed.push(await published({ title: `Knutselmiddag ${n}`, slug: `knutselmiddag-${n}` }, org.open));
  ids.quiet = await published(
    { title: 'Praatgroep voor ouders', slug: 'praatgroep-voor-ouders', audience: 'ouder', joinPhone: '036 555 44 33' },
    org.quiet,
  );
  listed.push(ids.paid, ids.translated, ids.oneOff, ids.quiet);

  // Not open data: a draft that was never published, and an activity of an organisation that is not approved.
  ids.draft = (
    await createActivity(admin, activityData({ title: 'Geheim concept', slug: 'geheim-concept' }, org.open))
  ).documentId;
  ids.pending = await published(
    { title: 'Aanbod van een nieuwe partner', slug: 'aanbod-van-een-nieuwe-partner' },
    org.pending,
  );
  // A published activity whose newer draft is not published yet: the API shows the published text.
  await updateActivity(
    admin,
    listed[0],
    activityData({ title: 'Onaf concepttitel', slug: 'knutselmiddag-1' }, org.open),
  );
});

afterAll(async () => {
  await stack?.cleanup();
});

describe('GET /api/hsds', () => {
  it('describes the API: HSDS 3.0 and its OpenAPI document', async () => {
    const root = await ok('');
    expect(root.version).toBe('3.0');
    expect((await ok('/')).version).toBe('3.0');
    const openapi = await (await fetch(root.openapi_url)).json();
    expect(openapi.openapi).toBe('3.1.0');
    expect(Object.keys(openapi.paths)).toEqual(
      expect.arrayContaining([
        '/services',
        '/services/{id}',
        '/organizations',
        '/organizations/{id}',
        '/service_at_locations',
        '/service_at_locations/{id}',
        '/taxonomies',
        '/taxonomies/{id}',
        '/taxonomy_terms',
        '/taxonomy_terms/{id}',
      ]),
    );
  });
});

describe('GET /api/hsds/services', () => {
  it('pages through exactly the published activities of approved organisations', async () => {
    const first = await ok('/services?per_page=2');
    expect(first).toMatchObject({
      total_items: listed.length,
      total_pages: Math.ceil(listed.length / 2),
      page_number: 1,
      size: 2,
      first_page: true,
      last_page: false,
      empty: false,
    });
    const second = await ok('/services?per_page=2&page=2');
    expect(second).toMatchObject({ page_number: 2, size: 2, first_page: false });
    const firstIds = first.contents.map((s: any) => s.id);
    expect(second.contents.map((s: any) => s.id).some((id: string) => firstIds.includes(id))).toBe(false);

    const all = await allServices('');
    expect(all.map((s) => s.id).sort()).toEqual(listed.map(svc).sort());
    expect((await ok(`/services?per_page=2&page=${first.total_pages + 1}`)).empty).toBe(true);
    expect((await ok('/services')).size).toBe(listed.length); // default 50 per page
  });

  it('never shows a draft, an unapproved organisation or unpublished edits', async () => {
    const all = await allServices('&full=true', 200);
    const ids_ = all.map((s) => s.id);
    expect(ids_).not.toContain(svc(ids.draft));
    expect(ids_).not.toContain(svc(ids.pending));
    const json = JSON.stringify(all);
    for (const hidden of [
      'Geheim concept',
      'Aanbod van een nieuwe partner',
      'Nog Niet Goedgekeurd',
      'Onaf concepttitel',
      'freshnessNotice',
      'contactPublic',
      'approved',
      org.pending,
    ])
      expect(json).not.toContain(hidden);
    expect(all.find((s) => s.id === svc(listed[0])).name).toBe('Knutselmiddag 1');
    for (const hidden of [ids.draft, ids.pending]) {
      expect((await hsds(`/services/${svc(hidden)}`)).status).toBe(404);
      expect((await hsds(`/services/${hidden}`)).status).toBe(404);
    }
    expect((await ok(`/services?organization_id=${orgUuid(org.pending)}`)).total_items).toBe(0);
  });

  it('filters by organisation, taxonomy term, taxonomy and text', async () => {
    const quiet = await ok(`/services?organization_id=${orgUuid(org.quiet)}`);
    expect(quiet.contents.map((s: any) => s.id)).toEqual([svc(ids.quiet)]);
    // The former documentId of an organisation still filters.
    expect((await ok(`/services?organization_id=${org.quiet}`)).contents.map((s: any) => s.id)).toEqual([
      svc(ids.quiet),
    ]);
    const paid = await ok(`/services?taxonomy_term_id=${term('cost_type', 'betaald')}`);
    expect(paid.contents.map((s: any) => s.id)).toEqual([svc(ids.paid)]);
    expect((await ok('/services?taxonomy_term_id=cost_type-betaald')).contents.map((s: any) => s.id)).toEqual([
      svc(ids.paid),
    ]);
    const parents = await ok(
      `/services?taxonomy_id=${hsdsUuid('taxonomy', 'audience')}&taxonomy_term_id=${term('audience', 'ouder')}`,
    );
    expect(parents.contents.map((s: any) => s.id)).toEqual([svc(ids.quiet)]);
    expect((await ok('/services?taxonomy_id=droomkaart-kind&per_page=200')).total_items).toBe(listed.length);
    const found = await ok('/services?search=ZWEMLES');
    expect(found.contents.map((s: any) => s.id)).toEqual([svc(ids.paid)]);
    const english = await ok('/services?search=story%20time&locale=en');
    expect(english.contents.map((s: any) => [s.id, s.name])).toEqual([
      [svc(ids.translated), 'Story time at the library'],
    ]);
    const minimal = await ok('/services?minimal=true&per_page=200');
    expect(Object.keys(minimal.contents[0]).sort()).toEqual(['id', 'last_modified']);
  });

  it('returns what changed on or after modified_after: the activity itself, its place or its translation', async () => {
    await tick();
    const since = new Date().toISOString();
    await tick();
    expect((await ok(`/services?modified_after=${since}`)).total_items).toBe(0);

    const fresh = await published({ title: 'Nieuw: schaakclub', slug: 'nieuw-schaakclub' }, org.open);
    listed.push(fresh);
    const changed = await ok(`/services?modified_after=${encodeURIComponent(since)}`);
    expect(changed.contents.map((s: any) => s.id)).toEqual([svc(fresh)]);
    expect(Date.parse(changed.contents[0].last_modified)).toBeGreaterThanOrEqual(Date.parse(since));
    // The same instant written with an offset (its + encoded) selects the same.
    const offset = new Date(Date.parse(since) + 3_600_000).toISOString().replace('Z', '+01:00');
    expect((await ok(`/services?modified_after=${encodeURIComponent(offset)}`)).contents.map((s: any) => s.id)).toEqual(
      [svc(fresh)],
    );

    await tick();
    const beforePlace = new Date().toISOString();
    await tick();
    await updateEntry(admin, PLACE, place, { directions: 'Bus M5 of M6, halte Stadhuis.' });
    const viaPlace = await ok(`/services?full=true&modified_after=${encodeURIComponent(beforePlace)}`);
    expect(viaPlace.contents.map((s: any) => s.id)).toEqual([svc(ids.paid)]);
    expect(viaPlace.contents[0].service_at_locations[0].location.transportation).toBe('Bus M5 of M6, halte Stadhuis.');

    await tick();
    const beforeTranslation = new Date().toISOString();
    await tick();
    await updateActivity(
      admin,
      ids.translated,
      activityData(
        {
          title: 'Story time in the library',
          slug: 'story-time-at-the-library',
          summary: 'We read stories together.',
          ageMin: 4,
          ageMax: 8,
        },
        org.open,
      ),
      'en',
    );
    await publishActivity(admin, ids.translated, 'en');
    expect(
      (await ok(`/services?locale=en&modified_after=${encodeURIComponent(beforeTranslation)}`)).contents.map(
        (s: any) => [s.id, s.name],
      ),
    ).toEqual([[svc(ids.translated), 'Story time in the library']]);
    expect((await ok(`/services?locale=nl&modified_after=${encodeURIComponent(beforeTranslation)}`)).total_items).toBe(
      0,
    );
  });

  it('answers 400 with the parameter named for invalid parameters', async () => {
    for (const [query, parameter] of [
      ['per_page=500', 'per_page'],
      ['per_page=0', 'per_page'],
      ['page=0', 'page'],
      ['page=twee', 'page'],
      ['modified_after=gisteren', 'modified_after'],
      ['modified_after=2026-02-30', 'modified_after'],
      ['locale=fr', 'locale'],
      ['postcode=1315AB', 'postcode'],
      ['taxonomy_term_id=theme-bestaat-niet', 'taxonomy_term_id'],
      [`taxonomy_term_id=${term('accessibility', 'lift')}`, 'taxonomy_term_id'],
      ['taxonomy_id=droomkaart-accessibility', 'taxonomy_id'],
      ['full_service=true', 'full_service'],
    ]) {
      const res = await hsds(`/services?${query}`);
      expect(res.status, query).toBe(400);
      expect(res.body.error).toMatchObject({ status: 400, name: 'BadRequestError' });
      expect(res.body.error.message, query).toContain(parameter);
      expect(res.body.error.details.errors.map((e: any) => e.parameter)).toContain(parameter);
    }
    expect((await hsds('/organizations?per_page=1000')).status).toBe(400);
    expect((await hsds('/organizations?full_service=true')).body.error.message).toMatch(
      /full_service is not supported/,
    );
    expect((await hsds(`/services/${svc(ids.paid)}?locale=xx`)).status).toBe(400);
  });
});

describe('GET /api/hsds/services/:id', () => {
  it('returns the fully nested service: organisation, location with address, schedule, costs, ages', async () => {
    const s = await ok(`/services/${svc(ids.paid)}`);
    expect(s).toMatchObject({
      id: svc(ids.paid),
      organization_id: orgUuid(org.open),
      name: 'Zwemles op woensdag',
      status: 'active',
      minimum_age: 6,
      maximum_age: 12,
      email: 'hallo@openkinderclub.example',
      organization: { id: orgUuid(org.open), name: 'Open Kinderclub', website: 'https://openkinderclub.example' },
      schedules: [
        {
          freq: 'WEEKLY',
          byday: 'WE',
          opens_at: expect.stringMatching(/^14:00:00\+0[12]:00$/),
          closes_at: expect.stringMatching(/^15:00:00\+0[12]:00$/),
        },
      ],
      cost_options: [{ amount: 12.5, currency: 'EUR', amount_description: 'Per maand.' }],
      languages: [{ code: 'nl' }, { code: 'en' }],
    });
    expect(s.url).toBe(`${stack.env.SITE_URL}/nl/activiteiten/zwemles-op-woensdag`);
    expect(s.fees_description).toContain('12,50');
    expect(s.phones.map((p: any) => p.number)).toEqual(['036 111 22 33']);
    expect(Date.parse(s.last_modified)).toBeGreaterThan(0);
    const [at] = s.service_at_locations;
    expect(s.schedules[0].opens_at.endsWith(`+0${s.schedules[0].timezone}:00`)).toBe(true);
    expect(at).toMatchObject({
      id: hsdsUuid('service_at_location', ids.paid, place),
      service_id: svc(ids.paid),
      location_id: hsdsUuid('location', place),
    });
    expect(at.location).toMatchObject({
      id: hsdsUuid('location', place),
      location_type: 'physical',
      name: 'Buurthuis De Proef',
      latitude: 52.371,
      longitude: 5.218,
      addresses: [
        {
          address_1: 'Proefstraat 1',
          address_2: 'Centrum',
          city: 'Almere',
          region: 'Almere Stad',
          postal_code: '1315 AB',
          country: 'NL',
        },
      ],
    });
    expect(at.location.accessibility).toHaveLength(2);
    expect(s.attributes.map((a: any) => a.taxonomy_term_id)).toEqual(
      expect.arrayContaining([term('cost_type', 'betaald'), term('kind', 'activiteit'), term('audience', 'kind')]),
    );
    // Every id, however deep, is a UUID.
    for (const [, value] of JSON.stringify(s).matchAll(/"(?:\w+_)?id":"([^"]*)"/g)) expect(value).toMatch(UUID);
  });

  it('redirects the former id (the documentId) to the UUID, with the query kept', async () => {
    const res = await fetch(`${stack.urls.cms}/api/hsds/services/${ids.paid}?locale=en`, { redirect: 'manual' });
    expect(res.status).toBe(301);
    expect(res.headers.get('location')).toMatch(new RegExp(`/api/hsds/services/${svc(ids.paid)}\\?locale=en$`));
    const orgRes = await fetch(`${stack.urls.cms}/api/hsds/organizations/${org.open}`, { redirect: 'manual' });
    expect(orgRes.status).toBe(301);
    expect(orgRes.headers.get('location')).toMatch(new RegExp(`/api/hsds/organizations/${orgUuid(org.open)}$`));
  });

  it('turns a one-off date into a schedule valid on that day', async () => {
    const s = await ok(`/services/${svc(ids.oneOff)}`);
    expect(s.schedules).toEqual([
      expect.objectContaining({
        valid_from: '2026-07-04',
        valid_to: '2026-07-04',
        dtstart: '2026-07-04',
        // A summer day in Amsterdam: two hours ahead of UTC.
        opens_at: '13:00:00+02:00',
        closes_at: '16:00:00+02:00',
        timezone: 2,
      }),
    ]);
    expect(s.cost_options).toEqual([expect.objectContaining({ amount: 0, currency: 'EUR' })]);
  });

  it('hides every e-mail and phone of an organisation whose contact is not public', async () => {
    const s = await ok(`/services/${svc(ids.quiet)}`);
    expect(s).not.toHaveProperty('email');
    expect(s.phones).toEqual([]);
    expect(s.organization).not.toHaveProperty('email');
    const json = JSON.stringify(s);
    for (const secret of ['geheim@stilleclub.example', '036 999 88 77', '06 98765432', '036 555 44 33'])
      expect(json).not.toContain(secret);
    const o = await ok(`/organizations/${orgUuid(org.quiet)}`);
    expect(o.phones).toEqual([]);
    expect(JSON.stringify(o)).not.toContain('geheim@stilleclub.example');
  });

  it('hides that contact in the public REST API too, also inside a populated organisation', async () => {
    const paths = [
      `/api/organisations/${org.quiet}`,
      `/api/organisations?filters[slug][$eq]=stille-club`,
      `/api/organisations?filters[slug][$eq]=stille-club&fields[0]=email&fields[1]=phone`,
      `/api/activities/${ids.quiet}?populate[organisation]=true`,
      `/api/activities?populate=organisation&filters[organisation][slug][$eq]=stille-club`,
    ];
    for (const path of paths) {
      const res = await fetch(`${stack.urls.cms}${path}`);
      expect(res.status).toBe(200);
      const json = await res.text();
      expect(json).toContain('"documentId"');
      for (const secret of ['geheim@stilleclub.example', '036 999 88 77', '06 98765432'])
        expect(json).not.toContain(secret);
    }
    // An organisation that shows its contact keeps it.
    const open = await (await fetch(`${stack.urls.cms}/api/organisations/${org.open}`)).json();
    expect(open.data).toMatchObject({ email: 'hallo@openkinderclub.example', phone: '036 111 22 33' });
  });

  it('answers in the asked locale, with the Dutch text where there is no translation', async () => {
    const translated = await hsds(`/services/${svc(ids.translated)}?locale=en`);
    expect(translated.status).toBe(200);
    expect(translated.headers.get('content-language')).toBe('en');
    expect(translated.body).toMatchObject({
      name: expect.stringMatching(/^Story time/),
      description: 'We read stories together.',
    });
    expect(translated.body.url).toBe(`${stack.env.SITE_URL}/en/activiteiten/story-time-at-the-library`);

    const fallback = await ok(`/services/${svc(ids.paid)}?locale=en`);
    expect(fallback.name).toBe('Zwemles op woensdag');
    expect(fallback.schedules[0].description).toContain('Wednesday');
    expect((await ok(`/services/${svc(ids.translated)}`)).name).toBe('Voorlezen in de bieb');
    expect((await ok(`/services/${svc(ids.translated)}?locale=ar`)).name).toBe('Voorlezen in de bieb');
  });

  it('answers 404 for unknown ids', async () => {
    for (const path of [
      '/services/bestaatniet123',
      '/services/..%2F..%2Fadmin',
      '/organizations/bestaatniet123',
      `/organizations/${org.pending}`,
      `/organizations/${orgUuid(org.pending)}`,
      `/services/${hsdsUuid('service', 'bestaatniet123')}`,
      `/service_at_locations/${hsdsUuid('service_at_location', ids.paid, 'bestaatniet123')}`,
      '/service_at_locations/bestaatniet123',
      `/taxonomies/${hsdsUuid('taxonomy', 'bestaatniet')}`,
      `/taxonomy_terms/${term('cost_type', 'duur')}`,
    ]) {
      const res = await hsds(path);
      expect(res.status, path).toBe(404);
      expect(res.body.error.status).toBe(404);
    }
  });
});

describe('GET /api/hsds/organizations', () => {
  it('lists approved organisations only, paged, with their locations', async () => {
    const body = await ok('/organizations?per_page=1');
    expect(body).toMatchObject({ size: 1, first_page: true, last_page: false });
    const all = await ok('/organizations?per_page=200');
    const ids_ = all.contents.map((o: any) => o.id);
    expect(ids_).toEqual(expect.arrayContaining([orgUuid(org.open), orgUuid(org.quiet)]));
    expect(ids_).not.toContain(orgUuid(org.pending));
    expect(all.total_items).toBe(ids_.length);

    const open = await ok(`/organizations/${orgUuid(org.open)}`);
    expect(open).toMatchObject({
      id: orgUuid(org.open),
      name: 'Open Kinderclub',
      description: 'Wij openen deuren.',
      email: 'hallo@openkinderclub.example',
      website: 'https://openkinderclub.example',
    });
    expect(open.phones.map((p: any) => p.number)).toEqual(['036 111 22 33']);
    expect(open.locations.map((l: any) => l.id)).toEqual([hsdsUuid('location', place)]);
    expect((await ok('/organizations?search=stille')).contents.map((o: any) => o.id)).toEqual([orgUuid(org.quiet)]);
  });
});

describe('GET /api/hsds/service_at_locations', () => {
  it('lists each published service at each of its public places, with filters, and one by its id', async () => {
    const all = await ok('/service_at_locations?per_page=200');
    expect(all.contents.map((a: any) => [a.service_id, a.location_id])).toEqual([
      [svc(ids.paid), hsdsUuid('location', place)],
    ]);
    const [pair] = all.contents;
    expect(pair).toMatchObject({
      id: hsdsUuid('service_at_location', ids.paid, place),
      location: { name: 'Buurthuis De Proef' },
      service: { id: svc(ids.paid), name: 'Zwemles op woensdag' },
    });
    expect(pair.service).not.toHaveProperty('schedules');
    expect((await ok(`/service_at_locations?taxonomy_term_id=${term('cost_type', 'gratis')}`)).total_items).toBe(0);
    expect(
      (await ok('/service_at_locations?full=true&locale=en')).contents[0].service.schedules[0].description,
    ).toContain('Wednesday');
    const one = await ok(`/service_at_locations/${pair.id}`);
    expect(one).toMatchObject({ id: pair.id, service: { id: svc(ids.paid), cost_options: [{ amount: 12.5 }] } });
    expect((await hsds('/service_at_locations?proximity=500')).status).toBe(400);
  });
});

describe('GET /api/hsds/taxonomies and /taxonomy_terms', () => {
  it('lists the vocabularies and their terms in the asked language, each by its UUID', async () => {
    const taxonomies = await ok('/taxonomies');
    expect(taxonomies.contents.map((t: any) => t.name)).toEqual(
      expect.arrayContaining(['droomkaart-theme', 'droomkaart-cost_type', 'droomkaart-accessibility']),
    );
    const costs = taxonomies.contents.find((t: any) => t.name === 'droomkaart-cost_type');
    expect(costs.id).toBe(hsdsUuid('taxonomy', 'cost_type'));
    expect(await ok(`/taxonomies/${costs.id}`)).toEqual(costs);

    const terms = await ok(`/taxonomy_terms?taxonomy_id=${costs.id}&locale=en`);
    expect(terms.contents.map((t: any) => t.code)).toEqual(['gratis', 'betaald', 'korting', 'gratis-via-regeling']);
    expect(terms.contents[0]).toMatchObject({ id: term('cost_type', 'gratis'), taxonomy_id: costs.id, language: 'en' });
    expect(await ok(`/taxonomy_terms/${term('cost_type', 'gratis')}?locale=en`)).toEqual(terms.contents[0]);
    expect((await ok(`/taxonomy_terms?top_only=true&per_page=200`)).total_items).toBe(
      (await ok('/taxonomy_terms?per_page=200')).total_items,
    );
    expect((await ok(`/taxonomy_terms?parent_id=${term('cost_type', 'gratis')}`)).total_items).toBe(0);
    // The ids the services carry are the ids these endpoints answer.
    const s = await ok(`/services/${svc(ids.paid)}`);
    for (const a of s.attributes)
      expect((await ok(`/taxonomy_terms/${a.taxonomy_term_id}`)).code).toBe(a.taxonomy_term.code);
  });
});
