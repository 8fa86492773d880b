import { readFileSync } from 'node:fs';

export type StackInfo = { urls: { site: string; cms: string; indexer: string; meilisearch: string }; env: Record<string, string> };

export function stackInfo(): StackInfo {
  const file = process.env.DROOMKAART_E2E_STACK;
  if (!file) throw new Error('DROOMKAART_E2E_STACK not set: run through playwright.config.ts (global setup)');
  return JSON.parse(readFileSync(file, 'utf8'));
}
