import { locales, type Activity } from '@droomkaart/shared';
import type { SearchEngine } from './meilisearch/search-engine.ts';
import type { StrapiClient } from './strapi/client.ts';
import { documentsPerLocale, toSearchDocument } from './transform/activity-to-document.ts';

/** Re-reads one activity from the cms in every locale and brings each locale index in line. */
export async function syncActivity(cms: StrapiClient, engine: SearchEngine, documentId: string): Promise<void> {
  const versions: Partial<Record<string, Activity>> = {};
  await Promise.all(
    locales.map(async (locale) => {
      const found = await cms.fetchActivity(documentId, locale);
      if (found) versions[locale] = found;
    }),
  );
  const perLocale = documentsPerLocale(versions, locales);
  for (const [locale, doc] of Object.entries(perLocale)) {
    if (doc) await engine.upsert(locale, [doc]);
    else await engine.remove(locale, [documentId]);
  }
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
