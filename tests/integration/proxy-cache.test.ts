import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { indexName } from '@droomkaart/shared';
import { isolatedEnv } from '../../scripts/lib/env.ts';
import { startCluster, type Cluster } from '../../scripts/lib/cluster.ts';
import { partnerEmail, publishActivity, signIn, updateActivity } from '../utils/cms-admin.ts';
import { meiliAdmin, waitForDocument } from '../utils/meili.ts';
import { PORT_OFFSET, portShift } from '../utils/ports.ts';
import { repoRoot } from '../utils/stack.ts';

// nginx's page cache in front of two sites (deploy/nginx/droomkaart.conf.template), on the real
// cluster (scripts/lib/cluster.ts): public pages are kept and served when the sites are gone,
// personal pages never; and after a partner's edit the search-indexer refreshes the changed pages
// (search-indexer/src/proxy/refresh.ts), so the page through nginx shows the edit as soon as search
// finds it, not after the site's 30 s read cache and nginx's own 30 s.

const EDITION = 'droomkaart-editie';
let cluster: Cluster;
let dataDir: string;
type Listed = { slug: string; documentId: string; title: string; organisation: { slug: string } | null };
let activities: Listed[];
let keptAt = 0;
let keptBody = '';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
async function get(path: string, headers: Record<string, string> = {}) {
  const res = await fetch(`${cluster.urls.site}${path}`, { headers, redirect: 'manual' });
  return {
    status: res.status,
    cache: res.headers.get('x-cache-status'),
    cc: res.headers.get('cache-control'),
    body: await res.text(),
  };
}

beforeAll(async () => {
  const offset = PORT_OFFSET.proxyCache + portShift();
  dataDir = mkdtempSync(join(tmpdir(), 'droomkaart-proxy-cache-'));
  const env = isolatedEnv(repoRoot, {
    portOffset: offset,
    dataDir,
    extra: {
      SEED_DEMO_DATA: 'true',
      SEED_DEMO_DREAMS: 'false',
      SEED_DEMO_IMAGES: 'false',
      DEMO_ACCOUNTS: 'true',
      CRON_ENABLED: 'false',
    },
  });
  cluster = await startCluster({
    root: repoRoot,
    env,
    dataDir,
    portOffset: offset,
    log: (l) => console.log(`[proxy-cache] ${l}`),
    timeoutMs: { cms: 400_000 },
  });
  const res = await fetch(
    `${cluster.urls.cms}/api/activities?locale=nl&fields[0]=slug&fields[1]=documentId&fields[2]=title&populate[organisation][fields][0]=slug&pagination[pageSize]=100`,
  );
  activities = ((await res.json()) as { data: Listed[] }).data.filter((a) => a.organisation);
  expect(activities.length).toBeGreaterThan(3);
}, 900_000);

afterAll(async () => {
  await cluster?.stop();
  if (dataDir && !process.env.KEEP_TEST_DATA) rmSync(dataDir, { recursive: true, force: true });
});

describe('the page cache at nginx', () => {
  it('keeps a public page: a MISS, then a HIT, per edition', async () => {
    const path = `/en/activiteiten/${activities[0].slug}`;
    const first = await get(path);
    expect(first.status).toBe(200);
    expect(first.cc).toMatch(/public/);
    expect(first.cache).toBe('MISS');
    keptAt = performance.now();
    keptBody = first.body;
    const second = await get(path);
    expect(second.cache).toBe('HIT');
    expect(second.body).toBe(first.body);
    // The edition cookie is a variant of its own, and its page wears that edition.
    const jong = await get(path, { cookie: `${EDITION}=jong` });
    expect(jong.cache).toBe('MISS');
    expect((await get(path, { cookie: `${EDITION}=jong` })).cache).toBe('HIT');
    expect(jong.body).not.toBe(first.body);
    // Any other cookie (a workspace session) goes past the cache.
    expect((await get(path, { cookie: `${EDITION}=jong; droomkaart-werkplek=x` })).cache).toBe('BYPASS');
  });

  it('never keeps a personal page', async () => {
    const personal = [
      '/nl/droom',
      '/nl/036/droom',
      '/nl/werkplek',
      '/nl/werkplek/inloggen',
      '/nl/gezin/not-a-real-token',
      '/nl/bijwerken/not-a-real-token',
      '/nl/aanmelding/not-a-real-token',
    ];
    for (const path of personal) {
      for (let i = 0; i < 3; i++) {
        const r = await get(path);
        expect(r.cache, `${path} #${i + 1}`).not.toMatch(/HIT|STALE|UPDATING|REVALIDATED/);
      }
    }
    for (let i = 0; i < 3; i++) {
      const res = await fetch(`${cluster.urls.site}/api/search/multi-search`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', origin: cluster.urls.site },
        body: JSON.stringify({ queries: [{ indexUid: indexName('nl'), q: 'zwem' }] }),
      });
      await res.arrayBuffer();
      // It works through nginx (the site sees the public host and the visitor's address).
      expect(res.status).toBe(200);
      expect(res.headers.get('x-cache-status') ?? '').not.toMatch(/HIT|STALE|UPDATING/);
    }
  });

  it('shows a published edit through nginx within 2 s of search finding it', async () => {
    const activity = activities[1];
    const org = activity.organisation!.slug;
    const page = `/nl/activiteiten/${activity.slug}`;
    const orgPage = `/nl/organisaties/${org}`;
    // Every variant is kept before the edit (and the sites' read caches hold the old activity).
    const variants: Record<string, string>[] = [{}, { cookie: `${EDITION}=jong` }, { cookie: `${EDITION}=kind` }];
    for (const headers of variants) {
      await get(page, headers);
      expect((await get(page, headers)).cache).toBe('HIT');
    }
    await get(orgPage);
    expect((await get(orgPage)).cache).toBe('HIT');

    const title = `Zwemmen met de proxy ${Date.now().toString(36)}`;
    const session = await signIn(cluster.urls.cms, partnerEmail(org), cluster.env.DEMO_PASSWORD);
    await updateActivity(session, activity.documentId, { title });
    await publishActivity(session, activity.documentId);
    const meili = meiliAdmin(cluster.urls.meilisearch, cluster.env.MEILI_MASTER_KEY);
    await waitForDocument(meili, indexName('nl'), activity.documentId, (hits) => hits[0]?.title === title, 20_000);
    const findable = performance.now();
    const shows = async (path: string, headers: Record<string, string> = {}) => {
      while (performance.now() - findable < 10_000) {
        if ((await get(path, headers)).body.includes(title)) return performance.now() - findable;
        await sleep(100);
      }
      return Number.POSITIVE_INFINITY;
    };
    const after = {
      page: await shows(page),
      jong: await shows(page, { cookie: `${EDITION}=jong` }),
      kind: await shows(page, { cookie: `${EDITION}=kind` }),
      organisation: await shows(orgPage),
    };
    console.log(`[proxy-cache] edit shown through nginx, ms after findable: ${JSON.stringify(after)}`);
    for (const ms of Object.values(after)) expect(ms).toBeLessThanOrEqual(2_000);
    // And it is kept again, new.
    const kept = await get(page);
    expect(kept.cache).toBe('HIT');
    expect(kept.body).toContain(title);
  });

  it('serves kept pages while no site instance runs, past their s-maxage', async () => {
    const path = `/en/activiteiten/${activities[0].slug}`;
    cluster.kill('site-1');
    cluster.kill('site-2');
    // The first test's copy is past its s-maxage (30 s): only proxy_cache_use_stale keeps it.
    await sleep(Math.max(0, keptAt + 32_000 - performance.now()));
    for (let i = 0; i < 3; i++) {
      const copy = await get(path);
      expect(copy.status).toBe(200);
      expect(copy.cache).toBe('STALE');
      expect(copy.body).toBe(keptBody);
    }
    // A page never kept has nothing to fall back on.
    expect((await get(`/en/activiteiten/${activities[3].slug}`)).status).toBe(502);
  });
});
