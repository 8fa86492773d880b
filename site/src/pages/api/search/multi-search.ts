import type { APIRoute } from 'astro';
import { forwardMultiSearch } from '../../../lib/catalogue/search.ts';

/**
 * The catalogue islands search here (same origin); the server adds the search-only key. The
 * middleware refuses cross-site calls and bodies over 64 KB first (lib/http/post-guard.ts).
 */
export const POST: APIRoute = async ({ request }) => {
  return forwardMultiSearch(await request.text());
};
