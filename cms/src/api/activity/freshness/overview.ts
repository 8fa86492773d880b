import type { Core } from '@strapi/strapi';
import { city, organisationKinds } from '@droomkaart/shared';
import { UID } from '../../../content-types';
import { freshnessConfigFromEnv, freshnessState, type FreshnessConfig } from './rules';

// "Hoe actueel is de kaart?" (issue 19, point 8): of the offers on the site (published, of an
// approved organisation), how many were checked ("klopt nog", or published after a change) in
// the last FRESHNESS_STALE_MONTHS (6) months: for the whole city, per kind of organisation and per
// stadsdeel (shared city taxonomy; an offer at places in several stadsdelen counts in each, one
// without a place under "geen"). Counts only, nothing of an organisation by name. Public,
// GET /api/freshness (routes/freshness.ts); computed on request, kept CACHE_MS, and forgotten at
// once when an offer is confirmed (clearFreshnessOverview).

export type Count = { listed: number; checked: number };
export type FreshnessOverview = {
  months: number;
  total: Count;
  byOrganisationKind: ({ kind: string } & Count)[];
  byStadsdeel: ({ stadsdeel: string } & Count)[];
};

type Row = {
  documentId: string;
  locale: string;
  lastReviewedAt: string | null;
  validUntil: string | null;
  organisation?: { kind?: string | null; approved?: boolean | null } | null;
  places?: { wijk?: { stadsdeel?: string | null } | null }[] | null;
};

/** Pure: the counts of the offers (one row per offer) at `now`. */
export function countFreshness(rows: Row[], now: Date, config: FreshnessConfig): FreshnessOverview {
  const total: Count = { listed: 0, checked: 0 };
  const kinds = new Map<string, Count>(organisationKinds.map((k) => [k, { listed: 0, checked: 0 }]));
  const stadsdelen = new Map<string, Count>(city.stadsdelen.map((s) => [s.slug, { listed: 0, checked: 0 }]));
  stadsdelen.set('geen', { listed: 0, checked: 0 });
  const add = (count: Count | undefined, checked: boolean) => {
    if (!count) return;
    count.listed++;
    if (checked) count.checked++;
  };
  for (const row of rows) {
    const state = freshnessState(row, now, config);
    // Past its limit the offer is not on the site (hidden on read): not part of the map's figures.
    if (state === 'expired') continue;
    const checked = state === 'fresh' || state === 'reminder';
    add(total, checked);
    add(kinds.get(row.organisation?.kind ?? 'overig') ?? kinds.get('overig'), checked);
    const own = new Set((row.places ?? []).map((p) => p.wijk?.stadsdeel).filter((s): s is string => !!s));
    if (own.size === 0) add(stadsdelen.get('geen'), checked);
    for (const s of own) add(stadsdelen.get(s), checked);
  }
  return {
    months: config.staleAfterMonths,
    total,
    byOrganisationKind: [...kinds].filter(([, c]) => c.listed > 0).map(([kind, c]) => ({ kind, ...c })),
    byStadsdeel: [...stadsdelen].filter(([, c]) => c.listed > 0).map(([stadsdeel, c]) => ({ stadsdeel, ...c })),
  };
}

const CACHE_MS = 60_000;
let cached: { at: number; value: FreshnessOverview } | null = null;

/** The next request counts again (an offer was confirmed). */
export function clearFreshnessOverview() {
  cached = null;
}

export async function freshnessOverview(strapi: Core.Strapi, now = new Date()): Promise<FreshnessOverview> {
  if (cached && now.getTime() - cached.at < CACHE_MS) return cached.value;
  const rows = (await strapi.db.query(UID.activity).findMany({
    where: { publishedAt: { $notNull: true }, organisation: { approved: { $eq: true } } },
    select: ['documentId', 'locale', 'lastReviewedAt', 'validUntil'],
    populate: {
      organisation: { select: ['kind', 'approved'] },
      places: { select: ['id'], populate: { wijk: { select: ['stadsdeel'] } } },
    },
    orderBy: { id: 'asc' },
  })) as Row[];
  // One offer per document: its Dutch version when there is one (review fields are shared).
  const byDocument = new Map<string, Row>();
  for (const row of rows)
    if (!byDocument.has(row.documentId) || row.locale === 'nl') byDocument.set(row.documentId, row);
  const value = countFreshness([...byDocument.values()], now, freshnessConfigFromEnv());
  cached = { at: now.getTime(), value };
  return value;
}
