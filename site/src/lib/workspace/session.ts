// The coordinator workspace's session on the site side: one httpOnly cookie, `dk_session`, that
// holds the opaque session the cms made at sign-in (the cms keeps only its hash). The browser never
// gets the cms token (WORKSPACE_TOKEN); the site adds it to every call (api.ts).
// Pure helpers; the pages and the middleware do the reading and writing.

export const SESSION_COOKIE = 'dk_session';

/**
 * The device token the cms gives at a successful sign-in ("this browser signed in to this account
 * before"): sent back at the next sign-in, so a stranger's failures elsewhere never hold this
 * browser up (docs/cms.md, sign-in limits). Opens nothing by itself; survives signing out.
 */
export const DEVICE_COOKIE = 'dk_device';

/** Pure: the device cookie's options: httpOnly, until the token's own end (at most 400 days, browsers' cap). */
export function deviceCookieOptions({
  secure,
  expiresAt,
  now = Date.now(),
}: {
  secure: boolean;
  expiresAt: string;
  now?: number;
}): { httpOnly: true; sameSite: 'lax'; path: '/'; secure: boolean; maxAge: number } {
  const seconds = Math.floor((Date.parse(expiresAt) - now) / 1000);
  return {
    httpOnly: true,
    sameSite: 'lax',
    path: '/',
    secure,
    maxAge: Math.max(60, Math.min(400 * 86_400, Number.isFinite(seconds) ? seconds : 60)),
  };
}

/** Pure: the device cookie's value when it looks like a device token, else null (not sent on). */
export function readDevice(value: string | undefined | null): string | null {
  if (!value) return null;
  return /^\d{1,12}\.[A-Za-z0-9_-]{16}\.[A-Za-z0-9_-]{43}$/.test(value) ? value : null;
}

/** The cms ends a session after 12 h whatever happens; the cookie never outlives that. */
export const SESSION_MAX_SECONDS = 12 * 60 * 60;

export type SessionCookieOptions = {
  httpOnly: true;
  sameSite: 'lax';
  path: '/';
  secure: boolean;
  maxAge: number;
};

/**
 * Pure: the cookie's options. Lives as long as the cms session (its `expiresAt`), at most 12 h, at
 * least a minute (a clock a little off must not make a cookie that is gone at once).
 */
export function sessionCookieOptions({
  secure,
  expiresAt,
  now = Date.now(),
}: {
  secure: boolean;
  expiresAt?: string | null;
  now?: number;
}): SessionCookieOptions {
  const until = expiresAt ? Date.parse(expiresAt) : NaN;
  const seconds = Number.isFinite(until) ? Math.floor((until - now) / 1000) : SESSION_MAX_SECONDS;
  return {
    httpOnly: true,
    sameSite: 'lax',
    path: '/',
    secure,
    maxAge: Math.max(60, Math.min(SESSION_MAX_SECONDS, seconds)),
  };
}

/**
 * Pure: the cookie's value when it looks like a session (the cms makes long random tokens), else
 * null. Anything else is not sent on to the cms.
 */
export function readSession(value: string | undefined | null): string | null {
  if (!value) return null;
  return /^[A-Za-z0-9._~+/=-]{16,512}$/.test(value) ? value : null;
}

/** Pure: is this path (without query) part of the workspace of some locale? */
export function isWorkspacePath(pathname: string): boolean {
  return /^\/[a-z]{2}\/werkplek(?:[/.]|$)/.test(pathname);
}

/** Pure: the pages that work without a session (the sign-in page and signing out). */
export function isPublicWorkspacePath(pathname: string): boolean {
  return /^\/[a-z]{2}\/werkplek\/?$/.test(pathname) || /^\/[a-z]{2}\/werkplek\/uitloggen\/?$/.test(pathname);
}

/** The sign-in page of a locale, with where to go after signing in. */
export function signInHref(locale: string, next?: string | null): string {
  const safe = next ? safeNext(next, locale) : null;
  return `/${locale}/werkplek${safe && safe !== `/${locale}/werkplek` ? `?${new URLSearchParams({ next: safe })}` : ''}`;
}

/**
 * Pure: where to go after signing in, only when it is a page of this workspace on this site (a
 * path, never another host: no open redirect). Anything else is the inbox.
 */
export function safeNext(next: string | null | undefined, locale: string): string {
  const home = `/${locale}/werkplek`;
  if (!next || next.length > 1000) return home;
  // Only a path on this site: no scheme, no host ("//evil"), no backslashes browsers read as "/".
  if (!next.startsWith('/') || next.startsWith('//') || next.includes('\\')) return home;
  let url: URL;
  try {
    url = new URL(next, 'http://site.invalid');
  } catch {
    return home;
  }
  if (url.host !== 'site.invalid' || !isWorkspacePath(url.pathname) || url.pathname.includes('/uitloggen')) return home;
  return `${url.pathname}${url.search}`;
}
