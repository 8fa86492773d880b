import { describe, expect, it } from 'vitest';
import { needPicks } from '../dream/submission.js';
import { themeSlugs } from '../taxonomy/vocabularies.js';
import { dreamThemeKeywords, needPickThemes, themesForDream } from './dream-themes.js';

describe('themesForDream', () => {
  const themesOf = (dream: string) => themesForDream({ dream });

  it('reads a profession with its subject', () => {
    expect(themesOf('dierenarts').sort()).toEqual(['beroepen-meelopen', 'natuur-buiten']);
    expect(themesOf('Ik wil later KINDERDIERENARTS worden!').sort()).toEqual(['beroepen-meelopen', 'natuur-buiten']);
    expect(themesOf('juf')).toEqual(['beroepen-meelopen', 'leren-bijles']);
    expect(themesOf('ik wil leraar worden')).toContain('beroepen-meelopen');
    expect(themesOf('Later word ik astronaut')).toEqual(['beroepen-meelopen', 'techniek-computers']);
  });

  it('knows the common professions', () => {
    for (const job of [
      'politieagent',
      'brandweerman',
      'dokter',
      'kapper',
      'bakker',
      'piloot',
      'tandarts',
      'timmerman',
      'advocaat',
      'verpleegkundige',
      'kok',
      'kapster',
      'stewardess',
    ]) {
      expect(themesOf(`Ik wil later ${job} worden`)[0], job).toBe('beroepen-meelopen');
    }
  });

  it('sees a profession it has no word for by its ending or by "… worden"', () => {
    expect(themesOf('Ik wil kinderarts worden')).toEqual(['beroepen-meelopen']);
    expect(themesOf('wijkagente')).toEqual(['beroepen-meelopen']);
    expect(themesOf('Ik wil later loodgietersassistent, nee, dakdekker worden')).toContain('beroepen-meelopen');
    expect(themesOf('I want to be a doctor')).toEqual(['beroepen-meelopen']);
  });

  it('reads sport, also inside compounds', () => {
    for (const word of [
      'voetbal',
      'voetballer',
      'profvoetballer',
      'zwemles',
      'ik wil ijshockey spelen',
      'ik wil op judo',
    ]) {
      expect(themesOf(word), word).toContain('sport-bewegen');
    }
    expect(themesOf('voetballen')).toEqual(['sport-bewegen']);
    expect(themesOf('profvoetballer')).toEqual(['sport-bewegen', 'beroepen-meelopen']);
  });

  it('reads dance, music and theatre', () => {
    for (const word of ['zangeres', 'dansen', 'ballet', 'Ik wil in een band drummen', 'popster', 'actrice']) {
      expect(themesOf(word), word).toContain('dans-muziek-theater');
    }
    expect(themesOf('zangeres')[0]).toBe('dans-muziek-theater');
  });

  it('reads art, learning, language and computers', () => {
    expect(themesOf('tekenen')).toEqual(['kunst-creatief']);
    expect(themesOf('kunstenaar')[0]).toBe('kunst-creatief');
    expect(themesOf('ik wil bijles rekenen')).toEqual(['leren-bijles']);
    expect(themesOf('lezen')).toEqual(['taal-lezen']);
    expect(themesOf('Nederlands leren')).toEqual(['taal-lezen']);
    expect(themesOf('taal')).toEqual(['taal-lezen']);
    for (const word of ['programmeur', 'gamer', 'youtuber', 'ik wil met computers werken'])
      expect(themesOf(word)[0], word).toBe('techniek-computers');
  });

  it('reads things a child needs', () => {
    expect(themesOf('laptop')).toContain('spullen');
    expect(themesOf('fiets')).toEqual(['spullen']);
    expect(themesOf('kleding')).toEqual(['spullen']);
    expect(themesOf('nieuwe voetbalschoenen')).toEqual(['sport-bewegen', 'spullen']);
    expect(themesForDream({ dream: '', need: 'ik heb een computer nodig' })).toEqual(['spullen', 'techniek-computers']);
  });

  it('strips diacritics and capitals', () => {
    expect(themesOf('DOKTER')).toEqual(['beroepen-meelopen']);
    expect(themesOf('ik wil créatief zijn')).toEqual(['kunst-creatief']);
    expect(themesOf('Ik wil later ballerina worden en ballét dansen')).toContain('dans-muziek-theater');
  });

  it('avoids silly matches', () => {
    expect(themesOf('ik wil later iets met mensen')).not.toContain('spullen');
    expect(themesOf('ik wil later iets met mensen')).toEqual([]);
    expect(themesOf('ik woon in Almere Buiten en ik ben 8 jaar')).toEqual([]);
    expect(themesOf('dat is totaal digitaal en brutaal')).toEqual([]);
    expect(themesOf('honderd balletjes in oktober')).toEqual([]);
    expect(themesOf('de politiek en een vraagteken')).toEqual([]);
    expect(themesOf('mijn postcode is 1234')).toEqual([]);
    expect(themesOf('ik wil later beroemd worden')).toEqual([]);
    expect(themesOf('ik wil groter en sterker worden')).toEqual([]);
    expect(themesOf('ik wil net als mijn vader worden')).toEqual([]);
    expect(themesOf('ik kan het niet betalen')).toEqual(['geld-regelingen']);
  });

  it('puts the dream’s profession first, then the rest of the dream, then the need, then the picks', () => {
    expect(themesOf('Ik hou van tekenen en ik wil dierenarts worden')).toEqual([
      'beroepen-meelopen',
      'natuur-buiten',
      'kunst-creatief',
    ]);
    expect(
      themesForDream({
        dream: 'Ik wil voetballer worden',
        need: 'Ik heb een fiets nodig en bijles',
        needPicks: ['natuur', 'sport'],
      }),
    ).toEqual(['sport-bewegen', 'beroepen-meelopen', 'spullen', 'leren-bijles', 'natuur-buiten']);
  });

  it('maps every need pick to a theme and ignores unknown picks', () => {
    for (const { slug } of needPicks) {
      expect(needPickThemes[slug]?.length, slug).toBeGreaterThan(0);
      expect(themesForDream({ dream: '', needPicks: [slug] })).toEqual([...needPickThemes[slug]]);
    }
    expect(themesForDream({ dream: '', needPicks: ['zwemmen'] })).toEqual(['sport-bewegen']);
    expect(themesForDream({ dream: '', needPicks: ['meelopen', 'laptop'] })).toEqual(['beroepen-meelopen', 'spullen']);
    expect(themesForDream({ dream: '', needPicks: ['onbekend'] })).toEqual([]);
  });

  it('gives no duplicates and [] for nothing', () => {
    const found = themesForDream({ dream: 'voetbal voetballer voetballen', need: 'voetbal', needPicks: ['sport'] });
    expect(found).toEqual(['sport-bewegen', 'beroepen-meelopen']);
    expect(themesForDream({ dream: '' })).toEqual([]);
    expect(themesForDream({ dream: 'xyz qwerty', need: null, needPicks: null })).toEqual([]);
  });

  it('only uses real theme slugs in its keyword data', () => {
    const slugs = new Set<string>(themeSlugs);
    for (const rule of dreamThemeKeywords)
      for (const theme of [...rule.themes, ...(rule.asNeed ?? [])]) expect(slugs.has(theme)).toBe(true);
    for (const themes of Object.values(needPickThemes)) for (const theme of themes) expect(slugs.has(theme)).toBe(true);
    for (const rule of dreamThemeKeywords)
      for (const word of rule.words)
        expect(word, 'keywords are lowercase without diacritics').toBe(
          word.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase(),
        );
  });
});
