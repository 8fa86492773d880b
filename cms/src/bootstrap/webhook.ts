import type { Core } from '@strapi/strapi';
import { requireSecret } from '../utils/secrets';
import { cmsEnv } from '../env';

const NAME = 'search-indexer';
const EVENTS = ['entry.create', 'entry.update', 'entry.delete', 'entry.publish', 'entry.unpublish'];

/**
 * One webhook to the search-indexer, kept in step with the environment. Strapi posts every
 * content type (the indexer ignores all but activities) and does not retry: the indexer's
 * start-up sync repairs what a missed call left behind.
 */
export async function ensureIndexerWebhook(strapi: Core.Strapi) {
  const base = cmsEnv().INDEXER_URL;
  const secret = requireSecret((name) => cmsEnv()[name] ?? '', 'INDEXER_WEBHOOK_SECRET');
  if (!base || !secret) {
    strapi.log.warn('INDEXER_URL or INDEXER_WEBHOOK_SECRET not set: changes will not reach search.');
    return;
  }
  const data = {
    name: NAME,
    url: new URL('/webhooks/strapi', base).toString(),
    headers: { Authorization: `Bearer ${secret}` },
    events: EVENTS,
    isEnabled: true,
  };
  const store = strapi.get('webhookStore');
  const runner = strapi.get('webhookRunner');
  const existing = (await store.findWebhooks()).find((w: { name: string }) => w.name === NAME);
  if (!existing) {
    runner.add(await store.createWebhook(data));
    return;
  }
  const same =
    existing.url === data.url &&
    existing.isEnabled &&
    JSON.stringify(existing.headers) === JSON.stringify(data.headers) &&
    JSON.stringify([...existing.events].sort()) === JSON.stringify([...EVENTS].sort());
  if (!same) runner.update(await store.updateWebhook(existing.id, data));
}
