import { describe, expect, it } from 'vitest';
import { indexName, searchSettings, synonyms } from './index.js';

describe('search settings', () => {
  it('names one index per locale', () => {
    expect(indexName('nl')).toBe('activities_nl');
    expect(indexName('ar', 'activities_test1')).toBe('activities_test1_ar');
  });

  it('makes synonym groups two-way and broad words one-way', () => {
    const s = synonyms();
    expect(s.zwemles).toContain('zwemmen');
    expect(s.zwemmen).toContain('zwemles');
    expect(s.huiswerkbegeleiding).toContain('bijles');
    expect(s.sport).toContain('voetbal');
    expect(s.voetbal).not.toContain('sport');
  });

  it('allows range filters on ages and price', () => {
    const ranged = searchSettings.filterableAttributes.find((a) => typeof a === 'object' && (a.attributePatterns as readonly string[]).includes('ageMin'));
    expect(ranged).toMatchObject({ features: { filter: { comparison: true } } });
  });
});
