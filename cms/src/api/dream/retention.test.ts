import { describe, expect, it } from 'vitest';
import { retentionCutoff, retentionMonths } from './retention';
import { checkDream } from './rules';

describe('retention', () => {
  it('defaults to twelve months and reads DREAM_RETENTION_MONTHS', () => {
    expect(retentionMonths({})).toBe(12);
    expect(retentionMonths({ DREAM_RETENTION_MONTHS: '6' })).toBe(6);
    expect(retentionMonths({ DREAM_RETENTION_MONTHS: 'nooit' })).toBe(12);
  });

  it('counts back whole months', () => {
    expect(retentionCutoff(new Date('2026-11-23T10:00:00Z'), 12).toISOString()).toBe('2025-11-23T10:00:00.000Z');
  });
});

describe('checkDream', () => {
  it('normalises a new dream and keeps coordinator fields out of the check', () => {
    const { problems, normalised } = checkDream(
      {
        edition: 'jong',
        firstName: ' Noor ',
        age: 15,
        dream: 'Pilote',
        phone: '06 1234 5678',
        status: 'nieuw',
        needPicks: null,
      },
      { partial: false },
    );
    expect(problems).toEqual([]);
    expect(normalised).toEqual({
      edition: 'jong',
      firstName: 'Noor',
      age: 15,
      dream: 'Pilote',
      phone: '+31612345678',
      needPicks: [],
    });
  });

  it('gives Dutch field messages', () => {
    const { problems } = checkDream(
      { edition: 'kind', firstName: '', age: 30, dream: 'Dokter', phone: '12' },
      { partial: false },
    );
    expect(problems.map((p) => p.field).sort()).toEqual(['age', 'firstName', 'phone']);
    for (const p of problems) expect(p.message).not.toMatch(/^dream\.error/);
  });

  it('checks only the fields an update changes', () => {
    expect(checkDream({ notes: 'Gebeld', status: 'contact' }, { partial: true })).toEqual({
      problems: [],
      normalised: {},
    });
    expect(checkDream({ phone: 'geen' }, { partial: true }).problems).toHaveLength(1);
  });
});
