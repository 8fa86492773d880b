import {
  composeFamilyMessage,
  familyMessageParts,
  familyMessages,
  hasTalked,
  phoneOwnerOf,
  translatorFor,
  whyFacts,
  type FamilyActivity,
  type FamilyMessageParts,
  type Locale,
} from '@droomkaart/shared';
import type { Dream, Referral } from './api.ts';
import { activitiesByIds, type MatchHit } from './search.ts';
import { wijkCentroid, type LatLng } from './match.ts';
import { costLabel } from '../format.ts';
import { distanceKm, kmText } from '../activity/distance.ts';

// What the family gets: the activities on the dream's shortlist, each in the family's language where
// the activity is translated (title, link, how to join, what it costs them, who to ask for), written
// by the shared composeFamilyMessage: Dutch, plus the family's own language when it differs. It says
// only what is true (issue 18): "they call you" once the organisation was told, "we talked" after a
// conversation, the greeting for whoever owns the phone, a "Waarom dit?" line from the facts, and
// the family's link when there is one.

/** Activities a family is told about: those on the shortlist that did not stop or end. */
export const toTell = (referrals: readonly Referral[]) =>
  referrals.filter((r) => r.status !== 'gestopt' && r.status !== 'afgerond');

export type CardActivity = FamilyActivity & { shortUrl: string; costText: string | null; joinKey: string | null };

/** What the "Waarom dit?" line is built from: the dream's themes and age, the family's wijk. */
export type DreamFacts = { themes: readonly string[]; age: number; from: LatLng | null };

/** Pure: one referral as the family sees it in one locale (the index's text when there is one). */
export function familyActivity(
  referral: Referral,
  hit: MatchHit | undefined,
  locale: Locale,
  origin: string,
  facts?: DreamFacts,
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
    told: !!referral.provider?.notifiedAt,
    organisation: referral.activity.organisation?.name || hit?.organisationName || undefined,
    why: facts ? why(referral, hit, locale, facts) : [],
    costText,
    joinKey: hit?.howToJoin ? `workspace.message.join.${hit.howToJoin}` : null,
  };
}

function why(referral: Referral, hit: MatchHit | undefined, locale: Locale, facts: DreamFacts) {
  const geo = (hit as { _geo?: LatLng } | undefined)?._geo;
  const km = facts.from && geo && Number.isFinite(geo.lat) ? distanceKm(facts.from, geo) : null;
  return whyFacts({
    dreamThemes: facts.themes,
    age: facts.age,
    activity: {
      themes: hit?.themes ?? null,
      ageMin: hit?.ageMin ?? referral.activity.ageMin,
      ageMax: hit?.ageMax ?? referral.activity.ageMax,
      costType: hit?.costType ?? null,
    },
    distanceKm: km,
    distanceText: km === null ? undefined : `${kmText(km, locale)} km`,
  });
}

/** Pure: the family's link on the site in `locale` (the page speaks the link's language). */
export const familyLinkUrl = (origin: string, locale: Locale, token: string) =>
  `${origin.replace(/\/$/, '')}/${locale}/gezin/${encodeURIComponent(token)}`;

export type FamilyText = {
  locale: Locale;
  text: string;
  activities: CardActivity[];
  parts: FamilyMessageParts;
  familyLink: string | null;
};

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
      const facts: DreamFacts = { themes: dream.themes, age: dream.age, from: wijkCentroid(dream.wijk) };
      const activities = referrals.map((r) =>
        familyActivity(r, hits.get(r.activity.documentId), locale, origin, facts),
      );
      const familyLink = dream.familyLink ? familyLinkUrl(origin, locale, dream.familyLink.token) : null;
      const input = {
        locale,
        firstName: dream.firstName,
        coordinatorName,
        activities,
        phoneOwner: phoneOwnerOf(dream.phoneOwner),
        parentName: dream.parentName,
        talked: hasTalked(dream, new Date()),
        familyLink,
      };
      return {
        locale,
        activities,
        familyLink,
        parts: familyMessageParts(input),
        text: composeFamilyMessage(input),
      };
    }),
  );
}
