import { describe, expect, it } from 'vitest';
import { agesFit } from './shortlist.ts';

describe('agesFit', () => {
  it('fits a child within the ages, the bounds included', () => {
    expect(agesFit(8, 6, 10)).toBe(true);
    expect(agesFit(6, 6, 10)).toBe(true);
    expect(agesFit(10, 6, 10)).toBe(true);
  });

  it('does not fit a child younger or older than the ages', () => {
    expect(agesFit(5, 6, 10)).toBe(false);
    expect(agesFit(12, 6, 10)).toBe(false);
  });

  it('never warns when an age is unknown', () => {
    expect(agesFit(null, 6, 10)).toBe(true);
    expect(agesFit(12, null, null)).toBe(true);
    expect(agesFit(4, 6, null)).toBe(false);
  });
});
