import { composeCheckIn, familyMessages, type Locale } from '@droomkaart/shared';
import type { FamilyFollowUp } from '../api.ts';
import { familyLinkUrl } from '../message.ts';

// "Hoe gaat het?" (issue 18): two weeks after the family message without a start, the follow-ups
// list gives the coordinator a ready text with the same family link, in Dutch and the family's
// language. The coordinator sends it; nothing goes to a family by itself.

/** Pure: the check-in texts of one family follow-up (none without a valid link). */
export function checkInTexts(
  f: FamilyFollowUp,
  coordinatorName: string,
  origin: string,
): { locale: Locale; text: string }[] {
  const link = f.link;
  if (!link) return [];
  const locales = familyMessages({
    preferredLanguage: f.preferredLanguage,
    firstName: '',
    coordinatorName: '',
    activities: [],
  }).map((m) => m.locale);
  return locales.map((locale) => ({
    locale,
    text: composeCheckIn({
      locale,
      firstName: f.dream.firstName,
      coordinatorName,
      phoneOwner: f.phoneOwner,
      parentName: f.parentName,
      familyLink: familyLinkUrl(origin, locale, link.token),
    }),
  }));
}
