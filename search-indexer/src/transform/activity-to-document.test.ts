import { describe, expect, it } from 'vitest';
import { ActivitySchema, SearchDocumentSchema, searchForm, type Activity } from '@droomkaart/shared';
import { rewriteQuery } from '@droomkaart/shared/search/query';
import {
  ageStageWords,
  cardImage,
  compoundParts,
  documentsPerLocale,
  learnVocabulary,
  scheduleWords,
  toSearchDocument,
  vocabularyKeywords,
  wordsOf,
} from './activity-to-document.ts';

function activity(overrides: Partial<Activity> = {}): Activity {
  return ActivitySchema.parse({
    documentId: 'doc1',
    locale: 'nl',
    title: 'Zwemles voor kinderen',
    slug: 'zwemles-voor-kinderen',
    kind: 'cursus',
    offerType: 'ontwikkeling',
    summary: 'Je leert zwemmen voor je A-diploma.',
    audience: 'kind',
    ageMin: 5,
    ageMax: 8,
    costType: 'gratis-via-regeling',
    scheduleType: 'wekelijks',
    sessions: [
      { day: 'za', startTime: '09:00:00.000', endTime: '10:00:00.000' },
      { day: 'wo', startTime: '14:00:00.000', endTime: '15:00:00.000' },
      { day: 'za', startTime: '11:00:00.000', endTime: '12:00:00.000' },
    ],
    howToJoin: 'aanmelden',
    updatedAt: '2026-11-01T10:00:00.000Z',
    lastReviewedAt: '2026-10-01T10:00:00.000Z',
    themes: [{ documentId: 't1', name: 'Sport & bewegen', slug: 'sport-bewegen' }],
    places: [
      {
        documentId: 'p1',
        name: 'Zwembad De Duinen',
        lat: 52.394,
        lng: 5.272,
        accessibility: ['lift'],
        wijk: { documentId: 'w1', name: 'Buiten Centrum', slug: 'buiten-centrum', stadsdeel: 'almere-buiten' },
      },
      { documentId: 'p2', name: 'Ergens in Amsterdam', lat: 52.37, lng: 4.89, wijk: null },
    ],
    organisation: { documentId: 'o1', name: 'Zwemclub (demo)', slug: 'zwemclub-demo', kind: 'sport' },
    ...overrides,
  });
}

describe('toSearchDocument', () => {
  it('maps an activity to a valid search document', () => {
    const doc = toSearchDocument(activity(), 'nl');
    expect(SearchDocumentSchema.parse(doc)).toEqual(doc);
    expect(doc).toMatchObject({
      id: 'doc1',
      fallback: false,
      ages: [5, 6, 7, 8],
      editions: ['kind'],
      free: true,
      days: ['za', 'wo'],
      themes: ['sport-bewegen'],
      wijk: ['buiten-centrum'],
      stadsdeel: ['almere-buiten'],
      organisation: 'zwemclub-demo',
      accessibility: ['lift'],
      _geo: { lat: 52.394, lng: 5.272 },
      updatedAt: Date.parse('2026-11-01T10:00:00.000Z'),
    });
  });

  it('carries the sessions’ times and a one-off’s or period’s dates for the cards', () => {
    expect(toSearchDocument(activity(), 'nl')).toMatchObject({
      sessions: [
        { day: 'za', start: '09:00', end: '10:00' },
        { day: 'wo', start: '14:00', end: '15:00' },
        { day: 'za', start: '11:00', end: '12:00' },
      ],
      dates: null,
    });
    const once = activity({ scheduleType: 'eenmalig', sessions: [], startDate: '2026-07-14' });
    expect(toSearchDocument(once, 'nl')).toMatchObject({ sessions: [], dates: { start: '2026-07-14', end: null } });
    const period = activity({ scheduleType: 'periode', startDate: '2026-07-14', endDate: '2026-07-18' });
    expect(toSearchDocument(period, 'nl').dates).toEqual({ start: '2026-07-14', end: '2026-07-18' });
  });

  it('leaves out places outside the municipality instead of failing the batch', () => {
    const doc = toSearchDocument(activity(), 'nl');
    expect(doc.places.map((p) => p.name)).toEqual(['Zwembad De Duinen']);
  });

  it('has no _geo when no place has valid coordinates', () => {
    const doc = toSearchDocument(activity({ places: [] }), 'nl');
    expect(doc).not.toHaveProperty('_geo');
  });

  it('labels themes in the reader’s language and keeps Dutch labels as keywords', () => {
    const doc = toSearchDocument(activity(), 'en');
    expect(doc.themeNames).toEqual(['Sport and exercise']);
    expect(doc.keywords).toEqual(
      expect.arrayContaining(['Sport en bewegen', 'Sport and exercise', 'Cursus', 'Course']),
    );
  });

  it('lists every related document it shows text of, including places outside Almere', () => {
    expect(toSearchDocument(activity(), 'nl').refs).toEqual([
      'organisation:o1',
      'place:p1',
      'wijk:w1',
      'place:p2',
      'theme:t1',
    ]);
  });

  it('dates the document by the newest change of the activity or anything it shows', () => {
    expect(toSearchDocument(activity(), 'nl').sourceUpdatedAt).toBe(Date.parse('2026-11-01T10:00:00.000Z'));
    const renamed = activity();
    renamed.organisation = { ...renamed.organisation!, updatedAt: '2026-11-20T08:00:00.000Z' };
    renamed.places[0].wijk = { ...renamed.places[0].wijk!, updatedAt: '2026-11-21T08:00:00.000Z' };
    expect(toSearchDocument(renamed, 'nl').sourceUpdatedAt).toBe(Date.parse('2026-11-21T08:00:00.000Z'));
  });

  it('carries the places status and when it was confirmed (onbekend when never said)', () => {
    const doc = toSearchDocument(
      activity({ placesStatus: 'vol', placesConfirmedAt: '2026-11-30T09:00:00.000Z' }),
      'nl',
    );
    expect(doc.placesStatus).toBe('vol');
    expect(doc.placesConfirmedAt).toBe(Date.parse('2026-11-30T09:00:00.000Z'));
    expect(toSearchDocument(activity(), 'nl')).toMatchObject({ placesStatus: 'onbekend', placesConfirmedAt: null });
  });

  it('counts paid activities as not free', () => {
    expect(toSearchDocument(activity({ costType: 'betaald', price: 12.5 }), 'nl')).toMatchObject({
      free: false,
      price: 12.5,
    });
  });

  it('keeps the words people type that the title does not contain', () => {
    const keywords = toSearchDocument(activity(), 'nl').keywords;
    // labels of the offer type (`offerType`) and audience, "gratis", the vocabulary of the title, ages, days
    expect(keywords).toEqual(
      expect.arrayContaining([
        'Ontwikkeling',
        'Kinderen',
        'Gratis',
        'zwemmen',
        'zwemdiploma',
        'sport',
        'kleuter',
        'zaterdag',
        'zaterdagochtend',
        'woensdagmiddag',
      ]),
    );
    expect(toSearchDocument(activity({ costType: 'betaald', price: 12.5 }), 'nl').keywords).not.toContain('Gratis');
    expect(toSearchDocument(activity(), 'en').keywords).toEqual(
      expect.arrayContaining(['Gratis', 'Free', 'saturday', 'zaterdag']),
    );
  });
});

describe('card image', () => {
  const file = (name: string, width: number, ext: string) => ({
    url: `/uploads/${name}.${ext}`,
    width,
    height: Math.round(width * 0.625),
    mime: `image/${ext}`,
  });
  /** An upload of 1600 × 1000 with Strapi's formats and the cms' AVIF/WebP versions. */
  const photo = {
    url: '/uploads/zwem_h1.jpeg',
    width: 1600,
    height: 1000,
    name: 'zwem.jpg',
    alternativeText: 'Kinderen in het zwembad',
    formats: {
      thumbnail: file('thumbnail_zwem_h1', 245, 'jpeg'),
      xsmall: file('xsmall_zwem_h1', 320, 'jpeg'),
      small: file('small_zwem_h1', 640, 'jpeg'),
      medium: file('medium_zwem_h1', 960, 'jpeg'),
      large: file('large_zwem_h1', 1280, 'jpeg'),
      ...Object.fromEntries(
        [320, 640, 960, 1280, 1600].flatMap((w) => [
          [`avif_${w}`, file(`avif_${w}_zwem_h1`, w, 'avif')],
          [`webp_${w}`, file(`webp_${w}_zwem_h1`, w, 'webp')],
        ]),
      ),
    },
  };

  it('carries the first image with only the versions a card needs', () => {
    const doc = toSearchDocument(activity({ images: [photo] }), 'nl');
    expect(SearchDocumentSchema.parse(doc)).toEqual(doc);
    expect(doc.image).toEqual({
      url: '/uploads/xsmall_zwem_h1.jpeg',
      width: 1600,
      height: 1000,
      formats: {
        avif: [
          { url: '/uploads/avif_320_zwem_h1.avif', width: 320 },
          { url: '/uploads/avif_640_zwem_h1.avif', width: 640 },
        ],
        webp: [
          { url: '/uploads/webp_320_zwem_h1.webp', width: 320 },
          { url: '/uploads/webp_640_zwem_h1.webp', width: 640 },
        ],
      },
    });
    // Small: the image adds a few hundred bytes, not the page's large versions.
    expect(JSON.stringify(doc.image).length).toBeLessThan(400);
  });

  it('is null without an image, and skips files that are no image', () => {
    expect(toSearchDocument(activity(), 'nl').image).toBeNull();
    expect(toSearchDocument(activity({ images: null }), 'nl').image).toBeNull();
    expect(cardImage({ images: [{ url: '/uploads/folder.pdf' }, photo] })?.url).toBe('/uploads/xsmall_zwem_h1.jpeg');
  });

  it('versions the addresses, and a replaced photo makes the document newer for reconcile', () => {
    const replaced = { ...photo, updatedAt: '2026-11-25T09:00:00.000Z' };
    const doc = toSearchDocument(activity({ images: [replaced] }), 'nl');
    expect(doc.image?.formats.avif[0].url).toBe(
      `/uploads/avif_320_zwem_h1.avif?v=${Date.parse(replaced.updatedAt).toString(36)}`,
    );
    expect(doc.sourceUpdatedAt).toBe(Date.parse(replaced.updatedAt));
  });

  it('is the same in every locale (images are not translated)', () => {
    const a = activity({ images: [photo] });
    expect(toSearchDocument(a, 'ar').image).toEqual(toSearchDocument(a, 'nl').image);
  });
});

describe('Dutch keywords', () => {
  it('compares words as Meilisearch does', () => {
    expect(wordsOf('Taalcafé voor ouders: Jeugd-EHBO!')).toEqual(['taalcafe', 'voor', 'ouders', 'jeugd', 'ehbo']);
  });

  it('splits activity compounds at a known head, and finds a known word at the end', () => {
    expect(compoundParts('knutselmiddag')).toEqual(['knutsel', 'middag']);
    expect(compoundParts('huiswerkbegeleiding')).toEqual(expect.arrayContaining(['huiswerk', 'begeleiding']));
    expect(compoundParts('opvoedingsvragen')).toEqual(['opvoeding', 'vragen']);
    expect(compoundParts('dansles')).toEqual(['dans', 'les']);
    expect(compoundParts('streetbasketbal')).toEqual(['basketbal']);
  });

  it('leaves place names, heads and phrases whole', () => {
    expect(compoundParts('danswijk')).toEqual([]);
    expect(compoundParts('muziekwijk')).toEqual([]);
    expect(compoundParts('middag')).toEqual([]);
    expect(compoundParts('eerste hulp')).toEqual([]);
    expect(compoundParts('les')).toEqual([]);
  });

  it('adds the compounds and inflections people type for what a title names', () => {
    expect(vocabularyKeywords('Hiphop dansen')).toEqual(expect.arrayContaining(['dansles', 'dans', 'hiphop']));
    expect(vocabularyKeywords('Knutselmiddag')).toEqual(expect.arrayContaining(['knutselen', 'knutsel', 'middag']));
    expect(vocabularyKeywords('Streetbasketbal in de avond')).toEqual(expect.arrayContaining(['basketbal', 'sport']));
    expect(vocabularyKeywords('Jeugd-EHBO: leren helpen')).toEqual(expect.arrayContaining(['eerste hulp']));
    expect(vocabularyKeywords('Huiswerkbegeleiding na school')).toEqual(
      expect.arrayContaining(['bijles', 'huiswerkhulp', 'hulp']),
    );
  });

  it('does not read a meaning into a place name, a passing word or a broad word', () => {
    expect(vocabularyKeywords('Meelopen in de zorg (Danswijk)')).not.toContain('dansles');
    expect(vocabularyKeywords('Een laptop voor school (Muziekwijk)')).not.toContain('muziekles');
    expect(vocabularyKeywords('Hulp bij je cv en je eerste baan')).not.toContain('ehbo');
    // A narrow word gets its broad word, not the broad word's group (creatief~knutselen).
    expect(vocabularyKeywords('Tekenen en schilderen voor tieners')).toContain('creatief');
    expect(vocabularyKeywords('Tekenen en schilderen voor tieners')).not.toContain('knutselen');
    // Only the head of a compound from the vocabulary: zomerkamp is no summer activity.
    expect(vocabularyKeywords('Scouting: buiten spelen en kamperen')).toEqual(
      expect.arrayContaining(['kamp', 'zomerkamp']),
    );
    expect(vocabularyKeywords('Scouting: buiten spelen en kamperen')).not.toContain('zomer');
  });

  it('names stages of childhood only for activities aimed at them', () => {
    expect(ageStageWords(2, 4)).toEqual(expect.arrayContaining(['peuter', 'peuters']));
    expect(ageStageWords(2, 4)).not.toContain('kleuter');
    expect(ageStageWords(0, 2)).toEqual(expect.arrayContaining(['baby', 'dreumes', 'peuter']));
    expect(ageStageWords(12, 18)).toEqual(expect.arrayContaining(['tiener', 'pubers']));
    // a 6–12 activity only touches the kleuter and tiener ages; 0–18 is for everyone
    expect(ageStageWords(6, 12)).toEqual([]);
    expect(ageStageWords(0, 18)).toEqual([]);
  });

  it('names the days and, in Dutch, the part of the day', () => {
    const sessions = [
      { day: 'wo' as const, startTime: '14:00:00.000', endTime: '15:30:00.000' },
      { day: 'vr' as const, startTime: '19:00:00.000', endTime: '21:00:00.000' },
    ];
    expect(scheduleWords(sessions, 'nl')).toEqual([
      'woensdag',
      'middag',
      'woensdagmiddag',
      'vrijdag',
      'avond',
      'vrijdagavond',
    ]);
    expect(scheduleWords(sessions, 'en')).toEqual(expect.arrayContaining(['woensdagmiddag', 'wednesday', 'friday']));
    expect(scheduleWords(null, 'nl')).toEqual([]);
  });
});

describe('documentsPerLocale', () => {
  it('uses a translation where there is one and the Dutch text, flagged, elsewhere', () => {
    const nl = activity();
    const en = activity({ locale: 'en', title: 'Swimming lessons for children' });
    const docs = documentsPerLocale({ nl, en }, ['nl', 'en', 'ar']);
    expect(docs.nl).toMatchObject({ title: 'Zwemles voor kinderen', fallback: false });
    expect(docs.en).toMatchObject({ title: 'Swimming lessons for children', fallback: false });
    expect(docs.ar).toMatchObject({ title: 'Zwemles voor kinderen', fallback: true, locale: 'ar' });
  });

  it('removes the activity everywhere when nothing is published', () => {
    expect(documentsPerLocale({}, ['nl', 'en'])).toEqual({ nl: null, en: null });
  });
});

describe('search forms, languages and professions in the keywords', () => {
  const forms = (a: Activity, locale = 'nl') => toSearchDocument(a, locale).keywords;

  it('holds the search form of what the activity is, as the catalogue sends the query', () => {
    expect(forms(activity())).toEqual(expect.arrayContaining([searchForm('zwemmen'), searchForm('zwemmer')]));
    expect(forms(activity({ title: 'Kookles voor tieners' }))).toContain(searchForm('koken'));
    expect(forms(activity({ title: 'Kapper voor een dag' }))).toContain(searchForm('kapster'));
  });

  it('holds the Dutch words a query in another language is sent as, in every locale, not the foreign words', () => {
    for (const locale of ['nl', 'ar']) {
      const keywords = forms(activity(), locale);
      for (const typed of ['swimming', 'yüzme', 'pływanie', 'плавання', 'السباحة'])
        expect(keywords, typed).toEqual(expect.arrayContaining(rewriteQuery(typed).split(' ')));
      // The dictionary's words stay out of the documents: they only made them bigger and slower.
      expect(keywords).not.toContain('swimming');
    }
    const homework = forms(activity({ title: 'Huiswerkklas' }));
    for (const typed of ['homework', 'ödev'])
      expect(homework).toEqual(expect.arrayContaining(rewriteQuery(typed).split(' ')));
  });

  it('names the professions an activity helps, not every profession for a job-shadowing day', () => {
    const farm = forms(activity({ title: 'Dieren verzorgen op de kinderboerderij', summary: 'Help mee.' }));
    expect(farm).toEqual(expect.arrayContaining(['dierenarts', 'vet']));
    const bakery = forms(activity({ title: 'Meelopen bij de bakker', summary: 'Kijk mee.' }));
    expect(bakery).not.toContain('dierenarts');
  });

  it('names what an activity of its kind does for a family', () => {
    const shadow = activity({ kind: 'meeloopdag', title: 'Een dag bij de bakker' });
    expect(toSearchDocument(shadow, 'nl').keywords).toEqual(expect.arrayContaining(['bedrijf', 'meelopen']));
    expect(toSearchDocument(activity(), 'nl').keywords).not.toContain('bedrijf');
  });

  it('reads a translation by its Dutch title too', () => {
    const dutch = activity({ title: 'Zwemles voor kinderen' });
    const english = activity({ locale: 'en', title: 'Swimming lessons for children' });
    expect(toSearchDocument(english, 'en').keywords).not.toContain(searchForm('zwemmen'));
    expect(toSearchDocument(english, 'en', dutch).keywords).toContain(searchForm('zwemmen'));
    expect(documentsPerLocale({ nl: dutch, en: english }, ['nl', 'en']).en?.keywords).toContain(searchForm('zwemmen'));
  });

  it('keeps the search forms of the summary apart from the keywords', () => {
    expect(toSearchDocument(activity(), 'nl').summaryForms).toEqual(
      expect.arrayContaining([searchForm('leert'), searchForm('zwemmen'), 'diploma']),
    );
  });

  it('splits compounds with the words of the corpus once it has read them', () => {
    expect(compoundParts('kinderdisco')).toEqual([]);
    learnVocabulary([{ title: 'Disco voor kinderen' }]);
    expect(compoundParts('kinderdisco')).toContain('disco');
  });

  it('builds the same documents when one activity object serves every locale, also after the vocabulary grew', () => {
    const shared = activity({ title: 'Kinderkaraoke' });
    const fresh = () => structuredClone(shared);
    for (const locale of ['nl', 'en', 'ar'])
      expect(toSearchDocument(shared, locale, shared)).toEqual(toSearchDocument(fresh(), locale, fresh()));
    expect(toSearchDocument(shared, 'en', shared).keywords).not.toContain('karaoke');
    // A title read later teaches the splitter "karaoke": what was kept for the object is made anew.
    learnVocabulary([{ title: 'Karaoke voor iedereen' }]);
    const after = toSearchDocument(shared, 'en', shared);
    expect(after).toEqual(toSearchDocument(fresh(), 'en', fresh()));
    expect(after.keywords).toContain('karaoke');
  });
});
