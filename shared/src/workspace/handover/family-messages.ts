import { createI18n, defaultLocale, isLocale, type Locale } from '../../i18n/i18n.js';
import { costTypes, howToJoin as howToJoinSlugs } from '../../taxonomy/vocabularies.js';
import type { ConversationKind } from '../vocabularies.js';
import type { PhoneOwner } from './family-link.js';

// The WhatsApp texts the coordinator workspace sends to families (cms/src/api/workspace/CONTRACT.md):
// the chosen activities and the reminder of a conversation. No Node-only APIs: this runs in the
// browser too.

/** A fact that makes an activity a good pick, for the "Waarom dit?" line (`workspace.message.why.*`). */
export type WhyFact =
  { kind: 'theme' } | { kind: 'age' } | { kind: 'distance'; text: string } | { kind: 'free' } | { kind: 'regeling' };

export interface FamilyActivity {
  title: string;
  url: string;
  /** A `howToJoin` slug (vrije-inloop, aanmelden, via-coordinator) or a line of text. */
  howToJoin?: string;
  /** A `costTypes` slug (gratis, betaald, korting, gratis-via-regeling) or a line of text. */
  cost?: string;
  /** The warm hand-over contact at the organisation. */
  contactName?: string;
  /** The organisation was told of this referral (the provider's `notifiedAt`): only then "they call you". */
  told?: boolean;
  /** The organisation's name, for "we hebben je aangemeld bij …". */
  organisation?: string;
  /** Why this activity: facts only (messageFacts.ts whyFacts). */
  why?: readonly WhyFact[];
}

export interface FamilyMessageInput {
  locale: Locale;
  firstName: string;
  coordinatorName: string;
  activities: readonly FamilyActivity[];
  /** Whose phone the message goes to (default: the teen's own, as the message spoke before). */
  phoneOwner?: PhoneOwner;
  /** The parent's name as the family gave it, for the greeting on the parent's phone. */
  parentName?: string | null;
  /** A conversation with the family took place (messageFacts.ts hasTalked): only then "we talked". */
  talked?: boolean;
  /** The family's link ("we zijn begonnen / nog niet / bel me"), when there is one. */
  familyLink?: string | null;
}

/** Families get the coordinator's first name only. */
const firstNameOf = (name: string) => name.trim().split(/\s+/)[0] ?? '';
const clean = (value: string | undefined | null) => value?.trim() ?? '';

/** The message in parts, so the WhatsApp text and the printed card say the same. */
export interface FamilyMessageParts {
  greeting: string;
  intro: string | null;
  activities: { title: string; url: string; lines: string[] }[];
  /** What happens now, or that the coordinator is still looking. */
  next: string;
  link: string | null;
  questions: string;
  signoff: string;
}

/**
 * Pure: what the message says, only what is true. It greets whoever owns the phone (the teen by
 * first name, the parent by name); says "we talked" only after a conversation; "we signed you up,
 * they call you" only for an organisation that was told, else "call or app them"; and per activity
 * a "Waarom dit?" line from its facts. Texts are `workspace.message.*`.
 */
export function familyMessageParts({
  locale,
  firstName,
  coordinatorName,
  activities,
  phoneOwner = 'kind',
  parentName,
  talked = false,
  familyLink,
}: FamilyMessageInput): FamilyMessageParts {
  const { t } = createI18n(isLocale(locale) ? locale : defaultLocale);
  const child = firstName.trim();
  const parent = phoneOwner === 'ouder';
  const greeting = parent
    ? clean(parentName)
      ? t('workspace.message.greetingParent', { name: clean(parentName) })
      : t('workspace.message.greetingParentNoName')
    : t('workspace.message.greeting', { name: child });
  const listed = activities.filter((o) => clean(o.title));
  const introKey = parent
    ? talked
      ? 'workspace.message.introParent'
      : 'workspace.message.introParentNew'
    : talked
      ? 'workspace.message.intro'
      : 'workspace.message.introNew';
  const parts: FamilyMessageParts['activities'] = listed.map((activity) => {
    const lines: string[] = [];
    const told = activity.told === true;
    if (told)
      lines.push(
        clean(activity.organisation)
          ? t('workspace.message.activity.told', { organisation: clean(activity.organisation) })
          : t('workspace.message.activity.toldNoName'),
      );
    else lines.push(t('workspace.message.activity.notTold'));
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
    const why = (activity.why ?? []).map((fact) =>
      fact.kind === 'distance'
        ? t('workspace.message.why.distance', { distance: fact.text })
        : t(`workspace.message.why.${fact.kind}`),
    );
    if (why.length) lines.push(t('workspace.message.why.line', { reasons: why.join(' ') }));
    return { title: activity.title.trim(), url: clean(activity.url), lines };
  });
  return {
    greeting,
    intro: listed.length ? t(introKey, { name: child }) : null,
    activities: parts,
    next: listed.length ? t('workspace.message.next') : t('workspace.message.noActivities'),
    link: listed.length && clean(familyLink) ? t('workspace.message.familyLink', { url: clean(familyLink) }) : null,
    questions: t('workspace.message.questions'),
    signoff: t('workspace.message.signoff', { name: firstNameOf(coordinatorName) }),
  };
}

/**
 * A short, warm WhatsApp text in the locale's language listing the chosen activities with links,
 * what happens next, the family's link and the coordinator's first name (familyMessageParts).
 */
export function composeFamilyMessage(input: FamilyMessageInput): string {
  const p = familyMessageParts(input);
  const blocks: string[] = [p.greeting];
  if (p.intro) blocks.push(p.intro);
  p.activities.forEach((a, i) =>
    blocks.push([`${i + 1}. *${a.title}*`, ...(a.url ? [a.url] : []), ...a.lines].join('\n')),
  );
  blocks.push(p.next);
  if (p.link) blocks.push(p.link);
  blocks.push(p.questions, p.signoff);
  return blocks.join('\n\n');
}

/**
 * "Hoe gaat het?": the follow-up two weeks after the message, with the same family link. The
 * coordinator sends it (nothing goes to families by itself).
 */
export function composeCheckIn({
  locale,
  firstName,
  coordinatorName,
  phoneOwner = 'kind',
  parentName,
  familyLink,
}: Omit<FamilyMessageInput, 'activities' | 'talked'> & { familyLink: string }): string {
  const { t } = createI18n(isLocale(locale) ? locale : defaultLocale);
  const greeting =
    phoneOwner === 'ouder'
      ? clean(parentName)
        ? t('workspace.message.greetingParent', { name: clean(parentName) })
        : t('workspace.message.greetingParentNoName')
      : t('workspace.message.greeting', { name: firstName.trim() });
  return [
    greeting,
    phoneOwner === 'ouder'
      ? t('workspace.checkIn.questionParent', { name: firstName.trim() })
      : t('workspace.checkIn.question'),
    t('workspace.checkIn.link', { url: familyLink.trim() }),
    t('workspace.message.signoff', { name: firstNameOf(coordinatorName) }),
  ].join('\n\n');
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
