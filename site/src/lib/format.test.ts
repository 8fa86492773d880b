import { describe, expect, it } from 'vitest';
import { createI18n } from '@droomkaart/shared';
import { costLabel, formatPrice } from './format.ts';

describe('costLabel', () => {
  const t = createI18n('nl').t;

  it('says what the family pays', () => {
    expect(costLabel(t, { costType: 'gratis', price: null })).toBe('Gratis');
    expect(costLabel(t, { costType: 'gratis-via-regeling', price: null })).toBe('Jij betaalt €0. Een regeling betaalt.');
    expect(costLabel(t, { costType: 'betaald', price: 12.5 })).toBe('€ 12,50');
    expect(costLabel(t, { costType: 'betaald', price: null })).toBe('Je betaalt zelf');
  });

  it('formats prices the Dutch way', () => {
    expect(formatPrice(1234.5)).toBe('1.234,50');
  });
});
