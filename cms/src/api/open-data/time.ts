import { CITY_TIME_ZONE as TIME_ZONE, cityDate as amsterdamDate, cityUtcOffsetMinutes } from '@droomkaart/shared';

// Schedule times with their UTC offset. HSDS 3.0 reads a time without an offset as UTC, but the
// sessions in the cms are wall-clock times in Amsterdam. Each time gets the offset Amsterdam has
// on the schedule's reference date (+01:00 in winter, +02:00 in summer), from the time-zone data
// that Node's Intl already carries (no date library needed for one offset).
export { TIME_ZONE, amsterdamDate };

/** Pure: minutes Amsterdam is ahead of UTC on a calendar day (taken at noon, away from the 02:00-03:00 switch). */
export function amsterdamOffsetMinutes(isoDate: string): number {
  return cityUtcOffsetMinutes(new Date(`${isoDate.slice(0, 10)}T12:00:00Z`));
}

/** Pure: an offset in minutes as `+01:00`. */
export function formatOffset(minutes: number): string {
  const sign = minutes < 0 ? '-' : '+';
  const abs = Math.abs(minutes);
  return `${sign}${String(Math.floor(abs / 60)).padStart(2, '0')}:${String(abs % 60).padStart(2, '0')}`;
}

/** Pure: "15:30" or "15:30:00.000" on a day in Amsterdam as an RFC 3339 time, "15:30:00+01:00". */
export function timeWithOffset(time: string, isoDate: string): string {
  const hhmm = time.slice(0, 5);
  return `${hhmm}:00${formatOffset(amsterdamOffsetMinutes(isoDate))}`;
}

/**
 * Pure: the day whose offset a schedule's times carry: today (in Amsterdam) while the schedule
 * runs, its first day before it starts, its last day after it ended. So readers get the offset
 * of the next sessions; a schedule that runs across a switch of summer time shows the offset of
 * the season it is in now.
 */
export function referenceDate(today: string, validFrom?: string, validTo?: string): string {
  if (validFrom && today < validFrom) return validFrom;
  if (validTo && today > validTo) return validTo;
  return today;
}
