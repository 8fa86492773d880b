import { describe, expect, it } from 'vitest';
import { addressKey, mergeCandidates, nameSimilarity, nameWords, similarTo, similarity } from './similarity';

describe('nameWords', () => {
  it('drops case, accents, punctuation and filler words', () => {
    expect(nameWords('Zwemles voor je A-diploma!')).toEqual(['zwemles', 'a', 'diploma']);
    expect(nameWords('Café de Ruïne')).toEqual(['cafe', 'ruine']);
  });
});

describe('nameSimilarity', () => {
  it('finds the same name written differently', () => {
    expect(nameSimilarity('Zwemles A-diploma', 'zwemles voor het A diploma')).toBe(1);
    expect(nameSimilarity('Zwemles', 'Zwem les')).toBeGreaterThan(0.7);
    expect(nameSimilarity('Voetbaltraining jeugd', 'Voetbal training voor de jeugd')).toBeGreaterThan(0.6);
  });
  it('keeps different offers apart', () => {
    expect(nameSimilarity('Zwemles A-diploma', 'Judo voor beginners')).toBeLessThan(0.2);
    expect(nameSimilarity('', 'Judo')).toBe(0);
  });
});

describe('addressKey', () => {
  it('is postcode and house number when both are there', () => {
    expect(addressKey('Stadhuisplein 1', '1315 HR')).toBe('1315HR 1');
    expect(addressKey('Grote Markt 12a', '1315jg')).toBe('1315JG 12a');
  });
  it('is the street otherwise, and nothing without an address', () => {
    expect(addressKey('Stadhuisplein', null)).toBe('stadhuisplein');
    expect(addressKey(null, null)).toBeNull();
  });
});

describe('similarity and similarTo', () => {
  const pool = [
    {
      documentId: 'a1',
      name: 'Zwemles A-diploma',
      organisation: 'zwembad',
      address: 'Sportweg 1',
      postcode: '1311 AA',
    },
    { documentId: 'a2', name: 'Judo voor beginners', organisation: 'judo' },
    { documentId: 'a3', name: 'Zwemles B-diploma', organisation: 'zwembad' },
  ];

  it('asks "Bestaat dit al?" for a near copy, most alike first, never the record itself', () => {
    const found = similarTo({ documentId: 'new', name: 'zwemles a diploma', organisation: 'zwembad' }, pool);
    expect(found.map((m) => m.documentId)).toEqual(['a1', 'a3']);
    expect(found[0].reasons).toEqual(['name', 'organisation']);
    expect(similarTo({ documentId: 'a1', name: 'Zwemles A-diploma' }, pool).map((m) => m.documentId)).not.toContain(
      'a1',
    );
  });

  it('does not ask for something else', () => {
    expect(similarTo({ documentId: 'new', name: 'Schaakclub' }, pool)).toEqual([]);
  });

  it('counts the same address for, another address against', () => {
    const here = { documentId: 'p1', name: 'Sporthal De Polder', address: 'Sportweg 1', postcode: '1311AA' };
    const same = similarity(here, {
      documentId: 'p2',
      name: 'Sporthal Polder',
      address: 'Sportweg 1',
      postcode: '1311 AA',
    });
    const elsewhere = similarity(here, {
      documentId: 'p3',
      name: 'Sporthal Polder',
      address: 'Marktweg 9',
      postcode: '1322 BB',
    });
    expect(same.reasons).toContain('address');
    expect(same.score).toBeGreaterThan(elsewhere.score);
  });

  it('lists merge candidates across the city as pairs', () => {
    const pairs = mergeCandidates([...pool, { documentId: 'a4', name: 'Zwemles A diploma', organisation: 'ander' }]);
    expect(pairs[0]).toMatchObject({ a: { documentId: 'a1' }, b: { documentId: 'a4' } });
    expect(pairs.every((p) => p.score >= 0.6)).toBe(true);
  });
});
