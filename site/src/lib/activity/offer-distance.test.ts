import { describe, expect, it } from 'vitest';
import { resources, wijken } from '@droomkaart/shared';
import { translator } from '../catalogue/messages.ts';
import { offerDistance } from './offer-distance.ts';

const nl = translator('nl', resources.nl);
const wijk = wijken[0];
const [lat, lng] = wijk.centroid;

describe('offerDistance', () => {
  it('says how far the nearest place is from the chosen wijk, and how long by bike', () => {
    const places = [
      { lat: lat + 0.05, lng },
      { lat: lat + 0.0108, lng }, // about 1.2 km north
    ];
    const line = offerDistance(new URLSearchParams({ near: wijk.slug }), places, 'nl', nl);
    expect(line).toBe(`Vanaf ${wijk.name}: 1,2 km · ongeveer 5 minuten fietsen`);
  });

  it('measures from a chosen location too', () => {
    // A location is rounded to two decimals (catalogue/state.ts roundPoint).
    const line = offerDistance(new URLSearchParams({ near: '52.37,5.22' }), [{ lat: 52.3808, lng: 5.22 }], 'nl', nl);
    expect(line).toBe('Vanaf jouw plek: 1,2 km · ongeveer 5 minuten fietsen');
  });

  it('says nothing without a chosen place, an unknown one, or places without coordinates', () => {
    expect(offerDistance(new URLSearchParams(), [{ lat, lng }], 'nl', nl)).toBeNull();
    expect(offerDistance(new URLSearchParams({ near: 'nergens' }), [{ lat, lng }], 'nl', nl)).toBeNull();
    expect(offerDistance(new URLSearchParams({ near: wijk.slug }), [{ lat: null, lng: null }], 'nl', nl)).toBeNull();
  });
});
