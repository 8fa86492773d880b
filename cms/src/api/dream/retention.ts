import type { Core } from '@strapi/strapi';
import { DREAM } from './rules';
import { UID } from '../../content-types';
import { cmsEnv } from '../../env';
import { isStatusStep, type HistoryEntry } from '../workspace/history';
import { leaveFamilies } from '../family/grouping';

/** Personal fields of a dream: what anonymising clears and what a family's export contains. */
export const PERSONAL_FIELDS = [
  'firstName',
  'dream',
  'need',
  'phone',
  'parentName',
  'email',
  'notes',
  'consentRecordedBy',
  'phoneShareConsentBy',
  'conversationPlace',
  'idempotencyKey',
] as const;

export function retentionMonths(env: Record<string, string | undefined> = cmsEnv()): number {
  const n = Number(env.DREAM_RETENTION_MONTHS ?? 12);
  return Number.isFinite(n) && n > 0 ? n : 12;
}

/** Pure: the moment before which closed dreams are anonymised. */
export function retentionCutoff(now: Date, months: number): Date {
  const cutoff = new Date(now);
  cutoff.setUTCMonth(cutoff.getUTCMonth() - months);
  return cutoff;
}

/**
 * Anonymises dreams closed (afgerond) longer than the retention period: personal text and
 * contact go, the dream leaves its family and a family without dreams is deleted; edition, age, wijk, channel, status, dates and the optional coarse categories stay
 * for the programme's figures. Idempotent; runs nightly.
 */
export async function anonymiseClosedDreams(strapi: Core.Strapi, now = new Date()): Promise<{ anonymised: number }> {
  const cutoff = retentionCutoff(now, retentionMonths());
  const cleared = Object.fromEntries(PERSONAL_FIELDS.map((f) => [f, null]));
  const due = (await strapi.db.query(DREAM).findMany({
    where: { closedAt: { $lt: cutoff.toISOString() }, anonymisedAt: { $null: true } },
    select: ['id', 'statusHistory'],
  })) as {
    id: number;
    statusHistory: HistoryEntry[] | null;
  }[];
  // The status steps stay for the funnel; who did them and their notes go, as do the other steps
  // (they name colleagues and activities) and the notes of the dream's referrals (the provider's too).
  for (const dream of due) {
    const statusHistory = (dream.statusHistory ?? [])
      .filter(isStatusStep)
      .map(({ at, from, to }) => ({ at, from, to }));
    await strapi.db.query(DREAM).update({
      where: { id: dream.id },
      data: {
        ...cleared,
        firstName: '(geanonimiseerd)',
        dream: '(geanonimiseerd)',
        statusHistory,
        // The family's link stops working with the dream (security/signed-links.ts).
        familyLinkNonce: null,
        anonymisedAt: now.toISOString(),
      },
    });
  }
  // The family contact (phone, parent, e-mail) goes with the family's last dream.
  await leaveFamilies(
    strapi,
    due.map((d) => d.id),
  );
  if (due.length > 0) {
    // Ids first: Strapi 5.54's updateMany with a filter on a relation (a join) drops the data in its
    // sub-query update and fails ("Cannot convert undefined or null to object"), on SQLite and PostgreSQL.
    const referrals = (await strapi.db
      .query(UID.referral)
      .findMany({ where: { dream: { id: { $in: due.map((d) => d.id) } } }, select: ['id', 'funding'] })) as {
      id: number;
      funding: { scheme: string; status: string; season: string }[] | null;
    }[];
    if (referrals.length > 0)
      await strapi.db.query(UID.referral).updateMany({
        where: { id: { $in: referrals.map((r) => r.id) } },
        // The provider's note and link go too: the link stops working, the note may name the child.
        data: { note: null, createdByEmail: null, providerNote: null, providerLinkNonce: null },
      });
    // Funding steps keep scheme, status and season; who applied and who wrote it down go.
    for (const r of referrals.filter((x) => Array.isArray(x.funding) && x.funding.length > 0))
      await strapi.db.query(UID.referral).update({
        where: { id: r.id },
        data: { funding: r.funding.map(({ scheme, status, season }) => ({ scheme, status, season })) },
      });
  }
  const anonymised = due.length;
  if (anonymised > 0) strapi.log.info(`dreams anonymised after ${retentionMonths()} months: ${anonymised}`);
  return { anonymised };
}
