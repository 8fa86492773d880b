import { describe, expect, it } from 'vitest';
import { isDreamPath, isForbiddenCrossOrigin } from './dream-origin.ts';

const h = (init: Record<string, string>) => new Headers(init);
const SITE = 'http://127.0.0.1:4321';

describe('origin check (Astro checkOrigin rule)', () => {
  it('refuses form posts from another origin or without one', () => {
    expect(isForbiddenCrossOrigin('POST', h({ origin: 'https://evil.test', 'content-type': 'application/x-www-form-urlencoded' }), SITE)).toBe(true);
    expect(isForbiddenCrossOrigin('POST', h({ 'content-type': 'multipart/form-data; boundary=x' }), SITE)).toBe(true);
    expect(isForbiddenCrossOrigin('PUT', h({ origin: 'null', 'content-type': 'text/plain' }), SITE)).toBe(true);
    expect(isForbiddenCrossOrigin('POST', h({}), SITE)).toBe(true);
  });

  it('lets same-origin posts, safe methods and JSON (which needs CORS) through', () => {
    expect(isForbiddenCrossOrigin('POST', h({ origin: SITE, 'content-type': 'application/x-www-form-urlencoded' }), SITE)).toBe(false);
    expect(isForbiddenCrossOrigin('GET', h({ origin: 'https://evil.test' }), SITE)).toBe(false);
    expect(isForbiddenCrossOrigin('POST', h({ origin: 'https://evil.test', 'content-type': 'application/json' }), SITE)).toBe(false);
  });

  it('knows the letterbox pages', () => {
    expect(['/nl/droom', '/ar/036/droom', '/en/droom/'].every(isDreamPath)).toBe(true);
    expect(['/nl/activiteiten', '/nl/droom/x', '/api/search', '/nl/a/b/droom'].some(isDreamPath)).toBe(false);
  });
});
