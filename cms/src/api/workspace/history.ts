// A dream's history (statusHistory): the steps a coordinator took, in order. Status steps feed the
// reports' funnel and outlive anonymisation (without who or notes); the other steps name people
// and activities, so they go then.
/**
 * One step in a dream's history. Without `step` (older entries) or with 'status': the dream's status
 * went `from` → `to`. 'assign': given to `to` (no `to`: to nobody). 'consent': the parent's consent
 * recorded. 'shortlist-add' / 'shortlist-remove': an activity (`detail`, its title) put on or taken
 * off the shortlist. 'referral': a referral to `detail` went `from` → `to` (referral statuses).
 * 'funding': the funding of the referral to `detail` went `from` → `to` (funding statuses; `from`
 * null for a new application), `note` naming the scheme and season ("Jeugdfonds Sport & Cultuur 2026-2027").
 * A status step that closes a dream carries its outcome in `detail`.
 * 'family': the dream was put in the family of another dream (`to` its documentId, `detail` its
 * first name), or without `to` in a family of its own.
 * 'family-link': the family's link was made (`to`: its expiry) or revoked (no `to`).
 * 'family-answer': the family answered `to` (shared familyAnswers) about `detail`, `by` 'gezin'.
 * 'call-back': the coordinator called the family back after "bel me".
 * 'provider-link' / 'provider-revoke': the provider of `detail` was sent a link / it was withdrawn.
 * 'provider-answer': the provider answered `to` for `detail` (by 'aanbieder'; `from` when that moved
 * the referral). 'phone-consent': the parent agreed (`to` 'ja') or no longer agrees ('nee') that the
 * provider sees the phone number.
 */
export const historySteps = [
  'status',
  'assign',
  'consent',
  'shortlist-add',
  'shortlist-remove',
  'referral',
  'funding',
  'family',
  'family-link',
  'family-answer',
  'call-back',
  'provider-link',
  'provider-revoke',
  'provider-answer',
  'phone-consent',
] as const;
export type HistoryEntry = {
  at: string;
  by: string;
  step?: (typeof historySteps)[number];
  from?: string | null;
  to?: string;
  note?: string;
  detail?: string;
};

/** A change of the dream's own status (older entries have no `step`). */
export function isStatusStep(entry: Pick<HistoryEntry, 'step'>): boolean {
  return entry.step === undefined || entry.step === 'status';
}
