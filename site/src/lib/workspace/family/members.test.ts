import { describe, expect, it } from 'vitest';
import { dreamIdFrom, readFamilyChange } from './members.ts';

const form = (fields: Record<string, string>) => new URLSearchParams(fields);

describe('dreamIdFrom', () => {
  it('reads the number itself or a link to the dream, with or without the site', () => {
    expect(dreamIdFrom(' abc123def ')).toBe('abc123def');
    expect(dreamIdFrom('https://droomkaart.nl/nl/werkplek/dromen/abc123def')).toBe('abc123def');
    expect(dreamIdFrom('/ar/werkplek/dromen/abc123def/bericht')).toBe('abc123def');
    expect(dreamIdFrom('http://127.0.0.1:4321/nl/werkplek/dromen/abc123def?ok=status#family')).toBe('abc123def');
  });

  it('finds nothing in other text or other pages', () => {
    for (const wrong of ['', 'Sem', 'https://droomkaart.nl/nl/activiteiten/zwemles', '/nl/werkplek/dromen/', 'a b'])
      expect(dreamIdFrom(wrong), wrong).toBeNull();
  });
});

describe('readFamilyChange', () => {
  it('"hoort niet bij dit gezin" asks for a family of its own', () => {
    expect(readFamilyChange('family-none', form({ family: 'abc' }))).toEqual({ patch: { family: 'none' } });
  });

  it('joins the chosen brother or sister, or the typed link before a choice', () => {
    expect(readFamilyChange('family-join', form({ family: 'abc123' }))).toEqual({ patch: { family: 'abc123' } });
    expect(
      readFamilyChange('family-join', form({ family: 'abc123', familyOther: '/nl/werkplek/dromen/xyz789' })),
    ).toEqual({ patch: { family: 'xyz789' } });
  });

  it('says what is missing or wrong', () => {
    expect(readFamilyChange('family-join', form({}))).toEqual({ error: 'workspace.ui.family.error.choose' });
    expect(readFamilyChange('family-join', form({ family: 'NONE!' }))).toEqual({
      error: 'workspace.ui.family.error.choose',
    });
    expect(readFamilyChange('family-join', form({ familyOther: 'de zus van Sem' }))).toEqual({
      error: 'workspace.ui.family.error.link',
    });
  });
});
