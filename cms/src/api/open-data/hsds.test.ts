import { describe, expect, it } from 'vitest';
import { resources } from '@droomkaart/shared';
import {
  contactIsPublic,
  costOptions,
  feesDescription,
  label,
  lastModified,
  location,
  organizationBasic,
  organizationFull,
  page,
  schedules,
  serviceBasic,
  serviceFull,
  serviceAtLocationItem,
  serviceMinimal,
  type ActivityRow,
  type ActivityText,
  type OrganisationRow,
} from './hsds';
import { hsdsId } from './ids';
import { taxonomyId, termId } from './taxonomies';

const S = hsdsId('service', 'act1');

const org = (overrides: Partial<OrganisationRow> = {}): OrganisationRow => ({
  documentId: 'org1',
  name: 'Kinderwerk Almere',
  description: 'Wij doen leuke dingen.',
  website: 'https://kinderwerk.example',
  email: 'info@kinderwerk.example',
  phone: '036 123 45 67',
  whatsapp: '06 12345678',
  contactPublic: true,
  updatedAt: '2026-01-01T10:00:00.000Z',
  ...overrides,
});

const activity = (overrides: Partial<ActivityRow> = {}): ActivityRow => ({
  documentId: 'act1',
  title: 'Zwemmen op woensdag',
  slug: 'zwemmen-op-woensdag',
  summary: 'Leer zwemmen in het Bad.',
  description: 'Neem een handdoek mee.',
  costNote: 'Met de Almere-pas gratis.',
  whatToBring: 'Zwemkleding',
  kind: 'cursus',
  offerType: 'ontwikkeling',
  audience: 'kind',
  ageMin: 6,
  ageMax: 12,
  costType: 'betaald',
  price: 12.5,
  scheduleType: 'wekelijks',
  startDate: null,
  endDate: null,
  sessions: [{ day: 'wo', startTime: '14:00:00.000', endTime: '15:00:00.000' }],
  languages: ['nl', 'en'],
  accessibility: ['rolstoel'],
  howToJoin: 'aanmelden',
  joinUrl: 'https://kinderwerk.example/aanmelden',
  joinPhone: '036 765 43 21',
  lastReviewedAt: '2026-02-01T08:00:00.000Z',
  validUntil: null,
  updatedAt: '2026-02-10T12:00:00.000Z',
  organisation: org(),
  places: [
    {
      documentId: 'pl1',
      name: 'Zwembad De Duin',
      address: 'Duinstraat 1',
      postcode: '1313 AB',
      lat: 52.37,
      lng: 5.21,
      accessibility: ['lift'],
      directions: 'Bus 5, halte Duin.',
      updatedAt: '2026-01-15T00:00:00.000Z',
      wijk: { name: 'Centrum', slug: 'centrum', stadsdeel: 'almere-stad' },
      organisation: { documentId: 'org1', approved: true },
    },
  ],
  themes: [{ documentId: 'th1', name: 'Sport & bewegen', slug: 'sport-bewegen' }],
  ...overrides,
});

const ctx = { locale: 'nl', siteUrl: 'https://droomkaart.example', mediaUrl: 'https://cms.droomkaart.example' };

// A private field that a careless spread would leak.
const withPrivate = (row: ActivityRow) => ({ ...row, freshnessNotice: { state: 'stale' }, stale: true }) as ActivityRow;

describe('schedules', () => {
  it('turns weekly sessions into WEEKLY rules, one per time slot, days in week order', () => {
    const row = activity({
      sessions: [
        { day: 'vr', startTime: '16:00:00.000', endTime: '17:30:00.000' },
        { day: 'ma', startTime: '14:00:00.000', endTime: '15:00:00.000' },
        { day: 'wo', startTime: '14:00:00.000', endTime: '15:00:00.000' },
      ],
    });
    const result = schedules(row, S, 'en', '2026-01-14');
    expect(result.map(({ description: _d, ...s }) => s)).toEqual([
      {
        id: hsdsId('schedule', 'act1', '1'),
        service_id: S,
        freq: 'WEEKLY',
        interval: 1,
        wkst: 'MO',
        byday: 'MO,WE',
        opens_at: '14:00:00+01:00',
        closes_at: '15:00:00+01:00',
        timezone: 1,
      },
      {
        id: hsdsId('schedule', 'act1', '2'),
        service_id: S,
        freq: 'WEEKLY',
        interval: 1,
        wkst: 'MO',
        byday: 'FR',
        opens_at: '16:00:00+01:00',
        closes_at: '17:30:00+01:00',
        timezone: 1,
      },
    ]);
    // In summer the same sessions carry Amsterdam's summer offset.
    expect(schedules(row, S, 'en', '2026-07-01')[0]).toMatchObject({ opens_at: '14:00:00+02:00', timezone: 2 });
    expect(result[0].description).toContain('Monday, Wednesday');
    expect(result[0].description).toContain('14:00');
  });

  it('bounds weekly sessions of a period by its dates, and by validUntil when it has no end', () => {
    const period = schedules(
      activity({ scheduleType: 'periode', startDate: '2026-04-06', endDate: '2026-06-29' }),
      'a',
      'nl',
    )[0];
    expect(period).toMatchObject({
      dtstart: '2026-04-06',
      valid_from: '2026-04-06',
      until: '2026-06-29',
      valid_to: '2026-06-29',
      freq: 'WEEKLY',
      byday: 'WE',
    });
    const open = schedules(activity({ validUntil: '2026-12-31' }), 'a', 'nl')[0];
    expect(open).toMatchObject({ valid_to: '2026-12-31' });
    expect(open).not.toHaveProperty('until');
    expect(open).not.toHaveProperty('dtstart');
  });

  it('makes a one-off date one entry valid on that day, with the first session times', () => {
    const [one, ...rest] = schedules(
      activity({ scheduleType: 'eenmalig', startDate: '2026-05-20', endDate: null }),
      'a',
      'nl',
    );
    expect(rest).toEqual([]);
    expect(one).toMatchObject({
      valid_from: '2026-05-20',
      valid_to: '2026-05-20',
      dtstart: '2026-05-20',
      opens_at: '14:00:00+02:00',
      closes_at: '15:00:00+02:00',
      timezone: 2,
    });
    expect(one).not.toHaveProperty('freq');
    expect(one.description).toContain('20 mei 2026');
  });

  it('gives a period without sessions its dates, and an ongoing activity without times nothing', () => {
    expect(
      schedules(
        activity({ scheduleType: 'periode', sessions: [], startDate: '2026-07-01', endDate: '2026-08-31' }),
        'a',
        'en',
      ),
    ).toEqual([
      {
        id: hsdsId('schedule', 'act1', '1'),
        service_id: 'a',
        valid_from: '2026-07-01',
        dtstart: '2026-07-01',
        valid_to: '2026-08-31',
        description: expect.stringContaining('July'),
      },
    ]);
    expect(schedules(activity({ scheduleType: 'doorlopend', sessions: [] }), 'a', 'nl')).toEqual([]);
  });
});

describe('costs', () => {
  it('gives free activities an amount of 0 EUR and the cost type as option', () => {
    expect(costOptions({ costType: 'gratis', price: null }, 's', 'nl')).toEqual([
      {
        id: hsdsId('cost_option', 's', '1'),
        service_id: hsdsId('service', 's'),
        option: resources.nl['cost.gratis'],
        amount: 0,
        currency: 'EUR',
      },
    ]);
    expect(
      costOptions(
        { costType: 'gratis-via-regeling', price: 20, costNote: 'Via Jeugdfonds Sport & Cultuur.' },
        's',
        'en',
      )[0],
    ).toMatchObject({
      option: resources.en['cost.gratis-via-regeling'],
      amount: 0,
      amount_description: 'Via Jeugdfonds Sport & Cultuur.',
    });
  });

  it('carries the price of paid and discounted activities when known, as a number (also from a decimal string)', () => {
    expect(costOptions({ costType: 'betaald', price: '12.50' }, 's', 'nl')[0]).toMatchObject({
      amount: 12.5,
      currency: 'EUR',
    });
    expect(costOptions({ costType: 'korting', price: 5 }, 's', 'nl')[0]).toMatchObject({
      amount: 5,
      option: resources.nl['cost.korting'],
    });
    expect(costOptions({ costType: 'betaald', price: null }, 's', 'nl')[0]).not.toHaveProperty('amount');
  });

  it('describes the fees in the asked language, then the note', () => {
    expect(feesDescription({ costType: 'betaald', price: 12.5, costNote: 'Per maand.' }, 'nl')).toBe(
      `€ 12,50 Per maand.`,
    );
    expect(feesDescription({ costType: 'gratis', price: null }, 'en')).toBe(resources.en['cost.gratis']);
  });
});

describe('contact details', () => {
  it('are public only when the organisation said so', () => {
    expect(contactIsPublic({ contactPublic: true })).toBe(true);
    expect(contactIsPublic({ contactPublic: false })).toBe(false);
    expect(contactIsPublic({ contactPublic: null })).toBe(false);
    expect(contactIsPublic(null)).toBe(false);
  });

  it('show e-mail and phones (also the sign-up phone) of an organisation with public contact', () => {
    const s = serviceFull(activity(), null, ctx);
    expect(s.email).toBe('info@kinderwerk.example');
    expect(s.phones.map((p) => [p.number, p.type])).toEqual([
      ['036 123 45 67', 'voice'],
      ['06 12345678', 'text'],
      ['036 765 43 21', 'voice'],
    ]);
    expect(s.organization).toMatchObject({ email: 'info@kinderwerk.example' });
  });

  it('hide every e-mail and phone when contact is private, also in the organisation records', () => {
    const hidden = org({ contactPublic: false });
    const s = serviceFull(activity({ organisation: hidden }), null, ctx);
    const json = JSON.stringify(s);
    for (const secret of ['info@kinderwerk.example', '036 123 45 67', '06 12345678', '036 765 43 21'])
      expect(json).not.toContain(secret);
    expect(s.phones).toEqual([]);
    expect(s).not.toHaveProperty('email');
    const o = organizationFull(hidden, [], ctx);
    expect(o).not.toHaveProperty('email');
    expect(o.phones).toEqual([]);
    expect(o.website).toBe('https://kinderwerk.example');
  });
});

describe('services', () => {
  it('maps an activity to a full HSDS service', () => {
    const s = serviceFull(activity(), null, ctx);
    expect(s).toMatchObject({
      id: S,
      organization_id: hsdsId('organization', 'org1'),
      name: 'Zwemmen op woensdag',
      description: 'Leer zwemmen in het Bad.\n\nNeem een handdoek mee.',
      url: 'https://droomkaart.example/nl/activiteiten/zwemmen-op-woensdag',
      status: 'active',
      minimum_age: 6,
      maximum_age: 12,
      assured_date: '2026-02-01',
      last_modified: '2026-02-10T12:00:00.000Z',
    });
    expect(s.application_process).toContain('https://kinderwerk.example/aanmelden');
    expect(s.application_process).toContain('Zwemkleding');
    expect(s.languages).toEqual([
      { id: hsdsId('language', 'act1', 'nl'), service_id: S, name: 'Nederlands', code: 'nl' },
      { id: hsdsId('language', 'act1', 'en'), service_id: S, name: 'Engels', code: 'en' },
    ]);
    expect(s.service_at_locations).toEqual([
      {
        id: hsdsId('service_at_location', 'act1', 'pl1'),
        service_id: S,
        location_id: hsdsId('location', 'pl1'),
        location: location(activity().places[0], 'nl'),
      },
    ]);
    expect(s.attributes.map((a) => a.taxonomy_term_id)).toEqual([
      termId('theme', 'sport-bewegen'),
      termId('kind', 'cursus'),
      termId('offer_type', 'ontwikkeling'),
      termId('audience', 'kind'),
      termId('cost_type', 'betaald'),
      termId('accessibility', 'rolstoel'),
    ]);
    expect(s.attributes[0]).toMatchObject({
      id: hsdsId('attribute', 'act1', 'theme', 'sport-bewegen'),
      link_id: S,
      link_entity: 'service',
      taxonomy_term: {
        code: 'sport-bewegen',
        name: resources.nl['theme.sport-bewegen'],
        taxonomy: 'droomkaart-theme',
        taxonomy_id: taxonomyId('theme'),
      },
    });
    // Every id, however deep, is a UUID.
    const ids = JSON.stringify(s).match(/"(?:\w+_)?id":"[^"]*"/g) ?? [];
    expect(ids.length).toBeGreaterThan(20);
    for (const id of ids) expect(id).toMatch(/:"[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}"$/);
    expect(s.attributes.find((a) => a.link_type === 'cost_type').taxonomy_term.name).toBe(
      resources.nl['cost.betaaldUnknown'],
    );
    expect(s.attributes.find((a) => a.link_type === 'accessibility').taxonomy_term.name).toBe(
      label('nl', 'accessibility.rolstoel', {}, 'rolstoel'),
    );
  });

  it('never carries private or internal fields', () => {
    const json = JSON.stringify(serviceFull(withPrivate(activity()), null, ctx));
    for (const word of ['freshnessNotice', 'stale', 'approved', 'contactPublic', 'allianceMember', 'subsidised'])
      expect(json).not.toContain(word);
  });

  it('maps a place to a physical location with its Almere address and accessibility', () => {
    expect(location(activity().places[0], 'en')).toEqual({
      id: hsdsId('location', 'pl1'),
      location_type: 'physical',
      organization_id: hsdsId('organization', 'org1'),
      name: 'Zwembad De Duin',
      transportation: 'Bus 5, halte Duin.',
      latitude: 52.37,
      longitude: 5.21,
      addresses: [
        {
          id: hsdsId('address', 'pl1'),
          location_id: hsdsId('location', 'pl1'),
          address_1: 'Duinstraat 1',
          address_2: 'Centrum',
          city: 'Almere',
          region: 'Almere Stad',
          state_province: 'Flevoland',
          postal_code: '1313 AB',
          country: 'NL',
          address_type: 'physical',
        },
      ],
      accessibility: [
        {
          id: hsdsId('accessibility', 'pl1', 'lift'),
          location_id: hsdsId('location', 'pl1'),
          description: label('en', 'accessibility.lift', {}, 'lift'),
        },
      ],
    });
  });

  it('leaves out places of an organisation that is not approved', () => {
    const row = activity();
    row.places.push({
      documentId: 'pl2',
      name: 'Elders',
      lat: 52.3,
      lng: 5.2,
      updatedAt: '2026-09-01T00:00:00.000Z',
      organisation: { documentId: 'org9', approved: false },
    });
    const s = serviceFull(row, null, ctx);
    expect(s.service_at_locations.map((l) => l.location_id)).toEqual([hsdsId('location', 'pl1')]);
    expect(s.last_modified).toBe('2026-02-10T12:00:00.000Z');
  });

  it('uses the translation where there is one, and the Dutch text with labels in the asked language otherwise', () => {
    const translation: ActivityText = {
      title: 'Swimming on Wednesday',
      slug: 'swimming-on-wednesday',
      summary: 'Learn to swim.',
      description: null,
      costNote: null,
      whatToBring: null,
      updatedAt: '2026-03-01T00:00:00.000Z',
    };
    const en = { ...ctx, locale: 'en' };
    const translated = serviceFull(activity(), translation, en);
    expect(translated).toMatchObject({
      name: 'Swimming on Wednesday',
      description: 'Learn to swim.',
      url: 'https://droomkaart.example/en/activiteiten/swimming-on-wednesday',
      last_modified: '2026-03-01T00:00:00.000Z',
    });
    expect(translated.fees_description).toBe('€ 12.50');

    const fallback = serviceFull(activity(), null, en);
    expect(fallback).toMatchObject({
      name: 'Zwemmen op woensdag',
      url: 'https://droomkaart.example/en/activiteiten/zwemmen-op-woensdag',
    });
    expect(fallback.fees_description).toBe('€ 12.50 Met de Almere-pas gratis.');
    expect(fallback.schedules[0].description).toContain('Wednesday');
    expect(fallback.eligibility_description).toBe(`${resources.en['audience.kind']}, 6 to 12 years`);
  });

  it('dates last_modified from the newest of activity, translation, organisation and places', () => {
    expect(lastModified(activity({ organisation: org({ updatedAt: '2026-05-05T05:05:05.005Z' }) }))).toBe(
      '2026-05-05T05:05:05.005Z',
    );
    expect(serviceMinimal(activity(), null)).toEqual({ id: S, last_modified: '2026-02-10T12:00:00.000Z' });
  });

  it('lists services with their one-to-one fields and organisation only', () => {
    const s = serviceBasic(activity(), null, ctx);
    expect(s).not.toHaveProperty('schedules');
    expect(s).not.toHaveProperty('phones');
    expect(s.organization).toEqual({
      id: hsdsId('organization', 'org1'),
      name: 'Kinderwerk Almere',
      description: 'Wij doen leuke dingen.',
      email: 'info@kinderwerk.example',
      website: 'https://kinderwerk.example',
    });
  });

  it('falls back to the registration link as url when no site address is configured', () => {
    expect(serviceBasic(activity(), null, { locale: 'nl' }).url).toBe('https://kinderwerk.example/aanmelden');
  });
});

describe('services at locations', () => {
  it('pair a service with one place: its location, and the service basic or fully nested', () => {
    const row = activity();
    const basic = serviceAtLocationItem(row, row.places[0], null, ctx, false);
    expect(basic).toMatchObject({
      id: hsdsId('service_at_location', 'act1', 'pl1'),
      service_id: S,
      location_id: hsdsId('location', 'pl1'),
      location: { name: 'Zwembad De Duin' },
      service: { id: S, name: 'Zwemmen op woensdag' },
    });
    expect(basic.service).not.toHaveProperty('schedules');
    expect(serviceAtLocationItem(row, row.places[0], null, ctx, true).service).toHaveProperty('schedules');
  });
});

describe('organisations', () => {
  it('makes logos absolute and lists public places as locations', () => {
    const o = organizationFull(org({ logo: { url: '/uploads/logo.png' } }), activity().places, ctx);
    expect(o.logo).toBe('https://cms.droomkaart.example/uploads/logo.png');
    expect(o.phones.map((p) => p.organization_id)).toEqual([
      hsdsId('organization', 'org1'),
      hsdsId('organization', 'org1'),
    ]);
    expect(new Set(o.phones.map((p) => p.id)).size).toBe(2);
    expect(o.locations.map((l) => l.id)).toEqual([hsdsId('location', 'pl1')]);
  });

  it('gives an organisation without description an empty one (HSDS requires it)', () => {
    expect(organizationBasic(org({ description: null }), ctx).description).toBe('');
  });
});

describe('page', () => {
  it('wraps contents in the HSDS envelope', () => {
    expect(page(['a', 'b'], { total: 5, pageNumber: 1, perPage: 2 })).toEqual({
      total_items: 5,
      total_pages: 3,
      page_number: 1,
      size: 2,
      first_page: true,
      last_page: false,
      empty: false,
      contents: ['a', 'b'],
    });
    expect(page(['e'], { total: 5, pageNumber: 3, perPage: 2 })).toMatchObject({
      last_page: true,
      first_page: false,
      size: 1,
    });
    expect(page([], { total: 0, pageNumber: 1, perPage: 50 })).toMatchObject({
      total_items: 0,
      total_pages: 0,
      last_page: true,
      empty: true,
    });
    expect(page([], { total: 5, pageNumber: 9, perPage: 2 })).toMatchObject({ empty: true, last_page: true });
  });
});
