import { describe, expect, it } from 'vitest';
import {
  ActivitySchema,
  activityKinds,
  city,
  isInsideMunicipality,
  offerTypes,
  themeSlugs,
  wijken,
} from '@droomkaart/shared';
import { extraTranslations } from './extras-translated';
import { generateDemoData } from './generate';

const data = generateDemoData();

describe('generateDemoData', () => {
  it('makes at least 40 organisations and 250 activities', () => {
    expect(data.organisations.length).toBeGreaterThanOrEqual(40);
    expect(data.activities).toHaveLength(260);
    for (const named of city.partnersNamedInProgrammeDocuments.slice(0, 3)) {
      expect(
        data.organisations.some(
          (o) => named.startsWith(o.name.split(' (')[0]) || o.name.startsWith(named.split(' (')[0]),
        ),
      ).toBe(true);
    }
  });

  it('covers every theme, kind, offer type (`offerType`), stadsdeel and age', () => {
    const acts = data.activities;
    expect(new Set(acts.flatMap((a) => a.themes))).toEqual(new Set(themeSlugs));
    expect(new Set(acts.map((a) => a.kind))).toEqual(new Set(activityKinds));
    expect(new Set(acts.map((a) => a.offerType))).toEqual(new Set(offerTypes));
    const placeWijk = new Map(data.places.map((p) => [p.key, p.wijk]));
    const stadsdeelOf = new Map(wijken.map((w) => [w.slug, w.stadsdeel]));
    const stadsdelen = new Set(acts.flatMap((a) => a.places.map((p) => stadsdeelOf.get(placeWijk.get(p)))));
    expect(stadsdelen).toEqual(new Set(city.stadsdelen.map((s) => s.slug)));
    const ages = new Set(acts.flatMap((a) => Array.from({ length: a.ageMax - a.ageMin + 1 }, (_, i) => a.ageMin + i)));
    for (let age = 0; age <= 18; age++) expect(ages.has(age), `age ${age}`).toBe(true);
  });

  it('keeps summaries short, slugs unique and places inside Almere', () => {
    for (const a of data.activities) {
      expect(a.nl.summary.length).toBeLessThanOrEqual(200);
      for (const text of Object.values(a.translations)) expect(text.summary.length).toBeLessThanOrEqual(200);
    }
    expect(new Set(data.activities.map((a) => a.slug)).size).toBe(data.activities.length);
    expect(new Set(data.organisations.map((o) => o.slug)).size).toBe(data.organisations.length);
    for (const p of data.places) expect(isInsideMunicipality(p.lat, p.lng), p.key).toBe(true);
  });

  it('makes every default activity its own offer: no two share a title or a summary', () => {
    const titles = data.activities.map((a) => a.nl.title);
    expect(titles.filter((t, i) => titles.indexOf(t) !== i)).toEqual([]);
    const summaries = data.activities.map((a) => a.nl.summary);
    expect(summaries.filter((s, i) => summaries.indexOf(s) !== i)).toEqual([]);
    // Only benchmark sizes repeat an offer, in another wijk ("Title (Wijk)").
    const big = generateDemoData({ activityCount: 600 }).activities;
    expect(big.slice(0, 260)).toEqual(data.activities);
    expect(big[260].nl.title.startsWith(`${big[0].nl.title} (`)).toBe(true);
    expect(big[260].nl.summary).toBe(big[0].nl.summary);
  });

  it('gives some activities several places and several weekly sessions instead of copies', () => {
    const multi = data.activities.filter((a) => a.places.length >= 2 && a.sessions.length >= 2);
    expect(multi.length).toBeGreaterThanOrEqual(5);
    for (const a of multi) {
      expect(new Set(a.places).size, a.slug).toBe(a.places.length);
      expect(new Set(a.sessions.map((s) => s.day)).size, a.slug).toBe(a.sessions.length);
    }
    const straatvoetbal = data.activities.find((a) => a.slug === 'straatvoetbal-in-de-kooi');
    expect(straatvoetbal.sessions.map((s) => s.day)).toEqual(['ma', 'wo', 'vr']);
    expect(straatvoetbal.places).toHaveLength(3);
  });

  it('uses every theme in several activities and keeps the slugs the site and tests link to', () => {
    for (const theme of themeSlugs) {
      expect(data.activities.filter((a) => a.themes.includes(theme)).length, theme).toBeGreaterThanOrEqual(5);
    }
    const slugs = new Set(data.activities.map((a) => a.slug));
    for (const slug of ['zwemles-voor-je-a-diploma', 'judo-voor-kinderen', 'schaakclub', 'een-laptop-voor-school']) {
      expect(slugs.has(slug), slug).toBe(true);
    }
  });

  it('labels every activity as demo data', () => {
    for (const a of data.activities) expect(a.nl.description).toMatch(/^Voorbeeld: /);
    expect(data.organisations.filter((o) => !o.name.includes('(demo)')).length).toBeLessThanOrEqual(
      city.partnersNamedInProgrammeDocuments.length,
    );
  });

  it('translates some activities: 60 in English and 20 in every site language', () => {
    const withEn = data.activities.filter((a) => a.translations.en).length;
    const withAll = data.activities.filter(
      (a) => a.translations.en && a.translations.ar && a.translations.tr && a.translations.pl && a.translations.uk,
    ).length;
    expect(withEn).toBeGreaterThanOrEqual(60);
    expect(withAll).toBeGreaterThanOrEqual(20);
    // Every translation of an extra belongs to an activity (by its Dutch title) and is used.
    const titles = new Set(data.activities.map((a) => a.nl.title));
    for (const title of Object.keys(extraTranslations)) expect(titles.has(title), title).toBe(true);
  });

  it('refers only to organisations, places and themes that exist', () => {
    const orgs = new Set(data.organisations.map((o) => o.slug));
    const places = new Set(data.places.map((p) => p.key));
    for (const a of data.activities) {
      expect(orgs.has(a.organisation)).toBe(true);
      for (const p of a.places) expect(places.has(p)).toBe(true);
      for (const t of a.themes) expect(themeSlugs).toContain(t);
    }
  });

  it('validates against the shared activity schema', () => {
    const orgs = new Map(data.organisations.map((o) => [o.slug, o]));
    const places = new Map(data.places.map((p) => [p.key, p]));
    for (const a of data.activities) {
      const { nl, translations: _translations, themes, places: placeKeys, organisation, ...rest } = a;
      const parsed = ActivitySchema.safeParse({
        ...rest,
        ...nl,
        documentId: 'doc',
        locale: 'nl',
        updatedAt: '2026-11-01T00:00:00.000Z',
        themes: themes.map((slug) => ({ documentId: slug, name: slug, slug })),
        places: placeKeys.map((k) => {
          const { key, wijk, organisation: _o, ...p } = places.get(k);
          return {
            ...p,
            documentId: key,
            wijk: {
              documentId: wijk,
              name: wijk,
              slug: wijk,
              stadsdeel: wijken.find((w) => w.slug === wijk).stadsdeel,
            },
          };
        }),
        organisation: { ...orgs.get(organisation), documentId: organisation },
      });
      expect(parsed.success, `${a.slug}: ${parsed.error?.message}`).toBe(true);
    }
  });

  it('is deterministic and scales to benchmark sizes', () => {
    expect(generateDemoData()).toEqual(data);
    for (const size of [10_000, 100_000]) {
      const big = generateDemoData({ activityCount: size });
      expect(big.activities).toHaveLength(size);
      expect(new Set(big.activities.map((a) => a.slug)).size).toBe(size);
      expect(big.activities.every((a) => a.nl.title.length <= 120 && /^[a-z0-9]+(?:-[a-z0-9]+)*$/.test(a.slug))).toBe(
        true,
      );
    }
    // About 2–3 s alone; up to 7 s on two CPUs shared with running stacks.
  }, 30_000);

  it('links activities paid by a regeling to demo regelingen, with who applies and Christmas exception dates', () => {
    const bySlug = new Map(data.activities.map((a) => [a.slug, a]));
    const zwemles = bySlug.get('zwemles-voor-je-a-diploma');
    expect(zwemles.paidBy).toEqual(['zwemdiploma-voor-ieder-kind']);
    // The cost note names no payer: the page names the linked regeling.
    expect(
      data.activities
        .filter((a) => a.costType === 'gratis-via-regeling')
        .map((a) => a.nl.costNote ?? '')
        .join(' '),
    ).not.toMatch(/Jeugdfonds|betaalt/);
    expect(zwemles.exceptionDates).toEqual(['2026-12-19', '2026-12-26', '2027-01-02']);
    for (const a of data.activities) {
      for (const slug of a.paidBy) expect(bySlug.get(slug)?.kind, `${a.slug} paid by ${slug}`).toBe('regeling');
      if (a.kind === 'regeling') expect(a.applicant, a.slug).toBeTruthy();
      else expect(a.applicant).toBeNull();
      expect([...a.exceptionDates].sort()).toEqual(a.exceptionDates);
    }
    expect(
      data.activities
        .filter((a) => a.costType === 'gratis-via-regeling' && a.kind !== 'regeling')
        .every((a) => a.paidBy.length > 0),
    ).toBe(true);
  });
});
