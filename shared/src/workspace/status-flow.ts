import { dreamStatuses, type DreamStatus } from '../dream/submission.js';
import { referralStatuses, type ReferralStatus } from './vocabularies.js';

// The coordinator workspace's status flows of dreams and referrals (cms/src/api/workspace/CONTRACT.md).
// The cms enforces them, the site shows them; both import them from here. No Node-only APIs: this
// runs in the browser too.

// ---------------------------------------------------------------------------------------------
// Dream status flow
// ---------------------------------------------------------------------------------------------

/** What the flow rules need to know about the dream besides its status. */
export interface StatusFacts {
  /** The parent's consent is recorded (consentRecordedAt set). */
  consent: boolean;
  /** Referrals on the dream's shortlist (any status). */
  referrals: number;
}

export type StatusFlowError =
  | 'workspace.error.flow.same'
  | 'workspace.error.flow.back'
  | 'workspace.error.flow.consent'
  | 'workspace.error.flow.referral';

const statusIndex = (status: DreamStatus) => dreamStatuses.indexOf(status);
const CONSENT_FROM = statusIndex('gesprek-gepland');
const needsReferral = new Set<DreamStatus>(['gekoppeld', 'nazorg']);

/**
 * Null when a dream may move from `from` to `to`, else the i18n key saying why not.
 * Forward moves are free (a coordinator may skip steps), one step back corrects a mistake,
 * `afgerond` can be reached from anywhere (a family may stop at any time) and only left by a
 * step back to nazorg. A conversation is planned only after the parent's consent is recorded,
 * and a dream is gekoppeld (or in nazorg) only with at least one referral.
 */
export function checkStatusChange(from: DreamStatus, to: DreamStatus, facts: StatusFacts): StatusFlowError | null {
  if (from === to) return 'workspace.error.flow.same';
  if (to === 'afgerond') return null;
  const step = statusIndex(to) - statusIndex(from);
  if (step < -1) return 'workspace.error.flow.back';
  if (statusIndex(to) >= CONSENT_FROM && !facts.consent) return 'workspace.error.flow.consent';
  if (needsReferral.has(to) && facts.referrals < 1) return 'workspace.error.flow.referral';
  return null;
}

/** The statuses a dream may move to now, in flow order. */
export function nextStatuses(from: DreamStatus, facts: StatusFacts): DreamStatus[] {
  return dreamStatuses.filter((to) => checkStatusChange(from, to, facts) === null);
}

// ---------------------------------------------------------------------------------------------
// Referral status flow
// ---------------------------------------------------------------------------------------------

export type ReferralFlowError = 'workspace.error.referral.flow';

/** The main line of a referral; gestopt branches off it. */
const referralLine: readonly ReferralStatus[] = ['voorgesteld', 'aangemeld', 'gestart', 'afgerond'];
const stoppableFrom = new Set<ReferralStatus>(['aangemeld', 'gestart']);

/**
 * Null when a referral may move from `from` to `to`, else `workspace.error.referral.flow`.
 * Along voorgesteld → aangemeld → gestart → afgerond any forward move is allowed (coordinators
 * often hear late that a child already started); gestopt only after signing up (aangemeld or
 * gestart; a proposal that is not wanted is deleted instead). One step back corrects a mistake:
 * gestopt goes back to aangemeld or gestart, afgerond back to gestart.
 */
export function checkReferralChange(from: ReferralStatus, to: ReferralStatus): ReferralFlowError | null {
  const fail = 'workspace.error.referral.flow';
  if (from === to) return fail;
  if (to === 'gestopt') return stoppableFrom.has(from) ? null : fail;
  if (from === 'gestopt') return stoppableFrom.has(to) ? null : fail;
  const step = referralLine.indexOf(to) - referralLine.indexOf(from);
  return step > 0 || step === -1 ? null : fail;
}

/** The statuses a referral may move to now, in flow order. */
export function nextReferralStatuses(from: ReferralStatus): ReferralStatus[] {
  return referralStatuses.filter((to) => checkReferralChange(from, to) === null);
}
