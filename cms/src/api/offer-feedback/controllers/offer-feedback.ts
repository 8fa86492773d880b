import type { Core } from '@strapi/strapi';
import { serviceTokenMatches } from '../../workspace/auth';
import { hasNonJsonBody } from '../../../http/hostile-input';
import { FeedbackError, reportFeedback } from '../report';

type Ctx = {
  request: { headers: Record<string, string | undefined>; body?: unknown };
  status: number;
  body: unknown;
  set: (name: string, value: string) => void;
};

// POST /api/offer-feedback: only the site (its service token), JSON only. Answers
// { data: { documentId } } (201) or { error: { status, key } } with key invalid, notFound, forbidden.
export default ({ strapi }: { strapi: Core.Strapi }) => ({
  async report(ctx: Ctx) {
    ctx.set('Cache-Control', 'no-store');
    const fail = (status: number, key: string) => {
      ctx.status = status;
      ctx.body = { error: { status, key } };
    };
    if (!serviceTokenMatches(ctx.request.headers.authorization)) return fail(401, 'forbidden');
    if (hasNonJsonBody(ctx.request.headers)) return fail(415, 'invalid');
    try {
      const data = await reportFeedback(strapi, ctx.request.body);
      ctx.status = 201;
      ctx.body = { data };
    } catch (err) {
      if (err instanceof FeedbackError) return fail(err.status, err.key);
      strapi.log.error(`offer feedback: ${(err as Error).stack ?? String(err)}`);
      return fail(500, 'server');
    }
  },
});
