// A dream's history (statusHistory): the steps a coordinator took, in order. Status steps feed the
// reports' funnel and outlive anonymisation (without who or notes); the other steps name people
// and activities, so they go then.
/**
 * One step in a dream's history. Without `step` (older entries) or with 'status': the dream's status
 * went `from` → `to`. 'assign': given to `to` (no `to`: to nobody). 'consent': the parent's consent
 * recorded. 'shortlist-add' / 'shortlist-remove': an activity (`detail`, its title) put on or taken
 * off the shortlist. 'referral': a referral to `detail` went `from` → `to` (referral statuses).
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
