import { handle } from '../../workspace/controllers/workspace';
import { readReconfirmView, reconfirmOrganisation } from '../reconfirm';

// The organisation's "Alles klopt nog" link (api/organisation/reconfirm.ts): no account and no
// session, but only the site calls it (the service token, checked by handle()); the link itself says
// which organisation. The site rate-limits per visitor and renders the page; every bad, expired or
// revoked link gets the same 404.
export default {
  read: handle('none', async (ctx, _user, strapi) => ({ data: await readReconfirmView(strapi, ctx.params.token) })),
  confirm: handle('none', async (ctx, _user, strapi) => ({
    data: await reconfirmOrganisation(strapi, ctx.params.token),
  })),
};
