import { isDreamPath } from '../dream/path.ts';
import { isWorkspacePath } from '../workspace/session.ts';
import { isProviderPath } from '../workspace/provider/link.ts';
import { isReconfirmPath } from '../organisation/reconfirm.ts';
import { isOfferFeedbackPath } from '../feedback/offer-feedback.ts';

// Which HTTP methods a route answers. Astro renders a page for any method (a DELETE of the
// catalogue answered 200 with the catalogue), so src/middleware.ts refuses the others with 405, an
// Allow header and lib/http/post-guard.ts's refusal page (JSON for the search) before the page runs:
// - the letterboxes (/<locale>/droom, /<locale>/036/droom) and the workspace (/<locale>/werkplek/**)
//   take form posts, and so do the family's page of a personal link (/<locale>/gezin/<token>) and
//   the provider's page (/<locale>/aanmelding/<token>) and an organisation's "Alles klopt nog" page
//   (/<locale>/bijwerken/<token>);
// - the catalogue's search (/api/search/multi-search) and "Klopt er iets niet?" of an offer
//   (/<locale>/activiteiten/<slug>/melding, lib/feedback/offer-feedback.ts) take only posts;
// - everything else only reads (GET, HEAD).

/** Pure: the family's page of a personal link, /<locale>/gezin/<token> (lib/workspace/family/page.ts). */
export const isFamilyLinkPath = (pathname: string) => /^\/[a-z]{2}\/gezin\/[^/]+\/?$/.test(pathname);

/** Pure: the methods a path answers. */
export function allowedMethods(pathname: string): string[] {
  if (/^\/api\/search\/multi-search\/?$/.test(pathname) || isOfferFeedbackPath(pathname)) return ['POST'];
  if (
    isDreamPath(pathname) ||
    isWorkspacePath(pathname) ||
    isFamilyLinkPath(pathname) ||
    isProviderPath(pathname) ||
    isReconfirmPath(pathname)
  )
    return ['GET', 'HEAD', 'POST'];
  return ['GET', 'HEAD'];
}
