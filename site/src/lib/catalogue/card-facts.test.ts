import { describe, expect, it } from 'vitest';
import { resources } from '@droomkaart/shared';
import { whereAndWhen } from './card-facts.ts';
import { translator } from './messages.ts';

const nl = translator('nl', resources.nl);
const place = (name: string, wijkName: string | null) => ({ name, wijkName });

describe('whereAndWhen', () => {
  it('counts the places of one activity and lists its days in week order', () => {
    const hit = {
      places: [place('Sporthal Noord', 'Molenbuurt'), place('Gym Haven', 'De Werven'), place('Dojo', 'Parkwijk')],
      days: ['vr', 'ma', 'wo'],
    };
    expect(whereAndWhen(hit, nl)).toBe('op 3 plekken · ma, wo, vr');
  });

  it('names the wijk of a single place, or the place when it has no wijk', () => {
    expect(whereAndWhen({ places: [place('Zwembad Parkwijk', 'Parkwijk')], days: ['za'] }, nl)).toBe('Parkwijk · za');
    expect(whereAndWhen({ places: [place('Online', null)], days: [] }, nl)).toBe('Online');
    // The same place twice (two sessions there) is one place.
    expect(
      whereAndWhen({ places: [place('Dojo', 'Parkwijk'), place('Dojo', 'Parkwijk')], days: ['di', 'do'] }, nl),
    ).toBe('Parkwijk · di, do');
  });

  it('says only the days, or nothing, when there is no place', () => {
    expect(whereAndWhen({ places: [], days: ['zo'] }, nl)).toBe('zo');
    expect(whereAndWhen({ places: [], days: [] }, nl)).toBeNull();
    expect(whereAndWhen({ places: [] }, nl)).toBeNull();
  });

  it('speaks the reader’s language, with its own plural and list separator', () => {
    const hit = { places: [place('A', 'Molenbuurt'), place('B', 'Parkwijk')], days: ['ma', 'wo'] };
    expect(whereAndWhen(hit, translator('en', resources.en))).toBe('at 2 places · Mon, Wed');
    expect(whereAndWhen(hit, translator('ar', resources.ar))).toBe(
      `${resources.ar['catalogue.card.places_two']} · ${resources.ar['catalogue.card.day.ma']}، ${resources.ar['catalogue.card.day.wo']}`,
    );
    const five = { places: ['A', 'B', 'C', 'D', 'E'].map((n) => place(n, n)), days: [] };
    expect(whereAndWhen(five, translator('pl', resources.pl))).toBe('w 5 miejscach');
  });
});
