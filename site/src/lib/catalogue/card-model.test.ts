import { describe, expect, it } from 'vitest';
import { resources } from '@droomkaart/shared';
import { cardModel, whenText, whereText, type CardSource } from './card-model.ts';
import { translator } from './messages.ts';

const nl = translator('nl', resources.nl);
const place = (name: string, wijkName: string | null) => ({ name, wijkName });

const base: CardSource = {
  title: 'Zwemles voor beginners',
  slug: 'zwemles',
  summary: 'Leer zwemmen in een kleine groep.',
  ageMin: 5,
  ageMax: 8,
  costType: 'gratis',
  price: null,
  places: [place('Zwembad Parkwijk', 'Parkwijk')],
  kind: 'cursus',
  themes: ['sport-bewegen'],
  fallback: false,
};

describe('whenText', () => {
  it('gives the weekly days in week order with their time, once', () => {
    const sessions = ['vr', 'ma', 'wo'].map((day) => ({ day, start: '15:30', end: '16:30' }));
    expect(whenText({ sessions }, nl, 'nl')).toBe('ma, wo, vr 15:30–16:30');
  });

  it('groups days by their time', () => {
    const sessions = [
      { day: 'za', start: '13:00', end: '14:00' },
      { day: 'di', start: '10:00:00.000', end: '11:00:00.000' },
    ];
    expect(whenText({ sessions }, nl, 'nl')).toBe('di 10:00–11:00 · za 13:00–14:00');
  });

  it('falls back to the days alone, then to the date or period, else nothing', () => {
    expect(whenText({ days: ['zo', 'za'] }, nl, 'nl')).toBe('za, zo');
    expect(whenText({ dates: { start: '2026-07-14', end: null } }, nl, 'nl')).toBe('14 jul');
    expect(whenText({ dates: { start: '2026-07-14', end: '2026-07-18' } }, nl, 'nl')).toBe('14 jul – 18 jul');
    expect(whenText({}, nl, 'nl')).toBeNull();
  });

  it('speaks the reader’s language', () => {
    const sessions = ['ma', 'wo'].map((day) => ({ day, start: '15:30', end: '16:30' }));
    expect(whenText({ sessions }, translator('en', resources.en), 'en')).toBe('Mon, Wed 15:30–16:30');
  });
});

describe('whereText', () => {
  it('counts the places of one activity, the same place once', () => {
    const places = [place('Sporthal Noord', 'Molenbuurt'), place('Gym Haven', 'De Werven'), place('Dojo', 'Parkwijk')];
    expect(whereText({ places }, nl)).toBe('op 3 plekken');
    expect(whereText({ places: [place('Dojo', 'Parkwijk'), place('Dojo', 'Parkwijk')] }, nl)).toBe('Parkwijk');
  });

  it('names the wijk of a single place, or the place without a wijk, or nothing', () => {
    expect(whereText({ places: [place('Online', null)] }, nl)).toBe('Online');
    expect(whereText({ places: [] }, nl)).toBeNull();
    const two = { places: [place('A', 'Molenbuurt'), place('B', 'Parkwijk')] };
    expect(whereText(two, translator('ar', resources.ar))).toBe(resources.ar['catalogue.card.places_two']);
    const five = { places: ['A', 'B', 'C', 'D', 'E'].map((n) => place(n, n)) };
    expect(whereText(five, translator('pl', resources.pl))).toBe('w 5 miejscach');
  });
});

describe('cardModel', () => {
  it('gives every fact of the card', () => {
    const sessions = ['ma', 'wo', 'vr'].map((day) => ({ day, start: '15:30', end: '16:30' }));
    const card = cardModel({ ...base, sessions }, { locale: 'nl', t: nl });
    expect(card).toMatchObject({
      href: '/nl/activiteiten/zwemles',
      title: 'Zwemles voor beginners',
      lang: undefined,
      onlyDutch: false,
      image: null,
      illustration: 'swim',
      when: 'ma, wo, vr 15:30–16:30',
      where: 'Parkwijk',
      distance: null,
      ages: nl('activity.ages', { min: 5, max: 8 }),
      cost: nl('cost.gratis'),
    });
  });

  it('says how far when a wijk is chosen, and the link keeps the choice', () => {
    const card = cardModel(base, { locale: 'nl', t: nl, km: 1.234, linkQuery: 'near=parkwijk' });
    expect(card.distance).toBe('1,2 km · ongeveer 5 minuten fietsen');
    expect(card.href).toBe('/nl/activiteiten/zwemles?near=parkwijk');
  });

  it('marks the Dutch fallback text on a page in another language', () => {
    const en = translator('en', resources.en);
    const card = cardModel({ ...base, fallback: true, costType: 'betaald', price: 12.5 }, { locale: 'en', t: en });
    expect(card.lang).toBe('nl');
    expect(card.onlyDutch).toBe(true);
    expect(card.cost).toContain('12,50');
  });
});
