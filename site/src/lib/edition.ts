import { city, defaultEdition, type Edition, type EditionId } from '@droomkaart/shared';
import { secureCookie } from './http/secure-cookie.ts';

// Two editions share one catalogue. Which one a page wears is decided, in this order, by:
//   1. the host name, when EDITION_HOSTS maps it (e.g. a separate domain for the teen edition);
//   2. the path: `/<locale>/<edition.path>` is that edition's home;
//   3. the edition cookie, set by the edition's home, so the catalogue and activity pages keep the
//      colours and name of the home the visitor came from (no personal data: an edition id of the city file);
//   4. the default edition (the one with path '').

export { defaultEdition, type EditionId };
export const EDITION_COOKIE = 'droomkaart-editie';

/**
 * The edition cookie's options: only an edition id in it, half a year, not for scripts (httpOnly),
 * not sent along from other sites' forms (SameSite=Lax), Secure in production and over https.
 */
export function editionCookieOptions(url: URL, nodeEnv: string | undefined = process.env.NODE_ENV) {
  return {
    path: '/',
    sameSite: 'lax' as const,
    httpOnly: true,
    secure: secureCookie(url, nodeEnv),
    maxAge: 60 * 60 * 24 * 180,
  };
}

const byId = (id: string | null | undefined): Edition | undefined => city.editions.find((e) => e.id === id);
/** An edition cookie's value when it names an edition (anything else counts as no cookie). */
export const knownEditionId = (value: string | null | undefined): EditionId | undefined => byId(value)?.id;

/**
 * Pure: `EDITION_HOSTS` ("alsiklatergrootben.nl=kind, 036.example.nl=jong") to host → edition.
 * Unknown editions and malformed pairs are dropped with a warning, not fatal: a typo must not take
 * the site down, it only falls back to the path.
 */
export function parseEditionHosts(
  value: string | undefined,
  warn: (msg: string) => void = () => {},
): Map<string, EditionId> {
  const hosts = new Map<string, EditionId>();
  for (const pair of (value ?? '')
    .split(',')
    .map((p) => p.trim())
    .filter(Boolean)) {
    const [host, id] = pair.split('=').map((s) => s?.trim().toLowerCase());
    const edition = byId(id);
    if (!host || !edition) {
      warn(`EDITION_HOSTS: ignored '${pair}' (expected host=${city.editions.map((e) => e.id).join('|')})`);
      continue;
    }
    hosts.set(host, edition.id);
  }
  return hosts;
}

/** Pure: the edition a host name is mapped to, matching `host:port` first, then the bare host. */
export function editionForHost(hosts: Map<string, EditionId>, host: string): Edition | undefined {
  const h = host.toLowerCase();
  return byId(hosts.get(h) ?? hosts.get(h.replace(/:\d+$/, '')));
}

/** Pure: the edition whose home path is the segment after the locale, if any. */
export function editionForPath(pathname: string): Edition | undefined {
  const segment = pathname.split('/')[2] ?? '';
  return segment ? city.editions.find((e) => e.path === segment) : undefined;
}

export type EditionRequest = { host: string; pathname: string; cookie?: string | null; hosts: Map<string, EditionId> };

/** Pure: the edition a page wears (see the order above). */
export function resolveEdition({ host, pathname, cookie, hosts }: EditionRequest): Edition {
  return editionForHost(hosts, host) ?? editionForPath(pathname) ?? byId(cookie) ?? defaultEdition;
}

/**
 * Pure: the address of an edition's home for a locale. When the edition has a host of its own and
 * the visitor is on another host, the link goes there (same protocol); otherwise it is a path.
 */
export function editionHomeHref(
  edition: Edition,
  locale: string,
  current: { host: string; protocol: string },
  hosts: Map<string, EditionId>,
): string {
  const here = editionForHost(hosts, current.host);
  const own = [...hosts.entries()].find(([, id]) => id === edition.id)?.[0];
  if (here) {
    // On an edition's own host, its home is the locale root.
    if (here.id === edition.id) return `/${locale}/`;
    if (own) return `${current.protocol}//${own}/${locale}/`;
  }
  return `/${locale}/${edition.path}`;
}

/**
 * Pure: the search the header's catalogue and map links carry in this edition. The default edition
 * (children and parents) opens the whole catalogue; another edition opens it at its own ages (the
 * `edition` filter, e.g. 12–18 for "Dare to dream in 036"), shown as a chip a teen can remove.
 */
export function editionCatalogueSearch(edition: Edition): string {
  return edition.path === '' ? '' : `?${new URLSearchParams({ edition: edition.id })}`;
}

/** The host mapping of this process, read once from the environment (documented in .env.example). */
export const editionHosts: Map<string, EditionId> = parseEditionHosts(process.env.EDITION_HOSTS, (m) =>
  console.warn(`[site] ${m}`),
);
