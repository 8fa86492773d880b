import { useState } from 'react';
import { InstantSearchSSRProvider, type InstantSearchServerState } from 'react-instantsearch-core';
import { CatalogueApp } from './CatalogueApp.tsx';
import { createSearchClient } from '../../lib/catalogue/search-client.ts';
import type { CatalogueConfig } from '../../lib/catalogue/types.ts';

type Props = {
  config: CatalogueConfig;
  /** The server's first results (getServerState), so hydrating needs no search. */
  serverState: InstantSearchServerState | null;
  /** The site's search endpoint: same origin, search-only key added by the server. */
  searchPath: string;
};

/**
 * The catalogue island (`client:interaction` on /activiteiten: it wakes on the first touch, key or
 * focus inside it, lib/hydration/interaction.ts). Its first render is the server's HTML;
 * searches then go to the site's own /api/search, which forwards them to Meilisearch with the
 * search-only key, limited to the `activities_<locale>` indexes. The browser never talks to another
 * origin. The map page (/kaart) renders it without a `client:` directive: server HTML only.
 */
export default function CatalogueIsland({ config, serverState, searchPath }: Props) {
  // meilisearch-js wants an absolute host; on the server no search runs (initial results).
  const [searchClient] = useState(() =>
    createSearchClient(
      new URL(searchPath, typeof window === 'undefined' ? 'http://localhost' : window.location.origin).href,
      '',
    ),
  );
  return (
    <InstantSearchSSRProvider {...(serverState ?? {})}>
      <CatalogueApp config={config} searchClient={searchClient} />
    </InstantSearchSSRProvider>
  );
}
