import { describe, expect, it } from 'vitest';
import { ActivitySchema, SearchDocumentSchema, type Activity } from '@droomkaart/shared';
import { documentsPerLocale, toSearchDocument } from './activity-to-document.ts';

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
      { documentId: 'p1', name: 'Zwembad De Duinen', lat: 52.394, lng: 5.272, accessibility: ['lift'], wijk: { documentId: 'w1', name: 'Buiten Centrum', slug: 'buiten-centrum', stadsdeel: 'almere-buiten' } },
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
    expect(doc.keywords).toEqual(expect.arrayContaining(['Sport en bewegen', 'Sport and exercise', 'Cursus', 'Course']));
  });

  it('lists every related document it shows text of, including places outside Almere', () => {
    expect(toSearchDocument(activity(), 'nl').refs).toEqual(['organisation:o1', 'place:p1', 'wijk:w1', 'place:p2', 'theme:t1']);
  });

  it('dates the document by the newest change of the activity or anything it shows', () => {
    expect(toSearchDocument(activity(), 'nl').sourceUpdatedAt).toBe(Date.parse('2026-11-01T10:00:00.000Z'));
    const renamed = activity();
    renamed.organisation = { ...renamed.organisation!, updatedAt: '2026-11-20T08:00:00.000Z' };
    renamed.places[0].wijk = { ...renamed.places[0].wijk!, updatedAt: '2026-11-21T08:00:00.000Z' };
    expect(toSearchDocument(renamed, 'nl').sourceUpdatedAt).toBe(Date.parse('2026-11-21T08:00:00.000Z'));
  });

  it('counts paid offers as not free', () => {
    expect(toSearchDocument(activity({ costType: 'betaald', price: 12.5 }), 'nl')).toMatchObject({ free: false, price: 12.5 });
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
