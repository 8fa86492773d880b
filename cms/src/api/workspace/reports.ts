import type { Core } from '@strapi/strapi';
import { z } from 'zod';
import {
  ageBand,
  ageBandRange,
  city,
  dreamOutcomes,
  dreamStatuses,
  incomeSources,
  protectCounts,
  protectedMedian,
  protectedShare,
  protectTable,
  referralOutcome,
  referralStartedAt,
  referralWasSignedUp,
  reportedOutcome,
  UNKNOWN_OUTCOME,
  wijken,
  type DreamStatus,
  type ReferralFacts,
  type ReportedOutcome,
  type ShownCount,
  type ShownFigure,
} from '@droomkaart/shared';
import { DREAM } from '../dream/rules';
import { WorkspaceError } from './auth';
import { REFERRAL } from './dreams';
import { UID } from '../../content-types';
import { isStatusStep, type HistoryEntry } from './history';

const ACTIVITY = UID.activity;

/** What a report reads of a dream: no name, no text, no contact. */
export type ReportDream = {
  id: number;
  receivedAt: string;
  edition: string;
  age: number;
  wijk: string | null;
  dreamStatus: DreamStatus;
  statusHistory: (Pick<HistoryEntry, 'step' | 'to'> & Partial<Pick<HistoryEntry, 'at' | 'from'>>)[] | null;
  themes: string[] | null;
  incomeSource: string | null;
  earlierHelp: boolean | null;
  /** Why it was closed; null for open dreams and for old closed ones (then 'onbekend'). */
  outcome?: string | null;
};
/** A referral as the reports read it: its status and dates, and the provider's and family's answers when there. */
export type ReportReferral = { dreamId: number } & ReferralFacts;
export type ReportActivity = { themes: string[]; ageMin: number; ageMax: number; stadsdelen: string[] };

const stadsdeelOf = new Map(wijken.map((w) => [w.slug, w.stadsdeel]));
const rank = (s: DreamStatus) => dreamStatuses.indexOf(s);

/** Pure: the furthest stage a dream reached (closing early does not count as a stage). */
export function furthestStage(d: Pick<ReportDream, 'dreamStatus' | 'statusHistory'>): number {
  const steps = [d.dreamStatus, ...(d.statusHistory ?? []).filter(isStatusStep).map((h) => h.to as DreamStatus)].filter(
    (s) => s !== 'afgerond',
  );
  return Math.max(0, ...steps.map(rank));
}

function countBy<T>(items: T[], key: (item: T) => string | null | undefined): Map<string, number> {
  const out = new Map<string, number>();
  for (const item of items) {
    const k = key(item);
    if (k) out.set(k, (out.get(k) ?? 0) + 1);
  }
  return out;
}

const month = (iso: string) => iso.slice(0, 7);
const DAY = 86_400_000;

/** Pure: days from the dream to its first status step away from nieuw (first contact); null when none yet. */
export function daysToFirstContact(d: Pick<ReportDream, 'receivedAt' | 'statusHistory'>): number | null {
  const first = (d.statusHistory ?? []).find((h) => isStatusStep(h) && h.at && h.to && h.to !== 'nieuw');
  if (!first?.at) return null;
  const days = (Date.parse(first.at) - Date.parse(d.receivedAt)) / DAY;
  return Number.isFinite(days) ? Math.max(0, days) : null;
}

/** Pure: days from the dream to the first start of any of its referrals; null when none started. */
export function daysToStart(d: Pick<ReportDream, 'receivedAt'>, referrals: ReportReferral[]): number | null {
  const starts = referrals
    .map(referralStartedAt)
    .filter((at): at is string => !!at)
    .map((at) => Date.parse(at))
    .filter(Number.isFinite);
  if (starts.length === 0) return null;
  return Math.max(0, (Math.min(...starts) - Date.parse(d.receivedAt)) / DAY);
}

/** The outcome columns of the reports, in this order ('onbekend' last). */
export const outcomeColumns: ReportedOutcome[] = [...dreamOutcomes, UNKNOWN_OUTCOME];

/**
 * Pure: the programme's figures from dreams, referrals and activities. Only counts leave this
 * function. A dream "found no match" when it got past the conversation (or was closed) and
 * has no referral at all; activities count published activities for that theme and age band with a
 * place in that stadsdeel.
 */
export function buildReport(input: {
  from: string;
  to: string;
  dreams: ReportDream[];
  referrals: ReportReferral[];
  activities: ReportActivity[];
}) {
  const { from, to } = input;
  const dreams = input.dreams.filter((d) => month(d.receivedAt) >= from && month(d.receivedAt) <= to);
  const referred = countBy(input.referrals, (r) => String(r.dreamId));
  const started = new Set(input.referrals.filter((r) => referralStartedAt(r)).map((r) => r.dreamId));
  const referralsOf = new Map<number, ReportReferral[]>();
  for (const r of input.referrals) referralsOf.set(r.dreamId, [...(referralsOf.get(r.dreamId) ?? []), r]);

  const months: string[] = [];
  for (let m = from; m <= to && months.length < 120;) {
    months.push(m);
    const [y, mm] = m.split('-').map(Number);
    m = mm === 12 ? `${y + 1}-01` : `${y}-${String(mm + 1).padStart(2, '0')}`;
  }
  const perMonthMap = countBy(dreams, (d) => month(d.receivedAt));
  const perStadsdeelMap = countBy(dreams, (d) => (d.wijk ? stadsdeelOf.get(d.wijk) : null) ?? 'onbekend');
  const perEditionMap = countBy(dreams, (d) => d.edition);
  const perThemeMap = countBy(
    dreams.flatMap((d) => d.themes ?? []),
    (t) => t,
  );

  const funnel = {
    nieuw: dreams.length,
    gesprek: dreams.filter((d) => furthestStage(d) >= rank('gesprek-gepland')).length,
    gekoppeld: dreams.filter((d) => furthestStage(d) >= rank('gekoppeld')).length,
    gestart: dreams.filter((d) => started.has(d.id)).length,
  };

  const gapRows = new Map<
    string,
    { theme: string; ageBand: string; stadsdeel: string; dreams: number; unmatched: number; activities: number }
  >();
  for (const d of dreams) {
    const stadsdeel = (d.wijk ? stadsdeelOf.get(d.wijk) : null) ?? 'onbekend';
    const considered = furthestStage(d) >= rank('gesprek-gevoerd') || d.dreamStatus === 'afgerond';
    if (!considered) continue;
    const band = ageBand(d.age);
    if (!band) continue;
    for (const theme of d.themes ?? []) {
      const key = `${theme}|${band}|${stadsdeel}`;
      const row = gapRows.get(key) ?? { theme, ageBand: band, stadsdeel, dreams: 0, unmatched: 0, activities: 0 };
      row.dreams++;
      if (!referred.get(String(d.id))) row.unmatched++;
      gapRows.set(key, row);
    }
  }
  for (const row of gapRows.values()) {
    const { min: lo, max: hi } = ageBandRange(row.ageBand as Parameters<typeof ageBandRange>[0]);
    row.activities = input.activities.filter(
      (o) => o.themes.includes(row.theme) && o.ageMin <= hi && o.ageMax >= lo && o.stadsdelen.includes(row.stadsdeel),
    ).length;
  }
  const gaps = [...gapRows.values()]
    .filter((r) => r.unmatched > 0)
    .sort((a, b) => b.unmatched - a.unmatched || a.activities - b.activities || a.theme.localeCompare(b.theme));

  const income = Object.fromEntries([...incomeSources, 'niet-verteld'].map((k) => [k, 0])) as Record<string, number>;
  const earlierHelp = { ja: 0, nee: 0, 'niet-verteld': 0 };
  for (const d of dreams) {
    income[d.incomeSource && d.incomeSource in income ? d.incomeSource : 'niet-verteld']++;
    earlierHelp[d.earlierHelp === true ? 'ja' : d.earlierHelp === false ? 'nee' : 'niet-verteld']++;
  }

  // Outcomes: the closed loop over referrals signed up, the time to first contact and to start, and
  // how closed dreams ended per stadsdeel and theme.
  const signedUp = dreams.flatMap((d) => referralsOf.get(d.id) ?? []).filter(referralWasSignedUp);
  const closed = dreams.filter((d) => d.dreamStatus === 'afgerond');
  const outcomeRow = (list: ReportDream[]) => {
    const counts = countBy(list, (d) => reportedOutcome(d.outcome));
    return outcomeColumns.map((o) => counts.get(o) ?? 0);
  };
  const stadsdeelOfDream = (d: ReportDream) => (d.wijk ? stadsdeelOf.get(d.wijk) : null) ?? 'onbekend';
  const closedThemes = [...new Set(closed.flatMap((d) => d.themes ?? []))].sort();
  const outcomes = {
    closedLoop: { referrals: signedUp.length, withOutcome: signedUp.filter((r) => referralOutcome(r)).length },
    daysToFirstContact: dreams.map(daysToFirstContact).filter((n): n is number => n !== null),
    daysToStart: dreams.map((d) => daysToStart(d, referralsOf.get(d.id) ?? [])).filter((n): n is number => n !== null),
    perStadsdeel: [...city.stadsdelen.map((s) => s.slug), 'onbekend'].map((stadsdeel) => ({
      stadsdeel,
      counts: outcomeRow(closed.filter((d) => stadsdeelOfDream(d) === stadsdeel)),
    })),
    perTheme: closedThemes.map((theme) => ({
      theme,
      counts: outcomeRow(closed.filter((d) => (d.themes ?? []).includes(theme))),
    })),
  };

  return {
    period: { from, to },
    total: dreams.length,
    perMonth: months.map((m) => ({ month: m, count: perMonthMap.get(m) ?? 0 })),
    perStadsdeel: [...city.stadsdelen.map((s) => s.slug), 'onbekend']
      .map((s) => ({ stadsdeel: s, count: perStadsdeelMap.get(s) ?? 0 }))
      .filter((r) => r.stadsdeel !== 'onbekend' || r.count > 0),
    perEdition: city.editions.map((e) => ({ edition: e.id, count: perEditionMap.get(e.id) ?? 0 })),
    perTheme: [...perThemeMap.entries()]
      .map(([theme, count]) => ({ theme, count }))
      .sort((a, b) => b.count - a.count || a.theme.localeCompare(b.theme)),
    funnel,
    gaps,
    reach: { incomeSource: income, earlierHelp },
    outcomes,
  };
}

export type RawReport = ReturnType<typeof buildReport>;

/**
 * Pure: the report as it leaves the cms, every count protected by shared `protectCounts` (docs/
 * workspace.md, "Kleine aantallen"): counts 1–4 become 'klein', and where cells add up to a total
 * on the page a second cell is hidden ('verborgen') so the small one cannot be found by
 * subtraction. Shares and medians over fewer than 5 are 'te-weinig'.
 */
export function protectReport(raw: RawReport) {
  // Every table of dreams that adds up to the total is protected together, so the total (shown
  // once, and as the funnel's first step) is hidden or shown the same everywhere.
  const incomeKeys = Object.keys(raw.reach.incomeSource);
  const helpKeys = Object.keys(raw.reach.earlierHelp) as (keyof typeof raw.reach.earlierHelp)[];
  const values: number[] = [raw.total];
  const part = (counts: number[]) => counts.map((n) => values.push(n) - 1);
  const months = part(raw.perMonth.map((m) => m.count));
  const stadsdelen = part(raw.perStadsdeel.map((m) => m.count));
  const editions = part(raw.perEdition.map((m) => m.count));
  const income = part(incomeKeys.map((k) => raw.reach.incomeSource[k]));
  const help = part(helpKeys.map((k) => raw.reach.earlierHelp[k]));
  const shown = protectCounts(
    values,
    [months, stadsdelen, editions, income, help].map((g) => [0, ...g]),
  );
  const [gesprek, gekoppeld, gestart, themes] = [
    protectCounts([raw.funnel.gesprek])[0],
    protectCounts([raw.funnel.gekoppeld])[0],
    protectCounts([raw.funnel.gestart])[0],
    protectCounts(raw.perTheme.map((x) => x.count)),
  ];
  const byOutcome = (cells: ShownCount[]) =>
    Object.fromEntries(outcomeColumns.map((o, i) => [o, cells[i]])) as Record<ReportedOutcome, ShownCount>;
  const stadsdeelTable = protectTable(
    raw.outcomes.perStadsdeel.map((r) => r.counts),
    { rowTotals: true, columnTotals: true },
  );
  const themeTable = protectTable(
    raw.outcomes.perTheme.map((r) => r.counts),
    { rowTotals: true },
  );
  const sum = (counts: number[]) => counts.reduce((a, b) => a + b, 0);
  const figure = (values: number[]): { dreams: ShownCount; median: ShownFigure } => ({
    dreams: protectCounts([values.length])[0],
    median: protectedMedian(values),
  });
  return {
    period: raw.period,
    total: shown[0],
    perMonth: raw.perMonth.map((m, i) => ({ month: m.month, count: shown[months[i]] })),
    perStadsdeel: raw.perStadsdeel.map((s, i) => ({ stadsdeel: s.stadsdeel, count: shown[stadsdelen[i]] })),
    perEdition: raw.perEdition.map((e, i) => ({ edition: e.edition, count: shown[editions[i]] })),
    perTheme: raw.perTheme.map((x, i) => ({ theme: x.theme, count: themes[i] })),
    funnel: { nieuw: shown[0], gesprek, gekoppeld, gestart },
    gaps: raw.gaps.map((g) => {
      // With a match = dreams − without: protected too, though the page never shows it.
      const [dreams, unmatched] = protectCounts([g.dreams, g.unmatched, g.dreams - g.unmatched], [[0, 1, 2]]);
      return { ...g, dreams, unmatched };
    }),
    reach: {
      incomeSource: Object.fromEntries(incomeKeys.map((k, i) => [k, shown[income[i]]])),
      earlierHelp: Object.fromEntries(helpKeys.map((k, i) => [k, shown[help[i]]])),
    },
    outcomes: {
      closedLoop: {
        referrals: protectCounts([raw.outcomes.closedLoop.referrals])[0],
        rate: protectedShare(raw.outcomes.closedLoop.withOutcome, raw.outcomes.closedLoop.referrals),
      },
      daysToFirstContact: figure(raw.outcomes.daysToFirstContact),
      daysToStart: figure(raw.outcomes.daysToStart),
      columns: outcomeColumns,
      perStadsdeel: raw.outcomes.perStadsdeel
        .map((r, i) => ({
          stadsdeel: r.stadsdeel,
          closed: stadsdeelTable.rowTotals[i],
          counts: byOutcome(stadsdeelTable.cells[i]),
          empty: sum(r.counts) === 0,
        }))
        .filter((r) => !r.empty)
        .map(({ empty: _, ...r }) => r),
      allStadsdelen: { closed: stadsdeelTable.total, counts: byOutcome(stadsdeelTable.columnTotals) },
      perTheme: raw.outcomes.perTheme.map((r, i) => ({
        theme: r.theme,
        closed: themeTable.rowTotals[i],
        counts: byOutcome(themeTable.cells[i]),
      })),
    },
  };
}

const Period = z.object({
  from: z
    .string()
    .regex(/^\d{4}-(0[1-9]|1[0-2])$/)
    .optional(),
  to: z
    .string()
    .regex(/^\d{4}-(0[1-9]|1[0-2])$/)
    .optional(),
});

/** The report for a period (default: the last 12 months), read with only the fields it needs. */
export async function report(strapi: Core.Strapi, query: Record<string, unknown>, now = new Date()) {
  const parsed = Period.safeParse({ from: query.from || undefined, to: query.to || undefined });
  if (!parsed.success)
    throw new WorkspaceError(
      400,
      'workspace.error.invalid',
      'Kies een geldige periode (jaar en maand).',
      String(parsed.error.issues[0]?.path[0] ?? 'from'),
    );
  const to = parsed.data.to ?? now.toISOString().slice(0, 7);
  const from =
    parsed.data.from ?? `${Number(to.slice(0, 4)) - 1}-${String((Number(to.slice(5, 7)) % 12) + 1).padStart(2, '0')}`;
  if (from > to)
    throw new WorkspaceError(
      400,
      'workspace.error.invalid',
      'De eerste maand moet voor de laatste maand liggen.',
      'from',
    );
  const dreams = (await strapi.db.query(DREAM).findMany({
    select: [
      'id',
      'receivedAt',
      'createdAt',
      'edition',
      'age',
      'wijk',
      'dreamStatus',
      'statusHistory',
      'themes',
      'incomeSource',
      'earlierHelp',
      'outcome',
    ],
  })) as (ReportDream & { createdAt: string })[];
  // The provider's and the family's answers count once the referral has those fields (issue 18).
  const attributes = strapi.contentType(REFERRAL).attributes as Record<string, unknown>;
  const answers = ['providerAnswer', 'providerAnswerAt', 'familyAnswer', 'familyAnswerAt'].filter(
    (f) => f in attributes,
  );
  const referrals = (await strapi.db.query(REFERRAL).findMany({
    select: ['startedAt', 'referralStatus', ...answers],
    populate: { dream: { select: ['id'] } },
  })) as (ReferralFacts & { dream: { id: number } | null })[];
  const activities = (await strapi.db.query(ACTIVITY).findMany({
    where: { publishedAt: { $notNull: true }, locale: 'nl' },
    select: ['ageMin', 'ageMax'],
    populate: {
      themes: { select: ['slug'] },
      places: { select: ['id'], populate: { wijk: { select: ['stadsdeel'] } } },
    },
  })) as {
    ageMin: number | null;
    ageMax: number | null;
    themes: { slug: string }[];
    places: { wijk: { stadsdeel: string } | null }[];
  }[];
  const raw = buildReport({
    from,
    to,
    dreams: dreams.map((d) => ({ ...d, receivedAt: new Date(d.receivedAt ?? d.createdAt).toISOString() })),
    referrals: referrals.filter((r) => r.dream).map(({ dream, ...facts }) => ({ ...facts, dreamId: dream.id })),
    activities: activities.map((a) => ({
      themes: a.themes.map((t) => t.slug),
      ageMin: a.ageMin ?? 0,
      ageMax: a.ageMax ?? 18,
      stadsdelen: [...new Set(a.places.map((p) => p.wijk?.stadsdeel).filter((s): s is string => !!s))],
    })),
  });
  return protectReport(raw);
}
