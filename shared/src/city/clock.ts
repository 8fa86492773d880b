// The city's clock: calendar days and UTC offsets in the city's time zone, from the time-zone data
// Node and browsers already carry (Intl; no date library for two questions). One place for the
// open data's schedule times, the calendar files and JSON-LD of the site, and the funding seasons.

export const CITY_TIME_ZONE = 'Europe/Amsterdam';

const dayFormat = new Intl.DateTimeFormat('en-CA', {
  timeZone: CITY_TIME_ZONE,
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
});
const offsetFormat = new Intl.DateTimeFormat('en-US', { timeZone: CITY_TIME_ZONE, timeZoneName: 'longOffset' });

/** Pure: the calendar day in the city of an instant, as YYYY-MM-DD. */
export function cityDate(instant: Date): string {
  return dayFormat.format(instant);
}

/** Pure: minutes the city is ahead of UTC at an instant (60 in winter, 120 in summer). */
export function cityUtcOffsetMinutes(instant: Date): number {
  const name = offsetFormat.formatToParts(instant).find((p) => p.type === 'timeZoneName')?.value ?? 'GMT+01:00';
  const m = /GMT([+-])(\d{2}):(\d{2})/.exec(name);
  return m ? (m[1] === '-' ? -1 : 1) * (Number(m[2]) * 60 + Number(m[3])) : 0;
}
