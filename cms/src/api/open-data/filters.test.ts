import { describe, expect, it } from 'vitest';
import { APPROVED_ORGANISATION, organizationFilters, serviceFilters } from './filters';
import { taxonomyId, termId } from './taxonomies';
import { shownClause } from '../activity/freshness/rules';

const now = new Date('2026-12-07T12:00:00Z');
const none = { search: null, modifiedAfter: null, organizationId: null, taxonomyTermId: null, taxonomyId: null, now };
const SHOWN = shownClause(now);

describe('serviceFilters', () => {
  it('always limits services to approved organisations and activities within their freshness limit', () => {
    expect(serviceFilters(none)).toEqual({ $and: [APPROVED_ORGANISATION, SHOWN] });
    // Reviewed within 9 months of now, not past validUntil: decided when read.
    expect(SHOWN).toEqual({
      $and: [
        { lastReviewedAt: { $gt: '2026-03-07T12:00:00.000Z' } },
        { $or: [{ validUntil: { $null: true } }, { validUntil: { $gte: '2026-12-07' } }] },
      ],
    });
  });

  it('counts a change of the activity, its translation, organisation or places as modified', () => {
    const since = new Date('2026-03-01T09:00:00Z');
    expect(serviceFilters({ ...none, modifiedAfter: since, modifiedTranslated: ['tr1'] })).toEqual({
      $and: [
        APPROVED_ORGANISATION,
        SHOWN,
        {
          $or: [
            { updatedAt: { $gte: '2026-03-01T09:00:00.000Z' } },
            { organisation: { updatedAt: { $gte: '2026-03-01T09:00:00.000Z' } } },
            { places: { updatedAt: { $gte: '2026-03-01T09:00:00.000Z' } } },
            { documentId: { $in: ['tr1'] } },
          ],
        },
      ],
    });
  });

  it('filters by organisation, taxonomy term and text', () => {
    const filters = serviceFilters({
      ...none,
      organizationId: 'org1',
      taxonomyTermId: 'cost_type-gratis',
      search: 'zwem',
      searchTranslated: [],
    }) as { $and: unknown[] };
    expect(filters.$and).toEqual([
      APPROVED_ORGANISATION,
      SHOWN,
      { organisation: { documentId: { $eq: 'org1' } } },
      { costType: { $eq: 'gratis' } },
      { $or: [{ title: { $containsi: 'zwem' } }, { summary: { $containsi: 'zwem' } }] },
    ]);
    expect((serviceFilters({ ...none, taxonomyTermId: 'theme-sport-bewegen' }) as { $and: unknown[] }).$and[2]).toEqual(
      { themes: { slug: { $eq: 'sport-bewegen' } } },
    );
  });

  it('takes a term by its UUID, and a taxonomy by its UUID or name (any of its terms)', () => {
    expect(
      (serviceFilters({ ...none, taxonomyTermId: termId('kind', 'cursus') }) as { $and: unknown[] }).$and[2],
    ).toEqual({
      kind: { $eq: 'cursus' },
    });
    const byTheme = serviceFilters({ ...none, taxonomyId: taxonomyId('theme') }) as { $and: unknown[] };
    expect(byTheme.$and[2]).toEqual({ themes: { slug: { $in: expect.arrayContaining(['sport-bewegen']) } } });
    expect(serviceFilters({ ...none, taxonomyId: 'droomkaart-theme' })).toEqual(byTheme);
  });

  it('returns null for a term it cannot filter on', () => {
    expect(serviceFilters({ ...none, taxonomyTermId: termId('accessibility', 'rolstoel') })).toBeNull();
    expect(serviceFilters({ ...none, taxonomyId: taxonomyId('accessibility') })).toBeNull();
    expect(serviceFilters({ ...none, taxonomyId: '00000000-0000-4000-8000-000000000000' })).toBeNull();
    expect(serviceFilters({ ...none, taxonomyTermId: 'theme-bestaat-niet' })).toBeNull();
    expect(serviceFilters({ ...none, taxonomyTermId: 'accessibility-rolstoel' })).toBeNull();
    expect(serviceFilters({ ...none, taxonomyTermId: 'sport' })).toBeNull();
  });
});

describe('organizationFilters', () => {
  it('lists approved organisations only', () => {
    expect(organizationFilters({ search: null })).toEqual({ $and: [{ approved: { $eq: true } }] });
    expect(organizationFilters({ search: 'bieb' })).toEqual({
      $and: [{ approved: { $eq: true } }, { name: { $containsi: 'bieb' } }],
    });
  });
});
