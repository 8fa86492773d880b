import type { AstroGlobal } from 'astro';
import { isLocale, type Edition } from '@droomkaart/shared';
import { EDITION_COOKIE, editionCookieOptions, editionHosts } from '../edition.ts';
import { letterboxes, type Letterbox } from './letterboxes.ts';
import { handleDreamRequest, type DreamView } from './request.ts';
import { dreamEdition, type DreamRoute } from './routes.ts';

export type DreamPageProps = { view: DreamView; letterboxes: Letterbox[] | null; action: string };

/**
 * The work of a letterbox page (both routes): the edition, a redirect if the visitor belongs on
 * the other address, the request itself, the status and headers. A Response means: send that.
 */
export async function dreamPage(
  Astro: AstroGlobal,
  route: DreamRoute,
  own?: Edition,
): Promise<Response | DreamPageProps> {
  const locale = Astro.params.locale;
  if (!isLocale(locale)) return new Response(null, { status: 404 });
  const choice = dreamEdition({
    route,
    own,
    locale,
    host: Astro.url.host,
    protocol: Astro.url.protocol,
    param: Astro.url.searchParams.get('editie'),
    cookie: Astro.cookies.get(EDITION_COOKIE)?.value,
    hosts: editionHosts,
  });
  if (choice.redirect && Astro.request.method === 'GET')
    return Astro.redirect(choice.redirect, route === 'teen' ? 301 : 302);
  let clientAddress = '';
  try {
    clientAddress = Astro.clientAddress;
  } catch {
    // Not known behind some adapters: every such post shares one limit.
  }
  const outcome = await handleDreamRequest({
    request: Astro.request,
    clientAddress,
    crossOrigin: Boolean(Astro.locals.crossOrigin),
    edition: choice.edition,
    t: Astro.locals.t,
  });
  if ('response' in outcome) return outcome.response;
  const { view } = outcome;
  Astro.response.status = view.status;
  // The page carries a form token and, after a post, what the person typed: never cached.
  Astro.response.headers.set('cache-control', 'no-store');
  Astro.cookies.set(EDITION_COOKIE, view.edition.id, editionCookieOptions(Astro.url));
  return {
    view,
    letterboxes: view.kind === 'form' ? await letterboxes() : null,
    action: `${Astro.url.pathname}${Astro.url.search}`,
  };
}
