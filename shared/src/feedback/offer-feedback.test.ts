import { describe, expect, it } from 'vitest';
import { OFFER_FEEDBACK_TEXT_MAX, isOfferFeedbackReason, offerFeedbackText } from './offer-feedback.js';

describe('offer feedback', () => {
  it('knows the reasons', () => {
    expect(isOfferFeedbackReason('prijs')).toBe(true);
    expect(isOfferFeedbackReason('armoede')).toBe(false);
    expect(isOfferFeedbackReason(undefined)).toBe(false);
  });
  it('keeps the text as plain text, trimmed, without control characters', () => {
    expect(offerFeedbackText('  <b>dicht</b>\r\nop maandag\u0007 ')).toBe('<b>dicht</b>\nop maandag');
    expect(offerFeedbackText('')).toBe('');
    expect(offerFeedbackText(42)).toBeNull();
  });
  it('refuses a text that is too long', () => {
    expect(offerFeedbackText('a'.repeat(OFFER_FEEDBACK_TEXT_MAX))).toHaveLength(OFFER_FEEDBACK_TEXT_MAX);
    expect(offerFeedbackText('a'.repeat(OFFER_FEEDBACK_TEXT_MAX + 1))).toBeNull();
  });
});
