import { describe, expect, it } from 'vitest';
import { createI18n, locales, resources } from '@droomkaart/shared';
import { translator } from './messages.ts';
import { FACETS } from './state.ts';
import { COST_ORDER, facetLabel, facetLabels, islandMessages, vocabulary } from './labels.ts';

describe('facet labels', () => {
  const nl = createI18n('nl').t;

  it('names every facet value through the keys the rest of the site uses', () => {
    expect(facetLabel(nl, 'theme', 'sport-bewegen')).toBe('Sport en bewegen');
    expect(facetLabel(nl, 'kind', 'meeloopdag')).toBe('Meeloopdag of mentor');
    expect(facetLabel(nl, 'day', 'wo')).toBe('woensdag');
    expect(facetLabel(nl, 'age', '8')).toBe('8 jaar');
    expect(facetLabel(nl, 'edition', 'jong')).toBe('Jongeren van 12 tot 18 jaar');
    expect(facetLabel(nl, 'cost', 'gratis-via-regeling')).toBe('Gratis via een regeling');
    expect(facetLabel(nl, 'lang', 'pap')).toBe('Papiaments');
    expect(facetLabel(nl, 'access', 'rolstoel')).toBe(resources.nl['accessibility.rolstoel']);
  });

  it('takes stadsdeel and wijk names from the city configuration', () => {
    expect(facetLabel(nl, 'stadsdeel', 'almere-buiten')).toBe('Almere Buiten');
    expect(facetLabel(nl, 'wijk', 'tussen-de-vaarten')).toBe('Tussen de Vaarten');
  });

  it('has a translated label for every value in every locale', () => {
    for (const locale of locales) {
      const labels = facetLabels(createI18n(locale).t);
      for (const f of FACETS) {
        for (const [value, label] of Object.entries(labels[f.param])) {
          expect(label, `${locale} ${f.param}=${value}`).not.toMatch(/^(catalogue|theme|kind|day|accessibility)\./);
        }
      }
    }
  });

  it('lists free activities first', () => {
    expect(COST_ORDER.slice(0, 2)).toEqual(['gratis', 'gratis-via-regeling']);
    expect(vocabulary().cost).toEqual(COST_ORDER);
  });
});

describe('island messages', () => {
  it('gives the island what i18next would say, plural rules included', () => {
    for (const locale of locales) {
      const i18n = createI18n(locale);
      const t = translator(locale, islandMessages(locale));
      for (const count of [0, 1, 2, 3, 5, 11, 22, 101]) {
        expect(t('catalogue.results.count', { count }), `${locale} ${count}`).toBe(
          i18n.t('catalogue.results.count', { count }),
        );
        expect(t('map.cluster', { count }), `${locale} ${count}`).toBe(i18n.t('map.cluster', { count }));
      }
      expect(t('activity.ages', { min: 4, max: 12 })).toBe(i18n.t('activity.ages', { min: 4, max: 12 }));
      expect(t('map.showing', { shown: 250, total: 1000 })).toBe(i18n.t('map.showing', { shown: 250, total: 1000 }));
    }
  });

  it('sends only the keys the islands use', () => {
    const keys = Object.keys(islandMessages('en'));
    expect(keys.every((k) => /^(catalogue|map|cost)\./.test(k) || k === 'activity.ages')).toBe(true);
    expect(keys.length).toBeLessThan(150);
  });
});
