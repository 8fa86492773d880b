import { describe, expect, it } from 'vitest';
import { placesFields } from './places';

describe('placesFields', () => {
  const now = new Date('2026-12-07T10:00:00Z');
  it('confirms a known status now', () => {
    expect(placesFields('vrij', now)).toEqual({ placesStatus: 'vrij', placesConfirmedAt: now });
    expect(placesFields('vol', now)).toEqual({ placesStatus: 'vol', placesConfirmedAt: now });
  });
  it('has no confirmation for onbekend', () => {
    expect(placesFields('onbekend', now)).toEqual({ placesStatus: 'onbekend', placesConfirmedAt: null });
  });
});
