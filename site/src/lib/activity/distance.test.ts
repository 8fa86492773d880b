import { describe, expect, it } from 'vitest';
import { bikeMinutes, distanceKm, distanceText, kmText, nearestKm, roundKm } from './distance.ts';
import { translator } from '../catalogue/messages.ts';

const t = translator('nl', {
  'catalogue.card.distance_one': '{{km}} km · ongeveer {{count}} minuut fietsen',
  'catalogue.card.distance_other': '{{km}} km · ongeveer {{count}} minuten fietsen',
});

describe('distance', () => {
  it('measures a known distance (Almere Stad station to Almere Haven centre, about 4.5 km)', () => {
    const km = distanceKm({ lat: 52.3754, lng: 5.2176 }, { lat: 52.3357, lng: 5.2177 });
    expect(km).toBeGreaterThan(4.3);
    expect(km).toBeLessThan(4.6);
    expect(distanceKm({ lat: 52.37, lng: 5.21 }, { lat: 52.37, lng: 5.21 })).toBe(0);
  });

  it('rounds bike minutes as people say them, at about 15 km/h', () => {
    expect(bikeMinutes(0.05)).toBe(1);
    expect(bikeMinutes(1.2)).toBe(5);
    expect(bikeMinutes(2.5)).toBe(10);
    expect(bikeMinutes(5.8)).toBe(25); // 23.2 minutes
    expect(bikeMinutes(12)).toBe(50);
  });

  it('shows a tenth of a km nearby and whole km further away', () => {
    expect(roundKm(1.234)).toBe(1.2);
    expect(roundKm(12.6)).toBe(13);
  });

  it('says it in the reader’s number format, with the right plural', () => {
    expect(distanceText(1.234, 'nl', t)).toBe('1,2 km · ongeveer 5 minuten fietsen');
    expect(distanceText(0.2, 'nl', t)).toBe('0,2 km · ongeveer 1 minuut fietsen');
    expect(distanceText(12.6, 'nl', t)).toBe('13 km · ongeveer 50 minuten fietsen');
    const en = translator('en', { 'catalogue.card.distance_other': '{{km}} km · about {{count}} minutes by bike' });
    expect(distanceText(1.234, 'en', en)).toBe('1.2 km · about 5 minutes by bike');
    const ar = translator('ar', { 'catalogue.card.distance_few': '{{km}} كم · {{count}}' });
    expect(distanceText(1.234, 'ar', ar)).toBe('1.2 كم · 5');
  });

  it('takes the nearest place with coordinates', () => {
    const from = { lat: 52.3754, lng: 5.2176 };
    expect(nearestKm(from, [])).toBeNull();
    expect(
      nearestKm(from, [
        { lat: 0, lng: 0 },
        { lat: null, lng: null },
      ]),
    ).toBeNull();
    const km = nearestKm(from, [
      { lat: 52.3357, lng: 5.2177 },
      { lat: 52.3754, lng: 5.2276 },
    ]);
    expect(km).toBeGreaterThan(0.6);
    expect(km).toBeLessThan(0.75);
  });
});

describe('kmText', () => {
  it('writes the shown km in the reader’s number format, with Latin digits', () => {
    expect(kmText(3.74, 'nl')).toBe('3,7');
    expect(kmText(3.74, 'en')).toBe('3.7');
    expect(kmText(14.4, 'nl')).toBe('14');
    expect(kmText(3.74, 'ar')).toMatch(/^3[.,٫]7$/);
  });
});
