/**
 * The content API (/api/...) serves the public site and the indexer: published content only.
 * Strapi 5 lets any caller with `find` permission ask `?status=draft`, which would show partners'
 * unpublished drafts to the world; the parameter is removed before Strapi reads it.
 */
export default () => async (ctx, next) => {
  if (ctx.path.startsWith('/api/') && ctx.query && 'status' in ctx.query) {
    const { status: _ignored, ...rest } = ctx.query;
    ctx.query = rest;
  }
  await next();
};
