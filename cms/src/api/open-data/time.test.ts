import { describe, expect, it } from 'vitest';
import { amsterdamDate, amsterdamOffsetMinutes, formatOffset, referenceDate, timeWithOffset } from './time';

describe('schedule times in Amsterdam', () => {
  it('carry +01:00 in winter and +02:00 in summer', () => {
    expect(timeWithOffset('15:30', '2026-01-14')).toBe('15:30:00+01:00');
    expect(timeWithOffset('15:30:00.000', '2026-07-01')).toBe('15:30:00+02:00');
  });

  it('switch on the last Sundays of March and October', () => {
    expect(amsterdamOffsetMinutes('2026-03-28')).toBe(60);
    expect(amsterdamOffsetMinutes('2026-03-29')).toBe(120);
    expect(amsterdamOffsetMinutes('2026-10-24')).toBe(120);
    expect(amsterdamOffsetMinutes('2026-10-25')).toBe(60);
  });

  it('formats offsets of either sign', () => {
    expect(formatOffset(60)).toBe('+01:00');
    expect(formatOffset(-330)).toBe('-05:30');
    expect(formatOffset(0)).toBe('+00:00');
  });

  it('take the calendar day in Amsterdam, not in UTC', () => {
    expect(amsterdamDate(new Date('2026-06-30T22:30:00Z'))).toBe('2026-07-01');
    expect(amsterdamDate(new Date('2026-01-01T22:30:00Z'))).toBe('2026-01-01');
  });
});

describe('referenceDate', () => {
  it('is today while the schedule runs, else its nearest end', () => {
    expect(referenceDate('2026-12-07', '2026-09-01', '2027-06-30')).toBe('2026-12-07');
    expect(referenceDate('2026-08-01', '2026-09-01', '2027-06-30')).toBe('2026-09-01');
    expect(referenceDate('2027-08-01', '2026-09-01', '2027-06-30')).toBe('2027-06-30');
    expect(referenceDate('2026-12-07')).toBe('2026-12-07');
  });
});
