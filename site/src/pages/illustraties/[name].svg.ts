import type { APIRoute } from 'astro';
import { illustrationSvg } from '../../lib/activity/illustration-image.ts';

// An activity's drawing as an image file (lib/activity/illustration-image.ts): the JSON-LD `image`
// of activities without a photo.
export const GET: APIRoute = ({ params }) => {
  const svg = illustrationSvg(params.name ?? '');
  if (!svg) return new Response(null, { status: 404 });
  return new Response(svg, {
    headers: {
      'Content-Type': 'image/svg+xml; charset=utf-8',
      'Cache-Control': 'public, max-age=86400',
      'Content-Security-Policy': "default-src 'none'; style-src 'unsafe-inline'",
    },
  });
};
export const HEAD: APIRoute = GET;
