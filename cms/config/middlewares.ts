export default [
  'strapi::logger',
  'strapi::errors',
  'strapi::security',
  'strapi::cors',
  'strapi::poweredBy',
  'strapi::query',
  'global::published-only',
  'strapi::body',
  // Sign-in limits on the admin's own sign-in, reset and registration routes (src/security/).
  'global::admin-sign-in-limits',
  'strapi::session',
  'strapi::favicon',
  'strapi::public',
];
