import { describe, expect, it } from 'vitest';
import { handleOfferFeedback, isOfferFeedbackPath, offerFeedbackOutcome } from './offer-feedback.ts';

const t = (key: string) => key;
const post = (body: string) =>
  new Request('http://127.0.0.1/nl/activiteiten/zwemles/melding', {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body,
  });

describe('"Klopt er iets niet?" on the site', () => {
  it('knows its path and the outcomes it shows', () => {
    expect(isOfferFeedbackPath('/nl/activiteiten/zwemles-a/melding')).toBe(true);
    expect(isOfferFeedbackPath('/nl/activiteiten/zwemles-a')).toBe(false);
    expect(isOfferFeedbackPath('/nl/activiteiten/../melding')).toBe(false);
    expect(offerFeedbackOutcome(new URLSearchParams('melding=bedankt'))).toBe('bedankt');
    expect(offerFeedbackOutcome(new URLSearchParams('melding=<script>'))).toBeNull();
  });

  it('forwards a valid report and thanks; refuses a wrong reason; a honeypot stores nothing', async () => {
    const sent: unknown[] = [];
    const forward = async (r: unknown) => (sent.push(r), 201);
    const base = { locale: 'nl', slug: 'zwemles', clientAddress: '192.0.2.1', dir: 'ltr', t, forward };
    const ok = await handleOfferFeedback({ ...base, request: post('reason=prijs&text=%3Cb%3Ex%3C%2Fb%3E') });
    expect(ok.status).toBe(303);
    expect(ok.headers.get('location')).toBe('/nl/activiteiten/zwemles?melding=bedankt#klopt-er-iets-niet');
    expect(sent).toEqual([{ slug: 'zwemles', reason: 'prijs', text: '<b>x</b>' }]);
    const wrong = await handleOfferFeedback({ ...base, request: post('reason=nope') });
    expect(wrong.headers.get('location')).toContain('melding=fout');
    const trap = await handleOfferFeedback({ ...base, request: post('reason=plek&website=spam') });
    expect(trap.headers.get('location')).toContain('melding=bedankt');
    expect(sent).toHaveLength(1);
    const down = await handleOfferFeedback({
      ...base,
      forward: async () => {
        throw new Error('cms down');
      },
      request: post('reason=plek'),
    });
    expect(down.headers.get('location')).toContain('melding=niet-gelukt');
  });
});
