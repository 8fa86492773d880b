import type { TFunction } from 'i18next';

// The `<meta name="description">` of every public page (issue 17): what a search engine or a shared
// link shows under the title. A page that has its own text passes it (an activity's summary, an
// organisation's description); every other public page gets its type's sentence from i18next
// (`meta.*`, easy Dutch first), chosen by its path. Pure; used by layouts/Base.astro.

/** About what search engines show; longer texts are cut at a word. */
export const DESCRIPTION_MAX = 160;

/** Pure: `text` on one line, at most `max` characters, cut at a word with "…". */
export function shortDescription(text: string, max = DESCRIPTION_MAX): string {
  const line = text.replace(/\s+/g, ' ').trim();
  if (line.length <= max) return line;
  const cut = line.slice(0, max - 1);
  const space = cut.lastIndexOf(' ');
  return `${(space > max / 2 ? cut.slice(0, space) : cut).replace(/[\s,.;:!?–-]+$/, '')}…`;
}

export type DescribedPage = {
  /** The page's path, `/<locale>/…`. */
  pathname: string;
  /** The tone of the edition the page wears ('kind', 'jong'), its ages, and the path segments of the editions' own homes (`036`). */
  edition: string;
  ages: { min: number; max: number };
  editionPaths: readonly string[];
  /** The page's title (an organisation's name). */
  title: string;
  city: string;
  t: TFunction;
};

/** Pure: the description of a public page type by its path; undefined for other pages (workspace). */
export function pageDescription({
  pathname,
  edition,
  ages,
  editionPaths,
  title,
  city,
  t,
}: DescribedPage): string | undefined {
  let rest = pathname.split('/').filter(Boolean).slice(1);
  if (rest.length > 0 && editionPaths.includes(rest[0])) rest = rest.slice(1);
  const [section, item] = rest;
  const more = rest.length > 2;
  if (more) return undefined;
  switch (section) {
    case undefined:
      return t(`meta.home.${edition}`, { city, ageMin: ages.min, ageMax: ages.max });
    case 'activiteiten':
      return item ? t('meta.activity') : t('meta.catalogue', { city });
    case 'kaart':
      return item ? undefined : t('meta.map', { city });
    case 'organisaties':
      return item ? t('meta.organisation', { name: title, city }) : t('meta.organisations', { city });
    case 'regelingen':
      return item ? undefined : t('meta.regelingen', { city });
    case 'droom':
      return item ? undefined : t(`meta.letterbox.${edition}`);
    case 'privacy':
      return item ? undefined : t('privacy.intro');
    default:
      return undefined;
  }
}
