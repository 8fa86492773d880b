#!/usr/bin/env node
// droomkaart-indexer: operator commands.
//   reindex    zero-downtime rebuild of every locale index
//   reconcile  compare the cms with the indexes and repair the differences
// Both ask the running indexer (INDEXER_URL, authenticated with INDEXER_ADMIN_SECRET), so its
// queue knows about the rebuild. With --local, or when no indexer answers, a reindex runs in
// this process instead, followed by a reconcile of what changed meanwhile.
import { locales } from '@droomkaart/shared';
import { changeKey } from './changes.ts';
import { loadConfig } from './config.ts';
import { SearchEngine } from './meilisearch/search-engine.ts';
import { reconcile } from './reconcile.ts';
import { StrapiClient } from './strapi/client.ts';
import { fullSync, syncChanges } from './sync.ts';

const [command, ...flags] = process.argv.slice(2);
if (command !== 'reindex' && command !== 'reconcile') {
  console.error('usage: droomkaart-indexer reindex|reconcile [--local]');
  process.exit(2);
}
const config = loadConfig();
const indexerUrl = process.env.INDEXER_URL ?? `http://127.0.0.1:${config.port}`;

async function viaService(): Promise<boolean> {
  let res: Response;
  try {
    res = await fetch(`${indexerUrl}/admin/${command}${command === 'reindex' ? '?wait=true' : ''}`, {
      method: 'POST',
      headers: { authorization: `Bearer ${config.adminSecret}` },
      signal: AbortSignal.timeout(30 * 60_000),
    });
  } catch {
    return false;
  }
  const body = (await res.json().catch(() => ({}))) as { error?: string };
  if (!res.ok) {
    console.error(`${command} failed (${res.status}): ${body.error ?? JSON.stringify(body)}`);
    process.exit(1);
  }
  console.log(JSON.stringify(body, null, 2));
  return true;
}

async function locally(): Promise<void> {
  const engine = new SearchEngine(config.meiliUrl, config.meiliMasterKey, config.indexPrefix);
  const cms = new StrapiClient(config.cmsUrl);
  await engine.provisionKeys();
  await engine.prepare(locales);
  if (command === 'reindex') {
    const started = performance.now();
    const result = await fullSync(cms, engine);
    console.log(
      `reindexed ${result.documents} activities in ${Math.round(performance.now() - started)} ms`,
      result.perLocale,
    );
  }
  const { report, documentIds } = await reconcile(cms, engine);
  await syncChanges(
    cms,
    engine,
    documentIds.map((id) => changeKey('activity', id)),
  );
  console.log('reconcile', report);
}

if (flags.includes('--local') || !(await viaService())) {
  if (!flags.includes('--local')) console.warn(`no indexer answered at ${indexerUrl}; running here`);
  await locally();
}
