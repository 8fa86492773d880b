// Labels of the open data in the asked locale, from the shared i18n resources (Dutch where missing).
import { defaultLocale, resources } from '@droomkaart/shared';

/** A label from the shared i18n resources in `locale`, Dutch when missing, `{{x}}` filled in. */
export function label(
  locale: string,
  key: string,
  vars: Record<string, string | number> = {},
  fallback?: string,
): string {
  const text =
    (resources as Record<string, Record<string, string>>)[locale]?.[key] ??
    resources[defaultLocale][key] ??
    fallback ??
    key;
  return text.replace(/\{\{(\w+)\}\}/g, (_, name: string) => String(vars[name] ?? ''));
}

export function languageName(code: string, locale: string): string {
  try {
    return new Intl.DisplayNames([locale, defaultLocale], { type: 'language' }).of(code) ?? code;
  } catch {
    return code;
  }
}
