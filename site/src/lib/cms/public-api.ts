import {
  ActivitySchema,
  OrganisationSchema,
  activityPagePopulate,
  activityPopulate,
  defaultLocale,
  toStrapiQuery,
  type Activity,
  type Organisation,
} from '@droomkaart/shared';
import { createReadCache, publicPageHeaders } from './cache.ts';
import { siteConfig } from '../config.ts';
import { recordRead } from '../http/render-reads.ts';

// Pages read the cms' public REST API (published content of approved organisations only, see the
// cms README), not the search index. Every read here is public and anonymous, so its answer is
// cached in this process for at most SITE_CMS_CACHE_SECONDS (30; lib/cms/cache.ts): a page shows an
// edit, an unpublish or a translation at most that long after it was made. Only public reads may
// use this cache; nothing personal (dreams, the coordinator workspace) is read here.

const PAGE_SIZE = 100; // the cms' maxLimit
const MAX_PAGES = 5;

const cache = createReadCache<unknown>({ seconds: siteConfig.cmsCacheSeconds });

/**
 * One cached public read: the same key gives the same (frozen) value until it changes. The page
 * being rendered notes it (lib/http/render-reads.ts), so the page cache can tell when the page is out of date.
 */
async function cached<T>(key: string, load: (signal: AbortSignal) => Promise<T>): Promise<T> {
  const value = (await cache.get(key, load)) as T;
  recordRead({ key, value, reread: () => cache.get(key, load) });
  return value;
}

async function get(
  path: string,
  params: Record<string, unknown>,
  signal?: AbortSignal,
): Promise<{ data: unknown[]; meta?: { pagination?: { pageCount?: number } } }> {
  const timeout = AbortSignal.timeout(5000);
  const res = await fetch(`${siteConfig.cmsUrl}/api/${path}?${toStrapiQuery(params)}`, {
    signal: signal ? AbortSignal.any([signal, timeout]) : timeout,
  });
  if (!res.ok) throw new Error(`cms answered ${res.status} for ${path}`);
  return (await res.json()) as { data: unknown[]; meta?: { pagination?: { pageCount?: number } } };
}

/** Rows that fail the shared schema are left out of a list (and logged), not fatal for the page. */
function parseRows<T>(
  rows: unknown[],
  parse: (row: unknown) => { success: true; data: T } | { success: false; error: unknown },
  what: string,
): T[] {
  return rows.flatMap((row) => {
    const result = parse(row);
    if (result.success) return [result.data];
    console.warn(`[site] skipped a ${what} the schema rejects: ${String(result.error).slice(0, 200)}`);
    return [];
  });
}

async function allPages<T>(
  path: string,
  params: Record<string, unknown>,
  parse: (row: unknown) => { success: true; data: T } | { success: false; error: unknown },
  what: string,
  signal?: AbortSignal,
): Promise<T[]> {
  const out: T[] = [];
  for (let page = 1; page <= MAX_PAGES; page++) {
    const body = await get(path, { ...params, pagination: { page, pageSize: PAGE_SIZE } }, signal);
    out.push(...parseRows(body.data ?? [], parse, what));
    if (page >= (body.meta?.pagination?.pageCount ?? 1)) break;
  }
  return out;
}

async function findBySlug(slug: string, locale: string, signal?: AbortSignal): Promise<Activity | null> {
  const body = await get(
    'activities',
    { filters: { slug: { $eq: slug } }, locale, populate: activityPagePopulate, pagination: { pageSize: 1 } },
    signal,
  );
  const row = body.data?.[0];
  return row ? ActivitySchema.parse(row) : null;
}

/**
 * The published activity for a page: the reader's locale, else the Dutch text with a notice.
 * Read from the cms (not the index), so a page always shows the current text.
 */
export function activityForPage(
  slug: string,
  locale: string,
): Promise<{ activity: Activity; fallback: boolean } | null> {
  return cached(`activity:${locale}:${slug}`, async (signal) => {
    const own = await findBySlug(slug, locale, signal);
    if (own) return { activity: own, fallback: false };
    if (locale === defaultLocale) return null;
    const dutch = await findBySlug(slug, defaultLocale, signal);
    return dutch ? { activity: dutch, fallback: true } : null;
  });
}

export type ListedActivity = { activity: Activity; fallback: boolean };

/**
 * Published activities matching Strapi filters, each in the reader's locale where translated and
 * in Dutch otherwise (`fallback`), sorted by the title shown.
 */
export function activitiesFor(filters: Record<string, unknown>, locale: string): Promise<readonly ListedActivity[]> {
  return cached(`activities:${locale}:${JSON.stringify(filters)}`, async (signal) => {
    const load = (l: string) =>
      allPages(
        'activities',
        { filters, locale: l, populate: activityPopulate, sort: 'title:asc' },
        (r) => ActivitySchema.safeParse(r),
        'activity',
        signal,
      );
    const [dutch, own] = await Promise.all([
      load(defaultLocale),
      locale === defaultLocale ? Promise.resolve([]) : load(locale),
    ]);
    return localisedList(dutch, own, locale);
  });
}

/**
 * Pure: one entry per activity (by documentId), in the reader's locale where translated, sorted by
 * the title shown. The cms can answer one activity several times (a filter over a relation, such as
 * `$or` with themes, joins a row per match; a row can also move between pages while paging), which
 * listed one regeling four times: it is shown once.
 */
export function localisedList(dutch: readonly Activity[], own: readonly Activity[], locale: string): ListedActivity[] {
  const translated = new Map(own.map((a) => [a.documentId, a]));
  const seen = new Set<string>();
  const list: ListedActivity[] = [];
  for (const a of dutch) {
    if (seen.has(a.documentId)) continue;
    seen.add(a.documentId);
    const own = translated.get(a.documentId);
    list.push(own ? { activity: own, fallback: false } : { activity: a, fallback: locale !== defaultLocale });
  }
  const collator = new Intl.Collator(locale);
  return list.sort((a, b) => collator.compare(a.activity.title, b.activity.title));
}

/** Approved organisations (the cms returns no others), by name. */
export function listOrganisations(): Promise<readonly Organisation[]> {
  return cached('organisations', async (signal) => {
    const list = await allPages(
      'organisations',
      { sort: 'name:asc' },
      (r) => OrganisationSchema.safeParse(r),
      'organisation',
      signal,
    );
    const collator = new Intl.Collator('nl');
    return list.sort((a, b) => collator.compare(a.name, b.name));
  });
}

export function organisationBySlug(slug: string): Promise<Organisation | null> {
  return cached(`organisation:${slug}`, async (signal) => {
    const body = await get('organisations', { filters: { slug: { $eq: slug } }, pagination: { pageSize: 1 } }, signal);
    const row = body.data?.[0];
    return row ? OrganisationSchema.parse(row) : null;
  });
}

/**
 * An organisation and its activities in `locale`, as its page and its widget show them; `failed`
 * when the cms did not answer (the page says so, 503), `organisation` null when there is none (404).
 */
export async function organisationWithActivities(
  slug: string,
  locale: string,
): Promise<{ organisation: Organisation | null; activities: readonly ListedActivity[]; failed: boolean }> {
  try {
    const organisation = await organisationBySlug(slug);
    const activities = organisation ? await activitiesFor({ organisation: { slug: { $eq: slug } } }, locale) : [];
    return { organisation, activities, failed: false };
  } catch (err) {
    console.error(`[site] organisation ${slug}: ${(err as Error).message}`);
    return { organisation: null, activities: [], failed: true };
  }
}

/** What families can get: schemes (kind 'regeling') and everything under the theme money & schemes. */
export function regelingenFor(locale: string): Promise<readonly ListedActivity[]> {
  return activitiesFor(
    { $or: [{ kind: { $eq: 'regeling' } }, { themes: { slug: { $eq: 'geld-regelingen' } } }] },
    locale,
  );
}

/**
 * Headers for a public page made from these reads: a shared cache (CDN) may keep a good page about
 * as long as this process keeps its reads (lib/cms/cache.ts); a 404 or 503 is not kept.
 */
export function setPageCaching(headers: Headers, ok: boolean): void {
  for (const [name, value] of Object.entries(
    ok ? publicPageHeaders(siteConfig.cmsCacheSeconds) : { 'cache-control': 'no-store' },
  ))
    headers.set(name, value);
}

/** "Hoe actueel is de kaart?": the cms's counts (GET /api/freshness), for /<locale>/actueel. */
export type FreshnessCount = { listed: number; checked: number };
export type FreshnessOverview = {
  months: number;
  total: FreshnessCount;
  byOrganisationKind: ({ kind: string } & FreshnessCount)[];
  byStadsdeel: ({ stadsdeel: string } & FreshnessCount)[];
};
export function freshnessOverview(): Promise<FreshnessOverview> {
  return cached('freshness', async (signal) => {
    const timeout = AbortSignal.timeout(5000);
    const res = await fetch(`${siteConfig.cmsUrl}/api/freshness`, { signal: AbortSignal.any([signal, timeout]) });
    if (!res.ok) throw new Error(`cms answered ${res.status} for freshness`);
    return ((await res.json()) as { data: FreshnessOverview }).data;
  });
}
