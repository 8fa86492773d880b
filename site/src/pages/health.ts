import type { APIRoute } from 'astro';
import { dreamHealth } from '../lib/dream/runtime.ts';

// Always 200 while the site answers. `dreamOutbox` tells how the letterbox's outbox is doing
// (counts and the age of the oldest waiting dream, never content), for monitoring: pending dreams
// wait for the cms, rejected ones need a person (see docs/site.md).
export const GET: APIRoute = () =>
  new Response(JSON.stringify({ status: 'ok', dreamOutbox: dreamHealth() }), {
    headers: { 'content-type': 'application/json', 'cache-control': 'no-store' },
  });
