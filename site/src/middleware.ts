import type { APIContext, MiddlewareNext } from 'astro';
import { defineMiddleware } from 'astro:middleware';
import { defaultLocale, isLocale, textDirection, translatorFor } from '@droomkaart/shared';
import { isForbiddenCrossOrigin } from './lib/http/cross-origin.ts';
import { dreamRuntime } from './lib/dream/runtime.ts';
import { EDITION_COOKIE, knownEditionId } from './lib/edition.ts';
import { siteConfig } from './lib/config.ts';
import { createPageCache } from './lib/http/page-cache.ts';
import { allowedMethods } from './lib/http/methods.ts';
import { isPageRefresh, withFreshReads } from './lib/http/page-refresh.ts';
import { framableCsp, isWidgetPath } from './lib/widget/widget.ts';
import { bodyTooLarge, isUnsafeMethod, postLimit, postRoute, refusalResponse } from './lib/http/post-guard.ts';
import { workspaceSettings } from './lib/workspace/config.ts';
import {
  SESSION_COOKIE,
  isPublicWorkspacePath,
  isWorkspacePath,
  readSession,
  signInHref,
} from './lib/workspace/session.ts';

// Security headers and the proxy gate are not here: they apply to every response of the process,
// static files included, in src/server/startup.ts (server/security-headers.ts, server/proxy.ts); the
// pages' Content Security Policy is Astro's (astro.config.mjs).

/**
 * Per request: the locale from the first path segment and that locale's translator. Each locale
 * has one translator per process, fixed to its language (shared translatorFor): never a shared
 * instance with changeLanguage, which mixes languages between concurrent requests
 * (i18next/i18next#2062), and no new instance per request (about a sixth of a page's render).
 */
export const onRequest = defineMiddleware(async (context, next) => {
  const first = context.url.pathname.split('/')[1] ?? '';
  const locale = isLocale(first) ? first : defaultLocale;
  context.locals.locale = locale;
  context.locals.dir = textDirection(locale);
  context.locals.t = translatorFor(locale);
  // Every post (and put, patch, delete) of every route: the origin check and a body size limit,
  // before the page or endpoint runs (lib/http/post-guard.ts lists the routes and their limits).
  if (!context.isPrerendered && isUnsafeMethod(context.request.method)) {
    const refused = await guardPost(context);
    if (refused) return refused;
  }
  // A method the route does not take (a DELETE of a page, a GET of the search): 405 (lib/http/methods.ts).
  const allowed = allowedMethods(context.url.pathname);
  if (!context.isPrerendered && !allowed.includes(context.request.method.toUpperCase())) {
    const { url, locals } = context;
    const refused = refusalResponse({
      status: 405,
      route: postRoute(url.pathname),
      locale,
      dir: locals.dir,
      t: locals.t,
      back: `${url.pathname}${url.search}`,
    });
    refused.headers.set('allow', allowed.join(', '));
    return refused;
  }
  // The letterbox's outbox starts delivering with the first request (lib/dream/runtime.ts).
  dreamRuntime();
  if (!context.isPrerendered && isWorkspacePath(context.url.pathname)) return workspace(context, next, locale);
  if (!context.isPrerendered && context.request.method === 'GET' && !context.url.pathname.startsWith('/api/')) {
    // An organisation's widget is made to be framed by the partner's own website (lib/widget).
    const render = isWidgetPath(context.url.pathname) ? () => next().then(framable) : () => next();
    // A page refresh from the proxy (lib/http/page-refresh.ts): rendered with fresh cms reads and kept.
    if (isPageRefresh(context.request.headers, siteConfig.proxyRefreshSecret))
      return pageCache.serve(pageKey(context), () => withFreshReads(render), { refresh: true });
    return pageCache.serve(pageKey(context), render);
  }
  return next();
});

/**
 * Whole public pages (lib/http/page-cache.ts): only pages that declare themselves public are kept (activity,
 * organisation and regelingen pages; the catalogue and map, checked against their search on every
 * request). A page is the same for everyone who asks for the same public address (host and protocol
 * as the proxy gate settled them) in the same edition.
 */
const pageCache = createPageCache({ seconds: siteConfig.pageCacheSeconds });
const pageKey = ({ url, cookies }: APIContext) =>
  `${url.origin}${url.pathname}${url.search} ${knownEditionId(cookies.get(EDITION_COOKIE)?.value) ?? ''}`;

/** A refusal (403, 413), or null to go on. The letterbox refuses kindly on its own page. */
async function guardPost(context: APIContext): Promise<Response | null> {
  const { request, url, locals } = context;
  const route = postRoute(url.pathname);
  const refuse = (status: 403 | 413) =>
    refusalResponse({
      status,
      route,
      locale: locals.locale,
      dir: locals.dir,
      t: locals.t,
      back: `${url.pathname}${url.search}`,
    });
  // Astro's checkOrigin rule, stricter, against the public origin (lib/http/cross-origin.ts).
  if (isForbiddenCrossOrigin(request.method, request.headers, url.origin)) {
    if (route !== 'dream') return refuse(403);
    locals.crossOrigin = true;
  }
  const limit = postLimit(route, workspaceSettings.maxBodyBytes);
  if (limit !== null && (await bodyTooLarge(request, limit))) return refuse(413);
  return null;
}

/**
 * The coordinator workspace: never cached or indexed, and a sign-in first. The session itself is
 * checked by the cms on every call (a 401 there clears the cookie, see lib/workspace/page.ts); here
 * only its presence.
 */
async function workspace(context: APIContext, next: MiddlewareNext, locale: string): Promise<Response> {
  const headers = { 'cache-control': 'no-store', 'x-robots-tag': 'noindex, nofollow' };
  const { request, url } = context;
  context.locals.workspaceSession = readSession(context.cookies.get(SESSION_COOKIE)?.value);
  if (!context.locals.workspaceSession && !isPublicWorkspacePath(url.pathname)) {
    const back = request.method === 'GET' ? `${url.pathname}${url.search}` : null;
    return new Response(null, { status: 303, headers: { ...headers, location: signInHref(locale, back) } });
  }
  const response = await next();
  for (const [k, v] of Object.entries(headers)) response.headers.set(k, v);
  return response;
}

/** The widget's answer: Astro's policy for the page, with framing allowed from any site. */
function framable(response: Response): Response {
  const csp = response.headers.get('content-security-policy');
  if (csp) response.headers.set('content-security-policy', framableCsp(csp));
  return response;
}
