import {
  composeFamilyMessage,
  familyMessages,
  translatorFor,
  type FamilyActivity,
  type Locale,
} from '@droomkaart/shared';
import type { Dream, Referral } from './api.ts';
import { activitiesByIds, type MatchHit } from './search.ts';
import { costLabel } from '../format.ts';

// What the family gets: the activities on the dream's shortlist, each in the family's language where
// the activity is translated (title, link, how to join, what it costs them, who to ask for), written
// by the shared composeFamilyMessage: Dutch, plus the family's own language when it differs.

/** Activities a family is told about: those on the shortlist that did not stop or end. */
export const toTell = (referrals: readonly Referral[]) =>
  referrals.filter((r) => r.status !== 'gestopt' && r.status !== 'afgerond');

export type CardActivity = FamilyActivity & { shortUrl: string; costText: string | null; joinKey: string | null };

/** Pure: one referral as the family sees it in one locale (the index's text when there is one). */
export function familyActivity(
  referral: Referral,
  hit: MatchHit | undefined,
  locale: Locale,
  origin: string,
): CardActivity {
  const t = translatorFor(locale);
  const slug = hit?.slug ?? referral.activity.slug;
  const url = `${origin.replace(/\/$/, '')}/${locale}/activiteiten/${encodeURIComponent(slug)}`;
  const costText = hit ? costLabel(t, hit) : null;
  return {
    title: hit?.title ?? referral.activity.title,
    url,
    shortUrl: url.replace(/^https?:\/\//, ''),
    howToJoin: hit?.howToJoin || undefined,
    cost: costText ?? undefined,
    contactName: referral.contact?.name || undefined,
    costText,
    joinKey: hit?.howToJoin ? `workspace.message.join.${hit.howToJoin}` : null,
  };
}

export type FamilyText = { locale: Locale; text: string; activities: CardActivity[] };

/** The texts for a dream: one per language, each with its activities. */
export async function familyTexts(dream: Dream, coordinatorName: string, origin: string): Promise<FamilyText[]> {
  const referrals = toTell(dream.referrals);
  const wanted = familyMessages({
    preferredLanguage: dream.preferredLanguage,
    firstName: dream.firstName,
    coordinatorName,
    activities: [],
  }).map((m) => m.locale);
  return Promise.all(
    wanted.map(async (locale) => {
      let hits = new Map<string, MatchHit>();
      try {
        hits = await activitiesByIds(
          locale,
          referrals.map((r) => r.activity.documentId),
        );
      } catch (err) {
        // The search is away: the shortlist's own titles and links, without cost and how to join.
        console.error(`[site] workspace message: activities not read from the index (${(err as Error).message})`);
      }
      const activities = referrals.map((r) => familyActivity(r, hits.get(r.activity.documentId), locale, origin));
      return {
        locale,
        activities,
        text: composeFamilyMessage({ locale, firstName: dream.firstName, coordinatorName, activities }),
      };
    }),
  );
}
