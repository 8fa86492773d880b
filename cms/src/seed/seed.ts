import type { Core } from '@strapi/strapi';
import { themes, wijken, type ThemeSlug } from '@droomkaart/shared';
import { generateDemoData } from './generate';
import { seedThemeImages } from './images';
import type { SeedActivity, SeedActivityText } from './types';
import { UID } from '../content-types';
import { cmsEnv } from '../env';

const ACTIVITY = UID.activity;

type DocId = string;

async function upsertBySlug(
  strapi: Core.Strapi,
  uid: string,
  slug: string,
  data: Record<string, unknown>,
): Promise<DocId> {
  const docs = strapi.documents(uid as any);
  const found = await docs.findFirst({ filters: { slug } } as any);
  if (found) return found.documentId;
  const created = await docs.create({ data } as any);
  return created.documentId;
}

/** Themes and wijken come from code (taxonomy, city configuration) and always exist. */
export async function seedTaxonomy(strapi: Core.Strapi) {
  for (const t of themes)
    await upsertBySlug(strapi, UID.theme, t.slug, { name: t.name, slug: t.slug, icon: t.icon, order: t.order });
  for (const w of wijken) {
    await upsertBySlug(strapi, UID.wijk, w.slug, {
      name: w.name,
      slug: w.slug,
      stadsdeel: w.stadsdeel,
      lat: w.centroid[0],
      lng: w.centroid[1],
    });
  }
}

type Refs = { themes: DocId[]; places: DocId[]; organisation: DocId; images: number[] };

function activityData(a: SeedActivity, text: SeedActivityText, refs: Refs) {
  const { nl: _nl, translations: _tr, themes: _t, places: _p, organisation: _o, paidBy: _b, ...shared } = a;
  return {
    ...shared,
    ...text,
    themes: refs.themes,
    places: refs.places,
    organisation: refs.organisation,
    images: refs.images,
  };
}

/**
 * Demo organisations, places and activities, once: skipped when any activity exists, so a second
 * start never duplicates them. Activities are published in every locale they have text for.
 */
export async function seedDemoContent(strapi: Core.Strapi, options: { activityCount?: number } = {}) {
  if ((await strapi.documents(ACTIVITY).count({})) > 0) return;
  const started = Date.now();
  const data = generateDemoData({ activityCount: options.activityCount });
  const slugToId = async (uid: string) => {
    const rows = await strapi.documents(uid as any).findMany({ fields: ['slug'], limit: -1 } as any);
    return new Map<string, DocId>(rows.map((r: any) => [r.slug, r.documentId]));
  };
  const themeIds = await slugToId(UID.theme);
  const wijkIds = await slugToId(UID.wijk);

  const orgIds = new Map<string, DocId>();
  for (const o of data.organisations) orgIds.set(o.slug, await upsertBySlug(strapi, UID.organisation, o.slug, o));

  const placeIds = new Map<string, DocId>();
  for (const p of data.places) {
    const { key, wijk, organisation, ...fields } = p;
    const created = await strapi.documents(UID.place).create({
      data: { ...fields, wijk: wijkIds.get(wijk), organisation: orgIds.get(organisation) },
    } as any);
    placeIds.set(key, created.documentId);
  }

  // One illustration per theme, uploaded once (about a dozen uploads, not one per activity); each
  // activity shows the one of its first theme. SEED_DEMO_IMAGES=false leaves them out.
  const imagesStarted = Date.now();
  const firstThemes = [...new Set(data.activities.map((a) => a.themes[0]).filter(Boolean))] as ThemeSlug[];
  const imageIds: Map<string, number> =
    cmsEnv().SEED_DEMO_IMAGES === 'false' ? new Map() : await seedThemeImages(strapi, firstThemes);
  if (imageIds.size > 0)
    strapi.log.info(
      `Demo images: ${imageIds.size} theme illustrations ready in ${Math.round((Date.now() - imagesStarted) / 1000)} s`,
    );

  // One transaction per chunk: on SQLite every separate write is its own commit (and fsync), which
  // made 10,000 benchmark activities take about 9 minutes. The rows written are the same.
  const CHUNK = 250;
  const activityIds = new Map<string, DocId>();
  for (let from = 0; from < data.activities.length; from += CHUNK) {
    await strapi.db.transaction(async () => {
      for (const a of data.activities.slice(from, from + CHUNK))
        activityIds.set(a.slug, await seedActivity(strapi, a, { themeIds, placeIds, orgIds, imageIds }));
    });
  }
  // A second pass once every activity exists: the activities paid by a regeling get it linked (a few
  // dozen), in every locale they have; the order and ids of everything above stay as they were.
  const paid = data.activities.filter((a) => a.paidBy.length > 0);
  const localesOf = new Map(
    data.activities.map((a) => [
      a.slug,
      ['nl', ...Object.keys(a.translations).filter((l) => a.translations[l as keyof typeof a.translations])],
    ]),
  );
  await strapi.db.transaction(async () => {
    for (const a of paid) await linkPaidBy(strapi, a, activityIds, localesOf);
  });
  strapi.log.info(
    `Seeded demo data: ${data.organisations.length} organisations, ${data.places.length} places, ${data.activities.length} activities in ${Math.round((Date.now() - started) / 1000)} s`,
  );
}

/** One activity in Dutch and its translations, published in every locale it has text for. */
async function seedActivity(
  strapi: Core.Strapi,
  a: SeedActivity,
  ids: {
    themeIds: Map<string, DocId>;
    placeIds: Map<string, DocId>;
    orgIds: Map<string, DocId>;
    imageIds: Map<string, number>;
  },
) {
  const { themeIds, placeIds, orgIds, imageIds } = ids;
  const image = a.themes[0] ? imageIds.get(a.themes[0]) : undefined;
  const refs: Refs = {
    themes: a.themes.map((s) => themeIds.get(s)).filter(Boolean),
    places: a.places.map((k) => placeIds.get(k)).filter(Boolean),
    organisation: orgIds.get(a.organisation),
    images: image ? [image] : [],
  };
  const docs = strapi.documents(ACTIVITY);
  const created = await docs.create({ locale: 'nl', data: activityData(a, a.nl, refs) } as any);
  for (const [locale, text] of Object.entries<SeedActivityText | undefined>(a.translations)) {
    if (!text) continue;
    await docs.update({ documentId: created.documentId, locale, data: activityData(a, text, refs) } as any);
  }
  await docs.publish({ documentId: created.documentId, locale: '*' } as any);
  // Publishing marks an activity as reviewed now; demo activities keep their varied review dates so
  // stale activities can be shown.
  await strapi.db
    .query(ACTIVITY)
    .updateMany({ where: { documentId: created.documentId }, data: { lastReviewedAt: a.lastReviewedAt } });
  return created.documentId;
}

/**
 * Links the regelingen that pay for an activity, in each locale it has (relations to a localized type
 * are per locale, so only regelingen that exist in that locale), and publishes it again.
 */
async function linkPaidBy(
  strapi: Core.Strapi,
  a: SeedActivity,
  activityIds: Map<string, DocId>,
  localesOf: Map<string, string[]>,
) {
  const documentId = activityIds.get(a.slug);
  if (!documentId) return;
  const docs = strapi.documents(ACTIVITY);
  for (const locale of localesOf.get(a.slug) ?? ['nl']) {
    const targets = a.paidBy
      .filter((slug) => localesOf.get(slug)?.includes(locale))
      .map((slug) => activityIds.get(slug))
      .filter(Boolean);
    if (targets.length > 0) await docs.update({ documentId, locale, data: { paidBy: targets } } as any);
  }
  await docs.publish({ documentId, locale: '*' } as any);
  await strapi.db.query(ACTIVITY).updateMany({ where: { documentId }, data: { lastReviewedAt: a.lastReviewedAt } });
}
