import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { activityPagePopulate, activityPopulate, toStrapiQuery } from '@droomkaart/shared';
import { PUBLIC_READ } from '../../bootstrap/public-permissions';
import {
  ACTIVITY,
  CONTACT_FIELDS,
  LETTERBOX,
  MEDIA,
  OPERATORS,
  ORGANISATION,
  PLACE,
  PUBLIC_PATHS,
  PUBLIC_QUERY,
  THEME,
  WIJK,
  checkPublicQuery,
  problemMessage,
  schemaAttributes,
  valueKind,
} from './public-query';

/** A query string parsed as Strapi's strapi::query parses it (qs: nested brackets, indexed keys become lists). */
function parse(queryString: string): Record<string, unknown> {
  const root: Record<string, unknown> = {};
  for (const [key, value] of new URLSearchParams(queryString)) {
    const [head, ...rest] = key.replace(/\]/g, '').split('[');
    let node: Record<string, unknown> = root;
    const path = [head, ...rest];
    path.forEach((k, i) => {
      if (i === path.length - 1) node[k] = value;
      else node = (node[k] ??= {}) as Record<string, unknown>;
    });
  }
  const lists = (v: unknown): unknown => {
    if (v === null || typeof v !== 'object') return v;
    const entries = Object.entries(v as Record<string, unknown>).map(([k, x]) => [k, lists(x)] as const);
    if (entries.length > 0 && entries.every(([k], i) => k === String(i))) return entries.map(([, x]) => x);
    return Object.fromEntries(entries);
  };
  return lists(root) as Record<string, unknown>;
}

const check = (uid: string, queryString: string) => checkPublicQuery(uid, parse(queryString));
const refused = (uid: string, queryString: string) => check(uid, queryString).map((p) => p.parameter);

describe('the allow-list', () => {
  it('covers exactly the content types the public role reads, at their REST paths', () => {
    expect(Object.values(PUBLIC_PATHS).sort()).toEqual([...PUBLIC_READ].sort());
    expect(PUBLIC_PATHS).toMatchObject({
      activities: ACTIVITY,
      organisations: ORGANISATION,
      places: PLACE,
      themes: THEME,
      wijken: WIJK,
      letterboxes: LETTERBOX,
    });
  });

  it('names only fields the schema has and the public may read, and filters only on readable ones', () => {
    const system = ['id', 'documentId', 'createdAt', 'updatedAt', 'publishedAt', 'locale'];
    for (const [uid, model] of Object.entries(PUBLIC_QUERY)) {
      const attributes = schemaAttributes(uid);
      for (const field of model.query) expect(model.read, `${uid}.${field}`).toContain(field);
      if (!attributes) continue; // media: Strapi's own file type
      for (const field of model.read) {
        expect(system.includes(field) || field in attributes, `${uid}.${field}`).toBe(true);
        expect(
          (attributes[field] as { private?: boolean } | undefined)?.private,
          `${uid}.${field} is private`,
        ).not.toBe(true);
        expect(['relation', 'media', 'component'], `${uid}.${field} is a link`).not.toContain(attributes[field]?.type);
      }
      for (const [link, target] of Object.entries(model.links)) {
        const attribute = attributes[link] as { type: string; target?: string; component?: string };
        expect(attribute, `${uid}.${link}`).toBeDefined();
        expect(attribute.target ?? attribute.component ?? (attribute.type === 'media' ? MEDIA : undefined)).toBe(
          target,
        );
      }
      for (const field of model.query)
        expect(valueKind(uid, field), `${uid}.${field} has a comparable type`).not.toBe('other');
    }
  });

  it('never lets the public filter or sort on contact details', () => {
    for (const model of Object.values(PUBLIC_QUERY))
      for (const field of CONTACT_FIELDS) expect(model.query).not.toContain(field);
    expect(PUBLIC_QUERY[ACTIVITY].query).not.toContain('joinPhone');
    expect(PUBLIC_QUERY[ACTIVITY].read).not.toContain('freshnessNotice');
  });
});

describe('the queries of the site and the search-indexer', () => {
  // As site/src/lib/cms/public-api.ts, site/src/lib/dream/letterboxes.ts and search-indexer/src/strapi/client.ts send them.
  const stamp = { fields: ['updatedAt'] };
  const sent: [string, Record<string, unknown> | string][] = [
    [
      ACTIVITY,
      {
        filters: { slug: { $eq: 'zwemles' } },
        locale: 'en',
        populate: activityPagePopulate,
        pagination: { pageSize: 1 },
      },
    ],
    [
      ACTIVITY,
      {
        filters: { organisation: { slug: { $eq: 'stille-club' } } },
        locale: 'nl',
        populate: activityPopulate,
        sort: 'title:asc',
        pagination: { page: 2, pageSize: 100 },
      },
    ],
    [
      ACTIVITY,
      {
        filters: { $or: [{ kind: { $eq: 'regeling' } }, { themes: { slug: { $eq: 'geld-regelingen' } } }] },
        locale: 'ar',
        populate: activityPopulate,
        sort: 'title:asc',
        pagination: { page: 1, pageSize: 100 },
      },
    ],
    [ORGANISATION, { sort: 'name:asc', pagination: { page: 1, pageSize: 100 } }],
    [ORGANISATION, { filters: { slug: { $eq: 'stille-club' } }, pagination: { pageSize: 1 } }],
    [LETTERBOX, 'populate=sessions&sort=order:asc&pagination[pageSize]=100'],
    [
      ACTIVITY,
      {
        locale: 'nl',
        fields: ['locale', 'updatedAt'],
        populate: {
          organisation: stamp,
          themes: stamp,
          places: { ...stamp, populate: { wijk: stamp } },
          images: stamp,
        },
        pagination: { page: 1, pageSize: 100 },
        sort: 'id:asc',
      },
    ],
    [
      ACTIVITY,
      {
        locale: 'pl',
        populate: activityPopulate,
        filters: { documentId: { $in: Array.from({ length: 100 }, (_, i) => `doc${i}`) } },
        pagination: { page: 1, pageSize: 100 },
        sort: 'id:asc',
      },
    ],
    ...[
      { organisation: { documentId: { $eq: 'x' } } },
      { places: { documentId: { $eq: 'x' } } },
      { places: { wijk: { documentId: { $eq: 'x' } } } },
      { themes: { documentId: { $eq: 'x' } } },
    ].map(
      (filters) =>
        [
          ACTIVITY,
          { locale: 'tr', fields: ['locale'], filters, pagination: { page: 1, pageSize: 100 }, sort: 'id:asc' },
        ] as [string, Record<string, unknown>],
    ),
    // Other clients seen in the tests.
    [ACTIVITY, 'status=draft&filters[documentId][$eq]=abc'],
    [
      ACTIVITY,
      'locale=nl&fields[0]=slug&fields[1]=title&sort=documentId:asc&pagination[pageSize]=100&pagination[page]=2',
    ],
    [ORGANISATION, 'filters[slug][$eq]=stille-club&fields[0]=email&fields[1]=phone'],
    [ACTIVITY, 'populate=*'],
    [ACTIVITY, 'populate=organisation&filters[organisation][slug][$eq]=stille-club'],
  ];

  it.each(sent.map(([uid, q], i) => [i, uid, q] as const))('#%i is accepted', (_i, uid, q) => {
    const queryString = typeof q === 'string' ? q : toStrapiQuery(q);
    expect(check(uid, queryString)).toEqual([]);
  });
});

describe('private contact details', () => {
  it('are no filter, directly, through a relation, in a group or in a populate', () => {
    expect(refused(ORGANISATION, 'filters[email][$startsWith]=geheim')).toEqual(['filters[email]']);
    expect(refused(ACTIVITY, 'filters[organisation][email][$startsWith]=g')).toEqual(['filters[organisation][email]']);
    expect(refused(PLACE, 'filters[organisation][phone][$startsWith]=036')).toEqual(['filters[organisation][phone]']);
    expect(refused(ORGANISATION, 'filters[$or][0][email][$startsWith]=g&filters[$or][1][slug][$eq]=x')).toEqual([
      'filters[$or][0][email]',
    ]);
    expect(refused(ORGANISATION, 'filters[$not][whatsapp][$null]=true')).toEqual(['filters[$not][whatsapp]']);
    expect(refused(ORGANISATION, 'filters[contactPublic][$eq]=false')).toEqual(['filters[contactPublic]']);
    expect(refused(ACTIVITY, 'populate[organisation][filters][email][$startsWith]=g')).toEqual([
      'populate[organisation][filters][email]',
    ]);
    expect(refused(WIJK, 'filters[places][organisation][whatsapp][$eq]=1')).toEqual([
      'filters[places][organisation][whatsapp]',
    ]);
    expect(refused(ACTIVITY, 'filters[joinPhone][$startsWith]=06')).toEqual(['filters[joinPhone]']);
  });

  it('are no sort, in any of its forms', () => {
    for (const q of [
      'sort=email',
      'sort=email:desc',
      'sort=name,phone:asc',
      'sort[0]=whatsapp',
      'sort[0][email]=asc',
      'sort[email]=desc',
      'sort[contactPublic]=asc',
    ])
      expect(refused(ORGANISATION, q), q).toEqual(expect.arrayContaining([expect.stringMatching(/^sort/)]));
    for (const q of [
      'sort[0]=organisation.phone:asc',
      'sort=organisation.email',
      'sort[organisation][email]=asc',
      'sort=places.organisation.whatsapp:desc',
      'populate[organisation][sort]=email',
    ])
      expect(check(ACTIVITY, q).length, q).toBeGreaterThan(0);
    expect(check(ACTIVITY, 'sort=organisation.name:desc,title')).toEqual([]);
  });

  it('may be read as fields (the public guard then removes them unless public)', () => {
    expect(check(ORGANISATION, 'fields[0]=email&fields[1]=contactPublic')).toEqual([]);
    expect(check(ACTIVITY, 'populate[organisation][fields][0]=phone')).toEqual([]);
  });
});

describe('malformed queries', () => {
  it.each([
    ['filters[$or]=x', 'filters[$or]'],
    ['filters=x', 'filters'],
    ['filters[title][$eq][$eq]=x', 'filters[title][$eq]'],
    ['filters[$and]=x', 'filters[$and]'],
    ['filters[$not]=x', 'filters[$not]'],
    ['filters[$or][0]=x', 'filters[$or][0]'],
    ['filters[$or][a][title]=x', 'filters[$or]'],
    ['filters[title][$foo]=x', 'filters[title][$foo]'],
    ['filters[ageMin][$between]=1', 'filters[ageMin][$between]'],
    ['filters[ageMin][$eq]=veel', 'filters[ageMin][$eq]'],
    ['filters[ageMin][$containsi]=1', 'filters[ageMin][$containsi]'],
    ['filters[startDate][$gt]=morgen', 'filters[startDate][$gt]'],
    ['filters[title][$in][a]=b', 'filters[title][$in]'],
    ['filters[title][0]=a&filters[title][1]=b', 'filters[title]'],
    ['filters[title][$null]=maybe', 'filters[title][$null]'],
    ['filters[organisation]=1', 'filters[organisation]'],
    ['filters[organisation][$eq]=1&filters[organisation][slug]=x', 'filters[organisation]'],
    ['filters[images][name][$eq]=x', 'filters[images]'],
    ['filters[freshnessNotice][$null]=true', 'filters[freshnessNotice]'],
    ['filters[exceptionDates][$contains]=2026', 'filters[exceptionDates]'],
    ['filters[$eq]=x', 'filters[$eq]'],
    ['sort=title:sideways', 'sort'],
    ['sort=title:asc:desc', 'sort'],
    ['sort[title]=x', 'sort[title]'],
    ['sort=freshnessNotice', 'sort'],
    ['pagination=x', 'pagination'],
    ['pagination[page]=x', 'pagination[page]'],
    ['pagination[page]=1&pagination[start]=0', 'pagination'],
    ['populate=x', 'populate'],
    ['populate[dreams]=true', 'populate[dreams]'],
    ['populate[organisation][on]=x', 'populate[organisation][on]'],
    ['populate[images][filters][name]=x', 'populate[images][filters]'],
    ['fields=nope', 'fields'],
    ['fields[a]=b', 'fields'],
    ['locale[a]=b', 'locale'],
    ['_q=geheim', '_q'],
    ['foo=bar', 'foo'],
  ])('%s is refused at %s', (q, parameter) => {
    const problems = check(ACTIVITY, q);
    expect(problems.map((p) => p.parameter)).toContain(parameter);
    for (const p of problems) expect(p.message.length).toBeGreaterThan(5);
  });

  it('bounds what one query may ask', () => {
    const deep = `filters${'[$not]'.repeat(20)}[title][$eq]=x`;
    expect(check(ACTIVITY, deep).length).toBeGreaterThan(0);
    const many = Array.from(
      { length: 125 },
      (_, i) => `filters[$and][${i % 25}][$or][${Math.floor(i / 25)}][title][$eq]=x`,
    ).join('&');
    expect(check(ACTIVITY, many).map((p) => p.message)).toContain('a query may have at most 100 conditions.');
    const list = Array.from({ length: 101 }, (_, i) => `filters[documentId][$in][${i}]=d${i}`).join('&');
    expect(refused(ACTIVITY, list)).toEqual(['filters[documentId][$in]']);
    // A long value is no problem (the site asks for any slug it is given): it finds nothing.
    expect(check(ACTIVITY, `filters[slug][$eq]=${'a'.repeat(12_000)}`)).toEqual([]);
  });

  it('says what is wrong in one message, without repeating a long key whole', () => {
    const problems = check(ACTIVITY, `filters[${'x'.repeat(500)}]=1&filters[organisation][email][$eq]=a`);
    const message = problemMessage(problems);
    expect(message).toMatch(/^The query cannot be used\. /);
    expect(message).toContain('filters[organisation][email]: the public API does not filter on email.');
    expect(message.length).toBeLessThan(600);
  });
});

// ---------------------------------------------------------------------------------------------
// Properties (fast-check): a fixed seed per run is printed by fast-check on a failure.

const kindValue: Record<string, fc.Arbitrary<string>> = {
  text: fc.string({ maxLength: 12 }),
  number: fc.integer({ min: -1000, max: 1000 }).map(String),
  date: fc
    .date({ min: new Date('2000-01-01'), max: new Date('2040-01-01'), noInvalidDate: true })
    .map((d) => d.toISOString().slice(0, 10)),
  datetime: fc
    .date({ min: new Date('2000-01-01'), max: new Date('2040-01-01'), noInvalidDate: true })
    .map((d) => d.toISOString()),
  time: fc
    .tuple(fc.integer({ min: 0, max: 23 }), fc.integer({ min: 0, max: 59 }))
    .map(([h, m]) => `${String(h).padStart(2, '0')}:${String(m).padStart(2, '0')}`),
  boolean: fc.constantFrom('true', 'false'),
};

/** A filter condition on one allowed field of `uid`, with an operator and value its kind takes. */
function leaf(uid: string): fc.Arbitrary<Record<string, unknown>> {
  return fc.constantFrom(...PUBLIC_QUERY[uid].query).chain((field) => {
    const kind = valueKind(uid, field);
    const value = kindValue[kind];
    const simple = OPERATORS[kind].filter(
      (o) => !['$not', '$in', '$notIn', '$between', '$null', '$notNull'].includes(o),
    );
    return fc.oneof(
      value.map((v) => ({ [field]: v })),
      fc.tuple(fc.constantFrom(...simple), value).map(([op, v]) => ({ [field]: { [op]: v } })),
      fc
        .tuple(fc.constantFrom('$in', '$notIn'), fc.array(value, { minLength: 1, maxLength: 4 }))
        .map(([op, v]) => ({ [field]: { [op]: v } })),
      ...(OPERATORS[kind].includes('$between')
        ? [fc.tuple(value, value).map((pair) => ({ [field]: { $between: pair } }))]
        : []),
      fc
        .constantFrom('$null', '$notNull')
        .chain((op) => fc.constantFrom('true', 'false').map((v) => ({ [field]: { [op]: v } }))),
      value.map((v) => ({ [field]: { $not: { $eq: v } } })),
    );
  });
}

/** An allowed where clause of `uid`: conditions, groups and relation filters, a few levels deep. */
function where(uid: string, depth: number): fc.Arbitrary<Record<string, unknown>> {
  if (depth <= 0) return leaf(uid);
  const links = Object.entries(PUBLIC_QUERY[uid].links).filter(([, t]) => t !== MEDIA);
  const options: fc.Arbitrary<Record<string, unknown>>[] = [
    leaf(uid),
    fc
      .tuple(fc.constantFrom('$and', '$or'), fc.array(where(uid, depth - 1), { minLength: 1, maxLength: 3 }))
      .map(([op, list]) => ({ [op]: list })),
    where(uid, depth - 1).map((w) => ({ $not: w })),
  ];
  if (links.length)
    options.push(
      fc.constantFrom(...links).chain(([link, target]) => where(target, depth - 1).map((w) => ({ [link]: w }))),
    );
  return fc.oneof(...options);
}

/** Writes a query object as a query string and parses it back, as a client and Strapi would. */
const roundTrip = (query: Record<string, unknown>) => parse(toStrapiQuery(query));

const PUBLIC_TYPES = [ACTIVITY, ORGANISATION, PLACE, THEME, WIJK, LETTERBOX];

describe('properties', () => {
  it('any allowed filter tree is accepted', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...PUBLIC_TYPES).chain((uid) => where(uid, 3).map((filters) => [uid, filters] as const)),
        ([uid, filters]) => {
          expect(checkPublicQuery(uid, roundTrip({ filters }))).toEqual([]);
        },
      ),
      { numRuns: 300 },
    );
  });

  // A condition on a contact field, reached from each public type.
  const contact = fc
    .tuple(
      fc.constantFrom(...CONTACT_FIELDS),
      fc.constantFrom('$eq', '$startsWith', '$containsi', '$lt', '$null'),
      fc.string({ minLength: 1, maxLength: 6 }),
    )
    .map(([field, op, v]) => ({ [field]: { [op]: op === '$null' ? 'true' : v } }));
  const through: Record<string, (c: Record<string, unknown>) => Record<string, unknown>> = {
    [ORGANISATION]: (c) => c,
    [ACTIVITY]: (c) => ({ organisation: c }),
    [PLACE]: (c) => ({ organisation: c }),
    [THEME]: (c) => ({ activities: { organisation: c } }),
    [WIJK]: (c) => ({ places: { organisation: c } }),
  };
  // The same condition as a populate's filter, on the way to an organisation.
  const populating: Record<string, (c: Record<string, unknown>) => Record<string, unknown>> = {
    [ORGANISATION]: (c) => ({ places: { populate: { organisation: { filters: c } } } }),
    [ACTIVITY]: (c) => ({ organisation: { filters: c } }),
    [PLACE]: (c) => ({ organisation: { filters: c } }),
    [THEME]: (c) => ({ activities: { populate: { organisation: { filters: c } } } }),
    [WIJK]: (c) => ({ places: { populate: { organisation: { filters: c } } } }),
  };

  it('a contact condition anywhere in an allowed filter is refused, naming the field', () => {
    fc.assert(
      fc.property(
        fc
          .constantFrom(...Object.keys(through))
          .chain((uid) =>
            fc.tuple(
              fc.constant(uid),
              where(uid, 2),
              contact,
              fc.constantFrom('and', 'or', 'not', 'beside', 'populate'),
            ),
          ),
        ([uid, filters, condition, how]) => {
          const bad = through[uid](condition);
          const query =
            how === 'and'
              ? { filters: { $and: [filters, bad] } }
              : how === 'or'
                ? { filters: { $or: [bad, filters] } }
                : how === 'not'
                  ? { filters: { $not: { $or: [filters, bad] } } }
                  : how === 'beside'
                    ? { filters: { ...filters, $and: [bad] } }
                    : { filters, populate: populating[uid](condition) };
          const problems = checkPublicQuery(uid, roundTrip(query));
          expect(problems.length).toBeGreaterThan(0);
          expect(problems.some((p) => CONTACT_FIELDS.some((f) => p.parameter.endsWith(`[${f}]`)))).toBe(true);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('a sort on a contact field is refused in every form', () => {
    const order = fc.constantFrom('asc', 'desc', 'ASC', 'Desc');
    fc.assert(
      fc.property(
        fc.constantFrom(...CONTACT_FIELDS),
        order,
        fc.constantFrom(ORGANISATION, ACTIVITY, PLACE),
        fc.integer({ min: 0, max: 4 }),
        (field, dir, uid, form) => {
          const path = uid === ORGANISATION ? [field] : ['organisation', field];
          const nested = path.reduceRight<unknown>((inner, key) => ({ [key]: inner }), dir);
          const sort = [
            `${path.join('.')}:${dir}`,
            `title,${path.join('.')}:${dir}`,
            [`${path.join('.')}:${dir}`],
            nested,
            [nested],
          ][form];
          expect(checkPublicQuery(uid, roundTrip({ sort })).length).toBeGreaterThan(0);
        },
      ),
      { numRuns: 200 },
    );
  });

  // Anything qs can produce: strings, lists and objects, keys from the vocabulary and invented.
  const key = fc.oneof(
    fc.constantFrom(
      '$and',
      '$or',
      '$not',
      '$eq',
      '$in',
      '$between',
      '$null',
      '$containsi',
      '$foo',
      'title',
      'slug',
      'email',
      'organisation',
      'places',
      'name',
      'ageMin',
      'startDate',
      'images',
      'sessions',
      'day',
      '0',
      '1',
      '__proto__',
      'constructor',
      'populate',
      'fields',
      'filters',
      'sort',
    ),
    fc.string({ maxLength: 8 }),
  );
  const leafValue = fc.oneof(
    fc.string({ maxLength: 10 }),
    fc.constant(null),
    fc.constantFrom('*', 'true', 'asc', 'title:desc', 'organisation.name', '1', '-1', '2026-01-01'),
  );
  const tree = fc.letrec((tie) => ({
    node: fc.oneof(
      { depthSize: 'small', withCrossShrink: true },
      leafValue,
      fc.array(tie('node'), { maxLength: 3 }),
      fc.dictionary(key, tie('node'), { maxKeys: 4 }),
    ),
  })).node;
  const anyQuery = fc.dictionary(
    fc.oneof(
      fc.constantFrom('filters', 'sort', 'fields', 'populate', 'pagination', 'locale', 'status'),
      fc.string({ maxLength: 6 }),
    ),
    tree,
    { maxKeys: 4 },
  );

  it('never throws on anything a query string can hold, and explains every refusal', () => {
    fc.assert(
      fc.property(fc.constantFrom(...PUBLIC_TYPES), anyQuery, (uid, query) => {
        const problems = checkPublicQuery(uid, query as Record<string, unknown>);
        for (const p of problems) {
          expect(typeof p.parameter).toBe('string');
          expect(p.message.length).toBeGreaterThan(5);
        }
        expect(problems.length).toBeLessThanOrEqual(20);
      }),
      { numRuns: 1000 },
    );
  });

  it('accepts nothing that names a field outside the allow-list (in filters, sort, fields or populate)', () => {
    const outside = fc.constantFrom(
      'email',
      'phone',
      'whatsapp',
      'contactPublic',
      'freshnessNotice',
      'password',
      'createdBy',
      'updatedBy',
      'joinPhone',
      'exceptionDates',
    );
    fc.assert(
      fc.property(
        fc.constantFrom(ORGANISATION, ACTIVITY),
        outside,
        fc.integer({ min: 0, max: 3 }),
        (uid, field, form) => {
          const readable = PUBLIC_QUERY[uid].read.includes(field);
          const query = [
            { filters: { [field]: { $eq: 'x' } } },
            { sort: `${field}:asc` },
            { filters: { $or: [{ [field]: 'x' }] } },
            { fields: [field] },
          ][form];
          const problems = checkPublicQuery(uid, roundTrip(query));
          if (form === 3 && readable) expect(problems).toEqual([]);
          else expect(problems.length).toBeGreaterThan(0);
        },
      ),
      { numRuns: 200 },
    );
  });
});
