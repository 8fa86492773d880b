import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import {
  HSTS,
  PAGE_CSP_DIRECTIVES,
  PERMISSIONS_POLICY,
  STRICT_CSP,
  coloursCss,
  cspHash,
  mapCspDirectives,
  securityHeaders,
} from './security-headers.ts';

const directive = (list: readonly string[], name: string) => list.find((d) => d.split(' ')[0] === name);

describe('page policy', () => {
  it('loads everything from the site itself, frames nothing, runs no plugins', () => {
    expect(directive(PAGE_CSP_DIRECTIVES, 'default-src')).toBe("default-src 'self'");
    expect(directive(PAGE_CSP_DIRECTIVES, 'connect-src')).toBe("connect-src 'self'");
    expect(directive(PAGE_CSP_DIRECTIVES, 'img-src')).toBe("img-src 'self' data: blob:");
    expect(directive(PAGE_CSP_DIRECTIVES, 'worker-src')).toBe("worker-src 'self' blob:");
    expect(directive(PAGE_CSP_DIRECTIVES, 'frame-ancestors')).toBe("frame-ancestors 'none'");
    expect(directive(PAGE_CSP_DIRECTIVES, 'object-src')).toBe("object-src 'none'");
    expect(directive(PAGE_CSP_DIRECTIVES, 'base-uri')).toBe("base-uri 'self'");
    expect(directive(PAGE_CSP_DIRECTIVES, 'form-action')).toBe("form-action 'self'");
  });

  it("leaves script-src and style-src to Astro's hashes and never allows inline code", () => {
    expect(directive(PAGE_CSP_DIRECTIVES, 'script-src')).toBeUndefined();
    expect(directive(PAGE_CSP_DIRECTIVES, 'style-src')).toBeUndefined();
    expect(PAGE_CSP_DIRECTIVES.join(';')).not.toMatch(/unsafe-(inline|eval|hashes)|\*/);
  });
});

describe('securityHeaders', () => {
  it('sends the same protections on every answer', () => {
    const h = securityHeaders({ https: false, production: false });
    expect(h).toMatchObject({
      'content-security-policy': STRICT_CSP,
      'x-content-type-options': 'nosniff',
      'referrer-policy': 'strict-origin-when-cross-origin',
      'x-frame-options': 'DENY',
      'cross-origin-opener-policy': 'same-origin',
      'permissions-policy': PERMISSIONS_POLICY,
    });
    expect(STRICT_CSP).toMatch(/^default-src 'none'; frame-ancestors 'none'/);
  });

  it('lets only an organisation widget be framed, keeping every other protection', () => {
    const h = securityHeaders({ https: false, production: false, framable: true });
    expect(h['x-frame-options']).toBeUndefined();
    expect(h['x-content-type-options']).toBe('nosniff');
    expect(h['content-security-policy']).toBe(STRICT_CSP);
  });

  it('sends HSTS over https and in production only', () => {
    expect(securityHeaders({ https: false, production: false })['strict-transport-security']).toBeUndefined();
    expect(securityHeaders({ https: true, production: false })['strict-transport-security']).toBe(HSTS);
    expect(securityHeaders({ https: false, production: true })['strict-transport-security']).toBe(HSTS);
    expect(HSTS).toBe('max-age=31536000; includeSubDomains');
  });

  it('switches off camera and microphone and lets only the site ask for the position', () => {
    expect(PERMISSIONS_POLICY).toContain('camera=()');
    expect(PERMISSIONS_POLICY).toContain('microphone=()');
    expect(PERMISSIONS_POLICY).toContain('geolocation=(self)');
    expect(PERMISSIONS_POLICY).not.toContain('interest-cohort');
  });
});

describe('inline style hashes', () => {
  it("hashes as the browser does (sha256 of the element's text, base64)", () => {
    expect(cspHash('body{}')).toBe(`sha256-${createHash('sha256').update('body{}').digest('base64')}`);
  });

  it('writes the edition colours as one rule and keeps anything odd out', () => {
    expect(coloursCss({ primary: '#0b5cad', accent: '#ffcc33', surface: 'rgb(1, 2, 3)' })).toBe(
      'body{--primary:#0b5cad;--accent:#ffcc33;--surface:rgb(1, 2, 3)}',
    );
    expect(coloursCss({ primary: 'red;}body{display:none', accent: '#fff', surface: '#fff' })).toBe(
      'body{--primary:inherit;--accent:#fff;--surface:#fff}',
    );
  });
});

describe('mapCspDirectives', () => {
  it('adds the origins of a production basemap, nothing for the local style', () => {
    expect(mapCspDirectives('', '')).toEqual([]);
    expect(mapCspDirectives(undefined, undefined)).toEqual([]);
    expect(
      mapCspDirectives(
        'https://tiles.example.nl/styles/basic.json?key=1',
        'https://fonts.example.nl, not a url,javascript:alert(1)',
      ),
    ).toEqual([
      "connect-src 'self' https://tiles.example.nl https://fonts.example.nl",
      "img-src 'self' data: blob: https://tiles.example.nl https://fonts.example.nl",
    ]);
  });

  it("allows a public Dutch basemap's one origin, where its style, tiles, glyphs and sprites live", () => {
    // PDOK's BRT Achtergrondkaart (docs/operations.md, "Map basemap"): everything on api.pdok.nl.
    const directives = mapCspDirectives(
      'https://api.pdok.nl/kadaster/brt-achtergrondkaart/ogc/v1/styles/standaard__webmercatorquad?f=json',
      '',
    );
    expect(directive(directives, 'connect-src')).toBe("connect-src 'self' https://api.pdok.nl");
    expect(directive(directives, 'img-src')).toBe("img-src 'self' data: blob: https://api.pdok.nl");
    expect(directives.join(' ')).not.toMatch(/\*|unsafe/);
  });
});
