export default [
  'strapi::logger',
  'strapi::errors',
  'strapi::security',
  'strapi::cors',
  'strapi::poweredBy',
  'strapi::query',
  'global::published-only',
  'global::public-query',
  'strapi::body',
  'strapi::session',
  'strapi::favicon',
  'strapi::public',
];
