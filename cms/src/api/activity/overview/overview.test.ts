import { describe, expect, it } from 'vitest';
import { defaultFreshness } from '../freshness/rules';
import { overviewRows } from './overview';

const now = new Date('2026-12-01T12:00:00Z');
const org = { slug: 'kinderwerk-almere', name: 'Kinderwerk Almere' };
const base = {
  documentId: 'a1',
  title: 'Knutselmiddag',
  organisation: org,
  scheduleType: 'doorlopend',
  images: [{ id: 1 }],
  places: [{ id: 1 }],
  languages: ['nl'],
  accessibility: ['rolstoel'],
  description: 'Samen knutselen met klei, papier en verf, elke woensdagmiddag.',
  lastReviewedAt: '2026-11-01T10:00:00Z',
};

describe('the overview of offers', () => {
  it('one row per document: online, translations, referrals, freshness and what is missing', () => {
    const rows = overviewRows(
      [
        { ...base, locale: 'nl', publishedAt: null },
        { ...base, locale: 'nl', publishedAt: '2026-11-01T10:00:00Z' },
        { ...base, locale: 'en', publishedAt: null, title: 'Craft afternoon' },
        {
          ...base,
          documentId: 'a2',
          title: 'Oud aanbod',
          locale: 'nl',
          publishedAt: null,
          images: [],
          lastReviewedAt: '2026-01-16T10:00:00Z',
        },
      ],
      new Map([['a1', 3]]),
      now,
      defaultFreshness,
    );
    expect(rows.map((r) => r.documentId)).toEqual(['a2', 'a1']);
    const [old, fresh] = rows;
    expect(fresh).toMatchObject({ online: true, translations: ['en'], referrals: 3, freshness: 'fresh', score: 100 });
    expect(fresh.title).toBe('Knutselmiddag');
    expect(old).toMatchObject({ online: false, referrals: 0, freshness: 'expired' });
    expect(old.missing).toEqual(expect.arrayContaining(['photo', 'translations']));
  });
});
