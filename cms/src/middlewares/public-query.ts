import { errors } from '@strapi/utils';
import { PUBLIC_PATHS, checkPublicQuery, own, problemMessage } from '../access/public/public-query';

/**
 * The public content API (/api/activities, /api/organisations, …, and /api/<type>/:id) answers
 * only queries the allow-list in src/access/public/public-query.ts accepts: a filter, sort, field or
 * populate it does not name, or a malformed one, is a 400 with every problem named
 * (`error.details.errors[].parameter`), before Strapi reads the query. Runs after
 * published-only.ts (which drops `status`).
 */
export default () => async (ctx, next) => {
  const match = /^\/api\/([^/]+)(?:\/[^/]+)?\/?$/.exec(ctx.path);
  const uid = match ? own(PUBLIC_PATHS, match[1]) : undefined;
  if (uid && ctx.querystring) {
    const problems = checkPublicQuery(uid, ctx.query ?? {});
    if (problems.length > 0) throw new errors.ValidationError(problemMessage(problems), { errors: problems });
  }
  await next();
};
