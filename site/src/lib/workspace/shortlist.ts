// Pure checks on a dream's shortlist, shown beside each referral.

/** Whether an activity's ages fit the child: unknown ages (null) never warn. */
export function agesFit(age: number | null, ageMin: number | null, ageMax: number | null): boolean {
  if (age === null) return true;
  if (ageMin !== null && age < ageMin) return false;
  if (ageMax !== null && age > ageMax) return false;
  return true;
}
