import { parsePhoneNumberFromString } from 'libphonenumber-js/max';

// A family, not a single child (issue 18 point 6): brothers and sisters are grouped under one
// family contact. Dreams join the family with the same phone number; a coordinator corrects it.
// Pure rules, used by the cms when a dream is stored and when earlier dreams are grouped once.

/**
 * The phone number a family is known by, as E.164 (+31612345678), or null when it is not a
 * valid number. Dutch mobile and landline numbers in any form (06…, 036…, +31, 0031, with spaces,
 * dashes, dots or "(0)") give the same key; a foreign number needs its country code.
 */
export function familyPhoneKey(input: string | null | undefined): string | null {
  if (typeof input !== 'string' || input.trim() === '' || input.length > 40) return null;
  const parsed = parsePhoneNumberFromString(input.trim(), 'NL');
  return parsed?.isValid() ? parsed.number : null;
}

/** One stored dream as the grouping sees it. */
export type FamilyCandidate = { id: number; phone: string | null };

/**
 * Groups dreams into families by their phone key, in the order given (the first dream of a group
 * first). A dream without a valid phone is a family of its own.
 */
export function groupByPhone<T extends FamilyCandidate>(dreams: readonly T[]): T[][] {
  const byKey = new Map<string, T[]>();
  const groups: T[][] = [];
  for (const dream of dreams) {
    const key = familyPhoneKey(dream.phone);
    const group = key ? byKey.get(key) : undefined;
    if (group) group.push(dream);
    else {
      const fresh = [dream];
      groups.push(fresh);
      if (key) byKey.set(key, fresh);
    }
  }
  return groups;
}

/** A parent's name as it is compared: trimmed, one space, lower case, without accents (also Turkish ı). */
export function parentNameKey(name: string | null | undefined): string | null {
  if (typeof name !== 'string') return null;
  const key = name
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLocaleLowerCase('nl')
    .replace(/ı/g, 'i')
    .replace(/\s+/g, ' ')
    .trim();
  return key.length >= 2 ? key : null;
}

/**
 * Whether another dream may be a brother or sister the phone did not find (another number, the
 * same parent): the same parent's name and the same wijk, both known. Only a suggestion: the
 * coordinator decides.
 */
export function maybeSibling(
  a: { parentName?: string | null; wijk?: string | null },
  b: { parentName?: string | null; wijk?: string | null },
): boolean {
  const name = parentNameKey(a.parentName);
  return Boolean(name && a.wijk && a.wijk === b.wijk && name === parentNameKey(b.parentName));
}
