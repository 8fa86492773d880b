import type { Core } from '@strapi/strapi';
import { freshnessOverview } from '../freshness/overview';

// GET /api/freshness (routes/freshness.ts): "Hoe actueel is de kaart?", counts only.
export default ({ strapi }: { strapi: Core.Strapi }) => ({
  async overview(ctx: { set: (k: string, v: string) => void; body: unknown }) {
    ctx.set('Cache-Control', 'public, max-age=60');
    ctx.body = { data: await freshnessOverview(strapi) };
  },
});
