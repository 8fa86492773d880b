import { defaultLocale, locales, type Activity, type SearchDocument } from '@droomkaart/shared';
import { parseChangeKey, type DependentType } from './changes.ts';
import type { SearchEngine } from './meilisearch/search-engine.ts';
import type { StrapiClient } from './strapi/client.ts';
import { documentsPerLocale, learnVocabulary } from './transform/activity-to-document.ts';

/** The cms REST filter for the activities that show one organisation, place, wijk or theme. */
export function relationFilter(type: DependentType, documentId: string): Record<string, unknown> {
  const is = { documentId: { $eq: documentId } };
  switch (type) {
    case 'organisation':
      return { organisation: is };
    case 'place':
      return { places: is };
    case 'wijk':
      return { places: { wijk: is } };
    case 'theme':
      return { themes: is };
  }
}

/**
 * Every activity that shows a dependent document: the published ones the cms links to it now
 * (an organisation just approved brings its activities in) and the ones the index still shows it on
 * (an organisation withdrawn or deleted takes its activities out).
 */
export async function dependentsOf(
  cms: StrapiClient,
  engine: SearchEngine,
  type: DependentType,
  documentId: string,
): Promise<string[]> {
  const found = await Promise.all([
    ...locales.map((locale) => cms.findActivityIds(locale, relationFilter(type, documentId))),
    engine.findByRef(`${type}:${documentId}`, locales),
  ]);
  return [...new Set(found.flat())];
}

/** Brings the index in line for a batch of change keys (see changes.ts). */
export async function syncChanges(
  cms: StrapiClient,
  engine: SearchEngine,
  keys: string[],
): Promise<{ activities: number }> {
  const documentIds = new Set<string>();
  for (const key of keys) {
    const change = parseChangeKey(key);
    if (!change) {
      console.warn(`[indexer] dropped unknown change key ${key}`);
      continue;
    }
    if (change.type === 'activity') documentIds.add(change.documentId);
    else for (const id of await dependentsOf(cms, engine, change.type, change.documentId)) documentIds.add(id);
  }
  await syncActivities(cms, engine, [...documentIds]);
  return { activities: documentIds.size };
}

/**
 * Re-reads a batch of activities from the cms in every locale and brings each locale index in
 * line: one read per locale, then one upsert and one removal per locale, all locales at once.
 */
export async function syncActivities(cms: StrapiClient, engine: SearchEngine, documentIds: string[]): Promise<void> {
  if (documentIds.length === 0) return;
  const versions = new Map<string, Partial<Record<string, Activity>>>(documentIds.map((id) => [id, {}]));
  await Promise.all(
    locales.map(async (locale) => {
      for (const activity of await cms.fetchActivities(documentIds, locale))
        versions.get(activity.documentId)![locale] = activity;
    }),
  );
  learnVocabulary([...versions.values()].flatMap((byLocale) => Object.values(byLocale)).filter((a) => a !== undefined));
  const upserts = new Map<string, SearchDocument[]>(locales.map((l) => [l, []]));
  const removals = new Map<string, string[]>(locales.map((l) => [l, []]));
  for (const [documentId, byLocale] of versions) {
    for (const [locale, doc] of Object.entries(documentsPerLocale(byLocale, locales))) {
      if (doc) upserts.get(locale)!.push(doc);
      else removals.get(locale)!.push(documentId);
    }
  }
  await Promise.all(
    locales.flatMap((locale) => [
      engine.upsert(locale, upserts.get(locale)!),
      engine.remove(locale, removals.get(locale)!),
    ]),
  );
}

export type FullSyncResult = {
  documents: number;
  perLocale: Record<string, number>;
  /** Where the time went (ms; the reading and the indexing overlap, see fullSync). */
  phases: FullSyncPhases;
};

export type FullSyncPhases = {
  /** Reading every title (all locales at once) for the compound splitter; 0 once the process knows them. */
  vocabularyMs: number;
  /** From the first page of the full read to the last (documents go out meanwhile). */
  readMs: number;
  /** Time spent turning activities into documents, summed over every locale. */
  transformMs: number;
  /** From the last page read until Meilisearch had every document and the swap was done. */
  indexMs: number;
  /** Rows read from the cms, every locale counted. */
  rows: number;
  /** CPU time the indexer process used meanwhile (user + system): the rest went to the cms and Meilisearch. */
  indexerCpuMs: number;
};

/** Whether this process has read every title once (fullSync step 1). */
let vocabularyRead = false;

/** Documents go to Meilisearch in additions of this many per locale. */
const BATCH = 5000;

/**
 * Reads everything published and rebuilds every locale index, swapping them all in at once.
 * A pipeline, because the cms, the indexer and Meilisearch each need the CPU:
 * 1. every title, all locales at once, so the compound splitter knows every word before any
 *    document is built (it does not depend on the order documents arrive in). Only the first time
 *    in a process: its vocabulary only grows and every sync adds the titles it reads, so it
 *    already holds every title but those of edits the indexer never heard of, which each page
 *    adds before its documents are built;
 * 2. the translations (every locale but Dutch) in full, all locales at once;
 * 3. the Dutch pages, several at a time: each page's activities become their documents in every
 *    locale at once (their own translation, or the Dutch text as fallback) and go to the locale's
 *    `_next` index in additions of BATCH while the cms reads on, so Meilisearch indexes during the
 *    read (fewer, larger additions cost Meilisearch less than many small ones);
 * 4. translations without a Dutch version, then one atomic swap of every locale.
 */
export async function fullSync(cms: StrapiClient, engine: SearchEngine, concurrency = 4): Promise<FullSyncResult> {
  const cpu = process.cpuUsage();
  let t = performance.now();
  const [titles, rebuild] = await Promise.all([
    vocabularyRead ? [] : Promise.all(locales.map((locale) => cms.listTitles(locale, concurrency))),
    engine.startRebuild(locales),
  ]);
  learnVocabulary(titles.flat());
  vocabularyRead = true;
  const vocabularyMs = performance.now() - t;

  t = performance.now();
  let rows = 0;
  let transformMs = 0;
  const translations = new Map<string, Partial<Record<string, Activity>>>();
  const translated = locales.filter((l) => l !== defaultLocale);
  await Promise.all(
    translated.map(async (locale) => {
      for await (const page of cms.listActivitiesAtOnce(locale, concurrency)) {
        learnVocabulary(page);
        for (const activity of page) {
          rows++;
          translations.set(activity.documentId, { ...translations.get(activity.documentId), [locale]: activity });
        }
      }
    }),
  );

  const perLocale: Record<string, number> = Object.fromEntries(locales.map((l) => [l, 0]));
  const pending = new Map<string, SearchDocument[]>(locales.map((l) => [l, []]));
  const send = (locale: string, all = false) => {
    const docs = pending.get(locale)!;
    if (docs.length === 0 || (!all && docs.length < BATCH)) return;
    rebuild.add(locale, docs);
    perLocale[locale] += docs.length;
    pending.set(locale, []);
  };
  const build = (versions: Partial<Record<string, Activity>>) => {
    const started = performance.now();
    for (const [locale, doc] of Object.entries(documentsPerLocale(versions, locales)))
      if (doc) pending.get(locale)!.push(doc);
    transformMs += performance.now() - started;
  };
  const documentIds = new Set<string>();
  for await (const page of cms.listActivitiesAtOnce(defaultLocale, concurrency)) {
    learnVocabulary(page);
    for (const activity of page) {
      rows++;
      documentIds.add(activity.documentId);
      build({ ...translations.get(activity.documentId), [defaultLocale]: activity });
    }
    for (const locale of locales) send(locale);
  }
  // Published in a translation only: that locale shows it, the others have nothing to fall back on.
  for (const [documentId, versions] of translations) {
    if (documentIds.has(documentId)) continue;
    documentIds.add(documentId);
    build(versions);
  }
  for (const locale of locales) send(locale, true);
  const readMs = performance.now() - t;

  t = performance.now();
  await rebuild.finish();
  const indexMs = performance.now() - t;
  const round = (n: number) => Math.round(n);
  return {
    documents: documentIds.size,
    perLocale,
    phases: {
      vocabularyMs: round(vocabularyMs),
      readMs: round(readMs),
      transformMs: round(transformMs),
      indexMs: round(indexMs),
      rows,
      indexerCpuMs: round((({ user, system }) => user + system)(process.cpuUsage(cpu)) / 1000),
    },
  };
}
