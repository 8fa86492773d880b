import type { Core } from '@strapi/strapi';

type RequestState = {
  state?: {
    user?: { id?: number; email?: string; roles?: { code?: string | null }[] | null };
    auth?: { strategy?: { name?: string } };
    route?: { info?: { type?: string } };
  };
};

function current(strapi: Core.Strapi): RequestState | undefined {
  return strapi.requestContext.get();
}

/**
 * The signed-in admin-panel user of the current request, or null: the public content API, the
 * seed and the nightly cron have none.
 */
export function adminUser(strapi: Core.Strapi) {
  const ctx = current(strapi);
  return ctx?.state?.auth?.strategy?.name === 'admin' ? (ctx.state.user ?? null) : null;
}

/** Whether the current request came in through the content API (/api/...). */
export function isContentApiRequest(strapi: Core.Strapi): boolean {
  return current(strapi)?.state?.route?.info?.type === 'content-api';
}
