import { describe, expect, it } from 'vitest';
import { isForbiddenCrossOrigin } from './cross-origin.ts';

const h = (init: Record<string, string>) => new Headers(init);
const SITE = 'http://127.0.0.1:4321';

describe('origin check (Astro checkOrigin rule)', () => {
  it('refuses form posts from another origin or without one', () => {
    expect(
      isForbiddenCrossOrigin(
        'POST',
        h({ origin: 'https://evil.test', 'content-type': 'application/x-www-form-urlencoded' }),
        SITE,
      ),
    ).toBe(true);
    expect(isForbiddenCrossOrigin('POST', h({ 'content-type': 'multipart/form-data; boundary=x' }), SITE)).toBe(true);
    expect(isForbiddenCrossOrigin('PUT', h({ origin: 'null', 'content-type': 'text/plain' }), SITE)).toBe(true);
    expect(isForbiddenCrossOrigin('POST', h({}), SITE)).toBe(true);
  });

  it('refuses any post that names another origin, JSON too, and what a browser marks cross-site', () => {
    expect(
      isForbiddenCrossOrigin('POST', h({ origin: 'https://evil.test', 'content-type': 'application/json' }), SITE),
    ).toBe(true);
    expect(isForbiddenCrossOrigin('DELETE', h({ origin: 'https://evil.test' }), SITE)).toBe(true);
    expect(
      isForbiddenCrossOrigin(
        'POST',
        h({ origin: 'http://127.0.0.1:4321.evil.test', 'content-type': 'application/json' }),
        SITE,
      ),
    ).toBe(true);
    expect(
      isForbiddenCrossOrigin('POST', h({ 'sec-fetch-site': 'cross-site', 'content-type': 'application/json' }), SITE),
    ).toBe(true);
    expect(
      isForbiddenCrossOrigin('POST', h({ 'sec-fetch-site': 'same-site', 'content-type': 'application/json' }), SITE),
    ).toBe(true);
  });

  it('lets same-origin posts, safe methods and JSON without an Origin (not a browser) through', () => {
    expect(
      isForbiddenCrossOrigin('POST', h({ origin: SITE, 'content-type': 'application/x-www-form-urlencoded' }), SITE),
    ).toBe(false);
    expect(
      isForbiddenCrossOrigin(
        'POST',
        h({ origin: SITE, 'content-type': 'application/json', 'sec-fetch-site': 'same-origin' }),
        SITE,
      ),
    ).toBe(false);
    expect(isForbiddenCrossOrigin('GET', h({ origin: 'https://evil.test' }), SITE)).toBe(false);
    expect(isForbiddenCrossOrigin('POST', h({ 'content-type': 'application/json' }), SITE)).toBe(false);
  });

  it('takes Origin null only where the browser says same-origin (a page without referrer)', () => {
    const form = { 'content-type': 'application/x-www-form-urlencoded', origin: 'null' };
    expect(isForbiddenCrossOrigin('POST', h({ ...form, 'sec-fetch-site': 'same-origin' }), SITE)).toBe(false);
    expect(isForbiddenCrossOrigin('POST', h({ ...form, 'sec-fetch-site': 'cross-site' }), SITE)).toBe(true);
    expect(isForbiddenCrossOrigin('POST', h(form), SITE)).toBe(true);
  });

  it('compares with the public origin behind a TLS proxy', () => {
    const form = { 'content-type': 'application/x-www-form-urlencoded' };
    expect(
      isForbiddenCrossOrigin('POST', h({ ...form, origin: 'https://droomkaart.test' }), 'https://droomkaart.test'),
    ).toBe(false);
    expect(
      isForbiddenCrossOrigin('POST', h({ ...form, origin: 'https://droomkaart.test' }), 'http://droomkaart.test'),
    ).toBe(true);
  });
});
