#!/usr/bin/env node
// droomkaart-indexer reindex: rebuild every locale index from the cms and swap it in.
import { locales } from '@droomkaart/shared';
import { loadConfig } from './config.ts';
import { SearchEngine } from './meilisearch/search-engine.ts';
import { StrapiClient } from './strapi/client.ts';
import { fullSync } from './sync.ts';

const [command] = process.argv.slice(2);
if (command !== 'reindex') {
  console.error('usage: droomkaart-indexer reindex');
  process.exit(2);
}
const config = loadConfig();
const engine = new SearchEngine(config.meiliUrl, config.meiliMasterKey, config.indexPrefix);
await engine.provisionKeys();
await engine.prepare(locales);
const started = performance.now();
const result = await fullSync(new StrapiClient(config.cmsUrl), engine);
console.log(`reindexed ${result.documents} activities in ${Math.round(performance.now() - started)} ms`, result.perLocale);
