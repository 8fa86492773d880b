import { z } from 'zod';
import { fundingScheme, fundingSchemes, nextSeason, renewalOpen, seasonOf } from '../city/funding.js';

// Funding as a step of the referral (issue 18, point 5): which scheme pays, who applies, how far the
// application is, and for which season. The cms stores the steps on the referral and enforces
// these rules; the site's form and the "new application" list use them too.

/** How far an application is. Labels: `workspace.fundingStatus.<s>`. `betaald`: paid to the club. */
export const fundingStatuses = ['aangevraagd', 'toegekend', 'afgewezen', 'betaald'] as const;
export type FundingStatus = (typeof fundingStatuses)[number];
/** The statuses that mean: the scheme pays this season. */
const funded = new Set<FundingStatus>(['toegekend', 'betaald']);

/** One application: the latest state per scheme and season, kept on the referral (`funding`). */
export type FundingStep = {
  scheme: string;
  /** Who applies: the coordinator's e-mail address or the intermediair's name. */
  appliedBy: string;
  status: FundingStatus;
  season: string;
  /** When and by whom this state was set. */
  at: string;
  by: string;
};

/** When the renewal window opens: each scheme's own day, or one day (MM-DD) for all (the cms's FUNDING_RENEWAL_FROM). */
export type RenewalOptions = { renewalFrom?: string };

const withRenewal = <T extends { renewalFrom: string }>(scheme: T, options: RenewalOptions): T =>
  options.renewalFrom ? { ...scheme, renewalFrom: options.renewalFrom } : scheme;

/** Pure: the seasons a coordinator may apply for on `at`: this one, and the next once its renewal window is open. */
export function seasonsToChoose(
  scheme: string,
  at: Date | string = new Date(),
  options: RenewalOptions = {},
): string[] {
  const s = fundingScheme(scheme) ?? fundingSchemes[0];
  const current = seasonOf(at, s.seasonStart);
  const next = nextSeason(current);
  return renewalOpen(at, withRenewal(s, options)) && next ? [current, next] : [current];
}

/** What a coordinator sends: `PATCH /workspace/referrals/:id` `{ funding: {...} }`. Messages are i18n keys. */
export const FundingPatchSchema = z
  .object({
    scheme: z.string({ message: 'workspace.error.funding.scheme' }).refine((v) => !!fundingScheme(v), {
      message: 'workspace.error.funding.scheme',
    }),
    appliedBy: z
      .string({ message: 'workspace.error.funding.appliedBy' })
      .trim()
      .min(2, 'workspace.error.funding.appliedBy')
      .max(120, 'workspace.error.funding.appliedBy'),
    status: z.enum(fundingStatuses, { message: 'workspace.error.funding.status' }),
    season: z
      .string()
      .regex(/^\d{4}-\d{4}$/, 'workspace.error.funding.season')
      .optional(),
  })
  .strict();
export type FundingPatch = z.input<typeof FundingPatchSchema>;

/**
 * Pure: the referral's funding steps after a change, or the error (an i18n key and its field).
 * The season defaults to the scheme's season of `at`; only this season or (in the renewal window)
 * the next may be chosen. The step for the same scheme and season is replaced, others are kept.
 */
export function applyFunding(
  steps: readonly FundingStep[],
  patch: unknown,
  who: string,
  at: Date = new Date(),
  options: RenewalOptions = {},
):
  | { ok: true; steps: FundingStep[]; step: FundingStep; previous: FundingStep | null }
  | { ok: false; key: string; field: string } {
  const parsed = FundingPatchSchema.safeParse(patch);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const field = String(issue?.path[0] ?? 'funding');
    const key = issue?.message.startsWith('workspace.') ? issue.message : `workspace.error.funding.${field}`;
    return { ok: false, key, field };
  }
  const p = parsed.data;
  const season = p.season ?? seasonsToChoose(p.scheme, at, options)[0];
  if (!seasonsToChoose(p.scheme, at, options).includes(season))
    return { ok: false, key: 'workspace.error.funding.season', field: 'season' };
  const step: FundingStep = {
    scheme: p.scheme,
    appliedBy: p.appliedBy,
    status: p.status,
    season,
    at: at.toISOString(),
    by: who,
  };
  const previous = steps.find((s) => s.scheme === step.scheme && s.season === step.season) ?? null;
  const rest = steps.filter((s) => s !== previous);
  const next = [...rest, step].sort((a, b) => a.season.localeCompare(b.season) || a.scheme.localeCompare(b.scheme));
  return { ok: true, steps: next, step, previous };
}

/**
 * Pure: the applications a started referral needs before a new season, on `at`: for each scheme
 * whose renewal window is open, that paid this season (toegekend or betaald) and has no
 * application for the next season yet. Answers the scheme and the season to apply for.
 * `renewalFrom` (MM-DD) overrides every scheme's own day (the cms's FUNDING_RENEWAL_FROM).
 */
export function renewalsNeeded(
  referral: { referralStatus: string; funding?: readonly FundingStep[] | null },
  at: Date | string = new Date(),
  options: RenewalOptions = {},
): { scheme: string; season: string }[] {
  if (referral.referralStatus !== 'gestart') return [];
  const steps = referral.funding ?? [];
  const out: { scheme: string; season: string }[] = [];
  for (const scheme of new Set(steps.map((s) => s.scheme))) {
    const config = fundingScheme(scheme);
    if (!config || !renewalOpen(at, withRenewal(config, options))) continue;
    const current = seasonOf(at, config.seasonStart);
    const next = nextSeason(current);
    const paidNow = steps.some((s) => s.scheme === scheme && s.season === current && funded.has(s.status));
    const applied = steps.some((s) => s.scheme === scheme && s.season === next);
    if (paidNow && next && !applied) out.push({ scheme, season: next });
  }
  return out;
}
