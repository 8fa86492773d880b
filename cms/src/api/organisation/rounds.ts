import { cityDate } from '@droomkaart/shared';

// Confirmation rounds (issue 19, point 3): instead of a forced expiry date (which emptied other
// directories every January), every organisation is asked twice a school year whether its offers
// are still right: RECONFIRM_ROUNDS, month-days in the city's time zone (default late August, when
// the new season starts, and early January). Pure, so the arithmetic is tested without a clock.

export type RoundDay = { month: number; day: number };

export const DEFAULT_RECONFIRM_ROUNDS = '08-25,01-10';

/** Pure: RECONFIRM_ROUNDS as sorted month-days; null when it cannot mean anything. */
export function parseRounds(value: string | undefined): RoundDay[] | null {
  const text = value?.trim() ? value : DEFAULT_RECONFIRM_ROUNDS;
  const days: RoundDay[] = [];
  for (const part of text.split(',')) {
    const m = /^\s*(\d{2})-(\d{2})\s*$/.exec(part);
    if (!m) return null;
    const month = Number(m[1]);
    const day = Number(m[2]);
    const longest = new Date(Date.UTC(2024, month, 0)).getUTCDate(); // a leap year: 29 February is a day
    if (month < 1 || month > 12 || day < 1 || day > longest) return null;
    days.push({ month, day });
  }
  if (days.length === 0) return null;
  return days.sort((a, b) => a.month - b.month || a.day - b.day);
}

const pad = (n: number) => String(n).padStart(2, '0');

/**
 * Pure: the round `now` is in, named by the city day it started (YYYY-MM-DD): the latest round day
 * on or before today in the city. A round day that a year lacks (29 February) starts on 1 March.
 */
export function currentRound(now: Date, rounds: readonly RoundDay[]): string {
  const today = cityDate(now);
  const year = Number(today.slice(0, 4));
  const starts = [year - 1, year].flatMap((y) =>
    rounds.map((r) => {
      const exists = new Date(Date.UTC(y, r.month - 1, r.day)).getUTCMonth() === r.month - 1;
      return exists ? `${y}-${pad(r.month)}-${pad(r.day)}` : `${y}-${pad(r.month + 1)}-01`;
    }),
  );
  return starts
    .filter((s) => s <= today)
    .sort()
    .at(-1);
}
