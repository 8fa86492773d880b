// "Klopt er iets niet?" (issue 19, point 5): what a visitor can report about an offer, and how a
// report is handled. One list for the site's form, the cms's content type and its check.

/** What is not right: the time or day, the place, the price, it no longer exists, something else. */
export const offerFeedbackReasons = ['tijd', 'plek', 'prijs', 'bestaat-niet-meer', 'anders'] as const;
export type OfferFeedbackReason = (typeof offerFeedbackReasons)[number];

/** A report's handling (its `handlingStatus`; Strapi 5 keeps `status` for draft/published): new, being handled, solved. */
export const offerFeedbackStatuses = ['nieuw', 'in-behandeling', 'opgelost'] as const;
export type OfferFeedbackStatus = (typeof offerFeedbackStatuses)[number];

/** The longest explanation a visitor may add (characters). */
export const OFFER_FEEDBACK_TEXT_MAX = 1000;

export const isOfferFeedbackReason = (value: unknown): value is OfferFeedbackReason =>
  typeof value === 'string' && (offerFeedbackReasons as readonly string[]).includes(value);

/**
 * Pure: the visitor's explanation as stored: plain text, trimmed, control characters (but line
 * breaks) removed, at most OFFER_FEEDBACK_TEXT_MAX characters. Markup stays as typed: it is
 * text, and every reader shows it as text (never as HTML).
 */
export function offerFeedbackText(value: unknown): string | null {
  if (typeof value !== 'string') return null;
  const text = value
    .replace(/\r\n?/g, '\n')
    // eslint-disable-next-line no-control-regex
    .replace(/[\u0000-\u0009\u000B-\u001F\u007F]/g, '')
    .trim();
  if (text.length > OFFER_FEEDBACK_TEXT_MAX) return null;
  return text;
}
