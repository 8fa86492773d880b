import { describe, expect, it } from 'vitest';
import { resources, themeSlugs } from '@droomkaart/shared';
import {
  allTerms,
  findTaxonomies,
  findTaxonomy,
  findTerm,
  findTerms,
  taxonomy,
  taxonomyId,
  taxonomyTerm,
  termId,
} from './taxonomies';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

describe('taxonomies', () => {
  it('are the six shared vocabularies, each with a UUID', () => {
    const all = findTaxonomies(null);
    expect(all.map((t) => t.name)).toEqual([
      'droomkaart-theme',
      'droomkaart-kind',
      'droomkaart-offer_type',
      'droomkaart-audience',
      'droomkaart-cost_type',
      'droomkaart-accessibility',
    ]);
    for (const t of all) expect(t.id).toMatch(UUID);
    expect(findTaxonomies('cost')).toEqual([taxonomy('cost_type')]);
  });

  it('are found by UUID or by name', () => {
    expect(findTaxonomy(taxonomyId('audience'))).toBe('audience');
    expect(findTaxonomy(taxonomyId('audience').toUpperCase())).toBe('audience');
    expect(findTaxonomy('droomkaart-theme')).toBe('theme');
    expect(findTaxonomy('theme')).toBeNull();
  });
});

describe('taxonomy terms', () => {
  it('name every theme in the asked language and point to their taxonomy by UUID', () => {
    const term = taxonomyTerm('theme', 'sport-bewegen', 'en');
    expect(term).toEqual({
      id: termId('theme', 'sport-bewegen'),
      code: 'sport-bewegen',
      name: resources.en['theme.sport-bewegen'],
      description: resources.en['theme.sport-bewegen'],
      taxonomy: 'droomkaart-theme',
      taxonomy_id: taxonomyId('theme'),
      language: 'en',
    });
    expect(
      allTerms()
        .filter((t) => t.taxonomy === 'theme')
        .map((t) => t.code),
    ).toEqual([...themeSlugs]);
  });

  it('have distinct UUIDs and are found by UUID or by their former text id', () => {
    const ids = allTerms().map((t) => termId(t.taxonomy, t.code));
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ids) expect(id).toMatch(UUID);
    expect(findTerm(termId('cost_type', 'gratis'))).toEqual({ taxonomy: 'cost_type', code: 'gratis' });
    expect(findTerm('cost_type-gratis')).toEqual({ taxonomy: 'cost_type', code: 'gratis' });
    expect(findTerm('cost_type-duur')).toBeNull();
  });

  it('are listed by taxonomy and text; none has a parent', () => {
    const costs = findTerms({ locale: 'nl', search: null, taxonomyId: 'droomkaart-cost_type', parentId: null });
    expect(costs?.map((t) => t.code)).toEqual(['gratis', 'betaald', 'korting', 'gratis-via-regeling']);
    expect(
      findTerms({ locale: 'nl', search: 'korting', taxonomyId: null, parentId: null })?.map((t) => t.code),
    ).toEqual(['korting']);
    expect(findTerms({ locale: 'nl', search: null, taxonomyId: null, parentId: termId('kind', 'cursus') })).toEqual([]);
    expect(findTerms({ locale: 'nl', search: null, taxonomyId: 'droomkaart-nope', parentId: null })).toBeNull();
  });
});
