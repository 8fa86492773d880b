import { describe, expect, it } from 'vitest';
import { currentRound, parseRounds } from './rounds';

const school = parseRounds(undefined);

describe('confirmation rounds', () => {
  it('follow the school year by default: late August and early January', () => {
    expect(school).toEqual([
      { month: 1, day: 10 },
      { month: 8, day: 25 },
    ]);
    expect(parseRounds('')).toEqual(school);
    expect(parseRounds(' 09-01 , 02-15 ')).toEqual([
      { month: 2, day: 15 },
      { month: 9, day: 1 },
    ]);
  });

  it('refuse a setting that cannot mean anything', () => {
    for (const bad of ['13-01', '02-30', '8-25', 'august', '08-25,', '00-10']) expect(parseRounds(bad), bad).toBeNull();
    expect(parseRounds('02-29')).toEqual([{ month: 2, day: 29 }]);
  });

  it('name the round a moment is in by its first day in the city', () => {
    expect(currentRound(new Date('2026-12-07T12:00:00Z'), school)).toBe('2026-08-25');
    expect(currentRound(new Date('2027-01-09T12:00:00Z'), school)).toBe('2026-08-25');
    // 10 January starts at midnight in Almere, an hour before UTC.
    expect(currentRound(new Date('2027-01-09T23:30:00Z'), school)).toBe('2027-01-10');
    expect(currentRound(new Date('2027-08-24T21:59:00Z'), school)).toBe('2027-01-10');
    expect(currentRound(new Date('2027-08-24T22:00:00Z'), school)).toBe('2027-08-25');
    // Before the year's first round day: last year's last round.
    expect(currentRound(new Date('2027-01-01T12:00:00Z'), school)).toBe('2026-08-25');
  });

  it('start a round on a day some years lack on the day after', () => {
    const leap = parseRounds('02-29');
    expect(currentRound(new Date('2028-02-29T12:00:00Z'), leap)).toBe('2028-02-29');
    expect(currentRound(new Date('2027-03-01T12:00:00Z'), leap)).toBe('2027-03-01');
    expect(currentRound(new Date('2027-02-28T12:00:00Z'), leap)).toBe('2026-03-01');
  });
});
