import type { APIRoute } from 'astro';
import { siteConfig } from '../../lib/config.ts';
import { proxyUpload } from '../../lib/cms/uploads.ts';

// The cms' uploaded images, on the site's own origin (lib/cms/uploads.ts, lib/activity/images.ts).
export const GET: APIRoute = ({ request, params }) => proxyUpload(request, params.file, { cmsUrl: siteConfig.cmsUrl });
export const HEAD: APIRoute = GET;
