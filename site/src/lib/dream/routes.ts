import { city, type Edition } from '@droomkaart/shared';
import { defaultEdition, editionForHost, editionHomeHref, type EditionId } from '../edition.ts';

// Which edition's letterbox a request gets. `/<locale>/droom` is the letterbox of the edition the
// visitor is in (the navigation links there from every page), `/<locale>/<edition path>/droom` (e.g.
// /nl/036/droom) always that edition's. In order:
//   1. `?editie=<edition id>` (the "are you 12 or older?" switch links), so a cookie cannot send a
//      child back to the other form;
//   2. the host, when EDITION_HOSTS maps it;
//   3. the route: /<edition path>/droom is that edition's letterbox;
//   4. the edition cookie (set by the edition homes): on /droom, a teen is sent to /<path>/droom;
//   5. the default edition.

const byId = (id: string | null | undefined): Edition | undefined => city.editions.find((e) => e.id === id);

export type DreamRoute = 'default' | 'teen';

export type DreamEditionChoice = { edition: Edition; redirect: string | null };

/** Pure: the address of an edition's letterbox, as a link from the current host. */
export function dreamHref(
  edition: Edition,
  locale: string,
  current: { host: string; protocol: string },
  hosts: Map<string, EditionId>,
): string {
  const home = editionHomeHref(edition, locale, current, hosts);
  const href = home.endsWith('/') ? `${home}droom` : `${home}/droom`;
  // On this host, /<locale>/droom may show another edition (host or cookie): say which.
  return href === `/${locale}/droom` ? `${href}?editie=${edition.id}` : href;
}

/** Pure: the edition of a letterbox request, and where a GET should go instead, if anywhere. */
export function dreamEdition(input: {
  route: DreamRoute;
  /** On the 'teen' route: the edition whose path it is (the first edition with a path otherwise). */
  own?: Edition;
  locale: string;
  host: string;
  protocol: string;
  param: string | null;
  cookie: string | null | undefined;
  hosts: Map<string, EditionId>;
}): DreamEditionChoice {
  const { route, locale, host, protocol, hosts } = input;
  const teen = input.own ?? city.editions.find((e) => e.path !== '') ?? defaultEdition;
  const chosen = byId(input.param);
  if (chosen) return { edition: chosen, redirect: null };
  const onHost = editionForHost(hosts, host);
  if (route === 'teen') {
    if (!onHost) return { edition: teen, redirect: null };
    // With the teen edition on a host of its own, its letterbox lives there.
    const target = dreamHref(teen, locale, { host, protocol }, hosts).replace(/\?.*$/, '');
    return { edition: teen, redirect: target === `/${locale}/${teen.path}/droom` ? null : target };
  }
  if (onHost) return { edition: onHost, redirect: null };
  const remembered = byId(input.cookie);
  if (remembered && remembered.id !== defaultEdition.id && remembered.path)
    return { edition: remembered, redirect: `/${locale}/${remembered.path}/droom` };
  return { edition: defaultEdition, redirect: null };
}
