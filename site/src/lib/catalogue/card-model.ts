// One activity card, wherever it shows (catalogue, map list, organisation pages, regelingen,
// workspace results): the fields it shows, from a search hit or an activity read from the cms.
// Pure, and only type imports, so the catalogue island uses it in the browser too.
import type { PictureImage } from '@droomkaart/shared';
import type { IconName } from '../../components/icons/drawings.ts';
import { costLabel } from '../format.ts';
import { distanceText } from '../activity/distance.ts';
import { illustrationFor } from './illustration.ts';
import type { Translate } from './messages.ts';

const WEEK = ['ma', 'di', 'wo', 'do', 'vr', 'za', 'zo'];

export type CardSource = {
  title: string;
  slug: string;
  summary: string;
  ageMin: number;
  ageMax: number;
  costType: 'gratis' | 'betaald' | 'korting' | 'gratis-via-regeling';
  price: number | null;
  places: readonly { name: string; wijkName?: string | null }[];
  days?: readonly string[] | null;
  sessions?: readonly { day: string; start: string; end: string }[] | null;
  dates?: { start: string; end: string | null } | null;
  kind?: string | null;
  themes?: readonly string[] | null;
  image?: PictureImage | null;
  /** Dutch text shown because the reader's locale has no translation. */
  fallback: boolean;
};

export type CardModel = {
  href: string;
  title: string;
  summary: string;
  /** 'nl' when the text is the Dutch fallback. */
  lang: 'nl' | undefined;
  /** Say "only in Dutch" (fallback text on a page in another language). */
  onlyDutch: boolean;
  image: PictureImage | null;
  /** The drawing shown when there is no photo. */
  illustration: IconName;
  when: string | null;
  where: string | null;
  distance: string | null;
  ages: string;
  cost: string;
};

/** "15:30–16:30" from the session's times. */
const span = (s: { start: string; end: string }) => `${s.start.slice(0, 5)}–${s.end.slice(0, 5)}`;

/**
 * When, in one short line: the weekly days in week order, with their times grouped ("ma, wo
 * 15:30–16:30"; "di 10:00–11:00 · za 13:00–14:00"); else the date or period; null when unknown.
 */
export function whenText(
  a: Pick<CardSource, 'days' | 'sessions' | 'dates'>,
  t: Translate,
  locale: string,
): string | null {
  const dayName = (d: string) => t(`catalogue.card.day.${d}`);
  const sep = t('catalogue.card.listSeparator');
  const sessions = [...(a.sessions ?? [])].sort((x, y) => WEEK.indexOf(x.day) - WEEK.indexOf(y.day));
  if (sessions.length > 0) {
    const byTime = new Map<string, string[]>();
    for (const s of sessions) {
      const days = byTime.get(span(s)) ?? [];
      if (!days.includes(s.day)) days.push(s.day);
      byTime.set(span(s), days);
    }
    return [...byTime].map(([time, days]) => `${days.map(dayName).join(sep)} ${time}`).join(' · ');
  }
  const days = WEEK.filter((d) => a.days?.includes(d));
  if (days.length > 0) return days.map(dayName).join(sep);
  if (a.dates) {
    const date = (iso: string) =>
      new Intl.DateTimeFormat(locale === 'en' ? 'en-GB' : locale, {
        day: 'numeric',
        month: 'short',
        numberingSystem: 'latn',
        timeZone: 'UTC',
      }).format(new Date(`${iso}T12:00:00Z`));
    if (!a.dates.end || a.dates.end === a.dates.start) return date(a.dates.start);
    return `${date(a.dates.start)} – ${date(a.dates.end)}`;
  }
  return null;
}

/** Where: the one place's wijk (or its name), or "op 3 plekken"; null without places. */
export function whereText(a: Pick<CardSource, 'places'>, t: Translate): string | null {
  const seen = new Map<string, { name: string; wijkName?: string | null }>();
  for (const p of a.places) seen.set(`${p.name}\u0000${p.wijkName ?? ''}`, p);
  const places = [...seen.values()];
  if (places.length === 0) return null;
  if (places.length === 1) return places[0].wijkName || places[0].name;
  return t('catalogue.card.places', { count: places.length });
}

export type CardOptions = {
  locale: string;
  t: Translate;
  /** Km from the family's chosen wijk or location, when one is chosen and the activity has a place. */
  km?: number | null;
  /** Query string the card's link carries (the chosen wijk, so the offer page says how far too). */
  linkQuery?: string;
};

export function cardModel(a: CardSource, { locale, t, km, linkQuery }: CardOptions): CardModel {
  return {
    href: `/${locale}/activiteiten/${a.slug}${linkQuery ? `?${linkQuery}` : ''}`,
    title: a.title,
    summary: a.summary,
    lang: a.fallback ? 'nl' : undefined,
    onlyDutch: a.fallback && locale !== 'nl',
    image: a.image ?? null,
    illustration: illustrationFor(a),
    when: whenText(a, t, locale),
    where: whereText(a, t),
    distance: km != null ? distanceText(km, locale, t) : null,
    ages: t('activity.ages', { min: a.ageMin, max: a.ageMax }),
    // costLabel needs only t(key, vars): the island's translator is enough.
    cost: costLabel(t as unknown as Parameters<typeof costLabel>[0], a),
  };
}
