// Small numbers in reports (issue 18, point 4): a count of 1 to 4 could point at one family, so no
// report shows it as such. One rule for every report table and the CSV; see docs/workspace.md
// ("Kleine aantallen"). No Node-only APIs: this runs in the browser too.

/** Counts below this (and above 0) are not shown. */
export const SMALL_NUMBER_LIMIT = 5;

/**
 * A count as a report may show it: the number itself, 'klein' (1 to 4: shown as "< 5"), or
 * 'verborgen' (hidden as well, so that a small one cannot be found by subtracting from a total).
 */
export type ShownCount = number | 'klein' | 'verborgen';
/** A share or median as a report may show it: the figure, or 'te-weinig' (counted over fewer than 5). */
export type ShownFigure = number | 'te-weinig';

const isSmall = (n: number) => n > 0 && n < SMALL_NUMBER_LIMIT;

/**
 * Pure: protects counts that are linked by sums. `values` are the cells (some may be cells the
 * report never shows, such as the rest of a total: they are protected all the same); each group
 * lists the indexes of cells whose sum is known from the others (for example a table's rows plus
 * its total). Every count 1–4 becomes 'klein'. Then, while a group has exactly one hidden cell,
 * its smallest other non-zero cell is hidden too ('verborgen'; a total only when nothing else is
 * left), so no hidden cell follows from the rest by subtraction. Zero is shown: it names nobody.
 */
export function protectCounts(values: readonly number[], groups: readonly (readonly number[])[] = []): ShownCount[] {
  const out: ShownCount[] = values.map((n) => (isSmall(n) ? 'klein' : n));
  const hidden = (i: number) => typeof out[i] === 'string';
  for (let changed = true; changed;) {
    changed = false;
    for (const group of groups) {
      if (group.filter(hidden).length !== 1) continue;
      // The group's total (by convention its first cell) is hidden only when no other cell can be.
      const candidates = group.filter((i) => !hidden(i) && values[i] > 0);
      const others = candidates.filter((i) => i !== group[0]);
      const pool = others.length > 0 ? others : candidates;
      if (pool.length === 0) continue;
      const smallest = pool.reduce((a, b) => (values[b] < values[a] ? b : a));
      out[smallest] = 'verborgen';
      changed = true;
    }
  }
  return out;
}

/**
 * Pure: a table of counts with its totals, protected as one: `rows[r][c]` are the cells; with
 * `rowTotals` each row's sum is shown beside it, with `columnTotals` each column's sum is shown
 * under it (and, with both, the grand total). Answers the protected cells and the protected totals.
 */
export function protectTable(
  rows: readonly (readonly number[])[],
  options: { rowTotals?: boolean; columnTotals?: boolean } = {},
): { cells: ShownCount[][]; rowTotals: ShownCount[]; columnTotals: ShownCount[]; total: ShownCount } {
  const width = Math.max(0, ...rows.map((r) => r.length));
  const values: number[] = [];
  const cell: number[][] = rows.map((r) => r.map((n) => values.push(n) - 1));
  const rowTotal = rows.map((r) => values.push(r.reduce((a, b) => a + b, 0)) - 1);
  const columnTotal = Array.from(
    { length: width },
    (_, c) => values.push(rows.reduce((sum, r) => sum + (r[c] ?? 0), 0)) - 1,
  );
  const grand = values.push(rows.reduce((sum, r) => sum + r.reduce((a, b) => a + b, 0), 0)) - 1;
  const groups: number[][] = [];
  if (options.rowTotals) rows.forEach((_, r) => groups.push([rowTotal[r], ...cell[r]]));
  if (options.columnTotals)
    for (let c = 0; c < width; c++)
      groups.push([columnTotal[c], ...cell.map((r) => r[c]).filter((i) => i !== undefined)]);
  if (options.rowTotals && options.columnTotals) {
    groups.push([grand, ...rowTotal]);
    groups.push([grand, ...columnTotal]);
  }
  const shown = protectCounts(values, groups);
  return {
    cells: cell.map((r) => r.map((i) => shown[i])),
    rowTotals: rowTotal.map((i) => shown[i]),
    columnTotals: columnTotal.map((i) => shown[i]),
    total: shown[grand],
  };
}

/** Pure: `part` of `whole` in whole percent, or 'te-weinig' when the whole is fewer than 5. */
export function protectedShare(part: number, whole: number): ShownFigure {
  if (whole < SMALL_NUMBER_LIMIT) return 'te-weinig';
  return Math.round((part / whole) * 100);
}

/** Pure: the median of the values (one decimal), or 'te-weinig' when there are fewer than 5. */
export function protectedMedian(values: readonly number[]): ShownFigure {
  if (values.length < SMALL_NUMBER_LIMIT) return 'te-weinig';
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  const median = sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
  return Math.round(median * 10) / 10;
}
