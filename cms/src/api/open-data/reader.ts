// Reads for the open-data API through the Document Service: published content only, the Dutch
// rows as the base of every service (Dutch is the default locale every activity has), the asked
// locale's text where a translation is published. Pagination and filters run in the database.
// The public guard (src/access/public/public-guard.ts) also applies here, as on every content-API
// request; the approval filter is repeated explicitly so this API never depends on it alone.
import type { Core } from '@strapi/strapi';
import { defaultLocale } from '@droomkaart/shared';
import {
  placeIsPublic,
  serviceAtLocationId,
  type ActivityRow,
  type ActivityText,
  type OrganisationRow,
  type PlaceRow,
} from './hsds';
import { hsdsId, isUuid } from './ids';
import { organizationFilters, serviceFilters, shownService } from './filters';
import type { ListParams, Locale } from './params';
import { UID } from '../../content-types';

const ACTIVITY = UID.activity;
const ORGANISATION = UID.organisation;
const PLACE = UID.place;

// Only these fields are read; private and internal ones (freshnessNotice, stale, approval flags
// beyond `approved`, audit data) are never loaded.
const ORGANISATION_FIELDS = [
  'name',
  'description',
  'website',
  'email',
  'phone',
  'whatsapp',
  'contactPublic',
  'approved',
  'updatedAt',
];
const PLACE_FIELDS = ['name', 'address', 'postcode', 'lat', 'lng', 'accessibility', 'directions', 'updatedAt'];
const TEXT_FIELDS = ['title', 'slug', 'summary', 'description', 'costNote', 'whatToBring', 'updatedAt'];
const ACTIVITY_FIELDS = [
  ...TEXT_FIELDS,
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
  'languages',
  'accessibility',
  'howToJoin',
  'joinUrl',
  'joinPhone',
  'lastReviewedAt',
  'validUntil',
];
const PLACE_POPULATE = {
  fields: PLACE_FIELDS,
  populate: { wijk: { fields: ['name', 'slug', 'stadsdeel'] }, organisation: { fields: ['approved'] } },
};
const SERVICE_POPULATE = {
  organisation: { fields: ORGANISATION_FIELDS, populate: { logo: { fields: ['url'] } } },
  places: PLACE_POPULATE,
  sessions: true,
  themes: { fields: ['name', 'slug'] },
};
/** A generous bound on the places listed with one organisation. */
const MAX_PLACES = 500;

export type ServicePage = { total: number; rows: ActivityRow[]; translations: Map<string, ActivityText> };
export type ServiceAtLocationPage = {
  total: number;
  items: { row: ActivityRow; place: PlaceRow }[];
  translations: Map<string, ActivityText>;
};

/** Misses of the UUID → documentId lookup rescan the ids at most this often (a new record is found within it). */
const RESCAN_MS = 5_000;

export function openDataReader(strapi: Core.Strapi) {
  const docs = (uid: string) => strapi.documents(uid as any) as any;

  // HSDS ids are UUIDs derived from documentIds (./ids.ts), one way: a UUID is looked up among the
  // documentIds of the public records, cached, and rescanned on a miss (not more than every RESCAN_MS).
  const known = { service: new Map<string, string>(), organization: new Map<string, string>() };
  const scannedAt = { service: 0, organization: 0 };
  async function scan(kind: 'service' | 'organization') {
    const rows: { documentId: string }[] =
      kind === 'service'
        ? await docs(ACTIVITY).findMany({
            locale: defaultLocale,
            status: 'published',
            filters: shownService(),
            fields: ['documentId'],
          })
        : await docs(ORGANISATION).findMany({ filters: { approved: { $eq: true } }, fields: ['documentId'] });
    for (const r of rows) known[kind].set(hsdsId(kind, r.documentId), r.documentId);
    scannedAt[kind] = Date.now();
  }

  /** The documentId a service or organization UUID names, or null. */
  async function documentIdOf(kind: 'service' | 'organization', uuid: string): Promise<string | null> {
    const key = uuid.toLowerCase();
    if (!known[kind].has(key) && Date.now() - scannedAt[kind] > RESCAN_MS) await scan(kind);
    return known[kind].get(key) ?? null;
  }

  /** The rows of these documents (Dutch base rows, published, of approved organisations), by documentId. */
  async function serviceRows(ids: string[]): Promise<Map<string, ActivityRow>> {
    if (ids.length === 0) return new Map();
    const rows: ActivityRow[] = await docs(ACTIVITY).findMany({
      locale: defaultLocale,
      status: 'published',
      filters: { $and: [{ documentId: { $in: ids } }, shownService()] },
      fields: ACTIVITY_FIELDS,
      populate: SERVICE_POPULATE,
    });
    return new Map(rows.map((r) => [r.documentId, r]));
  }

  /** Every (activity, public place) pair matching `filters`, ordered by activity then place documentId. */
  async function pairs(filters: Record<string, unknown>): Promise<{ activity: string; place: string }[]> {
    const rows: { documentId: string; places?: PlaceRow[] }[] = await docs(ACTIVITY).findMany({
      locale: defaultLocale,
      status: 'published',
      filters,
      fields: ['documentId'],
      populate: { places: { fields: ['documentId'], populate: { organisation: { fields: ['approved'] } } } },
      sort: [{ documentId: 'asc' }],
    });
    return rows.flatMap((r) =>
      (r.places ?? [])
        .filter(placeIsPublic)
        .map((p) => p.documentId)
        .sort()
        .map((place) => ({ activity: r.documentId, place })),
    );
  }

  /** documentIds of published translations in `locale` matching `filters`. */
  async function translatedIds(locale: Locale, filters: Record<string, unknown>): Promise<string[]> {
    if (locale === defaultLocale) return [];
    const rows: { documentId: string }[] = await docs(ACTIVITY).findMany({
      locale,
      status: 'published',
      filters,
      fields: ['documentId'],
    });
    return [...new Set(rows.map((r) => r.documentId))];
  }

  /** The published texts in `locale` of these documents, by documentId. */
  async function translations(locale: Locale, ids: string[]): Promise<Map<string, ActivityText>> {
    if (locale === defaultLocale || ids.length === 0) return new Map();
    const rows: (ActivityText & { documentId: string })[] = await docs(ACTIVITY).findMany({
      locale,
      status: 'published',
      filters: { $and: [{ documentId: { $in: ids } }, shownService()] },
      fields: TEXT_FIELDS,
    });
    return new Map(rows.map((r) => [r.documentId, r]));
  }

  /** The Document Service filters of a services (or services at locations) list, or null (unfilterable term). */
  async function filtersFor(params: ListParams): Promise<Record<string, unknown> | null> {
    const [searchTranslated, modifiedTranslated] = await Promise.all([
      params.search
        ? translatedIds(params.locale, {
            $or: [{ title: { $containsi: params.search } }, { summary: { $containsi: params.search } }],
          })
        : [],
      params.modifiedAfter
        ? translatedIds(params.locale, { updatedAt: { $gte: params.modifiedAfter.toISOString() } })
        : [],
    ]);
    // organization_id is a UUID (or a former documentId); an unknown UUID matches nothing.
    const organizationId =
      params.organizationId && isUuid(params.organizationId)
        ? ((await documentIdOf('organization', params.organizationId)) ?? params.organizationId)
        : params.organizationId;
    return serviceFilters({ ...params, organizationId, searchTranslated, modifiedTranslated });
  }

  return {
    documentIdOf,

    /** One page of services, or null when `taxonomy_term_id` names no filterable term. */
    async services(params: ListParams): Promise<ServicePage | null> {
      const filters = await filtersFor(params);
      if (!filters) return null;
      const base = { locale: defaultLocale, status: 'published', filters };
      const [total, rows] = await Promise.all([
        docs(ACTIVITY).count(base) as Promise<number>,
        docs(ACTIVITY).findMany({
          ...base,
          fields: ACTIVITY_FIELDS,
          populate: SERVICE_POPULATE,
          // documentId: a stable order, so an edit never moves a service to another page.
          sort: [{ documentId: 'asc' }],
          start: (params.page - 1) * params.perPage,
          limit: params.perPage,
        }) as Promise<ActivityRow[]>,
      ]);
      return {
        total,
        rows,
        translations: await translations(
          params.locale,
          rows.map((r) => r.documentId),
        ),
      };
    },

    async service(
      documentId: string,
      locale: Locale,
    ): Promise<{ row: ActivityRow; translation: ActivityText | null } | null> {
      const row: ActivityRow | null = await docs(ACTIVITY).findFirst({
        locale: defaultLocale,
        status: 'published',
        filters: { $and: [{ documentId: { $eq: documentId } }, shownService()] },
        fields: ACTIVITY_FIELDS,
        populate: SERVICE_POPULATE,
      });
      if (!row) return null;
      return { row, translation: (await translations(locale, [documentId])).get(documentId) ?? null };
    },

    /** One page of services at locations, or null when a taxonomy filter names nothing filterable. */
    async servicesAtLocations(params: ListParams): Promise<ServiceAtLocationPage | null> {
      const filters = await filtersFor(params);
      if (!filters) return null;
      const all = await pairs(filters);
      const slice = all.slice((params.page - 1) * params.perPage, params.page * params.perPage);
      const activityIds = [...new Set(slice.map((p) => p.activity))];
      const rows = await serviceRows(activityIds);
      const items = slice.flatMap(({ activity, place }) => {
        const row = rows.get(activity);
        const found = row?.places?.find((p) => p.documentId === place);
        return row && found ? [{ row, place: found }] : [];
      });
      return { total: all.length, items, translations: await translations(params.locale, activityIds) };
    },

    /** One service at a location by its UUID, or null. */
    async serviceAtLocation(
      uuid: string,
      locale: Locale,
    ): Promise<{ row: ActivityRow; place: PlaceRow; translation: ActivityText | null } | null> {
      const key = uuid.toLowerCase();
      const pair = (await pairs(shownService())).find((p) => serviceAtLocationId(p.activity, p.place) === key);
      if (!pair) return null;
      const row = (await serviceRows([pair.activity])).get(pair.activity);
      const place = row?.places?.find((p) => p.documentId === pair.place);
      if (!row || !place) return null;
      return { row, place, translation: (await translations(locale, [pair.activity])).get(pair.activity) ?? null };
    },

    async organizations(
      params: ListParams,
    ): Promise<{ total: number; rows: (OrganisationRow & { places?: PlaceRow[] })[] }> {
      const filters = organizationFilters(params);
      const [total, rows] = await Promise.all([
        docs(ORGANISATION).count({ filters }) as Promise<number>,
        docs(ORGANISATION).findMany({
          filters,
          fields: ORGANISATION_FIELDS,
          populate: { logo: { fields: ['url'] }, ...(params.full ? { places: PLACE_POPULATE } : {}) },
          sort: [{ name: 'asc' }, { documentId: 'asc' }],
          start: (params.page - 1) * params.perPage,
          limit: params.perPage,
        }),
      ]);
      return { total, rows };
    },

    async organization(documentId: string): Promise<{ row: OrganisationRow; places: PlaceRow[] } | null> {
      const row: OrganisationRow | null = await docs(ORGANISATION).findFirst({
        filters: { $and: [{ documentId: { $eq: documentId } }, { approved: { $eq: true } }] },
        fields: ORGANISATION_FIELDS,
        populate: { logo: { fields: ['url'] } },
      });
      if (!row) return null;
      const places: PlaceRow[] = await docs(PLACE).findMany({
        filters: { organisation: { documentId: { $eq: documentId } } },
        ...PLACE_POPULATE,
        sort: [{ name: 'asc' }],
        limit: MAX_PLACES,
      });
      return { row, places };
    },
  };
}
