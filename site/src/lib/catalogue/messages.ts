// The island's copy: the server hands over the locale's i18next strings it needs (see
// lib/catalogue/page.ts), so the browser gets a few kilobytes of text instead of i18next and every
// locale. Keys, `{{name}}` placeholders and plural suffixes are i18next's own (JSON v4).

export type Messages = Record<string, string>;
export type Translate = (key: string, vars?: Record<string, string | number>) => string;

/** i18next-compatible lookup: `key_<plural category>` when a count is given, else `key`. */
export function translator(locale: string, messages: Messages): Translate {
  const plural = new Intl.PluralRules(locale);
  return (key, vars = {}) => {
    let template: string | undefined;
    if (typeof vars.count === 'number')
      template = messages[`${key}_${plural.select(vars.count)}`] ?? messages[`${key}_other`];
    template ??= messages[key] ?? key;
    return template.replace(/{{\s*(\w+)\s*}}/g, (_, name: string) => String(vars[name] ?? ''));
  };
}

/** Distances and other numbers as the rest of the site writes them (Latin digits). */
export function formatKm(km: number, locale: string): string {
  return new Intl.NumberFormat(locale === 'en' ? 'en-GB' : locale, {
    minimumFractionDigits: 1,
    maximumFractionDigits: 1,
    numberingSystem: 'latn',
  }).format(km);
}
