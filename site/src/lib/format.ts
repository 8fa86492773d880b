import type { TFunction } from 'i18next';
import type { Activity, SearchDocument } from '@droomkaart/shared';

/** What the family pays, in the reader's language (one line; cards and lists). */
export function costLabel(t: TFunction, item: Pick<SearchDocument, 'costType' | 'price'>): string {
  if (item.costType === 'betaald')
    return item.price != null ? t('cost.betaald', { price: formatPrice(item.price) }) : t('cost.betaaldUnknown');
  if (item.costType === 'korting' && item.price != null)
    return t('cost.kortingPrice', { price: formatPrice(item.price) });
  return t(`cost.${item.costType}`);
}

export type CostText = {
  /** What the family pays: "Jij betaalt €0. Een regeling betaalt." */
  headline: string;
  /** The partner's own note (who pays, stadspas, …), in the language it was written in. */
  note: string | null;
  /** Who applies for the regeling; only for activities paid by a regeling. */
  whoApplies: string | null;
  /** The regelingen that pay (linked to their activity pages); empty when none is linked. */
  paidBy: { title: string; slug: string }[];
};

type CostInput = Pick<Activity, 'costType' | 'price' | 'costNote' | 'howToJoin'> &
  Partial<Pick<Activity, 'paidBy' | 'applicant' | 'kind'>>;

/**
 * Pure: the cost block of an activity page. An activity paid by a linked regeling says "Jij betaalt
 * €0." and who applies, from the regeling's applicant (the first linked one that says). Without a
 * linked regeling, who applies comes from how one joins (a coordinator arranges it, or ask when
 * signing up). A regeling itself says who applies from its own applicant.
 */
export function costText(t: TFunction, activity: CostInput): CostText {
  const note = activity.costNote?.trim() || null;
  const paidBy = (activity.paidBy ?? []).map((r) => ({ title: r.title, slug: r.slug }));
  const applicant =
    activity.kind === 'regeling' && activity.applicant
      ? activity.applicant
      : (activity.paidBy ?? []).find((r) => r.applicant)?.applicant;
  if (activity.costType === 'gratis-via-regeling' && paidBy.length > 0) {
    return {
      headline: t('cost.youPayZero'),
      note,
      whoApplies: applicant ? t(`cost.applicant.${applicant}`) : fallbackWhoApplies(t, activity),
      paidBy,
    };
  }
  const headline = costLabel(t, { costType: activity.costType, price: activity.price ?? null });
  if (activity.kind === 'regeling' && activity.applicant)
    return { headline, note, whoApplies: t(`cost.applicant.${activity.applicant}`), paidBy };
  if (activity.costType !== 'gratis-via-regeling') return { headline, note, whoApplies: null, paidBy };
  return { headline, note, whoApplies: fallbackWhoApplies(t, activity), paidBy };
}

function fallbackWhoApplies(t: TFunction, activity: Pick<Activity, 'howToJoin'>): string {
  return activity.howToJoin === 'via-coordinator' ? t('cost.whoApplies.coordinator') : t('cost.whoApplies.ask');
}

// Intl formatters are costly to make (a new DateTimeFormat per date was about a tenth of an activity
// page's render time) and immutable, so each is made once per locale and reused.
const formatters = new Map<string, unknown>();
function formatter<T>(key: string, make: () => T): T {
  let f = formatters.get(key) as T | undefined;
  if (f === undefined) formatters.set(key, (f = make()));
  return f;
}

export function formatPrice(price: number): string {
  return formatter(
    'price',
    () => new Intl.NumberFormat('nl-NL', { minimumFractionDigits: 2, maximumFractionDigits: 2 }),
  ).format(price);
}

/** The Intl locale for a site locale: English as written in Europe (9 January 2027, not January 9). */
export function intlLocale(locale: string): string {
  return locale === 'en' ? 'en-GB' : locale;
}

export function formatDate(iso: string, locale: string): string {
  // Date-only values ("2027-01-09") are calendar days: read them at noon so no time zone moves them.
  const value = /^\d{4}-\d{2}-\d{2}$/.test(iso) ? `${iso}T12:00:00Z` : iso;
  const dates = formatter(
    `date:${locale}`,
    () =>
      new Intl.DateTimeFormat(intlLocale(locale), {
        day: 'numeric',
        month: 'long',
        year: 'numeric',
        timeZone: 'Europe/Amsterdam',
      }),
  );
  return dates.format(new Date(value));
}

/** "09:00:00.000" → "09:00". */
export const shortTime = (time: string) => time.slice(0, 5);

/** Pure: schedule lines — a date or a period first, then the weekly sessions, then the days it does not take place. */
export function scheduleLines(
  t: TFunction,
  activity: Pick<Activity, 'scheduleType' | 'startDate' | 'endDate' | 'sessions'> &
    Partial<Pick<Activity, 'exceptionDates'>>,
  locale: string,
): string[] {
  const lines = (activity.sessions ?? []).map((s) =>
    t('activity.session', { day: t(`day.${s.day}`), start: shortTime(s.startTime), end: shortTime(s.endTime) }),
  );
  if (activity.scheduleType === 'eenmalig' && activity.startDate)
    lines.unshift(t('activity.oneOff', { date: formatDate(activity.startDate, locale) }));
  else if (activity.startDate && activity.endDate)
    lines.unshift(
      t('activity.period', {
        start: formatDate(activity.startDate, locale),
        end: formatDate(activity.endDate, locale),
      }),
    );
  else if (activity.startDate) lines.unshift(t('activity.from', { date: formatDate(activity.startDate, locale) }));
  else if (activity.endDate) lines.unshift(t('activity.until', { date: formatDate(activity.endDate, locale) }));
  if (lines.length === 0 && activity.scheduleType === 'doorlopend') lines.push(t('activity.ongoing'));
  const skipped = activity.scheduleType === 'eenmalig' ? [] : (activity.exceptionDates ?? []);
  if (skipped.length > 0)
    lines.push(
      t('activity.notOn', {
        dates: listText(
          skipped.map((d) => formatDate(d, locale)),
          locale,
        ),
      }),
    );
  return lines;
}

/**
 * Pure: a phone number for wa.me, which wants the international number in digits only. Dutch
 * numbers written the local way (06…, 036…) get the country code 31.
 */
export function whatsappHref(phone: string): string | null {
  let digits = phone.trim().replace(/[^\d+]/g, '');
  if (digits.startsWith('+')) digits = digits.slice(1);
  else if (digits.startsWith('00')) digits = digits.slice(2);
  else if (digits.startsWith('0')) digits = `31${digits.slice(1)}`;
  digits = digits.replace(/\D/g, '');
  return digits.length >= 8 && digits.length <= 15 ? `https://wa.me/${digits}` : null;
}

/** Pure: a tel: link that phones dial, from a number as people write it ("036 - 123 45 67"). */
export function telHref(phone: string): string {
  return `tel:${phone.trim().replace(/[^\d+]/g, '')}`;
}

/** Language names in the reader's language (ISO 639 codes), from the platform's CLDR data. */
export function languageNames(codes: readonly string[], locale: string): string[] {
  const names = formatter(`languages:${locale}`, () => {
    try {
      return new Intl.DisplayNames([intlLocale(locale), 'nl'], { type: 'language' });
    } catch {
      return null;
    }
  });
  return codes.map((code) => names?.of(code) ?? code);
}

/**
 * Unicode isolation (FSI … PDI) for a value put into a sentence: a phone number or e-mail address
 * keeps its own direction inside Arabic text instead of being reordered.
 */
export const isolate = (value: string) => `\u2068${value}\u2069`;

/** "A, B en C" in the reader's language. */
export function listText(items: readonly string[], locale: string): string {
  return formatter(
    `list:${locale}`,
    () => new Intl.ListFormat(intlLocale(locale), { style: 'long', type: 'conjunction' }),
  ).format(items);
}

/**
 * The phone to sign up for an activity, only when its organisation chose public contact
 * (`contactPublic`), as the cms's public API and open data decide (cms README, "joinPhone"): the
 * sign-up phone is the organisation's contact too. Null when it may not be shown.
 */
export function publicJoinPhone(activity: Pick<Activity, 'joinPhone' | 'organisation'>): string | null {
  const phone = activity.joinPhone?.trim();
  return phone && activity.organisation?.contactPublic === true ? phone : null;
}
