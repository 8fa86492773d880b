import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';

// Upstream admin routes that answered 500 to input they cannot use (found by the route sweep,
// tests/integration/route-sweep.test.ts). Each now answers what is wrong with a 4xx, before
// Strapi's controller runs. A Strapi upgrade that moves one of these routes fails at start-up.

type Route = { method: string; path: string; config?: { middlewares?: unknown[] } & Record<string, unknown> };
type Router = { type?: string; routes: Route[] };
type Ctx = {
  params?: Record<string, string>;
  request: { body?: unknown };
  body: unknown;
  status: number;
  state: { userAbility?: unknown };
};
type Middleware = (ctx: Ctx, next: () => Promise<unknown>) => Promise<unknown>;

function addMiddleware(
  routers: Record<string, Router> | undefined,
  match: (route: Route) => boolean,
  middleware: Middleware,
  what: string,
) {
  let found = 0;
  for (const router of Object.values(routers ?? {})) {
    for (const route of router?.routes ?? []) {
      if (router?.type === 'content-api' || !match(route)) continue;
      route.config = { ...(route.config ?? {}), middlewares: [...(route.config?.middlewares ?? []), middleware] };
      found++;
    }
  }
  if (!found) throw new Error(`upstream-routes: ${what} not found`);
}

/** Pure: whether a check-permissions body is one Strapi can check (a list of { action, subject?, field? }). */
export function isPermissionCheck(body: unknown): boolean {
  const permissions = (body as { permissions?: unknown } | null)?.permissions;
  return (
    Array.isArray(permissions) &&
    permissions.length <= 500 &&
    permissions.every(
      (p) =>
        p !== null &&
        typeof p === 'object' &&
        !Array.isArray(p) &&
        typeof (p as { action?: unknown }).action === 'string',
    )
  );
}

const contentManager_ = (strapi: Core.Strapi) =>
  strapi.plugin('content-manager').routes as unknown as Record<string, Router>;

/** Called in register(), before the routes are mounted. */
export function registerUpstreamRouteFixes(strapi: Core.Strapi) {
  const admin = strapi.admin.routes as unknown as Record<string, Router>;
  // Asks Strapi's licence server; without a licence (Community Edition) or network it threw.
  addMiddleware(
    admin,
    (r) => r.method === 'GET' && r.path === '/license-trial-time-left',
    async (ctx, next) => {
      if ((strapi as unknown as { ee?: { isEE?: boolean } }).ee?.isEE) return next();
      ctx.body = {};
    },
    'GET /admin/license-trial-time-left',
  );
  // A body without a list of permissions passed Strapi's validation and crashed the check.
  addMiddleware(
    admin,
    (r) => r.method === 'POST' && r.path === '/permissions/check',
    async (ctx, next) => {
      if (!isPermissionCheck(ctx.request.body))
        throw new errors.ValidationError('Send { "permissions": [{ "action": "…", "subject": "…" }] }.');
      return next();
    },
    'POST /admin/permissions/check',
  );
  // The relation pickers of a type the admin may not read: Strapi's controller meant to answer 403
  // but returned nothing and crashed (`return ctx.forbidden()` inside a helper). Same check, first.
  addMiddleware(
    contentManager_(strapi),
    (r) => r.path.startsWith('/relations/:model/'),
    async (ctx, next) => {
      const { model = '', targetField = '' } = ctx.params ?? {};
      const schema = strapi.getModel(model as never) as { modelType?: string } | undefined;
      if (schema && schema.modelType !== 'component') {
        const checker = strapi
          .plugin('content-manager')
          .service('permission-checker')
          .create({ userAbility: ctx.state.userAbility, model });
        if (checker.cannot.read(null, targetField)) throw new errors.ForbiddenError();
      }
      return next();
    },
    'content-manager /relations/:model/…',
  );
  // The content manager's single-type routes with a collection type (and the other way round)
  // crashed; an unknown model is a 404 as well.
  const contentManager = strapi.plugin('content-manager').routes as unknown as Record<string, Router>;
  for (const kind of ['singleType', 'collectionType'] as const) {
    const prefix = kind === 'singleType' ? '/single-types/:model' : '/collection-types/:model';
    addMiddleware(
      contentManager,
      (r) => r.path.startsWith(prefix),
      async (ctx, next) => {
        const model = ctx.params?.model ?? '';
        const type = Object.prototype.hasOwnProperty.call(strapi.contentTypes, model)
          ? (strapi.contentTypes as unknown as Record<string, { kind?: string }>)[model]
          : undefined;
        if (!type || type.kind !== kind)
          throw new errors.NotFoundError(
            `${model.slice(0, 100)} is not a ${kind === 'singleType' ? 'single' : 'collection'} type.`,
          );
        return next();
      },
      `content-manager ${prefix}`,
    );
  }
}
