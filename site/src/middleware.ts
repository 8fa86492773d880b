import { defineMiddleware } from 'astro:middleware';
import { createI18n, defaultLocale, isLocale, textDirection } from '@droomkaart/shared';

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
  return next();
});
