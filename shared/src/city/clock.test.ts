import { describe, expect, it } from 'vitest';
import { cityDate, cityUtcOffsetMinutes } from './clock.js';

describe("the city's clock", () => {
  it('gives the calendar day in Amsterdam, also late in the UTC evening', () => {
    expect(cityDate(new Date('2026-06-30T22:30:00Z'))).toBe('2026-07-01');
    expect(cityDate(new Date('2026-01-01T22:30:00Z'))).toBe('2026-01-01');
  });

  it('is an hour ahead of UTC in winter and two in summer, switching on the last Sunday of March', () => {
    expect(cityUtcOffsetMinutes(new Date('2027-01-09T12:00:00Z'))).toBe(60);
    expect(cityUtcOffsetMinutes(new Date('2027-07-03T12:00:00Z'))).toBe(120);
    expect(cityUtcOffsetMinutes(new Date('2027-03-28T00:59:00Z'))).toBe(60);
    expect(cityUtcOffsetMinutes(new Date('2027-03-28T01:00:00Z'))).toBe(120);
  });
});
