import type { TFunction } from 'i18next';
import type { ReportedOutcome } from '@droomkaart/shared';
import { intlLocale } from '../format.ts';
import type { Report, ShownCount, ShownFigure } from './api.ts';

// The reports page and its CSV: the period from the URL, the figures as rows, and CSV the way Dutch
// Excel opens it (semicolons, UTF-8 with a byte order mark, CRLF). No personal data: the cms
// sends counts only. Pure functions.

export type Period = { from: string; to: string };

const MONTH = /^(\d{4})-(0[1-9]|1[0-2])$/;
/** Longest period the page asks for (five years of months). */
export const MAX_MONTHS = 60;

const monthOf = (d: Date) => `${d.getUTCFullYear()}-${String(d.getUTCMonth() + 1).padStart(2, '0')}`;
const monthIndex = (m: string) => Number(m.slice(0, 4)) * 12 + Number(m.slice(5, 7)) - 1;
const fromIndex = (i: number) => `${Math.floor(i / 12)}-${String((i % 12) + 1).padStart(2, '0')}`;

/**
 * Pure: the period of `?from=YYYY-MM&to=YYYY-MM`. Default: the last twelve months up to this one.
 * A reversed period is turned round; a longer one than five years is cut at its start.
 */
export function parsePeriod(params: URLSearchParams, now = new Date()): Period {
  const current = monthOf(now);
  const rawTo = params.get('to') ?? '';
  const rawFrom = params.get('from') ?? '';
  let to = MONTH.test(rawTo) ? rawTo : current;
  let from = MONTH.test(rawFrom) ? rawFrom : fromIndex(monthIndex(to) - 11);
  if (from > to) [from, to] = [to, from];
  if (monthIndex(to) - monthIndex(from) >= MAX_MONTHS) from = fromIndex(monthIndex(to) - MAX_MONTHS + 1);
  return { from, to };
}

/** Pure: a bar's length in percent of the largest value (at least a sliver for non-zero values). */
export function barPercent(value: number, max: number): number {
  if (!(max > 0) || !(value > 0)) return 0;
  return Math.max(1, Math.round((value / max) * 100));
}

/** Pure: part of a whole as a whole percentage (0 when there is no whole). */
export function share(part: number, whole: number): number {
  return whole > 0 ? Math.round((part / whole) * 100) : 0;
}

/** Pure: a protected count as a number for a bar (a hidden one draws none). */
export const countValue = (count: ShownCount): number => (typeof count === 'number' ? count : 0);

/**
 * Pure: the share of a protected count in a protected whole, or null when either is hidden (a
 * share of a hidden count would show it again).
 */
export function shownShare(part: ShownCount, whole: ShownCount): number | null {
  return typeof part === 'number' && typeof whole === 'number' ? share(part, whole) : null;
}

/** What the rows need to be read: labels in the reader's language. */
export type ReportLabels = {
  header: [string, string, string, string, string, string, string, string];
  section: (
    name:
      | 'period'
      | 'total'
      | 'month'
      | 'stadsdeel'
      | 'edition'
      | 'theme'
      | 'funnel'
      | 'gaps'
      | 'income'
      | 'earlierHelp'
      | 'loop'
      | 'outcomeStadsdeel'
      | 'outcomeTheme',
  ) => string;
  /** A protected count: the number, or "< 5" / "verborgen". */
  count: (count: ShownCount) => string | number;
  /** A protected share or median: the figure, or "te weinig". */
  figure: (figure: ShownFigure, unit: 'percent' | 'days') => string;
  loop: (what: 'rate' | 'firstContact' | 'start') => string;
  outcome: (outcome: ReportedOutcome | 'closed') => string;
  allStadsdelen: string;
  month: (month: string) => string;
  stadsdeel: (slugOrName: string | null) => string;
  edition: (id: string) => string;
  theme: (slug: string) => string;
  ageBand: (band: string) => string;
  funnel: (stage: 'nieuw' | 'gesprek' | 'gekoppeld' | 'gestart') => string;
  income: (key: string) => string;
  earlierHelp: (key: string) => string;
};

export type Row = (string | number)[];

/**
 * Pure: every figure of the report as rows under one header: part; what; theme; age; stadsdeel;
 * number; without a match; activities there. The gaps use all columns, the rest only the first ones.
 */
export function reportRows(report: Report, l: ReportLabels): Row[] {
  const rows: Row[] = [l.header];
  const c = l.count;
  const row = (
    part: string,
    what: string,
    count: number | string,
    extra: Partial<{
      theme: string;
      age: string;
      stadsdeel: string;
      unmatched: number | string;
      activities: number;
    }> = {},
  ): Row => [
    part,
    what,
    extra.theme ?? '',
    extra.age ?? '',
    extra.stadsdeel ?? '',
    count,
    extra.unmatched ?? '',
    extra.activities ?? '',
  ];
  rows.push(row(l.section('period'), `${report.period.from} – ${report.period.to}`, ''));
  rows.push(row(l.section('total'), '', c(report.total)));
  for (const m of report.perMonth) rows.push(row(l.section('month'), l.month(m.month), c(m.count)));
  for (const s of report.perStadsdeel)
    rows.push(
      row(l.section('stadsdeel'), l.stadsdeel(s.stadsdeel), c(s.count), { stadsdeel: l.stadsdeel(s.stadsdeel) }),
    );
  for (const e of report.perEdition) rows.push(row(l.section('edition'), l.edition(e.edition), c(e.count)));
  for (const t of report.perTheme)
    rows.push(row(l.section('theme'), l.theme(t.theme), c(t.count), { theme: l.theme(t.theme) }));
  for (const stage of ['nieuw', 'gesprek', 'gekoppeld', 'gestart'] as const)
    rows.push(row(l.section('funnel'), l.funnel(stage), c(report.funnel[stage])));
  for (const g of report.gaps)
    rows.push(
      row(l.section('gaps'), '', c(g.dreams), {
        theme: l.theme(g.theme),
        age: l.ageBand(g.ageBand),
        stadsdeel: l.stadsdeel(g.stadsdeel),
        unmatched: c(g.unmatched),
        activities: g.activities,
      }),
    );
  for (const [key, count] of Object.entries(report.reach.incomeSource))
    rows.push(row(l.section('income'), l.income(key), c(count)));
  for (const [key, count] of Object.entries(report.reach.earlierHelp))
    rows.push(row(l.section('earlierHelp'), l.earlierHelp(key), c(count)));
  const o = report.outcomes;
  if (o) {
    rows.push(row(l.section('loop'), l.loop('rate'), l.figure(o.closedLoop.rate, 'percent')));
    rows.push(row(l.section('loop'), l.loop('firstContact'), l.figure(o.daysToFirstContact.median, 'days')));
    rows.push(row(l.section('loop'), l.loop('start'), l.figure(o.daysToStart.median, 'days')));
    // Outcome tables: one row per stadsdeel (or theme) and outcome, its closed dreams first.
    const outcomeRows = (part: string, name: string, r: Report['outcomes']['allStadsdelen'], extra = {}) => {
      rows.push(row(part, `${name}: ${l.outcome('closed')}`, c(r.closed), extra));
      for (const col of o.columns) rows.push(row(part, `${name}: ${l.outcome(col)}`, c(r.counts[col]), extra));
    };
    for (const r of o.perStadsdeel)
      outcomeRows(l.section('outcomeStadsdeel'), l.stadsdeel(r.stadsdeel), r, { stadsdeel: l.stadsdeel(r.stadsdeel) });
    outcomeRows(l.section('outcomeStadsdeel'), l.allStadsdelen, o.allStadsdelen);
    for (const r of o.perTheme)
      outcomeRows(l.section('outcomeTheme'), l.theme(r.theme), r, { theme: l.theme(r.theme) });
  }
  return rows;
}

/**
 * Pure: one CSV cell. Quoted when it holds the separator, a quote or a line break; text that a
 * spreadsheet would run as a formula (=, +, -, @ at the start) gets a leading apostrophe.
 */
export function csvCell(value: string | number, separator = ';'): string {
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '';
  let text = value;
  if (/^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return text.includes(separator) || /["\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** Pure: rows to CSV: semicolons, CRLF, and a byte order mark so Excel reads UTF-8 (é, ö, Arabic). */
export function toCsv(rows: Row[], separator = ';'): string {
  return `\uFEFF${rows.map((r) => r.map((c) => csvCell(c, separator)).join(separator)).join('\r\n')}\r\n`;
}

/** Pure: the download's file name for a period. */
export const csvFileName = (period: Period) => `droomkaart-rapportage-${period.from}-${period.to}.csv`;

/** The labels of the report in the reader's language (the page and the CSV share them). */
export function reportLabels(
  t: TFunction,
  locale: string,
  stadsdelen: readonly { slug: string; name: string }[],
): ReportLabels {
  const monthFormat = new Intl.DateTimeFormat(intlLocale(locale), { month: 'long', year: 'numeric', timeZone: 'UTC' });
  return {
    header: [
      t('workspace.ui.report.csv.part'),
      t('workspace.ui.report.csv.what'),
      t('workspace.ui.report.theme'),
      t('workspace.ui.report.ageBand'),
      t('workspace.ui.report.stadsdeel'),
      t('workspace.ui.report.count'),
      t('workspace.ui.report.unmatched'),
      t('workspace.ui.report.activities'),
    ],
    section: (name) => t(`workspace.ui.report.section.${name}`),
    month: (month) => (MONTH.test(month) ? monthFormat.format(new Date(`${month}-01T00:00:00Z`)) : month),
    stadsdeel: (value) =>
      value ? (stadsdelen.find((s) => s.slug === value || s.name === value)?.name ?? value) : t('workspace.ui.unknown'),
    edition: (id) => t(`edition.${id}.name`),
    theme: (slug) => t(`theme.${slug}`),
    ageBand: (band) => t('workspace.ui.report.years', { band }),
    funnel: (stage) => t(`workspace.ui.report.funnel.${stage}`),
    income: (key) => (key === 'niet-verteld' ? t('workspace.ui.notTold') : t(`workspace.ui.income.${key}`)),
    earlierHelp: (key) =>
      key === 'ja' ? t('workspace.ui.yes') : key === 'nee' ? t('workspace.ui.no') : t('workspace.ui.notTold'),
    count: (count) => shownCount(t, count),
    figure: (figure, unit) =>
      figure === 'te-weinig'
        ? t('workspace.ui.report.tooFew')
        : unit === 'percent'
          ? t('workspace.ui.report.percent', { value: figure })
          : new Intl.NumberFormat(intlLocale(locale), { maximumFractionDigits: 1 }).format(figure),
    loop: (what) => t(`workspace.ui.report.loop.${what}`),
    outcome: (outcome) => (outcome === 'closed' ? t('workspace.ui.report.closed') : t(`workspace.outcome.${outcome}`)),
    allStadsdelen: t('workspace.ui.report.allStadsdelen'),
  };
}

/** A protected count in the reader's words: the number, "< 5" (1 to 4) or "verborgen". */
export function shownCount(t: TFunction, count: ShownCount): string | number {
  if (count === 'klein') return t('workspace.ui.report.small');
  if (count === 'verborgen') return t('workspace.ui.report.hidden');
  return count;
}
