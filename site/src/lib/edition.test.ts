import { describe, expect, it } from 'vitest';
import {
  editionCatalogueSearch,
  editionHomeHref,
  editionForPath,
  parseEditionHosts,
  resolveEdition,
  editionCookieOptions,
} from './edition.ts';
import { city } from '@droomkaart/shared';

describe('editions', () => {
  const hosts = parseEditionHosts('alsiklatergrootben.test=kind, 036.test=jong, bad, x.test=nope');

  it('reads EDITION_HOSTS and drops malformed pairs', () => {
    const warnings: string[] = [];
    parseEditionHosts('a.test=kind,bad,b.test=nope', (m) => warnings.push(m));
    expect([...hosts.entries()]).toEqual([
      ['alsiklatergrootben.test', 'kind'],
      ['036.test', 'jong'],
    ]);
    expect(warnings).toHaveLength(2);
    expect(parseEditionHosts(undefined).size).toBe(0);
  });

  it('takes the edition from the host first, then the path, then the cookie', () => {
    const none = new Map();
    expect(resolveEdition({ host: '036.test', pathname: '/nl/activiteiten', hosts }).id).toBe('jong');
    expect(resolveEdition({ host: '036.test:8080', pathname: '/nl/', cookie: 'kind', hosts }).id).toBe('jong');
    expect(resolveEdition({ host: 'localhost', pathname: '/nl/036', hosts: none }).id).toBe('jong');
    expect(resolveEdition({ host: 'localhost', pathname: '/nl/activiteiten', cookie: 'jong', hosts: none }).id).toBe(
      'jong',
    );
    expect(resolveEdition({ host: 'localhost', pathname: '/nl/activiteiten', cookie: 'rubbish', hosts: none }).id).toBe(
      'kind',
    );
    expect(editionForPath('/ar/036')?.id).toBe('jong');
    expect(editionForPath('/ar/')).toBeUndefined();
  });

  it('links to an edition home by path, or on its own host', () => {
    const kind = resolveEdition({ host: 'x', pathname: '/nl/', hosts: new Map() });
    const jong = resolveEdition({ host: 'x', pathname: '/nl/036', hosts: new Map() });
    expect(editionHomeHref(jong, 'nl', { host: 'localhost:4321', protocol: 'http:' }, new Map())).toBe('/nl/036');
    expect(editionHomeHref(kind, 'ar', { host: 'localhost:4321', protocol: 'http:' }, new Map())).toBe('/ar/');
    expect(editionHomeHref(jong, 'nl', { host: 'alsiklatergrootben.test', protocol: 'https:' }, hosts)).toBe(
      'https://036.test/nl/',
    );
    expect(editionHomeHref(jong, 'nl', { host: '036.test', protocol: 'https:' }, hosts)).toBe('/nl/');
    expect(editionHomeHref(kind, 'tr', { host: '036.test', protocol: 'https:' }, hosts)).toBe(
      'https://alsiklatergrootben.test/tr/',
    );
  });
});

describe('editionCookieOptions', () => {
  it('is httpOnly and SameSite=Lax, and Secure in production and over https', () => {
    expect(editionCookieOptions(new URL('http://127.0.0.1:4321/nl/'), 'development')).toEqual({
      path: '/',
      sameSite: 'lax',
      httpOnly: true,
      secure: false,
      maxAge: 15552000,
    });
    expect(editionCookieOptions(new URL('https://droomkaart.test/nl/'), 'development').secure).toBe(true);
    expect(editionCookieOptions(new URL('http://127.0.0.1:4321/nl/'), 'production').secure).toBe(true);
  });
});

describe('editionCatalogueSearch', () => {
  it('opens the whole catalogue in the default edition and the teen ages in the teen edition', () => {
    const kind = city.editions.find((e) => e.id === 'kind')!;
    const jong = city.editions.find((e) => e.id === 'jong')!;
    expect(editionCatalogueSearch(kind)).toBe('');
    expect(editionCatalogueSearch(jong)).toBe('?edition=jong');
  });
});
