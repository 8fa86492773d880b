import type { TFunction } from 'i18next';
import type { Activity, SearchDocument } from '@droomkaart/shared';

/** What the family pays, in the reader's language. */
export function costLabel(t: TFunction, item: Pick<SearchDocument, 'costType' | 'price'>): string {
  if (item.costType === 'betaald') return item.price != null ? t('cost.betaald', { price: formatPrice(item.price) }) : t('cost.betaaldUnknown');
  return t(`cost.${item.costType}`);
}

export function formatPrice(price: number): string {
  return new Intl.NumberFormat('nl-NL', { minimumFractionDigits: 2, maximumFractionDigits: 2 }).format(price);
}

export function formatDate(iso: string, locale: string): string {
  return new Intl.DateTimeFormat(locale, { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'Europe/Amsterdam' }).format(new Date(iso));
}

/** Schedule lines: weekly sessions, a period, or one date. */
export function scheduleLines(t: TFunction, activity: Activity, locale: string): string[] {
  const short = (time: string) => time.slice(0, 5);
  const lines = (activity.sessions ?? []).map((s) => t('activity.session', { day: t(`day.${s.day}`), start: short(s.startTime), end: short(s.endTime) }));
  if (activity.scheduleType === 'eenmalig' && activity.startDate) lines.unshift(t('activity.oneOff', { date: formatDate(activity.startDate, locale) }));
  else if (activity.startDate && activity.endDate) lines.unshift(t('activity.period', { start: formatDate(activity.startDate, locale), end: formatDate(activity.endDate, locale) }));
  return lines;
}
