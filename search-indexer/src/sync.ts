import { locales, type Activity, type SearchDocument } from '@droomkaart/shared';
import { parseChangeKey, type DependentType } from './changes.ts';
import type { SearchEngine } from './meilisearch/search-engine.ts';
import type { StrapiClient } from './strapi/client.ts';
import { documentsPerLocale, learnVocabulary, toSearchDocument } from './transform/activity-to-document.ts';

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

/** Reads everything published and rebuilds every locale index, swapping each in atomically. */
export async function fullSync(
  cms: StrapiClient,
  engine: SearchEngine,
): Promise<{ documents: number; perLocale: Record<string, number> }> {
  const byDocument = new Map<string, Partial<Record<string, Activity>>>();
  for (const locale of locales) {
    for await (const page of cms.listActivities(locale)) {
      for (const activity of page) {
        const versions = byDocument.get(activity.documentId) ?? {};
        versions[locale] = activity;
        byDocument.set(activity.documentId, versions);
      }
    }
  }
  // The compound splitter knows every title's words before any document is built.
  learnVocabulary(
    [...byDocument.values()].flatMap((versions) => Object.values(versions)).filter((a) => a !== undefined),
  );
  const perLocale: Record<string, number> = {};
  // All locales at once: each rebuild mostly waits on Meilisearch, which batches their tasks.
  await Promise.all(
    locales.map(async (locale) => {
      const docs = [...byDocument.values()].flatMap((versions) => {
        const source = versions[locale] ?? versions.nl;
        return source ? [toSearchDocument(source, locale, versions.nl)] : [];
      });
      await engine.rebuild(locale, docs);
      perLocale[locale] = docs.length;
    }),
  );
  return { documents: byDocument.size, perLocale };
}
