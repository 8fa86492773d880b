import { shownUntil } from '@droomkaart/shared';
import { cmsEnv } from '../../../env';
// When an activity needs a look from its partner. Pure, so the rules are tested without a clock.

export type FreshnessConfig = { staleAfterMonths: number; unpublishAfterMonths: number; reminderDaysBefore: number };
export type FreshnessState = 'fresh' | 'reminder' | 'stale' | 'expired';

export const defaultFreshness: FreshnessConfig = {
  staleAfterMonths: 6,
  unpublishAfterMonths: 9,
  reminderDaysBefore: 14,
};

export function freshnessConfigFromEnv(env: Record<string, string | undefined> = cmsEnv()): FreshnessConfig {
  const n = (v: string | undefined, fallback: number) =>
    v && Number.isFinite(Number(v)) && Number(v) > 0 ? Number(v) : fallback;
  return {
    staleAfterMonths: n(env.FRESHNESS_STALE_MONTHS, defaultFreshness.staleAfterMonths),
    unpublishAfterMonths: n(env.FRESHNESS_UNPUBLISH_MONTHS, defaultFreshness.unpublishAfterMonths),
    reminderDaysBefore: n(env.FRESHNESS_REMINDER_DAYS, defaultFreshness.reminderDaysBefore),
  };
}

function addMonths(date: Date, months: number): Date {
  const d = new Date(date);
  d.setUTCMonth(d.getUTCMonth() + months);
  return d;
}

/**
 * fresh → reminder (some days before it turns stale) → stale (not reviewed for N months) →
 * expired (not reviewed for M months, or past validUntil: unpublish it).
 */
export function freshnessState(
  activity: { lastReviewedAt?: string | Date | null; validUntil?: string | null },
  now: Date,
  config: FreshnessConfig = defaultFreshness,
): FreshnessState {
  // The same moment the search index carries (shared shownUntil); never reviewed is expired.
  if (now.getTime() >= shownUntil(activity, config.unpublishAfterMonths)) return 'expired';
  const reviewed = activity.lastReviewedAt ? new Date(activity.lastReviewedAt) : new Date(0);
  const staleAt = addMonths(reviewed, config.staleAfterMonths);
  if (now >= staleAt) return 'stale';
  if (now.getTime() >= staleAt.getTime() - config.reminderDaysBefore * 86_400_000) return 'reminder';
  return 'fresh';
}

/** Whether the partner still has to hear about this state (once per state per review). */
export function needsNotice(
  state: FreshnessState,
  lastNotice: { state?: string | null; at?: string | Date | null } | null,
  lastReviewedAt: string | Date | null | undefined,
): boolean {
  if (state === 'fresh') return false;
  if (!lastNotice?.at) return true;
  const reviewedAfterNotice = lastReviewedAt && new Date(lastReviewedAt) > new Date(lastNotice.at);
  return Boolean(reviewedAfterNotice) || lastNotice.state !== state;
}

/**
 * Pure: the database filter of activities that are not expired at `now` (the public reads' side of
 * freshnessState): reviewed within `unpublishAfterMonths` and not past validUntil. Decided on every
 * read, so an activity leaves the site at its limit and is back the moment it is confirmed.
 */
export function shownClause(now: Date, config: FreshnessConfig = freshnessConfigFromEnv()): Record<string, unknown> {
  const since = addMonths(now, -config.unpublishAfterMonths);
  return {
    $and: [
      { lastReviewedAt: { $gt: since.toISOString() } },
      { $or: [{ validUntil: { $null: true } }, { validUntil: { $gte: now.toISOString().slice(0, 10) } }] },
    ],
  };
}
