import { describe, expect, it } from 'vitest';
import { bikeMinutes, distanceKm, howFar } from './distance.ts';

// Two points in Almere about 3.7 km apart (stadsdeel centres of Almere Stad and Almere Haven).
const stad = { lat: 52.3705, lng: 5.216 };
const haven = { lat: 52.337, lng: 5.217 };

describe('how far', () => {
  it('measures the straight distance in kilometres', () => {
    expect(distanceKm(stad, haven)).toBeCloseTo(3.73, 1);
    expect(distanceKm(stad, stad)).toBe(0);
    // One degree of latitude is about 111 km.
    expect(distanceKm({ lat: 52, lng: 5 }, { lat: 53, lng: 5 })).toBeCloseTo(111.2, 0);
  });

  it('says about how many minutes by bike, never zero, rounder when longer', () => {
    expect(bikeMinutes(0)).toBe(1);
    expect(bikeMinutes(1)).toBe(5); // 1.3 km at 15 km/h
    expect(bikeMinutes(3.73)).toBe(19);
    expect(bikeMinutes(10)).toBe(50);
    expect(bikeMinutes(10) % 5).toBe(0);
  });

  it('writes the distance as the page language does', () => {
    expect(howFar(stad, haven, 'nl')).toEqual({ distance: '3,7', minutes: 19 });
    expect(howFar(stad, haven, 'en')).toEqual({ distance: '3.7', minutes: 19 });
    expect(howFar(stad, stad, 'nl').distance).toBe('0,0');
  });
});
