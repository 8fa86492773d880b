import { composeFamilyMessage, familyMessages, translatorFor, type FamilyOffer, type Locale } from '@droomkaart/shared';
import type { Dream, Referral } from './api.ts';
import { activitiesByIds, type MatchHit } from './search.ts';
import { costLabel } from '../format.ts';

// What the family gets: the offers on the dream's shortlist, each in the family's language where
// the offer is translated (title, link, how to join, what it costs them, who to ask for), written
// by the shared composeFamilyMessage: Dutch, plus the family's own language when it differs.

/** Offers a family is told about: those on the shortlist that did not stop or end. */
export const toTell = (referrals: readonly Referral[]) => referrals.filter((r) => r.status !== 'gestopt' && r.status !== 'afgerond');

export type CardOffer = FamilyOffer & { shortUrl: string; costText: string | null; joinKey: string | null };

/** Pure: one referral as the family sees it in one locale (the index's text when there is one). */
export function familyOffer(referral: Referral, hit: MatchHit | undefined, locale: Locale, origin: string): CardOffer {
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

export type FamilyText = { locale: Locale; text: string; offers: CardOffer[] };

/** The texts for a dream: one per language, each with its offers. */
export async function familyTexts(dream: Dream, coordinatorName: string, origin: string): Promise<FamilyText[]> {
  const referrals = toTell(dream.referrals);
  const wanted = familyMessages({ preferredLanguage: dream.preferredLanguage, firstName: dream.firstName, coordinatorName, offers: [] }).map((m) => m.locale);
  return Promise.all(
    wanted.map(async (locale) => {
      let hits = new Map<string, MatchHit>();
      try {
        hits = await activitiesByIds(locale, referrals.map((r) => r.activity.documentId));
      } catch (err) {
        // The search is away: the shortlist's own titles and links, without cost and how to join.
        console.error(`[site] workspace message: offers not read from the index (${(err as Error).message})`);
      }
      const offers = referrals.map((r) => familyOffer(r, hits.get(r.activity.documentId), locale, origin));
      return { locale, offers, text: composeFamilyMessage({ locale, firstName: dream.firstName, coordinatorName, offers }) };
    }),
  );
}
