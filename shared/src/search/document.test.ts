import { describe, expect, it } from 'vitest';
import { documentSchedule } from './document.js';

describe('documentSchedule', () => {
  it('writes weekly times as HH:MM and no dates for a weekly activity', () => {
    expect(
      documentSchedule({
        scheduleType: 'wekelijks',
        startDate: '2026-09-01',
        sessions: [{ day: 'wo', startTime: '15:30:00.000', endTime: '16:30:00.000' }],
      }),
    ).toEqual({ sessions: [{ day: 'wo', start: '15:30', end: '16:30' }], dates: null });
  });

  it('keeps the dates of a one-off or a period, with an open end as null', () => {
    expect(documentSchedule({ scheduleType: 'eenmalig', startDate: '2026-12-19' })).toEqual({
      sessions: [],
      dates: { start: '2026-12-19', end: null },
    });
    expect(documentSchedule({ scheduleType: 'periode', startDate: '2027-01-04', endDate: '2027-03-29' }).dates).toEqual(
      { start: '2027-01-04', end: '2027-03-29' },
    );
    expect(documentSchedule({ scheduleType: 'periode', startDate: null }).dates).toBeNull();
  });
});
