// The catalogue's own search for the relevance test and the search benchmark: for an address
// (`/nl/activiteiten?q=judo&age=8`), the catalogue page as the site reads it and the Meilisearch
// requests its InstantSearch tree sends through instant-meilisearch
// (site/src/islands/catalogue/server-state.ts), sent here as they are. So these measure the catalogue, not
// a model of it; site/src/islands/catalogue/server-state.test.ts checks that the page sends the same.
import { readFileSync } from 'node:fs';
import { createRequire, registerHooks } from 'node:module';
import { fileURLToPath, pathToFileURL } from 'node:url';
import ts from 'typescript';
import type { Meilisearch, MultiSearchQuery, MultiSearchResult } from 'meilisearch';
import { isLocale, translatorFor, type Locale, type TFunction } from '@droomkaart/shared';
import type { CatalogueState } from '@droomkaart/site/catalogue';

// The site package's sources, wherever pnpm linked it from.
const siteSrc = new URL('src/', pathToFileURL(createRequire(import.meta.url).resolve('@droomkaart/site/package.json')))
  .href;

// Node runs the benchmarks without a build: it strips the types of .ts files but knows no JSX, so
// the site's .tsx (the catalogue's React components) are compiled here as the site compiles them
// (react-jsx). Under vitest, Vite compiles them and this hook is not asked.
registerHooks({
  load(url, context, nextLoad) {
    if (!url.startsWith(siteSrc) || !url.endsWith('.tsx')) return nextLoad(url, context);
    const { outputText } = ts.transpileModule(readFileSync(new URL(url), 'utf8'), {
      fileName: fileURLToPath(url),
      compilerOptions: { jsx: ts.JsxEmit.ReactJSX, module: ts.ModuleKind.ESNext, target: ts.ScriptTarget.ES2023 },
    });
    return { format: 'module', source: outputText, shortCircuit: true };
  },
});

export type CataloguePage = {
  config: { indexName: string } & Record<string, unknown>;
  state: CatalogueState;
  redirect: string | null;
};
export type CatalogueRequests = { requests: MultiSearchQuery[][]; listedAt: [number, number] };

// Through a variable, so this package's type check (NodeNext) does not check the site's React
// sources, which the site's own type check covers (JSX, bundler resolution).
const pageEntry = '@droomkaart/site/catalogue/page';
const serverStateEntry = '@droomkaart/site/catalogue/server-state';
const { cataloguePage } = (await import(/* @vite-ignore */ pageEntry)) as {
  cataloguePage: (locale: Locale, t: TFunction, variant: 'list' | 'map', url: URL) => CataloguePage;
};
/**
 * The requests the catalogue sends for a page (every multi-search body, in order), and which query's
 * hits its list shows.
 */
export const { catalogueRequests } = (await import(/* @vite-ignore */ serverStateEntry)) as {
  catalogueRequests: (config: CataloguePage['config']) => Promise<CatalogueRequests>;
};

/** The catalogue page at an address (`/<locale>/activiteiten` or `/<locale>/kaart`, with its query). */
export function catalogueAt(address: string): CataloguePage {
  const url = new URL(address, 'http://localhost');
  const [, locale, view] = url.pathname.split('/');
  if (!isLocale(locale) || (view !== 'activiteiten' && view !== 'kaart'))
    throw new Error(`not a catalogue address: ${address}`);
  return cataloguePage(locale, translatorFor(locale), view === 'kaart' ? 'map' : 'list', url);
}

/**
 * Sends a page's requests one after another, as the catalogue does. The answer its list shows,
 * and Meilisearch's processing time of every query together.
 */
export async function sendCatalogueSearch(
  meili: Meilisearch,
  search: CatalogueRequests,
): Promise<{ listed: MultiSearchResult<Record<string, unknown>>; processingTimeMs: number }> {
  let listed: MultiSearchResult<Record<string, unknown>> | undefined;
  let processingTimeMs = 0;
  for (const [r, queries] of search.requests.entries()) {
    const { results } = await meili.multiSearch({ queries });
    for (const result of results) processingTimeMs += result.processingTimeMs;
    if (r === search.listedAt[0]) listed = results[search.listedAt[1]];
  }
  if (!listed) throw new Error('no answer for the listed query');
  return { listed, processingTimeMs };
}
