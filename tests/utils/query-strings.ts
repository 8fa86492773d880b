// Generated query strings for sweeps of the cms APIs (fast-check): keys with random nesting of
// filters, operators real and invented, sort/pagination/populate/fields/locale/status and the open
// data API's parameters, values that fit and values that do not, in four encodings.
import fc from 'fast-check';

const FIELDS = [
  'title',
  'slug',
  'name',
  'email',
  'phone',
  'whatsapp',
  'contactPublic',
  'organisation',
  'places',
  'themes',
  'wijk',
  'sessions',
  'images',
  'paidBy',
  'day',
  'startTime',
  'ageMin',
  'price',
  'startDate',
  'updatedAt',
  'lastReviewedAt',
  'id',
  'documentId',
  'locale',
  'approved',
  'stale',
  'languages',
  'folder',
  'mime',
  'freshnessNotice',
  'logo',
  'kind',
];
const OPERATORS = [
  '$eq',
  '$eqi',
  '$ne',
  '$in',
  '$notIn',
  '$lt',
  '$lte',
  '$gt',
  '$gte',
  '$between',
  '$null',
  '$notNull',
  '$contains',
  '$containsi',
  '$startsWith',
  '$endsWith',
  '$and',
  '$or',
  '$not',
  '$jsonSupersetOf',
];
const INVENTED = ['$foo', '$', '$$or', '$OR', 'or', '$eq ', '$in[]'];
const ODD = [
  '',
  '0',
  '1',
  '2',
  '99',
  '100',
  '101',
  '-1',
  '__proto__',
  'constructor',
  'prototype',
  'on',
  'count',
  'fields',
  'filters',
  'sort',
  'populate',
  'page',
  'pageSize',
  'start',
  'limit',
  'withCount',
  '*',
  '.',
  '..',
  '%00',
  '日本',
];
const ROOTS = [
  'filters',
  'filters',
  'filters',
  'sort',
  'fields',
  'populate',
  'pagination',
  'locale',
  'status',
  '_q',
  'page',
  'pageSize',
  'plugins',
  'hasPublishedVersion',
  'per_page',
  'search',
  'modified_after',
  'organization_id',
  'taxonomy_term_id',
  'full',
  'minimal',
  'format',
];
const VALUES = [
  'x',
  '',
  '1',
  '0',
  '-1',
  '1.5',
  'true',
  'false',
  'null',
  'asc',
  'desc',
  'ASC',
  'title:asc',
  'title:desc,slug',
  'organisation.name:desc',
  'organisation.phone:asc',
  'email',
  'email:desc',
  '*',
  'organisation',
  'places.wijk',
  '2026-01-01',
  '2026-13-45',
  '2026-01-01T10:00:00Z',
  '12:00',
  '25:99',
  'abc',
  '日本語',
  '%',
  '\u0000',
  '<script>alert(1)</script>',
  "' OR 1=1 --",
  '1e309',
  '99999999999999999999',
  'NaN',
  'nl',
  'xx',
  'en',
  'published',
  'draft',
  'json',
  'a,b,,c',
  ':',
  'title:',
  ':asc',
  'x'.repeat(300),
];

export const segment = fc.oneof(
  { weight: 3, arbitrary: fc.constantFrom(...FIELDS) },
  { weight: 3, arbitrary: fc.constantFrom(...OPERATORS) },
  { weight: 1, arbitrary: fc.constantFrom(...INVENTED) },
  { weight: 2, arbitrary: fc.constantFrom(...ODD) },
  { weight: 1, arbitrary: fc.string({ maxLength: 6 }) },
);
export const value = fc.oneof(
  { weight: 5, arbitrary: fc.constantFrom(...VALUES) },
  { weight: 1, arbitrary: fc.string({ maxLength: 12 }) },
  { weight: 1, arbitrary: fc.integer().map(String) },
);
const encoding = fc.constantFrom('brackets', 'encoded', 'double', 'raw');

export function encodeParam(key: string[], val: string | null, how: string): string {
  const [root, ...rest] = key;
  const enc = (s: string) => encodeURIComponent(s);
  let name: string;
  if (how === 'brackets') name = `${enc(root)}${rest.map((k) => `[${enc(k)}]`).join('')}`;
  else if (how === 'encoded') name = enc(`${root}${rest.map((k) => `[${k}]`).join('')}`);
  else if (how === 'double') name = enc(enc(`${root}${rest.map((k) => `[${k}]`).join('')}`));
  else name = `${root}${rest.map((k) => `[${k.replace(/[&#\s]/g, '')}]`).join('')}`; // as a careless client writes it
  if (val === null) return name; // no '=': qs reads null
  const v = how === 'double' ? enc(enc(val)) : how === 'raw' ? val.replace(/[&#\s%]/g, '') : enc(val);
  return `${name}=${v}`;
}

export const param = fc
  .tuple(
    fc.constantFrom(...ROOTS),
    fc.array(segment, { maxLength: 6 }),
    fc.option(value, { nil: null, freq: 8 }),
    encoding,
  )
  .map(([root, rest, val, how]) => encodeParam([root, ...rest], val, how));
/** A query string: 1 to 6 parameters, now and then repeated keys. */
export const queryString = fc.array(param, { minLength: 1, maxLength: 6 }).map((ps) => ps.join('&'));
