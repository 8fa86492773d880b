import { describe, expect, it } from 'vitest';
import { city } from '@droomkaart/shared';
import { parseEditionHosts } from '../edition.ts';
import { dreamEdition, dreamHref } from './routes.ts';

const none = new Map();
const base = { locale: 'nl', host: 'localhost:4321', protocol: 'http:', param: null, cookie: null, hosts: none };
const kind = city.editions.find((e) => e.id === 'kind')!;
const jong = city.editions.find((e) => e.id === 'jong')!;

describe('letterbox routes', () => {
  it("/droom is the children's letterbox, /036/droom the teen one", () => {
    expect(dreamEdition({ ...base, route: 'default' })).toEqual({ edition: kind, redirect: null });
    expect(dreamEdition({ ...base, route: 'teen' })).toEqual({ edition: jong, redirect: null });
  });

  it("an edition's own path gives that edition's letterbox", () => {
    const other = { ...jong, id: 'tiener', path: 'lab' };
    expect(dreamEdition({ ...base, route: 'teen', own: other })).toEqual({ edition: other, redirect: null });
  });

  it('sends a visitor of the teen edition from /droom to /036/droom, unless they chose', () => {
    expect(dreamEdition({ ...base, route: 'default', cookie: 'jong' })).toEqual({
      edition: jong,
      redirect: '/nl/036/droom',
    });
    expect(dreamEdition({ ...base, route: 'default', cookie: 'jong', param: 'kind' })).toEqual({
      edition: kind,
      redirect: null,
    });
    expect(dreamEdition({ ...base, route: 'default', cookie: 'kind' }).redirect).toBeNull();
  });

  it('follows EDITION_HOSTS', () => {
    const hosts = parseEditionHosts('kind.test=kind,036.test=jong');
    expect(dreamEdition({ ...base, host: '036.test', hosts, route: 'default' })).toEqual({
      edition: jong,
      redirect: null,
    });
    expect(dreamEdition({ ...base, host: '036.test', hosts, route: 'teen' }).redirect).toBe('/nl/droom');
    expect(dreamEdition({ ...base, host: 'kind.test', hosts, route: 'teen' }).redirect).toBe(
      'http://036.test/nl/droom',
    );
  });

  it("links to the other edition's letterbox so that no cookie overrules the choice", () => {
    expect(dreamHref(jong, 'ar', { host: 'localhost', protocol: 'http:' }, none)).toBe('/ar/036/droom');
    expect(dreamHref(kind, 'ar', { host: 'localhost', protocol: 'http:' }, none)).toBe('/ar/droom?editie=kind');
  });
});
