import { handle } from './workspace';
import { answerProvider, readProviderLinkView } from '../provider';

// The provider's personal link (CONTRACT.md "Provider"): no account and no session, but only the
// site calls it (the service token, checked by handle()); the link itself says which one referral.
// The site rate-limits per visitor and renders the page; every bad, expired or revoked link gets
// the same 404.
export default {
  read: handle('none', async (ctx, _user, strapi) => ({ data: await readProviderLinkView(strapi, ctx.params.token) })),
  answer: handle('none', async (ctx, _user, strapi) => ({
    data: await answerProvider(strapi, ctx.params.token, ctx.request.body),
  })),
};
