import { describe, expect, it } from 'vitest';
import { shownUntil } from '@droomkaart/shared';
import { freshnessConfigFromEnv, freshnessState, needsNotice } from './rules';

const now = new Date('2027-06-15T10:00:00Z');

describe('freshnessState', () => {
  it('goes fresh → reminder → stale → expired as the last review gets older', () => {
    expect(freshnessState({ lastReviewedAt: '2027-05-01T00:00:00Z' }, now)).toBe('fresh');
    expect(freshnessState({ lastReviewedAt: '2026-12-20T00:00:00Z' }, now)).toBe('reminder'); // stale on 20 June
    expect(freshnessState({ lastReviewedAt: '2026-12-10T00:00:00Z' }, now)).toBe('stale');
    expect(freshnessState({ lastReviewedAt: '2026-09-14T00:00:00Z' }, now)).toBe('expired');
  });

  it('expires activities past validUntil, and never-reviewed activities', () => {
    expect(freshnessState({ lastReviewedAt: '2027-06-01T00:00:00Z', validUntil: '2027-06-14' }, now)).toBe('expired');
    expect(freshnessState({ lastReviewedAt: '2027-06-01T00:00:00Z', validUntil: '2027-06-15' }, now)).toBe('fresh');
    expect(freshnessState({ lastReviewedAt: null }, now)).toBe('expired');
  });

  it('takes its periods from the environment', () => {
    const config = freshnessConfigFromEnv({
      FRESHNESS_STALE_MONTHS: '3',
      FRESHNESS_UNPUBLISH_MONTHS: '12',
      FRESHNESS_REMINDER_DAYS: 'x',
    });
    expect(config).toEqual({ staleAfterMonths: 3, unpublishAfterMonths: 12, reminderDaysBefore: 14 });
    expect(freshnessState({ lastReviewedAt: '2027-02-01T00:00:00Z' }, now, config)).toBe('stale');
  });
});

describe('needsNotice', () => {
  it('sends one notice per state, again after a new review', () => {
    expect(needsNotice('fresh', null, null)).toBe(false);
    expect(needsNotice('reminder', null, '2027-01-01')).toBe(true);
    expect(needsNotice('reminder', { state: 'reminder', at: '2027-06-01' }, '2027-01-01')).toBe(false);
    expect(needsNotice('stale', { state: 'reminder', at: '2027-06-01' }, '2027-01-01')).toBe(true);
    expect(needsNotice('reminder', { state: 'reminder', at: '2027-01-01' }, '2027-03-01')).toBe(true);
  });
});

describe('shownUntil (the search index) and freshnessState agree', () => {
  it('turns expired at the very moment the index stops showing the activity', () => {
    const reviewed = { lastReviewedAt: '2026-09-15T10:00:00.000Z' };
    const limit = shownUntil(reviewed);
    expect(new Date(limit).toISOString()).toBe('2027-06-15T10:00:00.000Z');
    expect(freshnessState(reviewed, new Date(limit - 1))).not.toBe('expired');
    expect(freshnessState(reviewed, new Date(limit))).toBe('expired');
    // validUntil: shown through that day (UTC), gone the day after.
    const ending = { lastReviewedAt: '2027-06-01T00:00:00Z', validUntil: '2027-06-20' };
    expect(new Date(shownUntil(ending)).toISOString()).toBe('2027-06-21T00:00:00.000Z');
    expect(freshnessState(ending, new Date('2027-06-20T23:59:59Z'))).not.toBe('expired');
    expect(freshnessState(ending, new Date('2027-06-21T00:00:00Z'))).toBe('expired');
    expect(shownUntil({ lastReviewedAt: null })).toBe(0);
  });
});
