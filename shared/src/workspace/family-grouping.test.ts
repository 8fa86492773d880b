import { describe, expect, it } from 'vitest';
import { familyPhoneKey, groupByPhone, maybeSibling, parentNameKey } from './family-grouping.js';

describe('familyPhoneKey', () => {
  it('gives every written form of one Dutch mobile number the same key', () => {
    for (const typed of [
      '0612345678',
      '06-12345678',
      '06 1234 5678',
      '06.12.34.56.78',
      '+31612345678',
      '+31 6 1234 5678',
      '+31 (0)6 1234 5678',
      '0031612345678',
      '0031 6 12 34 56 78',
      ' 06 12 34 56 78 ',
    ])
      expect(familyPhoneKey(typed), typed).toBe('+31612345678');
  });

  it('knows Dutch landline numbers too', () => {
    expect(familyPhoneKey('036 539 9999')).toBe('+31365399999');
    expect(familyPhoneKey('036-5399999')).toBe('+31365399999');
    expect(familyPhoneKey('+31 36 539 9999')).toBe('+31365399999');
    expect(familyPhoneKey('020 123 4567')).toBe('+31201234567');
  });

  it('keeps foreign numbers with their country code apart from Dutch ones', () => {
    expect(familyPhoneKey('+32 470 12 34 56')).toBe('+32470123456');
    expect(familyPhoneKey('0032470123456')).toBe('+32470123456');
  });

  it('gives no key for what is not a phone number', () => {
    for (const wrong of ['', '   ', '12345', '06 1234 567', 'bel me', null, undefined, '0'.repeat(50)])
      expect(familyPhoneKey(wrong), String(wrong)).toBeNull();
  });
});

describe('groupByPhone', () => {
  it('puts dreams with the same number in one family, in the order given', () => {
    const groups = groupByPhone([
      { id: 1, phone: '+31612345678' },
      { id: 2, phone: '+31687654321' },
      { id: 3, phone: '06-12345678' },
      { id: 4, phone: '0031 6 87654321' },
      { id: 5, phone: '+31 6 1234 5678' },
    ]);
    expect(groups.map((g) => g.map((d) => d.id))).toEqual([
      [1, 3, 5],
      [2, 4],
    ]);
  });

  it('makes a family of its own for each dream without a valid number', () => {
    const groups = groupByPhone([
      { id: 1, phone: null },
      { id: 2, phone: '' },
      { id: 3, phone: 'onbekend' },
      { id: 4, phone: '0612345678' },
    ]);
    expect(groups.map((g) => g.map((d) => d.id))).toEqual([[1], [2], [3], [4]]);
  });
});

describe('maybeSibling', () => {
  it('suggests a dream of the same parent in the same wijk', () => {
    expect(
      maybeSibling(
        { parentName: 'Fatma Yılmaz', wijk: 'muziekwijk' },
        { parentName: ' fatma  yilmaz', wijk: 'muziekwijk' },
      ),
    ).toBe(true);
  });

  it('needs both the name and the wijk, and both the same', () => {
    expect(maybeSibling({ parentName: 'Fatma', wijk: 'muziekwijk' }, { parentName: 'Fatma', wijk: 'filmwijk' })).toBe(
      false,
    );
    expect(maybeSibling({ parentName: 'Fatma', wijk: 'muziekwijk' }, { parentName: 'Anna', wijk: 'muziekwijk' })).toBe(
      false,
    );
    expect(maybeSibling({ parentName: null, wijk: 'muziekwijk' }, { parentName: null, wijk: 'muziekwijk' })).toBe(
      false,
    );
    expect(maybeSibling({ parentName: 'Fatma', wijk: null }, { parentName: 'Fatma', wijk: null })).toBe(false);
  });

  it('compares names without case, accents or extra spaces', () => {
    expect(parentNameKey('  Zoë   de Vries ')).toBe('zoe de vries');
    expect(parentNameKey('a')).toBeNull();
    expect(parentNameKey(undefined)).toBeNull();
  });
});
