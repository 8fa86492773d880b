import { describe, expect, it } from 'vitest';
import { protectCounts, protectedMedian, protectedShare, protectTable } from './small-numbers.js';

describe('protectCounts', () => {
  it('hides every count from 1 to 4, shows 0 and 5 and more', () => {
    expect(protectCounts([0, 1, 2, 3, 4, 5, 120])).toEqual([0, 'klein', 'klein', 'klein', 'klein', 5, 120]);
  });

  it('hides a second cell when one small cell could be found from the total', () => {
    // total 30 = 3 + 7 + 20: with only the 3 hidden, 30 − 7 − 20 gives it back.
    expect(protectCounts([30, 3, 7, 20], [[0, 1, 2, 3]])).toEqual([30, 'klein', 'verborgen', 20]);
  });

  it('needs no second cell when two are small already, or none is', () => {
    expect(protectCounts([30, 3, 2, 25], [[0, 1, 2, 3]])).toEqual([30, 'klein', 'klein', 25]);
    expect(protectCounts([30, 10, 20], [[0, 1, 2]])).toEqual([30, 10, 20]);
  });

  it('hides the total itself only when nothing else is left', () => {
    expect(protectCounts([8, 3, 0, 5], [[0, 1, 2, 3]])).toEqual([8, 'klein', 0, 'verborgen']);
    expect(protectCounts([3, 3, 0], [[0, 1, 2]])).toEqual(['klein', 'klein', 0]);
  });

  it('keeps groups that share a cell consistent (one total under several tables)', () => {
    // Total 12 in two tables: months 2 + 10, editions 12 + 0. Hiding 10 in the months is enough.
    const shown = protectCounts(
      [12, 2, 10, 12, 0],
      [
        [0, 1, 2],
        [0, 3, 4],
      ],
    );
    expect(shown).toEqual([12, 'klein', 'verborgen', 12, 0]);
  });

  it('protects a cell the report never shows (the rest of a total)', () => {
    // dreams 9, without a match 6, so with a match 3: showing 9 and 6 would give the 3 away.
    expect(protectCounts([9, 6, 3], [[0, 1, 2]])).toEqual([9, 'verborgen', 'klein']);
  });
});

describe('protectTable', () => {
  it('protects rows and columns with their totals until no hidden cell can be worked out', () => {
    const { cells, rowTotals, columnTotals, total } = protectTable(
      [
        [10, 2, 8],
        [6, 7, 9],
      ],
      { rowTotals: true, columnTotals: true },
    );
    expect(cells[0][1]).toBe('klein');
    // Its row and its column each get a second hidden cell.
    expect(cells[0].filter((c) => typeof c === 'string').length).toBeGreaterThanOrEqual(2);
    expect([cells[0][1], cells[1][1]].filter((c) => typeof c === 'string').length).toBeGreaterThanOrEqual(2);
    expect(rowTotals).toEqual([20, 22]);
    expect(columnTotals).toEqual([16, 9, 17]);
    expect(total).toBe(42);
    // No row or column has exactly one hidden cell.
    for (const row of cells) expect(row.filter((c) => typeof c === 'string').length).not.toBe(1);
    for (let c = 0; c < 3; c++) expect(cells.map((r) => r[c]).filter((x) => typeof x === 'string').length).not.toBe(1);
  });

  it('with row totals only, leaves the columns alone', () => {
    const { cells, rowTotals } = protectTable([[1, 0, 9]], { rowTotals: true });
    expect(cells).toEqual([['klein', 0, 'verborgen']]);
    expect(rowTotals).toEqual([10]);
  });
});

describe('shares and medians', () => {
  it('says te-weinig over fewer than 5', () => {
    expect(protectedShare(3, 4)).toBe('te-weinig');
    expect(protectedShare(4, 5)).toBe(80);
    expect(protectedShare(0, 0)).toBe('te-weinig');
    expect(protectedMedian([1, 2, 3, 4])).toBe('te-weinig');
    expect(protectedMedian([5, 1, 3, 2, 4])).toBe(3);
    expect(protectedMedian([1, 2, 3, 4, 5, 6.5])).toBe(3.5);
  });
});
