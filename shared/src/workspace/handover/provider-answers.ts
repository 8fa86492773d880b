import type { EditionId } from '../../city/city.js';
// The provider's side of a referral (issue 18): the answers a provider gives through its personal
// link, what each means for the referral's status, when a referral waits too long for an answer,
// and the places an activity still has. The cms stores and enforces them, the site shows them.
// No Node-only APIs.
import { translatorFor } from '../../i18n/i18n.js';
import { placesStatuses, type PlacesStatus, type ReferralStatus } from '../vocabularies.js';

/** What a provider says about a referral. Labels: `workspace.providerAnswer.<a>`. */
export const providerAnswers = [
  'welkom',
  'wachtlijst',
  'vol',
  'past-niet',
  'niet-bereikt',
  'gestart',
  'gestopt',
] as const;
export type ProviderAnswer = (typeof providerAnswers)[number];

/** A confirmed places status counts this many days; after that it is `onbekend` again. */
export const PLACES_VALID_DAYS = 30;
/** The longest note a provider may write with an answer. */
export const PROVIDER_NOTE_MAX = 500;

const DAY = 86_400_000;

/**
 * The places status to show at `now`: the stored one while it was confirmed within
 * PLACES_VALID_DAYS, else `onbekend` (decided on read, so no job has to reset it).
 */
export function effectivePlacesStatus(
  status: string | null | undefined,
  confirmedAt: string | Date | null | undefined,
  now: Date = new Date(),
): PlacesStatus {
  if (!status || !(placesStatuses as readonly string[]).includes(status) || status === 'onbekend') return 'onbekend';
  const at = confirmedAt ? new Date(confirmedAt).getTime() : NaN;
  if (Number.isNaN(at) || now.getTime() - at > PLACES_VALID_DAYS * DAY) return 'onbekend';
  return status as PlacesStatus;
}

/**
 * The referral status an answer moves the referral to, or null when the answer is news only
 * (welkom, wachtlijst, …) or the move is not one the flow allows from `current`.
 */
export function referralStatusForAnswer(answer: ProviderAnswer, current: ReferralStatus): ReferralStatus | null {
  if (answer === 'gestart')
    return current === 'voorgesteld' || current === 'aangemeld' || current === 'gestopt' ? 'gestart' : null;
  if (answer === 'gestopt') return current === 'aangemeld' || current === 'gestart' ? 'gestopt' : null;
  return null;
}

/** Whether a provider was told more than `days` days ago and has not answered since. */
export function providerAnswerOverdue(
  p: { notifiedAt: string | null | undefined; answeredAt: string | null | undefined },
  now: Date,
  days: number,
): boolean {
  if (!p.notifiedAt) return false;
  const notified = new Date(p.notifiedAt).getTime();
  if (Number.isNaN(notified)) return false;
  if (p.answeredAt && new Date(p.answeredAt).getTime() >= notified) return false;
  return now.getTime() - notified > days * DAY;
}

export type ProviderAnswerInput = {
  answer: ProviderAnswer;
  note: string | null;
  firstDate: string | null;
  places: PlacesStatus | null;
};
/** The field a provider's answer is refused at, with the i18n key to say why. */
export type ProviderAnswerProblem = { field: 'answer' | 'note' | 'firstDate' | 'places'; key: string };

const DATE = /^\d{4}-\d{2}-\d{2}$/;
const isCalendarDay = (d: string) => {
  const at = DATE.test(d) ? new Date(`${d}T12:00:00Z`) : null;
  return !!at && !Number.isNaN(at.getTime()) && at.toISOString().slice(0, 10) === d;
};

/**
 * A provider's answer as sent by the form (strings; empty means not given), checked. `welkom`
 * needs the first date; a date must be a real calendar day; the note is at most PROVIDER_NOTE_MAX.
 */
export function readProviderAnswer(
  raw: Record<string, unknown>,
): { ok: true; value: ProviderAnswerInput } | { ok: false; problem: ProviderAnswerProblem } {
  const text = (k: string) => (typeof raw[k] === 'string' ? raw[k].trim() : '');
  const answer = text('answer');
  if (!(providerAnswers as readonly string[]).includes(answer))
    return { ok: false, problem: { field: 'answer', key: 'provider.error.answer' } };
  const note = text('note');
  if (note.length > PROVIDER_NOTE_MAX) return { ok: false, problem: { field: 'note', key: 'provider.error.note' } };
  const firstDate = text('firstDate');
  if (firstDate && !isCalendarDay(firstDate))
    return { ok: false, problem: { field: 'firstDate', key: 'provider.error.firstDate' } };
  if (answer === 'welkom' && !firstDate)
    return { ok: false, problem: { field: 'firstDate', key: 'provider.error.firstDateNeeded' } };
  const places = text('places');
  if (places && !(placesStatuses as readonly string[]).includes(places))
    return { ok: false, problem: { field: 'places', key: 'provider.error.places' } };
  return {
    ok: true,
    value: {
      answer: answer as ProviderAnswer,
      note: note || null,
      firstDate: firstDate || null,
      places: (places || null) as PlacesStatus | null,
    },
  };
}

export type ProviderMessageInput = {
  contactName: string;
  childName: string;
  age: number;
  activityTitle: string;
  coordinatorName: string;
  edition: EditionId;
  url: string;
  expiresAt: string | Date;
};

/**
 * The message that tells a provider of a referral (the e-mail, and the WhatsApp text the
 * coordinator copies): in Dutch, short, with the personal link and until when it works.
 */
export function composeProviderMessage(input: ProviderMessageInput): { subject: string; text: string } {
  const t = translatorFor('nl');
  const date = new Intl.DateTimeFormat('nl-NL', {
    timeZone: 'Europe/Amsterdam',
    day: 'numeric',
    month: 'long',
    year: 'numeric',
  }).format(new Date(input.expiresAt));
  return {
    subject: t('provider.message.subject', { activity: input.activityTitle }),
    text: t('provider.message.text', {
      contact: input.contactName,
      child: input.childName,
      age: input.age,
      activity: input.activityTitle,
      url: input.url,
      date,
      coordinator: input.coordinatorName,
      programme: t(`edition.${input.edition}.name`),
    }),
  };
}
