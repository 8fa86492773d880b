import type { Core } from '@strapi/strapi';
import { ensureLocales } from './bootstrap/locales';
import { grantPublicRead } from './bootstrap/public-permissions';
import { ensureIndexerWebhook } from './bootstrap/webhook';
import { ensureDemoAccounts } from './bootstrap/demo-accounts';
import { seedTaxonomy, seedDemoContent } from './seed/seed';

export default {
  register(/* { strapi }: { strapi: Core.Strapi } */) {},

  async bootstrap({ strapi }: { strapi: Core.Strapi }) {
    await ensureLocales(strapi);
    await grantPublicRead(strapi);
    await seedTaxonomy(strapi);
    if (process.env.SEED_DEMO_DATA === 'true') await seedDemoContent(strapi, { activityCount: Number(process.env.SEED_ACTIVITY_COUNT) || undefined });
    if (process.env.DEMO_ACCOUNTS === 'true') await ensureDemoAccounts(strapi);
    await ensureIndexerWebhook(strapi);
  },
};
