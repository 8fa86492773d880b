import type { APIContext, MiddlewareNext } from 'astro';
import { defineMiddleware } from 'astro:middleware';
import { createI18n, defaultLocale, isLocale, textDirection } from '@droomkaart/shared';
import { crossOriginResponse, isDreamPath, isForbiddenCrossOrigin } from './lib/dream-origin.ts';
import { dreamRuntime } from './lib/dream-runtime.ts';
import { workspaceSettings } from './lib/workspace-config.ts';
import { SESSION_COOKIE, isPublicWorkspacePath, isWorkspacePath, readSession, signInHref } from './lib/workspace-session.ts';

/**
 * Per request: the locale from the first path segment and a fresh i18next instance for it.
 * A shared instance with changeLanguage would mix languages between concurrent requests
 * (i18next/i18next#2062).
 */
export const onRequest = defineMiddleware((context, next) => {
  const first = context.url.pathname.split('/')[1] ?? '';
  const locale = isLocale(first) ? first : defaultLocale;
  const i18n = createI18n(locale);
  context.locals.locale = locale;
  context.locals.dir = textDirection(locale);
  context.locals.t = i18n.t.bind(i18n);
  // Astro's checkOrigin, done here so the letterbox can refuse a cross-site post with a friendly
  // page; every other route answers as Astro would (lib/dream-origin.ts, astro.config.mjs).
  if (!context.isPrerendered && isForbiddenCrossOrigin(context.request.method, context.request.headers, context.url.origin)) {
    if (!isDreamPath(context.url.pathname)) return crossOriginResponse(context.request.method);
    context.locals.crossOrigin = true;
  }
  // The letterbox's outbox starts delivering with the first request (lib/dream-runtime.ts).
  dreamRuntime();
  if (!context.isPrerendered && isWorkspacePath(context.url.pathname)) return workspace(context, next, locale);
  return next();
});

/**
 * The coordinator workspace: never cached or indexed, bounded form posts, and a sign-in first. The
 * session itself is checked by the cms on every call (a 401 there clears the cookie, see
 * lib/workspace-page.ts); here only its presence.
 */
async function workspace(context: APIContext, next: MiddlewareNext, locale: string): Promise<Response> {
  const headers = { 'cache-control': 'no-store', 'x-robots-tag': 'noindex, nofollow' };
  const { request, url } = context;
  if (request.method === 'POST' && Number(request.headers.get('content-length') ?? 0) > workspaceSettings.maxBodyBytes) {
    return new Response(context.locals.t('workspace.ui.error.tooLarge'), { status: 413, headers: { ...headers, 'content-type': 'text/plain; charset=utf-8' } });
  }
  context.locals.workspaceSession = readSession(context.cookies.get(SESSION_COOKIE)?.value);
  if (!context.locals.workspaceSession && !isPublicWorkspacePath(url.pathname)) {
    const back = request.method === 'GET' ? `${url.pathname}${url.search}` : null;
    return new Response(null, { status: 303, headers: { ...headers, location: signInHref(locale, back) } });
  }
  const response = await next();
  for (const [k, v] of Object.entries(headers)) response.headers.set(k, v);
  return response;
}
