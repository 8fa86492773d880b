import { describe, expect, it } from 'vitest';
import { secureCookie } from './secure-cookie.ts';

describe("the Secure flag of the site's cookies", () => {
  it('is Secure in production and over https, not on plain http in development', () => {
    expect(secureCookie(new URL('https://droomkaart.nl/nl/werkplek'), 'development')).toBe(true);
    expect(secureCookie(new URL('http://127.0.0.1:4321/nl/werkplek'), 'production')).toBe(true);
    expect(secureCookie(new URL('http://127.0.0.1:4321/nl/werkplek'), 'development')).toBe(false);
    expect(secureCookie(new URL('http://127.0.0.1:4321/nl/werkplek'), undefined)).toBe(false);
  });
});
