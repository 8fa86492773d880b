import type { Core } from '@strapi/strapi';
import { UID } from '../../../content-types';
import { completeness, type CompletenessItem } from '../completeness/rules';
import { freshnessState, type FreshnessConfig, type FreshnessState } from '../freshness/rules';

/** One offer in "Overzicht aanbod": how current, how complete, in which languages, how often referred. */
export type OverviewRow = {
  documentId: string;
  title: string;
  organisation: { slug: string; name: string } | null;
  online: boolean;
  freshness: FreshnessState;
  lastReviewedAt: string | null;
  score: number;
  missing: CompletenessItem[];
  missingText: string[];
  translations: string[];
  referrals: number;
};

type Row = Record<string, any>;

/**
 * Pure: the overview rows from the activity rows (every locale, draft and published) and the
 * referral count per activity. The draft in Dutch is what the partner edits, so its content counts;
 * an activity is online when a published row exists.
 */
export function overviewRows(
  rows: Row[],
  referralCounts: Map<string, number>,
  now: Date,
  config: FreshnessConfig,
): OverviewRow[] {
  const docs = new Map<string, { row: Row; locales: Set<string>; online: boolean }>();
  for (const row of rows) {
    const entry = docs.get(row.documentId) ?? { row, locales: new Set<string>(), online: false };
    entry.locales.add(row.locale);
    if (row.publishedAt) entry.online = true;
    const better = (r: Row) => (r.locale === 'nl' ? 2 : 0) + (r.publishedAt ? 0 : 1);
    if (better(row) > better(entry.row)) entry.row = row;
    docs.set(row.documentId, entry);
  }
  const out: OverviewRow[] = [];
  for (const { row, locales, online } of docs.values()) {
    const translations = [...locales].filter((l) => l !== 'nl').sort();
    const c = completeness({ ...row, translatedLocales: translations });
    out.push({
      documentId: row.documentId,
      title: row.title,
      organisation: row.organisation ? { slug: row.organisation.slug, name: row.organisation.name } : null,
      online,
      freshness: freshnessState(row, now, config),
      lastReviewedAt: row.lastReviewedAt ? new Date(row.lastReviewedAt).toISOString() : null,
      score: c.score,
      missing: c.missing,
      missingText: c.missingText,
      translations,
      referrals: referralCounts.get(row.documentId) ?? 0,
    });
  }
  const urgency: Record<FreshnessState, number> = { expired: 0, stale: 1, reminder: 2, fresh: 3 };
  return out.sort(
    (a, b) =>
      urgency[a.freshness] - urgency[b.freshness] ||
      (a.organisation?.name ?? '').localeCompare(b.organisation?.name ?? '') ||
      a.title.localeCompare(b.title),
  );
}

/**
 * The offers of the given organisations (a partner's own) or of the whole city (slugs null: the
 * programme editor). Read with the query engine, under the role check of the admin route.
 */
export async function loadOverview(
  strapi: Core.Strapi,
  slugs: string[] | null,
  now: Date,
  config: FreshnessConfig,
  documentIds?: string[],
): Promise<OverviewRow[]> {
  const where: Record<string, unknown> = {};
  if (slugs) where.organisation = { slug: { $in: slugs } };
  if (documentIds) where.documentId = { $in: documentIds };
  const rows = await strapi.db.query(UID.activity).findMany({
    where,
    populate: {
      organisation: { select: ['slug', 'name'] },
      sessions: true,
      images: { select: ['id'] },
      places: { select: ['id'] },
    },
  });
  const ids = [...new Set(rows.map((r: Row) => r.documentId as string))];
  const referrals = ids.length
    ? await strapi.db
        .query(UID.referral)
        .findMany({ where: { activityDocumentId: { $in: ids } }, select: ['activityDocumentId'] })
    : [];
  const counts = new Map<string, number>();
  for (const r of referrals as Row[]) counts.set(r.activityDocumentId, (counts.get(r.activityDocumentId) ?? 0) + 1);
  return overviewRows(rows, counts, now, config);
}
