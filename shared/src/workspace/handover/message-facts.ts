import { dreamStatuses, type DreamStatus } from '../../dream/submission.js';
import type { WhyFact } from './family-messages.js';

// The facts a family message may state (issue 18, point 7: messages that tell the truth, kindly).
// Each sentence of familyMessageParts that claims something rests on one of these. No Node-only
// APIs: this runs in the browser too.

const TALKED_FROM = dreamStatuses.indexOf('gesprek-gevoerd');

/**
 * Pure: did the coordinator talk with the family? Only then may the message say "we talked": the
 * dream is at gesprek-gevoerd or later, or its planned conversation lies in the past. A dream
 * closed (afgerond) without a conversation did not talk.
 */
export function hasTalked(
  dream: { status: DreamStatus; conversation?: { at: string } | null; history?: readonly { to?: string }[] },
  now: Date,
): boolean {
  if (dream.status !== 'afgerond' && dreamStatuses.indexOf(dream.status) >= TALKED_FROM) return true;
  if (dream.history?.some((h) => h.to === 'gesprek-gevoerd')) return true;
  const at = dream.conversation ? Date.parse(dream.conversation.at) : NaN;
  return !Number.isNaN(at) && at < now.getTime();
}

/** How near is near enough to be a reason ("dichtbij"): a short bike ride. */
export const NEAR_KM = 3;

export interface WhyInput {
  /** The dream's themes (stored, or derived by themesForDream). */
  dreamThemes: readonly string[];
  age: number;
  activity: {
    themes?: readonly string[] | null;
    ageMin?: number | null;
    ageMax?: number | null;
    costType?: string | null;
  };
  /** Km from the family's wijk to the nearest place of the activity, when known. */
  distanceKm?: number | null;
  /** That distance as the family reads it ("1,2 km"). */
  distanceText?: string;
}

/**
 * Pure: why this activity, from facts only: it shares a theme with the dream, the child's age is
 * in its ages, it is near the family's wijk (within NEAR_KM), it is free or a regeling pays. A
 * fact that is unknown is not claimed.
 */
export function whyFacts({ dreamThemes, age, activity, distanceKm, distanceText }: WhyInput): WhyFact[] {
  const facts: WhyFact[] = [];
  if ((activity.themes ?? []).some((t) => dreamThemes.includes(t))) facts.push({ kind: 'theme' });
  const { ageMin, ageMax } = activity;
  if (
    (ageMin != null || ageMax != null) &&
    Number.isFinite(age) &&
    (ageMin == null || age >= ageMin) &&
    (ageMax == null || age <= ageMax)
  )
    facts.push({ kind: 'age' });
  if (distanceKm != null && Number.isFinite(distanceKm) && distanceKm <= NEAR_KM && distanceText)
    facts.push({ kind: 'distance', text: distanceText });
  if (activity.costType === 'gratis') facts.push({ kind: 'free' });
  else if (activity.costType === 'gratis-via-regeling') facts.push({ kind: 'regeling' });
  return facts;
}
