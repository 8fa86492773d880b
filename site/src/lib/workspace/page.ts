import type { AstroGlobal } from 'astro';
import { isLocale, resources, type TFunction } from '@droomkaart/shared';
import { workspaceSettings } from './config.ts';
import {
  UNAVAILABLE_KEY,
  WorkspaceApiError,
  workspaceApi,
  type Dream,
  type WorkspaceApi,
  type WorkspaceUser,
} from './api.ts';
import { familyTexts, toTell, type FamilyText } from './message.ts';
import {
  DEVICE_COOKIE,
  SESSION_COOKIE,
  deviceCookieOptions,
  readDevice,
  sessionCookieOptions,
  signInHref,
} from './session.ts';
import { secureCookie } from '../http/secure-cookie.ts';

// What every workspace page does first: the signed-in person (asked of the cms, which checks the
// session and the role each time), the API client with the session, and what a failed call means
// for the page (401: signed out, cookie gone, to the sign-in page).

export type Need = 'dreams' | 'reports';
export type Signed = { api: WorkspaceApi; user: WorkspaceUser };

/** The API client for this request (with the session from the cookie, when there is one). */
export function apiFor(context: { locals: App.Locals }): WorkspaceApi {
  return workspaceApi({
    baseUrl: workspaceSettings.cmsUrl,
    token: workspaceSettings.token,
    session: context.locals.workspaceSession ?? null,
    timeoutMs: workspaceSettings.timeoutMs,
  });
}

export function setSessionCookie(Astro: AstroGlobal, session: string, expiresAt: string): void {
  Astro.cookies.set(SESSION_COOKIE, session, sessionCookieOptions({ secure: secureCookie(Astro.url), expiresAt }));
}

/** Remembers this browser as a known client of the account (the cms's device token). */
export function setDeviceCookie(Astro: AstroGlobal, device: { token: string; expiresAt: string } | undefined): void {
  if (device && readDevice(device.token))
    Astro.cookies.set(
      DEVICE_COOKIE,
      device.token,
      deviceCookieOptions({ secure: secureCookie(Astro.url), expiresAt: device.expiresAt }),
    );
}

/** Who signs in, for the cms's sign-in limits: the visitor's address (by the proxy gate's rule) and the device cookie. */
export function signInClient(Astro: AstroGlobal): { address: string | null; device: string | null } {
  let address: string | null = null;
  try {
    address = Astro.clientAddress || null;
  } catch {
    address = null; // no address known (never in the Node adapter)
  }
  return { address, device: readDevice(Astro.cookies.get(DEVICE_COOKIE)?.value) };
}

export function clearSessionCookie(Astro: AstroGlobal): void {
  Astro.cookies.delete(SESSION_COOKIE, { path: '/', httpOnly: true, sameSite: 'lax', secure: secureCookie(Astro.url) });
}

/** Back to the sign-in page (and here again after signing in, for a GET). */
export function toSignIn(Astro: AstroGlobal): Response {
  clearSessionCookie(Astro);
  const back = Astro.request.method === 'GET' ? `${Astro.url.pathname}${Astro.url.search}` : null;
  return Astro.redirect(signInHref(Astro.locals.locale, back), 303);
}

/**
 * The signed-in person for a page that needs `need`. A Response means: send that (sign in first,
 * or the reports for a policy adviser on a dreams page). An error: show it (the cms is down).
 */
export async function signedIn(
  Astro: AstroGlobal,
  need: Need,
): Promise<Response | Signed | { error: WorkspaceApiError }> {
  if (!Astro.locals.workspaceSession) return toSignIn(Astro);
  const api = apiFor(Astro);
  try {
    const user = await api.me();
    if (!user.can[need]) {
      if (need === 'dreams' && user.can.reports)
        return Astro.redirect(`/${Astro.locals.locale}/werkplek/rapportage`, 303);
      return { error: new WorkspaceApiError(403, 'workspace.error.forbidden') };
    }
    return { api, user };
  } catch (err) {
    const error = asApiError(err);
    if (error.status === 401) return toSignIn(Astro);
    return { error };
  }
}

/** Any thrown value as an API error (a bug becomes "not available", logged once here). */
export function asApiError(err: unknown): WorkspaceApiError {
  if (err instanceof WorkspaceApiError) return err;
  console.error(`[site] workspace page failed: ${(err as Error)?.message ?? err}`);
  return new WorkspaceApiError(500, UNAVAILABLE_KEY);
}

/** An error key as text; a key the resources do not have becomes the general message. */
export function errorText(t: TFunction, key: string, options: Record<string, unknown> = {}): string {
  return key in resources.nl ? t(key, options) : t('workspace.ui.error.generic');
}

/** The name a coordinator signs messages with. */
export const displayName = (user: WorkspaceUser) =>
  [user.firstname, user.lastname].filter(Boolean).join(' ') || user.email;

/** A promise that never rejects (started early, awaited later, so no rejection goes unhandled). */
export type Settled<T> = { ok: true; value: T } | { ok: false; error: unknown };
export const settle = <T>(p: Promise<T>): Promise<Settled<T>> =>
  p.then(
    (value) => ({ ok: true as const, value }),
    (error: unknown) => ({ ok: false as const, error }),
  );
export function unwrap<T>(s: Settled<T>): T {
  if (!s.ok) throw s.error;
  return s.value;
}

/**
 * The family message's page and its A5 card start alike: a signed-in coordinator, the dream, and
 * its texts in Dutch and the family's language. A response (sign-in, 404) or what to show;
 * `error` is set (and the status) when the dream cannot be read.
 */
export async function familyMessagePage(Astro: AstroGlobal): Promise<
  | Response
  | {
      who: Signed | { error: WorkspaceApiError };
      id: string;
      dream: Dream | null;
      texts: FamilyText[];
      coordinator: string;
      error: WorkspaceApiError | null;
    }
> {
  if (!isLocale(Astro.params.locale)) return new Response(null, { status: 404 });
  const who = await signedIn(Astro, 'dreams');
  if (who instanceof Response) return who;
  const id = Astro.params.id ?? '';
  if (!/^[A-Za-z0-9_-]{1,64}$/.test(id)) return new Response(null, { status: 404 });
  let dream: Dream | null = null;
  let texts: FamilyText[] = [];
  let error: WorkspaceApiError | null = 'error' in who ? who.error : null;
  // The message is signed with the coordinator's first name.
  const coordinator =
    'error' in who ? '' : ((who.user.firstname || displayName(who.user)).trim().split(/\s+/)[0] ?? '');
  if (!('error' in who)) {
    try {
      dream = await who.api.dream(id);
      // Opening the message makes the family's link (the cms keeps a valid one: the same link each time).
      if (toTell(dream.referrals).length > 0) dream = await who.api.issueFamilyLink(id);
      texts = await familyTexts(dream, coordinator, workspaceSettings.publicUrl || Astro.url.origin);
    } catch (err) {
      error = asApiError(err);
      if (error.status === 401) return toSignIn(Astro);
    }
  }
  if (error) Astro.response.status = error.status;
  return { who, id, dream, texts, coordinator, error };
}
