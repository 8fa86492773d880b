// The cms's demo-data generator (cms/src/seed/generate.ts) for benchmarks, and its activities in
// the shape the cms API returns them (shared ActivitySchema), ready for the indexer's transform.
//
// The cms sources use extensionless relative imports (Strapi compiles them to CommonJS), which
// Node's ESM loader does not resolve. A resolve hook limited to the seed's folder adds `.ts`, so the
// benchmarks run the very same generator as the seed, with no build step of their own.
import { createRequire, registerHooks } from 'node:module';
import { pathToFileURL } from 'node:url';
import { themes, wijken, type Activity } from '@droomkaart/shared';
import type { DemoData } from '@droomkaart/cms/seed/types';

// The cms's public entry for the generator (`@droomkaart/cms/seed`) and the folder it lives in.
const generator = '@droomkaart/cms/seed';
const seedDir = new URL('./', pathToFileURL(createRequire(import.meta.url).resolve(generator))).href;

registerHooks({
  resolve(specifier, context, nextResolve) {
    if (context.parentURL?.startsWith(seedDir) && /^\.\.?\//.test(specifier) && !/\.[cm]?[jt]s$/.test(specifier)) {
      return nextResolve(`${specifier}.ts`, context);
    }
    return nextResolve(specifier, context);
  },
  load(url, context, nextLoad) {
    // cms/package.json has no "type"; say these files are ES modules instead of letting Node guess
    // (and warn) for each one.
    if (url.startsWith(seedDir) && url.endsWith('.ts'))
      return nextLoad(url, { ...context, format: 'module-typescript' });
    return nextLoad(url, context);
  },
});

// Through a variable, so this package's type check (strict) does not check the cms's sources (not strict).
const { generateDemoData } = (await import(/* @vite-ignore */ generator)) as {
  generateDemoData: (options?: { activityCount?: number; seed?: number }) => DemoData;
};

export { generateDemoData };
export type { DemoData };

/** A Strapi-like documentId (24 lowercase letters and digits), the same for the same input. */
export function benchDocumentId(kind: string, n: number): string {
  return `${kind.slice(0, 2)}${n.toString(36).padStart(22, '0')}`;
}

/**
 * The generated activities as the cms returns them when published in Dutch (themes, places with
 * their wijk, organisation populated), so `toSearchDocument` sees what it sees in production.
 */
export function publishedActivities(data: DemoData, updatedAt = '2026-11-01T10:00:00.000Z'): Activity[] {
  const theme = new Map<string, Activity['themes'][number]>(
    themes.map((t, i) => [
      t.slug,
      { documentId: benchDocumentId('th', i), name: t.name, slug: t.slug, icon: t.icon, order: t.order, updatedAt },
    ]),
  );
  const wijk = new Map(
    wijken.map((w, i) => [
      w.slug,
      {
        documentId: benchDocumentId('wk', i),
        name: w.name,
        slug: w.slug,
        stadsdeel: w.stadsdeel,
        lat: w.centroid[0],
        lng: w.centroid[1],
        updatedAt,
      },
    ]),
  );
  const organisation = new Map(
    data.organisations.map((o, i) => [o.slug, { ...o, documentId: benchDocumentId('or', i), updatedAt }]),
  );
  const place = new Map(
    data.places.map((p, i) => {
      const { key, wijk: wijkSlug, organisation: _o, ...fields } = p;
      return [key, { ...fields, documentId: benchDocumentId('pl', i), wijk: wijk.get(wijkSlug) ?? null, updatedAt }];
    }),
  );
  return data.activities.map((a, i) => {
    // paidBy holds template keys in the seed; the cms populates the regelingen only on activity pages.
    const { nl, translations: _t, themes: themeSlugs, places: placeKeys, organisation: org, paidBy: _p, ...fields } = a;
    return {
      ...fields,
      ...nl,
      documentId: benchDocumentId('ac', i),
      locale: 'nl',
      updatedAt,
      publishedAt: updatedAt,
      themes: themeSlugs.map((s) => theme.get(s)!),
      places: placeKeys.map((k) => place.get(k)!),
      organisation: organisation.get(org)!,
      paidBy: [],
    };
  });
}
