import type { Core } from '@strapi/strapi';
import { z } from 'zod';
import {
  ageBand,
  ageBandRange,
  city,
  dreamStatuses,
  incomeSources,
  wijken,
  type DreamStatus,
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
  statusHistory: Pick<HistoryEntry, 'step' | 'to'>[] | null;
  themes: string[] | null;
  incomeSource: string | null;
  earlierHelp: boolean | null;
};
export type ReportReferral = { dreamId: number; startedAt: string | null };
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
  const started = new Set(input.referrals.filter((r) => r.startedAt).map((r) => r.dreamId));

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
    ],
  })) as (ReportDream & { createdAt: string })[];
  const referrals = (await strapi.db
    .query(REFERRAL)
    .findMany({ select: ['startedAt'], populate: { dream: { select: ['id'] } } })) as {
    startedAt: string | null;
    dream: { id: number } | null;
  }[];
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
  return buildReport({
    from,
    to,
    dreams: dreams.map((d) => ({ ...d, receivedAt: new Date(d.receivedAt ?? d.createdAt).toISOString() })),
    referrals: referrals.filter((r) => r.dream).map((r) => ({ dreamId: r.dream.id, startedAt: r.startedAt })),
    activities: activities.map((a) => ({
      themes: a.themes.map((t) => t.slug),
      ageMin: a.ageMin ?? 0,
      ageMax: a.ageMax ?? 18,
      stadsdelen: [...new Set(a.places.map((p) => p.wijk?.stadsdeel).filter((s): s is string => !!s))],
    })),
  });
}
