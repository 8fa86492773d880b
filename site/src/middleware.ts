import { defineMiddleware } from 'astro:middleware';
import { createI18n, defaultLocale, isLocale, textDirection } from '@droomkaart/shared';
import { crossOriginResponse, isDreamPath, isForbiddenCrossOrigin } from './lib/dream-origin.ts';
import { dreamRuntime } from './lib/dream-runtime.ts';

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
  return next();
});
