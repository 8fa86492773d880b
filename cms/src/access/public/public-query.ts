// What the public content API (/api/<type>, no account) may ask: one allow-list per public content
// type, and a pure validator of a parsed query string against it. Strapi filters and sorts on every
// attribute that is not `private` in the schema, also on values the public guard removes from the
// answer (an organisation's e-mail, phone and WhatsApp when contactPublic is false): a filter
// `filters[email][$startsWith]=a` then tells, one character at a time, what the answer hides.
// Here a filter, sort, field or populate is accepted only when the allow-list names it, and a
// malformed query (`filters[$or]=x`, an operator on an operator, …) is refused with a message before
// Strapi's query engine turns it into a 500. The middleware is src/middlewares/public-query.ts.
import activitySchema from '../../api/activity/content-types/activity/schema.json';
import letterboxSchema from '../../api/letterbox/content-types/letterbox/schema.json';
import organisationSchema from '../../api/organisation/content-types/organisation/schema.json';
import placeSchema from '../../api/place/content-types/place/schema.json';
import themeSchema from '../../api/theme/content-types/theme/schema.json';
import wijkSchema from '../../api/wijk/content-types/wijk/schema.json';
import sessionSchema from '../../components/schedule/session.json';
import { UID } from '../../content-types';

export const ACTIVITY = UID.activity;
export const ORGANISATION = UID.organisation;
export const PLACE = UID.place;
export const THEME = UID.theme;
export const WIJK = UID.wijk;
export const LETTERBOX = UID.letterbox;
export const SESSION = 'schedule.session';
export const MEDIA = UID.file;

/**
 * An organisation's contact details: shown only when it chose so (public-guard.ts), and never a
 * public filter or sort, whatever contactPublic says (one rule, no oracle).
 */
export const CONTACT_FIELDS = ['email', 'phone', 'whatsapp', 'contactPublic'] as const;

export type PublicModel = {
  /** The REST path of a content type (`/api/<path>`); components and media have none. */
  path?: string;
  /** Fields the public may read: `fields=` and `populate[…][fields]`. */
  read: readonly string[];
  /** Of those, the fields the public may filter and sort on. */
  query: readonly string[];
  /** Relations, components and media the public may populate and filter through, with their model. */
  links: Readonly<Record<string, string>>;
};

const STAMPS = ['id', 'documentId', 'createdAt', 'updatedAt', 'publishedAt'] as const;

/** The allow-list, declared once: every public content type (bootstrap/public-permissions.ts) and what it links to. */
export const PUBLIC_QUERY: Readonly<Record<string, PublicModel>> = {
  [ACTIVITY]: {
    path: 'activities',
    // Every attribute but freshnessNotice (private).
    read: [
      ...STAMPS,
      'locale',
      'title',
      'slug',
      'kind',
      'offerType',
      'summary',
      'description',
      'audience',
      'ageMin',
      'ageMax',
      'costType',
      'price',
      'costNote',
      'applicant',
      'scheduleType',
      'startDate',
      'endDate',
      'exceptionDates',
      'languages',
      'accessibility',
      'howToJoin',
      'joinUrl',
      'joinPhone',
      'whatToBring',
      'lastReviewedAt',
      'validUntil',
      'stale',
      'placesStatus',
      'placesConfirmedAt',
    ],
    // Not the JSON lists (no meaningful filter, and their SQL differs per database) nor the sign-up phone (contact).
    query: [
      ...STAMPS,
      'locale',
      'title',
      'slug',
      'kind',
      'offerType',
      'summary',
      'description',
      'audience',
      'ageMin',
      'ageMax',
      'costType',
      'price',
      'costNote',
      'applicant',
      'scheduleType',
      'startDate',
      'endDate',
      'howToJoin',
      'joinUrl',
      'whatToBring',
      'lastReviewedAt',
      'validUntil',
      'stale',
    ],
    links: {
      themes: THEME,
      places: PLACE,
      organisation: ORGANISATION,
      paidBy: ACTIVITY,
      pays: ACTIVITY,
      sessions: SESSION,
      images: MEDIA,
    },
  },
  [ORGANISATION]: {
    path: 'organisations',
    read: [
      ...STAMPS,
      'name',
      'slug',
      'kind',
      'description',
      'website',
      'email',
      'phone',
      'whatsapp',
      'contactPublic',
      'allianceMember',
      'subsidised',
      'approved',
    ],
    query: [...STAMPS, 'name', 'slug', 'kind', 'description', 'website', 'allianceMember', 'subsidised', 'approved'],
    links: { logo: MEDIA, activities: ACTIVITY, places: PLACE },
  },
  [PLACE]: {
    path: 'places',
    read: [...STAMPS, 'name', 'address', 'postcode', 'lat', 'lng', 'accessibility', 'directions'],
    query: [...STAMPS, 'name', 'address', 'postcode', 'lat', 'lng', 'directions'],
    links: { wijk: WIJK, organisation: ORGANISATION, activities: ACTIVITY, entrancePhoto: MEDIA },
  },
  [THEME]: {
    path: 'themes',
    read: [...STAMPS, 'name', 'slug', 'icon', 'order'],
    query: [...STAMPS, 'name', 'slug', 'icon', 'order'],
    links: { activities: ACTIVITY },
  },
  [WIJK]: {
    path: 'wijken',
    read: [...STAMPS, 'name', 'slug', 'stadsdeel', 'lat', 'lng'],
    query: [...STAMPS, 'name', 'slug', 'stadsdeel', 'lat', 'lng'],
    links: { places: PLACE },
  },
  [LETTERBOX]: {
    path: 'letterboxes',
    read: [...STAMPS, 'name', 'kind', 'address', 'wijk', 'note', 'order'],
    query: [...STAMPS, 'name', 'kind', 'address', 'wijk', 'note', 'order'],
    links: { sessions: SESSION },
  },
  [SESSION]: { read: ['id', 'day', 'startTime', 'endTime'], query: ['id', 'day', 'startTime', 'endTime'], links: {} },
  // Media: read only (the site's image fields); nothing filters or sorts on files.
  [MEDIA]: {
    read: [
      'id',
      'documentId',
      'name',
      'alternativeText',
      'caption',
      'width',
      'height',
      'formats',
      'hash',
      'ext',
      'mime',
      'size',
      'url',
      'previewUrl',
      'provider',
      'createdAt',
      'updatedAt',
      'publishedAt',
    ],
    query: [],
    links: {},
  },
};

/** How a field's values are compared: which operators it takes and what a value must look like. */
export type ValueKind = 'text' | 'number' | 'date' | 'time' | 'datetime' | 'boolean' | 'other';

type Attribute = { type: string };
const SCHEMAS: Record<string, { attributes: Record<string, Attribute> }> = {
  [ACTIVITY]: activitySchema,
  [ORGANISATION]: organisationSchema,
  [PLACE]: placeSchema,
  [THEME]: themeSchema,
  [WIJK]: wijkSchema,
  [LETTERBOX]: letterboxSchema,
  [SESSION]: sessionSchema,
};
const SYSTEM_KINDS: Record<string, ValueKind> = {
  id: 'number',
  documentId: 'text',
  locale: 'text',
  createdAt: 'datetime',
  updatedAt: 'datetime',
  publishedAt: 'datetime',
};
const TYPE_KINDS: Record<string, ValueKind> = {
  string: 'text',
  text: 'text',
  richtext: 'text',
  email: 'text',
  uid: 'text',
  enumeration: 'text',
  integer: 'number',
  biginteger: 'number',
  float: 'number',
  decimal: 'number',
  date: 'date',
  time: 'time',
  datetime: 'datetime',
  timestamp: 'datetime',
  boolean: 'boolean',
};

/** Pure: how values of a model's field compare ('other' for JSON, relations, media, unknown). */
export function valueKind(uid: string, field: string): ValueKind {
  if (own(SYSTEM_KINDS, field)) return SYSTEM_KINDS[field];
  const attributes = own(SCHEMAS, uid)?.attributes;
  const type = attributes ? own(attributes, field)?.type : undefined;
  return (type && own(TYPE_KINDS, type)) || 'other';
}

/** The schema attributes of a public model (for the allow-list's own tests). */
export function schemaAttributes(uid: string): Record<string, Attribute> | undefined {
  return SCHEMAS[uid]?.attributes;
}

/** Content-type uid by REST path (`activities` → api::activity.activity). */
export const PUBLIC_PATHS: Readonly<Record<string, string>> = Object.fromEntries(
  Object.entries(PUBLIC_QUERY)
    .filter(([, m]) => m.path)
    .map(([uid, m]) => [m.path, uid]),
);

// ---------------------------------------------------------------------------------------------
// Operators (Strapi 5's filter operators), by the kind of field they compare.

const LOGICAL = ['$and', '$or', '$not'] as const;
const ORDERED = [
  '$eq',
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
  '$not',
] as const;
const TEXT_ONLY = [
  '$eqi',
  '$nei',
  '$contains',
  '$notContains',
  '$containsi',
  '$notContainsi',
  '$startsWith',
  '$startsWithi',
  '$endsWith',
  '$endsWithi',
] as const;
export const OPERATORS: Readonly<Record<ValueKind, readonly string[]>> = {
  text: [...ORDERED, ...TEXT_ONLY],
  number: ORDERED,
  date: ORDERED,
  time: ORDERED,
  datetime: ORDERED,
  boolean: ['$eq', '$ne', '$in', '$notIn', '$null', '$notNull', '$not'],
  other: [],
};
const KNOWN_OPERATORS = new Set<string>([...LOGICAL, ...ORDERED, ...TEXT_ONLY, '$jsonSupersetOf']);
const LIST_OPERATORS = new Set(['$in', '$notIn']);

/** Bounds that keep a public query cheap: no honest client comes near them. */
// No bound on a value's length: the HTTP server's limit on the request line bounds it, and the site
// asks for any slug it is given (an overlong one must find nothing, not fail).
export const LIMITS = {
  depth: 12,
  relationHops: 3,
  conditions: 100,
  listValues: 100,
  groupItems: 25,
  populateDepth: 4,
  sortFields: 10,
} as const;

export type QueryProblem = { parameter: string; message: string };

/** Top-level parameters of the public content API. */
export const PUBLIC_PARAMETERS = ['filters', 'sort', 'fields', 'populate', 'pagination', 'locale', 'status'] as const;

/** An own entry of a record (never one of Object.prototype's, such as `__proto__` or `constructor`). */
export function own<T>(record: Readonly<Record<string, T>>, key: string): T | undefined {
  return Object.prototype.hasOwnProperty.call(record, key) ? record[key] : undefined;
}

const isObject = (v: unknown): v is Record<string, unknown> => v !== null && typeof v === 'object' && !Array.isArray(v);
const BOOLEAN = /^(true|false|1|0)$/i;
const NUMBER = /^[+-]?(\d{1,15}(\.\d{1,15})?|\.\d{1,15})$/;
const DATE = /^\d{4}-\d{2}-\d{2}$/;
const TIME = /^\d{2}:\d{2}(:\d{2}(\.\d{1,3})?)?$/;
const LOCALE = /^(\*|[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8}){0,2})$/;

/** A key as shown in a message: long ones shortened. */
const short = (k: string | number) => (String(k).length > 40 ? `${String(k).slice(0, 37)}...` : String(k));

/** A parameter name as a client writes it: filters[organisation][email]. Long keys are shortened. */
function name(path: readonly (string | number)[]): string {
  const [head, ...rest] = path;
  const text = `${short(head)}${rest.map((k) => `[${short(k)}]`).join('')}`;
  return text.length > 200 ? `${text.slice(0, 197)}...` : text;
}

class Checker {
  readonly problems: QueryProblem[] = [];
  private conditions = 0;

  problem(path: readonly (string | number)[], message: string) {
    if (this.problems.length < 20) this.problems.push({ parameter: name(path), message });
  }

  // --- filters --------------------------------------------------------------------------------

  /** A where clause of `uid`: fields, relations and $and/$or/$not. */
  where(uid: string, value: unknown, path: (string | number)[], depth: number, hops: number) {
    if (depth > LIMITS.depth)
      return this.problem(path, `filters are nested too deeply (at most ${LIMITS.depth} levels).`);
    if (!isObject(value))
      return this.problem(path, 'must be an object of fields and operators, e.g. filters[slug][$eq]=zwemles.');
    const model = PUBLIC_QUERY[uid];
    for (const key of Object.keys(value)) {
      const at = [...path, key];
      const inner = value[key];
      if (key === '$and' || key === '$or') {
        if (!Array.isArray(inner) || inner.length === 0)
          this.problem(at, `${key} takes a list of conditions: ${name(at)}[0][field][$eq]=value.`);
        else if (inner.length > LIMITS.groupItems)
          this.problem(at, `${key} takes at most ${LIMITS.groupItems} conditions.`);
        else inner.forEach((item, i) => this.where(uid, item, [...at, i], depth + 1, hops));
      } else if (key === '$not') {
        this.where(uid, inner, at, depth + 1, hops);
      } else if (key.startsWith('$')) {
        this.problem(
          at,
          KNOWN_OPERATORS.has(key)
            ? `${key} compares a field: put it under one, e.g. filters[title][${key}]=…`
            : `${short(key)} is not an operator.`,
        );
      } else if (own(model.links, key)) {
        this.link(own(model.links, key), inner, at, depth + 1, hops + 1);
      } else if (model.query.includes(key)) {
        this.attribute(uid, key, inner, at, depth + 1);
      } else if (model.read.includes(key)) {
        this.problem(at, `the public API does not filter on ${short(key)}.`);
      } else {
        this.problem(at, `${short(key)} is not a field the public API can filter on.`);
      }
    }
  }

  /** A filter through a relation or component: its own fields, or one of $and/$or/$not/$null/$notNull alone. */
  link(target: string, value: unknown, path: (string | number)[], depth: number, hops: number) {
    if (target === MEDIA) return this.problem(path, 'the public API does not filter on media.');
    if (hops > LIMITS.relationHops)
      return this.problem(path, `filters follow at most ${LIMITS.relationHops} relations.`);
    if (!isObject(value))
      return this.problem(
        path,
        `filter on a field of the related entry, e.g. ${name([...path, 'documentId', '$eq'])}=…`,
      );
    const keys = Object.keys(value);
    const operators = keys.filter((k) => k.startsWith('$'));
    if (operators.length > 0 && (operators.length > 1 || keys.length > 1))
      return this.problem(
        path,
        'a relation filter is either its fields or one operator ($and, $or, $not, $null, $notNull) alone.',
      );
    const [operator] = operators;
    if (operator === '$null' || operator === '$notNull') {
      const flag = value[operator];
      if (typeof flag !== 'string' || !BOOLEAN.test(flag))
        this.problem([...path, operator], `${operator} takes true or false.`);
      this.count(path);
      return;
    }
    this.where(target, value, path, depth, hops);
  }

  private count(path: (string | number)[]) {
    this.conditions += 1;
    if (this.conditions === LIMITS.conditions + 1)
      this.problem(path, `a query may have at most ${LIMITS.conditions} conditions.`);
  }

  /** The conditions on one field: a value (equals), or operators with values. */
  attribute(uid: string, field: string, value: unknown, path: (string | number)[], depth: number) {
    const kind = valueKind(uid, field);
    if (!isObject(value)) {
      if (Array.isArray(value))
        return this.problem(path, `give one value, or a list with $in: ${name([...path, '$in', 0])}=…`);
      this.count(path);
      return this.value(kind, value, path, true);
    }
    if (Object.keys(value).length === 0) return this.problem(path, 'needs an operator, e.g. $eq.');
    if (depth > LIMITS.depth)
      return this.problem(path, `filters are nested too deeply (at most ${LIMITS.depth} levels).`);
    for (const operator of Object.keys(value)) {
      const at = [...path, operator];
      const inner = value[operator];
      if (!KNOWN_OPERATORS.has(operator)) {
        this.problem(
          at,
          operator.startsWith('$')
            ? `${short(operator)} is not an operator.`
            : `expected an operator such as $eq here, not ${short(operator)}.`,
        );
      } else if (!OPERATORS[kind].includes(operator)) {
        this.problem(at, `${operator} cannot compare ${field}.`);
      } else if (operator === '$not') {
        this.attribute(uid, field, inner, at, depth + 1);
      } else if (operator === '$null' || operator === '$notNull') {
        if (typeof inner !== 'string' || !BOOLEAN.test(inner)) this.problem(at, `${operator} takes true or false.`);
        this.count(at);
      } else if (LIST_OPERATORS.has(operator)) {
        const list = Array.isArray(inner) ? inner : [inner];
        if (list.length === 0 || list.length > LIMITS.listValues)
          this.problem(at, `${operator} takes 1 to ${LIMITS.listValues} values.`);
        else list.forEach((v, i) => this.value(kind, v, Array.isArray(inner) ? [...at, i] : at, false));
        this.count(at);
      } else if (operator === '$between') {
        if (!Array.isArray(inner) || inner.length !== 2)
          this.problem(at, `$between takes two values: ${name([...at, 0])}=…&${name([...at, 1])}=….`);
        else inner.forEach((v, i) => this.value(kind, v, [...at, i], false));
        this.count(at);
      } else {
        this.count(at);
        this.value(kind, inner, at, operator === '$eq' || operator === '$ne');
      }
    }
  }

  /** One compared value: a string of the field's kind (null — "is empty" — only for $eq and $ne). */
  value(kind: ValueKind, value: unknown, path: (string | number)[], nullable: boolean) {
    if (value === null && nullable) return;
    if (typeof value !== 'string')
      return this.problem(
        path,
        Array.isArray(value) || isObject(value) ? 'takes one value here, not a list or an object.' : 'needs a value.',
      );
    const ok =
      kind === 'text' ||
      (kind === 'number' && NUMBER.test(value.trim())) ||
      (kind === 'boolean' && BOOLEAN.test(value.trim())) ||
      (kind === 'date' && DATE.test(value.trim()) && !Number.isNaN(Date.parse(value.trim()))) ||
      (kind === 'time' && TIME.test(value.trim())) ||
      (kind === 'datetime' &&
        (/^\d{1,15}$/.test(value.trim()) ||
          (/^\d{4}-\d{2}-\d{2}/.test(value.trim()) && !Number.isNaN(Date.parse(value.trim())))));
    if (!ok)
      this.problem(
        path,
        {
          number: 'must be a number.',
          boolean: 'must be true or false.',
          date: 'must be a date (2026-03-01).',
          time: 'must be a time (14:30).',
          datetime: 'must be a date-time (2026-03-01T10:00:00Z).',
          text: '',
          other: 'cannot be compared.',
        }[kind],
      );
  }

  // --- sort -----------------------------------------------------------------------------------

  sort(uid: string, value: unknown, path: (string | number)[]) {
    const entries: { field: string[]; order: unknown; at: (string | number)[] }[] = [];
    const fromString = (text: string, at: (string | number)[]) => {
      for (const segment of text.split(',')) {
        const trimmed = segment.trim();
        if (!trimmed) continue;
        const [field, ...order] = trimmed.split(':');
        if (order.length > 1) this.problem(at, `"${trimmed.slice(0, 60)}" is not field:asc or field:desc.`);
        else entries.push({ field: field.trim().split('.'), order: order.length ? order[0].trim() : 'asc', at });
      }
    };
    const fromObject = (object: Record<string, unknown>, prefix: string[], at: (string | number)[], depth: number) => {
      for (const key of Object.keys(object)) {
        const inner = object[key];
        if (isObject(inner) && depth < LIMITS.relationHops)
          fromObject(inner, [...prefix, key], [...at, key], depth + 1);
        else entries.push({ field: [...prefix, key], order: inner, at: [...at, key] });
      }
    };
    if (typeof value === 'string') fromString(value, path);
    else if (Array.isArray(value)) {
      value.forEach((item, i) => {
        if (typeof item === 'string') fromString(item, [...path, i]);
        else if (isObject(item)) fromObject(item, [], [...path, i], 0);
        else this.problem([...path, i], 'must be field:asc, field:desc or { field: asc }.');
      });
    } else if (isObject(value)) fromObject(value, [], path, 0);
    else return this.problem(path, 'must be field:asc, field:desc, a list of those, or sort[field]=asc.');
    if (entries.length > LIMITS.sortFields) return this.problem(path, `sort on at most ${LIMITS.sortFields} fields.`);
    for (const { field, order, at } of entries) {
      if (typeof order !== 'string' || !/^(asc|desc)$/i.test(order.trim())) {
        this.problem(at, `the order of ${field.join('.').slice(0, 80)} must be asc or desc.`);
        continue;
      }
      this.sortField(uid, field, at);
    }
  }

  private sortField(uid: string, field: string[], at: (string | number)[]) {
    let model = uid;
    for (let i = 0; i < field.length; i++) {
      const key = field[i].trim();
      const spec = PUBLIC_QUERY[model];
      const last = i === field.length - 1;
      const target = own(spec.links, key);
      const shown = field.join('.').slice(0, 80);
      if (!last && target && target !== MEDIA && target !== SESSION) {
        model = target;
        continue;
      }
      if (last && spec.query.includes(key)) return;
      if (spec.read.includes(key) || target) return this.problem(at, `the public API does not sort on ${shown}.`);
      return this.problem(at, `${shown} is not a field the public API can sort on.`);
    }
  }

  // --- fields and populate --------------------------------------------------------------------

  fields(uid: string, value: unknown, path: (string | number)[], top: boolean) {
    const list =
      typeof value === 'string'
        ? [value]
        : Array.isArray(value) && value.every((v) => typeof v === 'string')
          ? value
          : null;
    if (!list) return this.problem(path, 'must be a field name or a list of them: fields[0]=title&fields[1]=slug.');
    if (top && list.length === 1 && list[0] === '*') return;
    for (const item of list) {
      for (const piece of item.split(',')) {
        const field = piece.trim();
        if (field && !PUBLIC_QUERY[uid].read.includes(field))
          this.problem(path, `${field.slice(0, 60)} is not a field the public API can read here.`);
      }
    }
  }

  populate(uid: string, value: unknown, path: (string | number)[], depth: number) {
    if (depth > LIMITS.populateDepth)
      return this.problem(path, `populate reaches at most ${LIMITS.populateDepth} levels.`);
    const model = PUBLIC_QUERY[uid];
    if (value === '*' || value === true) return;
    if (typeof value === 'string' || (Array.isArray(value) && value.every((v) => typeof v === 'string'))) {
      for (const item of [value].flat()) {
        for (const piece of item.split(',')) {
          const dotted = piece.trim();
          if (!dotted) continue;
          if (dotted === '*') continue;
          this.populatePath(uid, dotted.split('.'), path, depth);
        }
      }
      return;
    }
    if (!isObject(value))
      return this.problem(
        path,
        'must be *, a relation name, a list of them, or populate[relation][fields|filters|sort|populate]=….',
      );
    for (const key of Object.keys(value)) {
      const at = [...path, key];
      const target = own(model.links, key);
      if (!target) {
        this.problem(at, `${short(key)} is not something the public API can populate here.`);
        continue;
      }
      this.populateEntry(target, value[key], at, depth + 1);
    }
  }

  private populatePath(uid: string, segments: string[], path: (string | number)[], depth: number) {
    let model = uid;
    for (const [i, raw] of segments.entries()) {
      const key = raw.trim();
      const target = own(PUBLIC_QUERY[model].links, key);
      if (!target || (target === MEDIA && i < segments.length - 1) || depth + i + 1 > LIMITS.populateDepth) {
        return this.problem(path, `${segments.join('.').slice(0, 80)} is not something the public API can populate.`);
      }
      model = target;
    }
  }

  private populateEntry(target: string, value: unknown, path: (string | number)[], depth: number) {
    if (
      value === true ||
      value === false ||
      value === '*' ||
      (typeof value === 'string' && /^(true|false)$/i.test(value))
    )
      return;
    if (!isObject(value))
      return this.problem(path, 'must be true, or an object of fields, filters, sort and populate.');
    for (const key of Object.keys(value)) {
      const at = [...path, key];
      const inner = value[key];
      if (key === 'fields') this.fields(target, inner, at, false);
      else if (key === 'populate' && target !== MEDIA) this.populate(target, inner, at, depth);
      else if (key === 'filters' && target !== MEDIA) this.where(target, inner, at, 1, 1);
      else if (key === 'sort' && target !== MEDIA) this.sort(target, inner, at);
      else
        this.problem(
          at,
          `${short(key)} is not taken here (fields${target === MEDIA ? '' : ', filters, sort or populate'}).`,
        );
    }
  }

  // --- pagination and locale ------------------------------------------------------------------

  pagination(value: unknown, path: (string | number)[]) {
    if (!isObject(value))
      return this.problem(path, 'must be pagination[page]=1&pagination[pageSize]=25, or pagination[start]/[limit].');
    for (const key of Object.keys(value)) {
      const at = [...path, key];
      const inner = value[key];
      if (key === 'withCount') {
        if (typeof inner !== 'string' || !BOOLEAN.test(inner)) this.problem(at, 'must be true or false.');
      } else if (key === 'page' || key === 'pageSize' || key === 'start' || key === 'limit') {
        const min = key === 'start' || key === 'limit' ? 0 : 1;
        if (typeof inner !== 'string' || !/^\d{1,9}$/.test(inner.trim()) || Number(inner) < min)
          this.problem(at, `must be a whole number of at least ${min}.`);
      } else this.problem(at, `${short(key)} is not a pagination setting (page, pageSize, start, limit, withCount).`);
    }
    const keys = Object.keys(value);
    if ((keys.includes('page') || keys.includes('pageSize')) && (keys.includes('start') || keys.includes('limit')))
      this.problem(path, 'use page and pageSize, or start and limit, not both.');
  }
}

/**
 * Pure: the problems of a parsed public query string for content type `uid` (empty when the query
 * may run). Never throws, whatever the input.
 */
export function checkPublicQuery(uid: string, query: Record<string, unknown>): QueryProblem[] {
  const checker = new Checker();
  if (!own(PUBLIC_QUERY, uid)) return [{ parameter: '', message: 'not a public content type.' }];
  for (const key of Object.keys(query ?? {})) {
    const value = query[key];
    switch (key) {
      case 'filters':
        checker.where(uid, value, ['filters'], 1, 0);
        break;
      case 'sort':
        checker.sort(uid, value, ['sort']);
        break;
      case 'fields':
        checker.fields(uid, value, ['fields'], true);
        break;
      case 'populate':
        checker.populate(uid, value, ['populate'], 0);
        break;
      case 'pagination':
        checker.pagination(value, ['pagination']);
        break;
      case 'locale':
        if (typeof value !== 'string' || !LOCALE.test(value.trim()))
          checker.problem(['locale'], 'must be a locale code such as nl or en.');
        break;
      case 'status':
        // Removed before this check (middlewares/published-only.ts): the public reads published content.
        break;
      default:
        checker.problem(
          [key],
          `${name([key])} is not a parameter of this API (${PUBLIC_PARAMETERS.filter((p) => p !== 'status').join(', ')}).`,
        );
    }
  }
  return checker.problems;
}

/** Pure: one readable message for a refused query. */
export function problemMessage(problems: QueryProblem[]): string {
  const shown = problems.slice(0, 5).map((p) => (p.parameter ? `${p.parameter}: ${p.message}` : p.message));
  return `The query cannot be used. ${shown.join(' ')}${problems.length > 5 ? ` (and ${problems.length - 5} more)` : ''}`;
}
