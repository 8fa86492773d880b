import { createI18n, defaultLocale, isLocale, type Locale } from '../i18n/i18n.js';
import { costTypes, howToJoin as howToJoinSlugs } from '../taxonomy/vocabularies.js';
import type { ConversationKind } from './vocabularies.js';

// The WhatsApp texts the coordinator workspace sends to families (cms/src/api/workspace/CONTRACT.md):
// the chosen activities and the reminder of a conversation. No Node-only APIs: this runs in the
// browser too.

export interface FamilyActivity {
  title: string;
  url: string;
  /** A `howToJoin` slug (vrije-inloop, aanmelden, via-coordinator) or a line of text. */
  howToJoin?: string;
  /** A `costTypes` slug (gratis, betaald, korting, gratis-via-regeling) or a line of text. */
  cost?: string;
  /** The warm hand-over contact at the organisation. */
  contactName?: string;
}

export interface FamilyMessageInput {
  locale: Locale;
  firstName: string;
  coordinatorName: string;
  activities: readonly FamilyActivity[];
}

/** Families get the coordinator's first name only. */
const firstNameOf = (name: string) => name.trim().split(/\s+/)[0] ?? '';
const clean = (value: string | undefined) => value?.trim() ?? '';

/**
 * A short, warm WhatsApp text in the locale's language listing the chosen activities with links,
 * what happens next, and the coordinator's first name. Texts are `workspace.message.*`.
 */
export function composeFamilyMessage({ locale, firstName, coordinatorName, activities }: FamilyMessageInput): string {
  const { t } = createI18n(isLocale(locale) ? locale : defaultLocale);
  const blocks: string[] = [t('workspace.message.greeting', { name: firstName.trim() })];
  const listed = activities.filter((o) => clean(o.title));
  if (listed.length) {
    blocks.push(t('workspace.message.intro'));
    listed.forEach((activity, i) => {
      const lines = [`${i + 1}. *${activity.title.trim()}*`];
      if (clean(activity.url)) lines.push(activity.url.trim());
      const join = clean(activity.howToJoin);
      if (join) {
        const text = (howToJoinSlugs as readonly string[]).includes(join) ? t(`workspace.message.join.${join}`) : join;
        lines.push(t('workspace.message.activity.howToJoin', { text }));
      }
      const cost = clean(activity.cost);
      if (cost) {
        const text = (costTypes as readonly string[]).includes(cost)
          ? t(cost === 'betaald' ? 'cost.betaaldUnknown' : `cost.${cost}`)
          : cost;
        lines.push(t('workspace.message.activity.cost', { text }));
      }
      if (clean(activity.contactName))
        lines.push(t('workspace.message.activity.contact', { name: clean(activity.contactName) }));
      blocks.push(lines.join('\n'));
    });
    blocks.push(t('workspace.message.next'));
  } else {
    blocks.push(t('workspace.message.noActivities'));
  }
  blocks.push(t('workspace.message.questions'));
  blocks.push(t('workspace.message.signoff', { name: firstNameOf(coordinatorName) }));
  return blocks.join('\n\n');
}

/**
 * The texts to send: Dutch first, plus the family's own language when the site speaks it
 * (`preferredLanguage` is a locale, or 'anders'/empty for none).
 */
export function familyMessages({
  preferredLanguage,
  ...rest
}: Omit<FamilyMessageInput, 'locale'> & { preferredLanguage?: string | null }): { locale: Locale; text: string }[] {
  const wanted: Locale[] = [defaultLocale];
  if (isLocale(preferredLanguage) && preferredLanguage !== defaultLocale) wanted.push(preferredLanguage);
  return wanted.map((locale) => ({ locale, text: composeFamilyMessage({ ...rest, locale }) }));
}

export const WORKSPACE_TIME_ZONE = 'Europe/Amsterdam';

/**
 * Intl tags per site locale: British English writes "Tuesday 1 December"; Arabic keeps Western
 * digits so the time reads the same as in the Dutch message beside it.
 */
const intlLocale: Record<Locale, string> = {
  nl: 'nl-NL',
  en: 'en-GB',
  ar: 'ar-u-nu-latn',
  tr: 'tr-TR',
  pl: 'pl-PL',
  uk: 'uk-UA',
};

/** "dinsdag 1 december om 15:30" in the locale's language, Amsterdam time. */
export function formatConversationTime(at: Date, locale: Locale): string {
  const tag = intlLocale[isLocale(locale) ? locale : defaultLocale];
  const date = new Intl.DateTimeFormat(tag, {
    weekday: 'long',
    day: 'numeric',
    month: 'long',
    timeZone: WORKSPACE_TIME_ZONE,
  }).format(at);
  const time = new Intl.DateTimeFormat(tag, {
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
    timeZone: WORKSPACE_TIME_ZONE,
  }).format(at);
  return createI18n(isLocale(locale) ? locale : defaultLocale).t('workspace.reminder.dateTime', { date, time });
}

export interface ReminderInput {
  locale: Locale;
  firstName: string;
  at: Date;
  kind: ConversationKind;
  place: string;
  coordinatorName: string;
}

/** The WhatsApp reminder sent the day before the conversation. Texts are `workspace.reminder.*`. */
export function composeReminder({ locale, firstName, at, kind, place, coordinatorName }: ReminderInput): string {
  const { t } = createI18n(isLocale(locale) ? locale : defaultLocale);
  const details = [t('workspace.reminder.when', { when: formatConversationTime(at, locale) })];
  if (kind === 'video') {
    details.push(t('workspace.reminder.video'));
    if (place.trim()) details.push(t('workspace.reminder.videoHow', { place: place.trim() }));
  } else {
    details.push(t('workspace.reminder.where', { place: place.trim() || t(`workspace.conversationKind.${kind}`) }));
  }
  return [
    t('workspace.reminder.greeting', { name: firstName.trim() }),
    t('workspace.reminder.intro'),
    details.join('\n'),
    t('workspace.reminder.parent'),
    t('workspace.reminder.cancel'),
    t('workspace.reminder.signoff', { name: firstNameOf(coordinatorName) }),
  ].join('\n\n');
}

/** A click-to-chat link that opens WhatsApp with the text filled in. */
export function whatsappLink(phoneE164: string, text: string): string {
  return `https://wa.me/${phoneE164.replace(/\D/g, '')}?text=${encodeURIComponent(text)}`;
}
