import { describe, expect, it } from 'vitest';
import type { Report } from './api.ts';
import {
  barPercent,
  countValue,
  csvCell,
  csvFileName,
  parsePeriod,
  reportRows,
  share,
  shownShare,
  toCsv,
  type ReportLabels,
} from './report.ts';

const NOW = new Date('2027-03-15T12:00:00Z');
const period = (qs: string) => parsePeriod(new URLSearchParams(qs), NOW);

describe('the report period', () => {
  it('is the last twelve months by default', () => {
    expect(period('')).toEqual({ from: '2026-04', to: '2027-03' });
  });
  it('reads from and to, turns a reversed period round and drops bad months', () => {
    expect(period('from=2026-01&to=2026-06')).toEqual({ from: '2026-01', to: '2026-06' });
    expect(period('from=2026-06&to=2026-01')).toEqual({ from: '2026-01', to: '2026-06' });
    expect(period('from=2026-13&to=2026-06')).toEqual({ from: '2025-07', to: '2026-06' });
  });
  it('is at most five years long', () => {
    expect(period('from=2000-01&to=2027-03')).toEqual({ from: '2022-04', to: '2027-03' });
  });
});

describe('bars and shares', () => {
  it('scales bars to the largest value', () => {
    expect(barPercent(5, 10)).toBe(50);
    expect(barPercent(10, 10)).toBe(100);
    expect(barPercent(1, 1000)).toBe(1);
    expect(barPercent(0, 10)).toBe(0);
    expect(barPercent(3, 0)).toBe(0);
  });
  it('gives shares in whole percents', () => {
    expect(share(1, 3)).toBe(33);
    expect(share(0, 0)).toBe(0);
  });
  it('gives no share and no bar for a hidden count', () => {
    expect(shownShare(5, 10)).toBe(50);
    expect(shownShare('klein', 10)).toBeNull();
    expect(shownShare(5, 'verborgen')).toBeNull();
    expect(countValue('klein')).toBe(0);
    expect(countValue(7)).toBe(7);
  });
});

const report: Report = {
  period: { from: '2027-01', to: '2027-03' },
  total: 7,
  perMonth: [
    { month: '2027-01', count: 3 },
    { month: '2027-02', count: 4 },
  ],
  perStadsdeel: [{ stadsdeel: 'almere-stad', count: 5 }],
  perEdition: [
    { edition: 'kind', count: 6 },
    { edition: 'jong', count: 1 },
  ],
  perTheme: [{ theme: 'sport-bewegen', count: 4 }],
  funnel: { nieuw: 7, gesprek: 5, gekoppeld: 3, gestart: 2 },
  gaps: [{ theme: 'sport-bewegen', ageBand: '8-11', stadsdeel: 'almere-stad', dreams: 4, unmatched: 2, activities: 1 }],
  reach: {
    incomeSource: { bijstand: 1, 'andere-uitkering': 0, werk: 2, onbekend: 0, 'niet-verteld': 4 },
    earlierHelp: { ja: 1, nee: 2, 'niet-verteld': 4 },
  },
  outcomes: {
    closedLoop: { referrals: 12, rate: 75 },
    daysToFirstContact: { dreams: 20, median: 2.5 },
    daysToStart: { dreams: 'klein', median: 'te-weinig' },
    columns: ['geholpen', 'geen-plek', 'onbekend'],
    perStadsdeel: [
      { stadsdeel: 'almere-stad', closed: 9, counts: { geholpen: 6, 'geen-plek': 'klein', onbekend: 'verborgen' } },
    ],
    allStadsdelen: { closed: 9, counts: { geholpen: 6, 'geen-plek': 'klein', onbekend: 'verborgen' } },
    perTheme: [{ theme: 'sport-bewegen', closed: 5, counts: { geholpen: 5, 'geen-plek': 0, onbekend: 0 } }],
  } as unknown as Report['outcomes'],
};
const labels: ReportLabels = {
  header: ['Onderdeel', 'Wat', 'Thema', 'Leeftijd', 'Stadsdeel', 'Aantal', 'Zonder match', 'Aanbod'],
  section: (s) => `S:${s}`,
  month: (m) => `M:${m}`,
  stadsdeel: (s) => `SD:${s}`,
  edition: (e) => `E:${e}`,
  theme: (t) => `T:${t}`,
  ageBand: (b) => `${b} jaar`,
  funnel: (f) => `F:${f}`,
  income: (k) => `I:${k}`,
  earlierHelp: (k) => `H:${k}`,
  count: (c) => (c === 'klein' ? '< 5' : c === 'verborgen' ? 'verborgen' : c),
  figure: (f, unit) => (f === 'te-weinig' ? 'te weinig' : unit === 'percent' ? `${f}%` : String(f)),
  loop: (w) => `L:${w}`,
  outcome: (o) => `O:${o}`,
  allStadsdelen: 'Alle',
};

describe('the report as CSV', () => {
  it('has a header row and one row per figure, gaps with every column', () => {
    const rows = reportRows(report, labels);
    expect(rows[0]).toEqual(labels.header);
    expect(rows).toContainEqual(['S:total', '', '', '', '', 7, '', '']);
    expect(rows).toContainEqual(['S:month', 'M:2027-02', '', '', '', 4, '', '']);
    expect(rows).toContainEqual(['S:funnel', 'F:gekoppeld', '', '', '', 3, '', '']);
    expect(rows).toContainEqual(['S:gaps', '', 'T:sport-bewegen', '8-11 jaar', 'SD:almere-stad', 4, 2, 1]);
    expect(rows).toContainEqual(['S:income', 'I:niet-verteld', '', '', '', 4, '', '']);
    expect(rows).toContainEqual(['S:earlierHelp', 'H:nee', '', '', '', 2, '', '']);
    expect(rows.every((r) => r.length === 8)).toBe(true);
    // 1 header + period + total + 2 months + 1 stadsdeel + 2 editions + 1 theme + 4 funnel + 1 gap + 5 income + 3 help
    // + 3 loop figures + (1 stadsdeel + all + 1 theme) × (closed + 3 outcomes)
    expect(rows).toHaveLength(22 + 3 + 12);
  });

  it('shows hidden small numbers as the page does, never the number', () => {
    const rows = reportRows(report, labels);
    expect(rows).toContainEqual(['S:loop', 'L:rate', '', '', '', '75%', '', '']);
    expect(rows).toContainEqual(['S:loop', 'L:firstContact', '', '', '', '2.5', '', '']);
    expect(rows).toContainEqual(['S:loop', 'L:start', '', '', '', 'te weinig', '', '']);
    expect(rows).toContainEqual([
      'S:outcomeStadsdeel',
      'SD:almere-stad: O:geen-plek',
      '',
      '',
      'SD:almere-stad',
      '< 5',
      '',
      '',
    ]);
    expect(rows).toContainEqual(['S:outcomeStadsdeel', 'Alle: O:onbekend', '', '', '', 'verborgen', '', '']);
    expect(rows).toContainEqual(['S:outcomeTheme', 'T:sport-bewegen: O:closed', 'T:sport-bewegen', '', '', 5, '', '']);
    const csv = toCsv(rows);
    expect(csv).toContain(';< 5;');
  });

  it('separates with semicolons, quotes what needs quoting and ends lines with CRLF', () => {
    const csv = toCsv([
      ['a;b', 'say "hi"', 3],
      ['line\nbreak', 'plain', 0],
    ]);
    expect(csv.startsWith('\uFEFF')).toBe(true);
    expect(csv.slice(1)).toBe('"a;b";"say ""hi""";3\r\n"line\nbreak";plain;0\r\n');
  });

  it('never lets a cell become a spreadsheet formula', () => {
    expect(csvCell('=SUM(A1)')).toBe("'=SUM(A1)");
    expect(csvCell('+31612345678')).toBe("'+31612345678");
    expect(csvCell('-3')).toBe("'-3");
    expect(csvCell(-3)).toBe('-3');
    expect(csvCell(Number.NaN)).toBe('');
  });

  it('names the file after the period', () => {
    expect(csvFileName({ from: '2027-01', to: '2027-03' })).toBe('droomkaart-rapportage-2027-01-2027-03.csv');
  });
});
