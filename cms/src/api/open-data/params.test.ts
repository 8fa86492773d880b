import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { KNOWN_PARAMETERS, isRecordId, parseDateTime, parseListParams, parseNoParams, parseOneParams } from './params';

const services = (query: Record<string, unknown>) => parseListParams(query, { filters: 'services' });
const failed = (result: ReturnType<typeof services>) =>
  result.ok === true ? [] : result.errors.map((e) => e.parameter);

describe('parseListParams', () => {
  it('has HSDS defaults: page 1, 50 per page, Dutch', () => {
    expect(services({})).toEqual({
      ok: true,
      value: {
        page: 1,
        perPage: 50,
        locale: 'nl',
        search: null,
        modifiedAfter: null,
        organizationId: null,
        taxonomyTermId: null,
        taxonomyId: null,
        topOnly: false,
        parentId: null,
        full: false,
        minimal: false,
      },
    });
  });

  it('reads every service parameter', () => {
    const result = services({
      page: '3',
      per_page: '200',
      locale: 'EN',
      search: '  zwemmen ',
      modified_after: '2026-03-01T10:00:00+01:00',
      organization_id: 'abc123',
      taxonomy_term_id: 'theme-sport-bewegen',
      taxonomy_id: '0b6f1c6e-2a47-5f55-9d0c-2f1f0d4e8a11',
      full: 'true',
      format: 'json',
    });
    expect(result.ok && result.value).toMatchObject({
      page: 3,
      perPage: 200,
      locale: 'en',
      search: 'zwemmen',
      organizationId: 'abc123',
      taxonomyTermId: 'theme-sport-bewegen',
      taxonomyId: '0b6f1c6e-2a47-5f55-9d0c-2f1f0d4e8a11',
      full: true,
    });
    expect(result.ok && result.value.modifiedAfter?.toISOString()).toBe('2026-03-01T09:00:00.000Z');
  });

  it('refuses pages and page sizes out of range, naming each parameter', () => {
    expect(failed(services({ page: '0' }))).toEqual(['page']);
    expect(failed(services({ page: '-1' }))).toEqual(['page']);
    expect(failed(services({ page: '1.5' }))).toEqual(['page']);
    expect(failed(services({ per_page: '201' }))).toEqual(['per_page']);
    expect(failed(services({ per_page: '0' }))).toEqual(['per_page']);
    expect(failed(services({ per_page: 'veel', page: 'x' }))).toEqual(['page', 'per_page']);
    const result = services({ per_page: '500' });
    expect(result.ok === false && result.errors[0].message).toMatch(/from 1 to 200; got 500/);
  });

  it('refuses a bad modified_after, an unknown locale, repeated values and unsupported HSDS filters', () => {
    expect(failed(services({ modified_after: 'gisteren' }))).toEqual(['modified_after']);
    expect(failed(services({ modified_after: '2026-02-30' }))).toEqual(['modified_after']);
    expect(failed(services({ modified_after: '2026-03-01T10:00:00' }))).toEqual(['modified_after']); // no time zone
    expect(failed(services({ locale: 'fr' }))).toEqual(['locale']);
    expect(failed(services({ page: ['1', '2'] }))).toEqual(['page']);
    expect(failed(services({ postcode: '1315 AB' }))).toEqual(['postcode']);
    expect(failed(services({ format: 'ndjson' }))).toEqual(['format']);
    expect(failed(services({ full: 'ja' }))).toEqual(['full']);
    expect(failed(services({ full: 'true', minimal: 'true' }))).toEqual(['minimal']);
    expect(failed(services({ organization_id: 'x;drop table' }))).toEqual(['organization_id']);
    expect(failed(services({ search: 'x'.repeat(101) }))).toEqual(['search']);
  });

  it('refuses service filters on organisations', () => {
    const result = parseListParams(
      { modified_after: '2026-01-01', organization_id: 'a' },
      { filters: 'organizations' },
    );
    expect(result.ok === false && result.errors.map((e) => e.parameter)).toEqual(['modified_after', 'organization_id']);
    expect(parseListParams({ search: 'bieb', full: '1' }, { filters: 'organizations' })).toMatchObject({
      ok: true,
      value: { search: 'bieb', full: true },
    });
  });
});

describe('the other lists', () => {
  it('read the parameters of taxonomy terms and refuse service filters on taxonomies', () => {
    expect(
      parseListParams(
        { taxonomy_id: 'droomkaart-theme', top_only: 'true', parent_id: 'x1', locale: 'ar' },
        { filters: 'taxonomy_terms' },
      ),
    ).toMatchObject({
      ok: true,
      value: { taxonomyId: 'droomkaart-theme', topOnly: true, parentId: 'x1', locale: 'ar' },
    });
    expect(failed(parseListParams({ full: 'true', locale: 'en' }, { filters: 'taxonomies' }))).toEqual([
      'locale',
      'full',
    ]);
  });

  it('read the filters of services at locations but not minimal', () => {
    expect(
      parseListParams({ organization_id: 'o1', taxonomy_id: 't1', full: '1' }, { filters: 'service_at_locations' }),
    ).toMatchObject({ ok: true, value: { organizationId: 'o1', taxonomyId: 't1', full: true } });
    expect(failed(parseListParams({ minimal: 'true', proximity: '500' }, { filters: 'service_at_locations' }))).toEqual(
      ['minimal', 'proximity'],
    );
  });

  it('refuse full_service with a clear way to what it would give', () => {
    for (const endpoint of ['services', 'organizations'] as const) {
      const result = parseListParams({ full_service: 'true' }, { filters: endpoint });
      expect(result.ok === false && result.errors).toEqual([
        { parameter: 'full_service', message: expect.stringMatching(/not supported.*organization_id=<id>&full=true/) },
      ]);
    }
    expect(parseOneParams({ full_service: 'true' })).toMatchObject({
      ok: false,
      errors: [{ parameter: 'full_service' }],
    });
  });
});

describe('unknown parameters', () => {
  it('are refused by name, also Strapi filters, sorts and fields: this API has no field filters', () => {
    expect(failed(services({ filters: { email: { $startsWith: 'a' } } }))).toEqual(['filters']);
    expect(failed(services({ sort: 'email', fields: ['email'], foo: 'bar' }))).toEqual(['sort', 'fields', 'foo']);
    const organizations = parseListParams({ sort: 'phone', taxonomy_id: 'x' }, { filters: 'organizations' });
    expect(organizations.ok === false && organizations.errors.map((e) => e.parameter)).toEqual(['taxonomy_id', 'sort']);
    expect(organizations.ok === false && organizations.errors[1].message).toMatch(
      /^sort is not a parameter of this endpoint \(page, per_page, locale, search, format, full\)\.$/,
    );
    expect(parseOneParams({ locale: 'en', page: '2' })).toMatchObject({ ok: false, errors: [{ parameter: 'page' }] });
    expect(parseNoParams({ format: 'json' })).toEqual({ ok: true, value: {} });
    expect(parseNoParams({ search: 'x' })).toMatchObject({ ok: false, errors: [{ parameter: 'search' }] });
  });

  it('never pass, whatever their name (property)', () => {
    const known = new Set<string>(KNOWN_PARAMETERS.services);
    fc.assert(
      fc.property(
        fc.string({ minLength: 1, maxLength: 60 }).filter((n) => !known.has(n)),
        fc.oneof(fc.string(), fc.array(fc.string(), { maxLength: 2 })),
        (name, value) => {
          const result = services({ [name]: value });
          expect(result.ok).toBe(false);
          for (const e of result.ok === true ? [] : result.errors) expect(e.parameter.length).toBeLessThanOrEqual(40);
        },
      ),
      { numRuns: 300 },
    );
  });
});

describe('parseDateTime', () => {
  it('takes dates as midnight UTC and date-times with their zone', () => {
    expect(parseDateTime('2026-03-01')?.toISOString()).toBe('2026-03-01T00:00:00.000Z');
    expect(parseDateTime('2026-03-01T10:00:00.123Z')?.toISOString()).toBe('2026-03-01T10:00:00.123Z');
    expect(parseDateTime('2026-03-01T10:00Z')?.toISOString()).toBe('2026-03-01T10:00:00.000Z');
    expect(parseDateTime('2026-07-01T10:00:00-0200')?.toISOString()).toBe('2026-07-01T12:00:00.000Z');
  });

  it('reads a + that a query string turned into a space', () => {
    expect(parseDateTime('2026-03-01T10:00:00 01:00')?.toISOString()).toBe('2026-03-01T09:00:00.000Z');
  });

  it('refuses what is not a real instant', () => {
    for (const bad of [
      '',
      'now',
      '2026-13-01',
      '2026-04-31',
      '2026-03-01T25:00:00Z',
      '1700000000',
      '2026-03-01T10:00:00',
    ])
      expect(parseDateTime(bad), bad).toBeNull();
  });
});

describe('parseOneParams and isRecordId', () => {
  it('reads the locale of one record', () => {
    expect(parseOneParams({ locale: 'uk' })).toEqual({ ok: true, value: { locale: 'uk' } });
    expect(parseOneParams({ locale: 'xx' }).ok).toBe(false);
  });

  it('accepts documentIds only', () => {
    expect(isRecordId('n2kqfwz9yq7x0c3b5d8e1g4h')).toBe(true);
    expect(isRecordId('../admin')).toBe(false);
    expect(isRecordId('')).toBe(false);
    expect(isRecordId(undefined)).toBe(false);
  });
});
