import { describe, expect, it } from 'vitest';
import { ageBand, ageBandRange, ageBands } from './vocabularies.js';

describe('ageBand', () => {
  it('puts every age from 0 to 18 in exactly one band', () => {
    expect([0, 3, 4, 7, 8, 11, 12, 15, 16, 18].map(ageBand)).toEqual([
      '0-3',
      '0-3',
      '4-7',
      '4-7',
      '8-11',
      '8-11',
      '12-15',
      '12-15',
      '16-18',
      '16-18',
    ]);
    for (let age = 0; age <= 18; age++) {
      const band = ageBand(age)!;
      expect(age).toBeGreaterThanOrEqual(ageBandRange(band).min);
      expect(age).toBeLessThanOrEqual(ageBandRange(band).max);
    }
  });

  it('has no band outside the programme’s ages', () => {
    expect(ageBand(-1)).toBeNull();
    expect(ageBand(19)).toBeNull();
    expect(ageBand(Number.NaN)).toBeNull();
    expect(ageBand(7.9)).toBe('4-7');
  });

  it('lists the bands in order', () => {
    expect(ageBands).toEqual(['0-3', '4-7', '8-11', '12-15', '16-18']);
  });
});
