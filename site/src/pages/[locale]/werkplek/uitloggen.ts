import type { APIRoute } from 'astro';
import { isLocale } from '@droomkaart/shared';
import { workspaceSettings } from '../../../lib/workspace/config.ts';
import { workspaceApi } from '../../../lib/workspace/api.ts';
import { SESSION_COOKIE } from '../../../lib/workspace/session.ts';
import { secureCookie } from '../../../lib/http/secure-cookie.ts';

// Signing out: the cms ends the session, the cookie goes, back to the sign-in page. The cookie
// goes also when the cms cannot be reached (the session then ends by itself within 2 hours).
export const POST: APIRoute = async ({ locals, cookies, url, redirect, params }) => {
  if (!isLocale(params.locale)) return notFound(locals.t);
  if (locals.workspaceSession) {
    try {
      await workspaceApi({
        baseUrl: workspaceSettings.cmsUrl,
        token: workspaceSettings.token,
        session: locals.workspaceSession,
        timeoutMs: workspaceSettings.timeoutMs,
      }).signOut();
    } catch {
      // Already ended, or the cms is away: signed out on this side either way.
    }
  }
  cookies.delete(SESSION_COOKIE, { path: '/', httpOnly: true, sameSite: 'lax', secure: secureCookie(url) });
  return redirect(`/${locals.locale}/werkplek?ok=signedOut`, 303);
};

/** Signing out changes something, so it is a POST; a link here just goes to the workspace. */
export const GET: APIRoute = ({ locals, redirect, params }) =>
  isLocale(params.locale) ? redirect(`/${locals.locale}/werkplek`, 303) : notFound(locals.t);

function notFound(t: (key: string) => string): Response {
  return new Response(t('error.notFound.title'), {
    status: 404,
    headers: { 'content-type': 'text/plain; charset=utf-8', 'cache-control': 'no-store' },
  });
}
