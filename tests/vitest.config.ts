import { defineConfig } from 'vitest/config';

// Integration suites boot real processes (Strapi, Meilisearch, indexer): one file at a time,
// generous timeouts. unit/ holds the quick tests of the repository's own tooling (scripts/) and rules (imports through package entries, doc links). End-to-end suites run under Playwright (playwright.config.ts).
export default defineConfig({
  test: {
    include: ['integration/**/*.test.ts', 'unit/**/*.test.ts'],
    fileParallelism: false,
    testTimeout: 60_000,
    hookTimeout: 300_000,
  },
});
