import type { APIRoute } from 'astro';
import { forwardMultiSearch } from '../../../lib/search.ts';

/** The catalogue islands search here (same origin); the server adds the search-only key. */
export const POST: APIRoute = async ({ request }) => {
  if (Number(request.headers.get('content-length') ?? 0) > 64 * 1024) return new Response(null, { status: 413 });
  return forwardMultiSearch(await request.text());
};
