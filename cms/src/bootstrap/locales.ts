import type { Core } from '@strapi/strapi';
import { defaultLocale, locales } from '@droomkaart/shared';

const names: Record<string, string> = {
  nl: 'Nederlands (nl)',
  en: 'English (en)',
  ar: 'العربية (ar)',
  tr: 'Türkçe (tr)',
  pl: 'Polski (pl)',
  uk: 'Українська (uk)',
};

/** The site's locales exist in the cms, with Dutch as default. Idempotent. */
export async function ensureLocales(strapi: Core.Strapi) {
  const service = strapi.plugin('i18n').service('locales');
  const existing: { code: string }[] = await service.find();
  for (const code of locales) {
    if (!existing.some((l) => l.code === code)) await service.create({ code, name: names[code] ?? code });
  }
  const current = await service.getDefaultLocale();
  if (current !== defaultLocale) await service.setDefaultLocale({ code: defaultLocale });
}
