import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { startTestStack } from '../utils/stack.ts';
import { e2eOffset } from '../utils/ports.ts';

/** Starts the whole product once for the end-to-end suite, with a small seeded demo catalogue. */
export default async function globalSetup() {
  const stack = await startTestStack({
    name: 'e2e',
    portOffset: e2eOffset(),
    // The site's caches of cms reads and of whole pages stay on, shorter than the defaults (30 s,
    // 5 s), so the tests that change content and then open its page wait seconds, not half a
    // minute (docs/site.md); they also prove that a change gets through both.
    env: {
      SEED_DEMO_DATA: 'true',
      SEED_ACTIVITY_COUNT: '60',
      SEED_DEMO_IMAGES: 'true',
      SITE_CMS_CACHE_SECONDS: '5',
      SITE_PAGE_CACHE_SECONDS: '2',
      // "Nieuwe aanvraag nodig" from the season's first day, so the workspace spec sees it any day.
      FUNDING_RENEWAL_FROM: '08-01',
    },
  });
  // Workers read the stack's URLs and secrets from here.
  const info = { urls: stack.urls, env: stack.env };
  const file = join(stack.dataDir, 'stack.json');
  writeFileSync(file, JSON.stringify(info));
  process.env.DROOMKAART_E2E_STACK = file;
  return async () => {
    await stack.cleanup();
  };
}
