import { corsOrigins } from '../src/http/cors';
import { cmsEnv } from '../src/env';

export default () => [
  'strapi::logger',
  'strapi::errors',
  'strapi::security',
  // Only the admin's and the site's origins may read answers with credentials (src/http/cors.ts).
  { name: 'strapi::cors', config: { origin: corsOrigins(cmsEnv()), credentials: true } },
  'strapi::poweredBy',
  'strapi::query',
  'global::published-only',
  'global::public-query',
  'strapi::body',
  // Sign-in limits on the admin's own sign-in, reset and registration routes (src/security/).
  'global::admin-sign-in-limits',
  'strapi::session',
  'strapi::favicon',
  'strapi::public',
];
