import { ActivitySchema, activityPopulate, defaultLocale, toStrapiQuery, type Activity } from '@droomkaart/shared';
import { siteConfig } from './config.ts';

async function findBySlug(slug: string, locale: string): Promise<Activity | null> {
  const qs = toStrapiQuery({ filters: { slug: { $eq: slug } }, locale, populate: activityPopulate, pagination: { pageSize: 1 } });
  const res = await fetch(`${siteConfig.cmsUrl}/api/activities?${qs}`, { signal: AbortSignal.timeout(5000) });
  if (!res.ok) throw new Error(`cms answered ${res.status}`);
  const body = (await res.json()) as { data: unknown[] };
  const row = body.data?.[0];
  return row ? ActivitySchema.parse(row) : null;
}

/**
 * The published activity for a page: the reader's locale, else the Dutch text with a notice.
 * Read from the cms (not the index), so a page always shows the current text.
 */
export async function activityForPage(slug: string, locale: string): Promise<{ activity: Activity; fallback: boolean } | null> {
  const own = await findBySlug(slug, locale);
  if (own) return { activity: own, fallback: false };
  if (locale === defaultLocale) return null;
  const dutch = await findBySlug(slug, defaultLocale);
  return dutch ? { activity: dutch, fallback: true } : null;
}
