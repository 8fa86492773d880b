export { createIndexer, type Indexer } from './indexer.ts';
export { loadConfig, type IndexerConfig } from './config.ts';
export { toSearchDocument, documentsPerLocale } from './transform/activity-to-document.ts';
export { SearchEngine } from './meilisearch/search-engine.ts';
