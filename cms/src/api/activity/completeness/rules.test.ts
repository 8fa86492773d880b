import { describe, expect, it } from 'vitest';
import { completeness } from './rules';

describe('completeness', () => {
  it('scores a complete activity 100', () => {
    expect(
      completeness({
        images: [{}],
        scheduleType: 'wekelijks',
        sessions: [{}],
        accessibility: ['lift'],
        languages: ['nl'],
        translatedLocales: ['en'],
        places: [{}],
        description: 'Een lange uitleg over wat je gaat doen en met wie.',
      }),
    ).toEqual({ score: 100, missing: [], missingText: [] });
  });

  it('lists what is missing in easy Dutch', () => {
    const result = completeness({ scheduleType: 'wekelijks', sessions: [], languages: ['nl'], places: [{}] });
    expect(result.missing).toEqual(['photo', 'schedule', 'accessibility', 'translations', 'description']);
    expect(result.missingText).toContain('een foto');
    expect(result.score).toBe(29);
  });

  it('accepts ongoing activities without times', () => {
    expect(completeness({ scheduleType: 'doorlopend' }).missing).not.toContain('schedule');
  });
});
