import { describe, expect, it } from 'vitest';
import { themes } from '@droomkaart/shared';
import { THEME_DRAWINGS, illustrationFor } from './illustration.ts';
import { isIconName } from '../../components/icons/drawings.ts';

describe('illustrationFor', () => {
  it('draws a swimming lesson as a swimmer, not as the sport theme’s football', () => {
    expect(illustrationFor({ title: 'Zwemles', themes: ['sport-bewegen'] })).toBe('swim');
    expect(illustrationFor({ title: 'Voetbaltraining', themes: ['sport-bewegen'] })).toBe('ball');
    expect(illustrationFor({ title: 'Swimming lessons', themes: ['sport-bewegen'] })).toBe('swim');
    expect(illustrationFor({ title: 'Уроки плавання', themes: ['sport-bewegen'] })).toBe('swim');
  });

  it('prefers the title over the summary', () => {
    expect(
      illustrationFor({ title: 'Breakdance', summary: 'Na afloop samen voetbal kijken', themes: ['sport-bewegen'] }),
    ).toBe('dance');
    expect(illustrationFor({ title: 'Op woensdag', summary: 'We tekenen en knutselen.' })).toBe('palette');
  });

  it('matches words at their start only', () => {
    // "Dankjewel" starts with no stem of a drawing; "tuin" inside "Schooltuin" is no word start either.
    expect(illustrationFor({ title: 'Dankjewel-middag', themes: ['voor-ouders'] })).toBe('family');
    expect(illustrationFor({ title: 'Schooltuin', themes: ['leren-bijles'] })).toBe('pencil');
  });

  it('then uses the kind, then the first theme’s general drawing, else a neutral star', () => {
    expect(illustrationFor({ title: 'Jeugdfonds', kind: 'regeling', themes: ['sport-bewegen'] })).toBe('coin');
    expect(illustrationFor({ title: 'Judo', kind: 'activiteit', themes: ['sport-bewegen'] })).toBe('sport');
    expect(illustrationFor({ title: 'Iets', kind: 'activiteit', themes: [] })).toBe('star');
  });

  it('has the taxonomy’s drawing for every theme', () => {
    for (const theme of themes) {
      expect(THEME_DRAWINGS[theme.slug]).toBe(theme.icon);
      expect(isIconName(theme.icon)).toBe(true);
    }
  });
});
