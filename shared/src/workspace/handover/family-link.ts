// The family's link (issue 18, point 3): in the family message, a page without login where a parent
// or teen answers per activity on the shortlist. The cms stores the answers, the site shows them;
// both import these rules from here. No Node-only APIs: this runs in the browser too.

/** A family's answer about one referral. Labels: `family.answer.<a>`, `workspace.familyAnswer.<a>`. */
export const familyAnswers = ['begonnen', 'nog-niet', 'bel-me'] as const;
export type FamilyAnswer = (typeof familyAnswers)[number];

/** Whose phone the family message goes to: the parent's, or the teen's own. Labels: `workspace.phoneOwner.<o>`. */
export const phoneOwners = ['ouder', 'kind'] as const;
export type PhoneOwner = (typeof phoneOwners)[number];

/** Ask "Hoe gaat het?" this many days after the family's link was sent without a start. */
export const FAMILY_FOLLOW_UP_DAYS = 14;

const DAY = 86_400_000;

export const isPhoneOwner = (value: unknown): value is PhoneOwner =>
  typeof value === 'string' && (phoneOwners as readonly string[]).includes(value);

export const isFamilyAnswer = (value: unknown): value is FamilyAnswer =>
  typeof value === 'string' && (familyAnswers as readonly string[]).includes(value);

/**
 * Whose phone it is when nobody said: the parent's in the children's edition; in the teen edition
 * the letterbox asks, and a teen's dream without an answer is the parent's phone too (the safe
 * assumption: a message to a parent never tells a child something meant for the parent).
 */
export function phoneOwnerOf(stored: string | null | undefined): PhoneOwner {
  return stored === 'kind' ? 'kind' : 'ouder';
}

/**
 * Pure: should the follow-ups list ask the family "Hoe gaat het?" A link was issued at least
 * FAMILY_FOLLOW_UP_DAYS ago, it is still valid, and no referral told (by the family or the
 * coordinator) that the child started.
 */
export function familyFollowUpDue(
  link: { issuedAt: string | null; expiresAt: string | null },
  referrals: readonly { status: string; familyAnswer?: string | null }[],
  now: Date,
): boolean {
  if (!link.issuedAt || !link.expiresAt) return false;
  const issued = Date.parse(link.issuedAt);
  if (Number.isNaN(issued) || now.getTime() - issued < FAMILY_FOLLOW_UP_DAYS * DAY) return false;
  if (Date.parse(link.expiresAt) <= now.getTime()) return false;
  const live = referrals.filter((r) => r.status !== 'gestopt');
  if (live.length === 0) return false;
  return !live.some((r) => r.familyAnswer === 'begonnen' || r.status === 'gestart' || r.status === 'afgerond');
}
