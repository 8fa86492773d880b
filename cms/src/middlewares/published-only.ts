/**
 * The content API (/api/...) serves the public site and the indexer: published content only.
 * Strapi 5 lets any caller with `find` permission ask `?status=draft`, which would show partners'
 * unpublished drafts to the world; the parameter is removed before Strapi reads it. Not on the
 * workspace API (/api/workspace/...): there `status` is a dream's status, it reads no content
 * through Strapi's draft and publish, and its routes check their own session.
 */
export const OWN_STATUS_PARAMETER = /^\/api\/workspace(\/|$)/;

export default () => async (ctx, next) => {
  if (ctx.path.startsWith('/api/') && !OWN_STATUS_PARAMETER.test(ctx.path) && ctx.query && 'status' in ctx.query) {
    const { status: _ignored, ...rest } = ctx.query;
    ctx.query = rest;
  }
  await next();
};
