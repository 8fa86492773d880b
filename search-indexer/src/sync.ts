import { locales, type Activity, type SearchDocument } from '@droomkaart/shared';
import type { SearchEngine } from './meilisearch/search-engine.ts';
import type { StrapiClient } from './strapi/client.ts';
import { documentsPerLocale, toSearchDocument } from './transform/activity-to-document.ts';

/**
 * Re-reads a batch of activities from the cms in every locale and brings each locale index in
 * line: one read per locale, then one upsert and one removal per locale, all locales at once.
 */
export async function syncActivities(cms: StrapiClient, engine: SearchEngine, documentIds: string[]): Promise<void> {
  const versions = new Map<string, Partial<Record<string, Activity>>>(documentIds.map((id) => [id, {}]));
  await Promise.all(
    locales.map(async (locale) => {
      for (const activity of await cms.fetchActivities(documentIds, locale)) versions.get(activity.documentId)![locale] = activity;
    }),
  );
  const upserts = new Map<string, SearchDocument[]>(locales.map((l) => [l, []]));
  const removals = new Map<string, string[]>(locales.map((l) => [l, []]));
  for (const [documentId, byLocale] of versions) {
    for (const [locale, doc] of Object.entries(documentsPerLocale(byLocale, locales))) {
      if (doc) upserts.get(locale)!.push(doc);
      else removals.get(locale)!.push(documentId);
    }
  }
  await Promise.all(locales.flatMap((locale) => [engine.upsert(locale, upserts.get(locale)!), engine.remove(locale, removals.get(locale)!)]));
}

/** Reads everything published and rebuilds every locale index, swapping each in atomically. */
export async function fullSync(cms: StrapiClient, engine: SearchEngine): Promise<{ documents: number; perLocale: Record<string, number> }> {
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
  const perLocale: Record<string, number> = {};
  for (const locale of locales) {
    const docs = [...byDocument.values()].flatMap((versions) => {
      const source = versions[locale] ?? versions.nl;
      return source ? [toSearchDocument(source, locale)] : [];
    });
    await engine.rebuild(locale, docs);
    perLocale[locale] = docs.length;
  }
  return { documents: byDocument.size, perLocale };
}
