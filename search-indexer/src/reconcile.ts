import { defaultLocale, locales } from '@droomkaart/shared';
import type { IndexedVersion, SearchEngine } from './meilisearch/search-engine.ts';
import type { StrapiClient } from './strapi/client.ts';

export type ExpectedVersion = { sourceUpdatedAt: number; fallback: boolean };

export type IndexDifference = { missing: string[]; outdated: string[]; extra: string[] };

export type ReconcileReport = {
  at: string;
  durationMs: number;
  /** Published activities in the cms (any locale). */
  published: number;
  /** Locale entries absent from, out of date in, or wrongly present in the indexes. */
  missing: number;
  outdated: number;
  extra: number;
  /** Distinct activities queued for repair. */
  repaired: number;
};

/**
 * Pure: what each locale index should hold, from the published versions per locale: the locale's
 * own translation, or else the Dutch text flagged as fallback (as documentsPerLocale does).
 */
export function expectedPerLocale(
  versions: Map<string, Partial<Record<string, number>>>,
  siteLocales: readonly string[],
): Map<string, Map<string, ExpectedVersion>> {
  const out = new Map<string, Map<string, ExpectedVersion>>(siteLocales.map((l) => [l, new Map()]));
  for (const [documentId, byLocale] of versions) {
    for (const locale of siteLocales) {
      const own = byLocale[locale];
      const source = own ?? byLocale[defaultLocale];
      if (source !== undefined)
        out.get(locale)!.set(documentId, { sourceUpdatedAt: source, fallback: own === undefined });
    }
  }
  return out;
}

/** Pure: how one index differs from what it should hold. */
export function diffIndex(
  expected: Map<string, ExpectedVersion>,
  indexed: Map<string, IndexedVersion>,
): IndexDifference {
  const missing: string[] = [];
  const outdated: string[] = [];
  for (const [id, want] of expected) {
    const have = indexed.get(id);
    if (!have) missing.push(id);
    else if (have.sourceUpdatedAt !== want.sourceUpdatedAt || have.fallback !== want.fallback) outdated.push(id);
  }
  const extra = [...indexed.keys()].filter((id) => !expected.has(id));
  return { missing, outdated, extra };
}

/**
 * Compares every published activity in the cms (documentId, locale, newest updatedAt of it and
 * what it shows) with every locale index and returns the activities to re-sync, with a report.
 * It reads no text: a full comparison of 10,000 activities is a few dozen small requests.
 */
export async function reconcile(
  cms: StrapiClient,
  engine: SearchEngine,
): Promise<{ report: ReconcileReport; documentIds: string[] }> {
  const started = performance.now();
  const versions = new Map<string, Partial<Record<string, number>>>();
  for (const locale of locales) {
    for await (const page of cms.listVersions(locale)) {
      for (const v of page) versions.set(v.documentId, { ...versions.get(v.documentId), [locale]: v.sourceUpdatedAt });
    }
  }
  const expected = expectedPerLocale(versions, locales);
  const totals: IndexDifference = { missing: [], outdated: [], extra: [] };
  for (const locale of locales) {
    const diff = diffIndex(expected.get(locale)!, await engine.listIndexed(locale));
    totals.missing.push(...diff.missing);
    totals.outdated.push(...diff.outdated);
    totals.extra.push(...diff.extra);
  }
  const documentIds = [...new Set([...totals.missing, ...totals.outdated, ...totals.extra])];
  return {
    documentIds,
    report: {
      at: new Date().toISOString(),
      durationMs: Math.round(performance.now() - started),
      published: versions.size,
      missing: totals.missing.length,
      outdated: totals.outdated.length,
      extra: totals.extra.length,
      repaired: documentIds.length,
    },
  };
}
