import type { FacetParam, Vocabulary, WijkPoint } from './state.ts';
import type { Messages } from './messages.ts';

export type WijkGroup = { slug: string; name: string; wijken: { slug: string; name: string }[] };

/** Everything the catalogue island needs, as plain data from the server (lib/catalogue/page.ts). */
export type CatalogueConfig = {
  locale: string;
  indexName: string;
  variant: 'list' | 'map';
  /** This page (`/nl/activiteiten` or `/nl/kaart`) and the other view of the same search. */
  basePath: string;
  otherPath: string;
  hitsPerPage: number;
  attributesToRetrieve: string[];
  /** The searchable attributes: their highlights tell which query words the hits match. */
  attributesToHighlight: string[];
  /** Meilisearch's stop words: words it ignores are not "missing" from a hit. */
  stopWords: string[];
  vocab: Vocabulary;
  labels: Record<FacetParam, Record<string, string>>;
  wijkGroups: WijkGroup[];
  wijken: WijkPoint[];
  messages: Messages;
  /** The query string the page was requested with (the router reads it on the server). */
  initialSearch: string;
};
