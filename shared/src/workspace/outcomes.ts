import type { DreamStatus } from '../dream/submission.js';
import type { ReferralStatus } from './vocabularies.js';

// How a dream and its referrals ended (issue 18, point 4). The closing outcomes follow mature
// referral networks' closed-loop outcomes (resolved with help, referred elsewhere, could not contact,
// not eligible, no place, no longer interested). The cms enforces them, the site and the reports
// read them; both import them from here. No Node-only APIs: this runs in the browser too.

/** Why a dream was closed (afgerond). Labels: `workspace.outcome.<o>`. */
export const dreamOutcomes = [
  'geholpen',
  'elders-verwezen',
  'niet-bereikt',
  'past-niet',
  'geen-plek',
  'geen-interesse',
] as const;
export type DreamOutcome = (typeof dreamOutcomes)[number];
/** What a report says of a closed dream without an outcome (closed before outcomes existed). */
export const UNKNOWN_OUTCOME = 'onbekend';
export type ReportedOutcome = DreamOutcome | typeof UNKNOWN_OUTCOME;

export const isDreamOutcome = (value: unknown): value is DreamOutcome =>
  typeof value === 'string' && (dreamOutcomes as readonly string[]).includes(value);

export type OutcomeError = 'workspace.error.outcome.required' | 'workspace.error.outcome.open';

/**
 * Null when a dream with status `status` (after the change) may carry `outcome`, else the i18n key
 * saying why not: a dream that is closed (afgerond) must have an outcome, an open one has none.
 */
export function checkOutcome(status: DreamStatus, outcome: string | null | undefined): OutcomeError | null {
  if (status === 'afgerond') return isDreamOutcome(outcome) ? null : 'workspace.error.outcome.required';
  return outcome ? 'workspace.error.outcome.open' : null;
}

/** A closed dream's outcome for the reports: an old one without (or with an unknown value) is 'onbekend'. */
export function reportedOutcome(outcome: unknown): ReportedOutcome {
  return isDreamOutcome(outcome) ? outcome : UNKNOWN_OUTCOME;
}

// ---------------------------------------------------------------------------------------------
// A referral's outcome (the closed loop)

/**
 * What the rules read of a referral. Besides the coordinator's own status and dates, the provider
 * (`providerAnswer`, through their link) and the family (`familyAnswer`, through theirs) may have
 * answered; those fields are optional, so the rules work with or without them.
 */
export type ReferralFacts = {
  referralStatus: ReferralStatus;
  startedAt?: string | null;
  providerAnswer?: string | null;
  providerAnswerAt?: string | null;
  familyAnswer?: string | null;
  familyAnswerAt?: string | null;
};

/** How a referral ended, as far as anyone told: the child started (or finished), stopped, or did not get in. */
export const referralOutcomes = ['gestart', 'afgerond', 'gestopt', 'geen-plek', 'past-niet', 'niet-bereikt'] as const;
export type ReferralOutcome = (typeof referralOutcomes)[number];

/** Provider answers that close the loop, as referral outcomes (welkom and wachtlijst do not: nothing happened yet). */
const providerOutcome: Record<string, ReferralOutcome> = {
  gestart: 'gestart',
  gestopt: 'gestopt',
  vol: 'geen-plek',
  'past-niet': 'past-niet',
  'niet-bereikt': 'niet-bereikt',
};

/**
 * The referral's outcome, or null while nobody knows yet. The coordinator's status counts first
 * (afgerond, gestopt, gestart), then the provider's answer, then the family's "we zijn begonnen".
 */
export function referralOutcome(referral: ReferralFacts): ReferralOutcome | null {
  const status = referral.referralStatus;
  if (status === 'afgerond' || status === 'gestopt' || status === 'gestart') return status;
  const provider = referral.providerAnswer ? providerOutcome[referral.providerAnswer] : undefined;
  if (provider) return provider;
  if (referral.familyAnswer === 'begonnen') return 'gestart';
  return null;
}

/** A referral counts in the closed-loop rate once the child was signed up (aangemeld or further). */
export function referralWasSignedUp(referral: Pick<ReferralFacts, 'referralStatus'>): boolean {
  return referral.referralStatus !== 'voorgesteld';
}

/**
 * When the child started, as far as anyone told: the coordinator's start date, else the moment the
 * provider answered "gestart", else the moment the family answered "begonnen". Null: not known.
 */
export function referralStartedAt(referral: ReferralFacts): string | null {
  if (referral.startedAt) return referral.startedAt;
  if (referral.providerAnswer === 'gestart' && referral.providerAnswerAt) return referral.providerAnswerAt;
  if (referral.familyAnswer === 'begonnen' && referral.familyAnswerAt) return referral.familyAnswerAt;
  return null;
}
