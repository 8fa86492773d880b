// Query parameters of the open-data API (/api/hsds/...): pure parsing and validation, so every
// refusal is a clear 400 with the parameter named, and the controller only sees valid values.
import { defaultLocale, locales } from '@droomkaart/shared';

export const PER_PAGE_DEFAULT = 50;
export const PER_PAGE_MAX = 200;
export const SEARCH_MAX_LENGTH = 100;

export type Locale = (typeof locales)[number];

export type ListParams = {
  page: number;
  perPage: number;
  locale: Locale;
  search: string | null;
  /** Instant (ms since epoch as a Date) from `modified_after`, inclusive. */
  modifiedAfter: Date | null;
  organizationId: string | null;
  taxonomyTermId: string | null;
  /** `taxonomy_id`: services with any term of this taxonomy; terms of this taxonomy. */
  taxonomyId: string | null;
  /** `top_only=true` (taxonomy terms): only terms without a parent. */
  topOnly: boolean;
  /** `parent_id` (taxonomy terms): only the children of this term. */
  parentId: string | null;
  /** `full=true`: each list item is the fully nested service. */
  full: boolean;
  /** `minimal=true`: each list item is only `id` and `last_modified`. */
  minimal: boolean;
};

export type ParamError = { parameter: string; message: string };
export type Parsed<T> = { ok: true; value: T } | { ok: false; errors: ParamError[] };

type Query = Record<string, unknown>;

// HSDS parameters this API does not implement: refused rather than ignored, because ignoring a
// filter would hand the caller results it did not ask for.
const UNSUPPORTED = ['postcode', 'proximity', 'full_service'] as const;
const UNSUPPORTED_WHY: Record<string, string> = {
  full_service:
    'full_service is not supported by this API: ask /services?organization_id=<id>&full=true for the fully nested services of an organization.',
};
/** Every HSDS 3.0 query parameter: one an endpoint does not take is named as not supported there. */
const HSDS_PARAMETERS = [
  'page',
  'per_page',
  'search',
  'format',
  'locale',
  'modified_after',
  'organization_id',
  'taxonomy_term_id',
  'taxonomy_id',
  'full',
  'minimal',
  'top_only',
  'parent_id',
  ...UNSUPPORTED,
] as const;

const ID = /^[A-Za-z0-9_-]{1,64}$/;
// ISO 8601 / RFC 3339 date or date-time; a time zone is required when a time is given, so the
// instant is never guessed.
const DATE_TIME = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.\d{1,9})?)?(Z|[+-]\d{2}:?\d{2}))?$/i;

function single(query: Query, name: string, errors: ParamError[]): string | null {
  const raw = query[name];
  if (raw === undefined) return null;
  if (typeof raw !== 'string') {
    errors.push({ parameter: name, message: `${name} must be given once, as a single value.` });
    return null;
  }
  return raw;
}

function integer(
  query: Query,
  name: string,
  errors: ParamError[],
  { min, max, fallback }: { min: number; max?: number; fallback: number },
): number {
  const raw = single(query, name, errors);
  if (raw === null) return fallback;
  if (!/^\d+$/.test(raw.trim())) {
    errors.push({
      parameter: name,
      message: `${name} must be a whole number${max ? ` from ${min} to ${max}` : ` of at least ${min}`}.`,
    });
    return fallback;
  }
  const value = Number(raw.trim());
  if (value < min || (max !== undefined && value > max)) {
    errors.push({
      parameter: name,
      message: `${name} must be ${max ? `from ${min} to ${max}` : `at least ${min}`}; got ${value}.`,
    });
    return fallback;
  }
  return value;
}

function boolean(query: Query, name: string, errors: ParamError[]): boolean {
  const raw = single(query, name, errors);
  if (raw === null || raw === '') return false;
  const v = raw.trim().toLowerCase();
  if (v === 'true' || v === '1') return true;
  if (v === 'false' || v === '0') return false;
  errors.push({ parameter: name, message: `${name} must be true or false.` });
  return false;
}

/**
 * Pure: `modified_after` as an instant. Accepts a date (`2026-03-01`, midnight UTC) or a
 * date-time with a time zone (`2026-03-01T10:00:00Z`, `…+01:00`). A `+` that arrived unencoded
 * in a query string is read as a space; it is taken back as `+`.
 */
export function parseDateTime(raw: string): Date | null {
  const text = raw.trim().replace(/ (\d{2}:?\d{2})$/, '+$1');
  const m = DATE_TIME.exec(text);
  if (!m) return null;
  const [, y, mo, d, h, mi, s] = m;
  // The calendar date must exist (Date.parse would roll 31 April over to 1 May).
  const day = new Date(Date.UTC(Number(y), Number(mo) - 1, Number(d)));
  if (Number(mo) < 1 || Number(mo) > 12 || day.getUTCMonth() !== Number(mo) - 1 || day.getUTCDate() !== Number(d))
    return null;
  if (h !== undefined && (Number(h) > 23 || Number(mi) > 59 || Number(s ?? 0) > 59)) return null;
  const iso =
    h === undefined ? `${y}-${mo}-${d}T00:00:00Z` : text.replace(' ', 'T').replace(/([+-]\d{2})(\d{2})$/, '$1:$2');
  const ms = Date.parse(iso);
  return Number.isNaN(ms) ? null : new Date(ms);
}

function locale(query: Query, errors: ParamError[]): Locale {
  const raw = single(query, 'locale', errors);
  if (raw === null || raw === '') return defaultLocale;
  const value = raw.trim().toLowerCase();
  if ((locales as readonly string[]).includes(value)) return value as Locale;
  errors.push({ parameter: 'locale', message: `locale must be one of ${locales.join(', ')}.` });
  return defaultLocale;
}

function id(query: Query, name: string, errors: ParamError[]): string | null {
  const raw = single(query, name, errors);
  if (raw === null || raw === '') return null;
  if (!ID.test(raw.trim())) {
    errors.push({ parameter: name, message: `${name} is not a valid identifier.` });
    return null;
  }
  return raw.trim();
}

function format(query: Query, errors: ParamError[]) {
  const raw = single(query, 'format', errors);
  if (raw !== null && raw !== '' && raw.trim().toLowerCase() !== 'json')
    errors.push({ parameter: 'format', message: 'Only format=json is supported.' });
}

function unsupported(query: Query, names: readonly string[], errors: ParamError[]) {
  for (const name of names)
    if (query[name] !== undefined)
      errors.push({
        parameter: name,
        message:
          UNSUPPORTED_WHY[name] ??
          `${name} is not supported by this ${UNSUPPORTED.includes(name as never) ? 'API' : 'endpoint'}.`,
      });
}

/** The parameters each endpoint reads; any other (a typo, Strapi's `filters`/`sort`/`fields`) is refused, not ignored. */
export const KNOWN_PARAMETERS = {
  services: [
    'page',
    'per_page',
    'locale',
    'search',
    'format',
    'modified_after',
    'organization_id',
    'taxonomy_term_id',
    'taxonomy_id',
    'full',
    'minimal',
  ],
  service_at_locations: [
    'page',
    'per_page',
    'locale',
    'search',
    'format',
    'modified_after',
    'organization_id',
    'taxonomy_term_id',
    'taxonomy_id',
    'full',
  ],
  organizations: ['page', 'per_page', 'locale', 'search', 'format', 'full'],
  taxonomies: ['page', 'per_page', 'search', 'format'],
  taxonomy_terms: ['page', 'per_page', 'locale', 'search', 'format', 'taxonomy_id', 'top_only', 'parent_id'],
  one: ['locale', 'format'],
  none: ['format'],
} as const;

export type ListEndpoint = 'services' | 'service_at_locations' | 'organizations' | 'taxonomies' | 'taxonomy_terms';

/** The HSDS parameters `known` lacks: named as not supported rather than as unknown. */
const hsdsOutside = (known: readonly string[]) => HSDS_PARAMETERS.filter((name) => !known.includes(name));

/** Refuses every parameter not in `known`, except those `unsupported()` already named. */
function unknown(query: Query, known: readonly string[], errors: ParamError[], named: readonly string[]) {
  const names = Object.keys(query).filter((name) => !known.includes(name) && !named.includes(name));
  for (const name of names.slice(0, 10)) {
    const shown = name.length > 40 ? `${name.slice(0, 37)}...` : name;
    errors.push({ parameter: shown, message: `${shown} is not a parameter of this endpoint (${known.join(', ')}).` });
  }
}

/** Pure: the parameters of a paged list (`/services`, `/organizations`, `/taxonomies`, ...). */
export function parseListParams(query: Query, options: { filters: ListEndpoint }): Parsed<ListParams> {
  const errors: ParamError[] = [];
  const known: readonly string[] = KNOWN_PARAMETERS[options.filters];
  const takes = (name: string) => known.includes(name);
  const page = integer(query, 'page', errors, { min: 1, fallback: 1 });
  const perPage = integer(query, 'per_page', errors, { min: 1, max: PER_PAGE_MAX, fallback: PER_PAGE_DEFAULT });
  const searchRaw = single(query, 'search', errors);
  const search = searchRaw?.trim() ? searchRaw.trim() : null;
  if (search && search.length > SEARCH_MAX_LENGTH)
    errors.push({ parameter: 'search', message: `search may be at most ${SEARCH_MAX_LENGTH} characters.` });
  format(query, errors);
  const value: ListParams = {
    page,
    perPage,
    locale: takes('locale') ? locale(query, errors) : defaultLocale,
    search,
    modifiedAfter: null,
    organizationId: null,
    taxonomyTermId: null,
    taxonomyId: null,
    topOnly: false,
    parentId: null,
    full: false,
    minimal: false,
  };
  if (takes('modified_after')) {
    const raw = single(query, 'modified_after', errors);
    if (raw !== null && raw !== '') {
      value.modifiedAfter = parseDateTime(raw);
      if (!value.modifiedAfter)
        errors.push({
          parameter: 'modified_after',
          message:
            'modified_after must be an ISO 8601 date (2026-03-01) or date-time with a time zone (2026-03-01T10:00:00Z).',
        });
    }
  }
  if (takes('organization_id')) value.organizationId = id(query, 'organization_id', errors);
  if (takes('taxonomy_term_id')) value.taxonomyTermId = id(query, 'taxonomy_term_id', errors);
  if (takes('taxonomy_id')) value.taxonomyId = id(query, 'taxonomy_id', errors);
  if (takes('parent_id')) value.parentId = id(query, 'parent_id', errors);
  if (takes('top_only')) value.topOnly = boolean(query, 'top_only', errors);
  if (takes('full')) value.full = boolean(query, 'full', errors);
  if (takes('minimal')) value.minimal = boolean(query, 'minimal', errors);
  if (value.full && value.minimal)
    errors.push({ parameter: 'minimal', message: 'full and minimal cannot both be true.' });
  const outside = hsdsOutside(known);
  unsupported(query, outside, errors);
  unknown(query, known, errors, outside);
  return errors.length > 0 ? { ok: false, errors } : { ok: true, value };
}

/** Pure: the parameters of a single record (`/services/:id`, `/organizations/:id`). */
export function parseOneParams(query: Query): Parsed<{ locale: Locale }> {
  const errors: ParamError[] = [];
  const value = { locale: locale(query, errors) };
  format(query, errors);
  unsupported(query, hsdsOutside(KNOWN_PARAMETERS.one), errors);
  unknown(query, KNOWN_PARAMETERS.one, errors, hsdsOutside(KNOWN_PARAMETERS.one));
  return errors.length > 0 ? { ok: false, errors } : { ok: true, value };
}

/** Pure: the parameters of an endpoint that takes none but `format` (`/`, `/openapi.json`). */
export function parseNoParams(query: Query): Parsed<Record<string, never>> {
  const errors: ParamError[] = [];
  format(query, errors);
  unsupported(query, hsdsOutside(KNOWN_PARAMETERS.none), errors);
  unknown(query, KNOWN_PARAMETERS.none, errors, hsdsOutside(KNOWN_PARAMETERS.none));
  return errors.length > 0 ? { ok: false, errors } : { ok: true, value: {} };
}

/** Pure: whether a path id can name a record at all (anything else is simply not found). */
export function isRecordId(value: unknown): value is string {
  return typeof value === 'string' && ID.test(value);
}
