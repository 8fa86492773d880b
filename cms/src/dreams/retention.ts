import type { Core } from '@strapi/strapi';
import { DREAM } from './rules';

/** Personal fields of a dream: what anonymising clears and what a family's export contains. */
export const PERSONAL_FIELDS = ['firstName', 'dream', 'need', 'phone', 'parentName', 'email', 'notes', 'consentRecordedBy', 'idempotencyKey'] as const;

export function retentionMonths(env: NodeJS.ProcessEnv = process.env): number {
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
 * contact go; edition, age, wijk, channel, status, dates and the optional coarse categories stay
 * for the programme's figures. Idempotent; runs nightly.
 */
export async function anonymiseClosedDreams(strapi: Core.Strapi, now = new Date()): Promise<{ anonymised: number }> {
  const cutoff = retentionCutoff(now, retentionMonths());
  const cleared = Object.fromEntries(PERSONAL_FIELDS.map((f) => [f, null]));
  const result = await strapi.db.query(DREAM).updateMany({
    where: { closedAt: { $lt: cutoff.toISOString() }, anonymisedAt: { $null: true } },
    data: { ...cleared, firstName: '(geanonimiseerd)', dream: '(geanonimiseerd)', anonymisedAt: now.toISOString() },
  });
  const anonymised = (result as { count?: number })?.count ?? 0;
  if (anonymised > 0) strapi.log.info(`dreams anonymised after ${retentionMonths()} months: ${anonymised}`);
  return { anonymised };
}
