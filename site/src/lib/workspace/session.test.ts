import { describe, expect, it } from 'vitest';
import { isDreamPath } from '../dream/path.ts';
import { isForbiddenCrossOrigin } from '../http/cross-origin.ts';
import {
  DEVICE_COOKIE,
  SESSION_COOKIE,
  SESSION_MAX_SECONDS,
  deviceCookieOptions,
  readDevice,
  isPublicWorkspacePath,
  isWorkspacePath,
  readSession,
  safeNext,
  sessionCookieOptions,
  signInHref,
} from './session.ts';

const NOW = Date.parse('2027-03-04T10:00:00Z');

describe('the device cookie (a known client for the sign-in limits)', () => {
  it('is called dk_device, httpOnly, lives until the token ends, and only carries what looks like a device token', () => {
    expect(DEVICE_COOKIE).toBe('dk_device');
    expect(deviceCookieOptions({ secure: true, expiresAt: '2027-06-02T10:00:00Z', now: NOW })).toEqual({
      httpOnly: true,
      sameSite: 'lax',
      path: '/',
      secure: true,
      maxAge: 90 * 86_400,
    });
    expect(deviceCookieOptions({ secure: false, expiresAt: 'nonsense', now: NOW }).maxAge).toBe(60);
    const token = `1811000000.${'a'.repeat(16)}.${'B'.repeat(43)}`;
    expect(readDevice(token)).toBe(token);
    for (const bad of [undefined, '', 'x', `${token};`, `${token}a`]) expect(readDevice(bad)).toBeNull();
  });
});

describe('the workspace session cookie', () => {
  it('is called dk_session, httpOnly, SameSite=Lax, for the whole site', () => {
    expect(SESSION_COOKIE).toBe('dk_session');
    expect(sessionCookieOptions({ secure: false, now: NOW })).toMatchObject({
      httpOnly: true,
      sameSite: 'lax',
      path: '/',
      secure: false,
    });
  });

  it('lives as long as the cms session, never longer than 12 hours', () => {
    expect(sessionCookieOptions({ secure: true, expiresAt: '2027-03-04T12:00:00Z', now: NOW }).maxAge).toBe(2 * 3600);
    expect(sessionCookieOptions({ secure: true, expiresAt: '2027-03-10T10:00:00Z', now: NOW }).maxAge).toBe(
      SESSION_MAX_SECONDS,
    );
    expect(SESSION_MAX_SECONDS).toBe(43_200);
    expect(sessionCookieOptions({ secure: true, expiresAt: 'not a date', now: NOW }).maxAge).toBe(SESSION_MAX_SECONDS);
    // A session that (by the clocks) already ended still gets a short cookie; the cms says 401 and it is cleared.
    expect(sessionCookieOptions({ secure: true, expiresAt: '2027-03-04T09:00:00Z', now: NOW }).maxAge).toBe(60);
  });

  it('passes on only values that look like a session', () => {
    expect(readSession('a'.repeat(43))).toBe('a'.repeat(43));
    expect(readSession('abc_DEF-123.xyz~0123456789')).toBe('abc_DEF-123.xyz~0123456789');
    expect(readSession(undefined)).toBeNull();
    expect(readSession('')).toBeNull();
    expect(readSession('short')).toBeNull();
    expect(readSession('x'.repeat(20) + '\r\nX-Evil: 1')).toBeNull();
    expect(readSession('x'.repeat(600))).toBeNull();
  });
});

describe('workspace paths', () => {
  it('knows the workspace of every locale', () => {
    expect(
      ['/nl/werkplek', '/ar/werkplek/', '/en/werkplek/dromen/abc', '/nl/werkplek/rapportage.csv'].every(
        isWorkspacePath,
      ),
    ).toBe(true);
    expect(['/nl/werkplekken', '/nl/activiteiten', '/werkplek', '/nl/droom'].some(isWorkspacePath)).toBe(false);
  });

  it('lets the sign-in page and signing out work without a session, nothing else', () => {
    expect(['/nl/werkplek', '/tr/werkplek/', '/nl/werkplek/uitloggen'].every(isPublicWorkspacePath)).toBe(true);
    expect(['/nl/werkplek/nieuw', '/nl/werkplek/dromen/x', '/nl/werkplek/rapportage'].some(isPublicWorkspacePath)).toBe(
      false,
    );
  });

  it('refuses cross-site posts to the workspace with the site-wide origin check', () => {
    const SITE = 'http://127.0.0.1:4321';
    const form = { 'content-type': 'application/x-www-form-urlencoded' };
    for (const path of ['/nl/werkplek', '/nl/werkplek/uitloggen', '/nl/werkplek/dromen/abc']) {
      expect(isWorkspacePath(path)).toBe(true);
      // Not a letterbox page, so the middleware answers these with Astro's own 403.
      expect(isDreamPath(path)).toBe(false);
    }
    expect(isForbiddenCrossOrigin('POST', new Headers({ ...form, origin: 'https://evil.test' }), SITE)).toBe(true);
    expect(isForbiddenCrossOrigin('POST', new Headers({ ...form, origin: SITE }), SITE)).toBe(false);
  });

  it('goes back after signing in only to a page of the workspace on this site', () => {
    expect(safeNext('/nl/werkplek/dromen/abc?zoek=1&theme=sport-bewegen', 'nl')).toBe(
      '/nl/werkplek/dromen/abc?zoek=1&theme=sport-bewegen',
    );
    expect(safeNext('/nl/werkplek/rapportage', 'nl')).toBe('/nl/werkplek/rapportage');
    for (const bad of [
      'https://evil.test/nl/werkplek',
      '//evil.test/nl/werkplek',
      '/\\evil.test',
      '/nl/activiteiten',
      'javascript:alert(1)',
      '/nl/werkplek/uitloggen',
      null,
      '',
    ])
      expect(safeNext(bad, 'nl')).toBe('/nl/werkplek');
  });

  it('links to the sign-in page with where to go next', () => {
    expect(signInHref('nl', '/nl/werkplek/nieuw')).toBe('/nl/werkplek?next=%2Fnl%2Fwerkplek%2Fnieuw');
    expect(signInHref('en', null)).toBe('/en/werkplek');
    expect(signInHref('nl', 'https://evil.test')).toBe('/nl/werkplek');
  });
});
