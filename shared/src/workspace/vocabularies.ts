// The coordinator workspace's vocabularies (cms/src/api/workspace/CONTRACT.md): referral statuses,
// conversation kinds and the reports' age bands. The cms enforces them, the site shows them; both
// import them from here. No Node-only APIs: this runs in the browser too.

/** A referral (koppeling) of a dream to an activity. Labels: `workspace.referralStatus.<s>`. */
export const referralStatuses = ['voorgesteld', 'aangemeld', 'gestart', 'gestopt', 'afgerond'] as const;
export type ReferralStatus = (typeof referralStatuses)[number];

/** Whether an activity has places (issue 18; shown through effectivePlacesStatus). Labels: `workspace.places.<s>`. */
export const placesStatuses = ['vrij', 'wachtlijst', 'vol', 'onbekend'] as const;
export type PlacesStatus = (typeof placesStatuses)[number];

/** Where the conversation with the family takes place. Labels: `workspace.conversationKind.<k>`. */
export const conversationKinds = ['bibliotheek', 'buurthuis', 'video'] as const;
export type ConversationKind = (typeof conversationKinds)[number];

/** Age bands of the reports' gap analysis (0 to 18 inclusive). */
export const ageBands = ['0-3', '4-7', '8-11', '12-15', '16-18'] as const;
export type AgeBand = (typeof ageBands)[number];

const ageBandRanges: Record<AgeBand, { min: number; max: number }> = {
  '0-3': { min: 0, max: 3 },
  '4-7': { min: 4, max: 7 },
  '8-11': { min: 8, max: 11 },
  '12-15': { min: 12, max: 15 },
  '16-18': { min: 16, max: 18 },
};

/** The band an age (in whole years) falls in; null outside 0–18 or for a non-number. */
export function ageBand(age: number): AgeBand | null {
  if (!Number.isFinite(age)) return null;
  const years = Math.floor(age);
  return ageBands.find((band) => years >= ageBandRanges[band].min && years <= ageBandRanges[band].max) ?? null;
}

/** The ages a band covers, inclusive (for matching activities by ageMin/ageMax). */
export function ageBandRange(band: AgeBand): { min: number; max: number } {
  return { ...ageBandRanges[band] };
}
