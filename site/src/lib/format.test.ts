import { describe, expect, it } from 'vitest';
import { createI18n } from '@droomkaart/shared';
import {
  costLabel,
  costText,
  formatDate,
  formatPrice,
  isolate,
  languageNames,
  listText,
  publicJoinPhone,
  scheduleLines,
  telHref,
  whatsappHref,
} from './format.ts';

const t = createI18n('nl').t;

describe('costLabel', () => {
  it('says what the family pays', () => {
    expect(costLabel(t, { costType: 'gratis', price: null })).toBe('Gratis');
    expect(costLabel(t, { costType: 'gratis-via-regeling', price: null })).toBe(
      'Jij betaalt €0. Een regeling betaalt.',
    );
    expect(costLabel(t, { costType: 'betaald', price: 12.5 })).toBe('€ 12,50');
    expect(costLabel(t, { costType: 'betaald', price: null })).toBe('Je betaalt zelf');
    expect(costLabel(t, { costType: 'korting', price: 8 })).toBe('Met korting: je betaalt € 8,00');
    expect(costLabel(t, { costType: 'korting', price: null })).toBe('Met korting');
  });

  it('formats prices the Dutch way', () => {
    expect(formatPrice(1234.5)).toBe('1.234,50');
  });
});

describe('costText', () => {
  it('says "Jij betaalt €0" for a regeling and who applies from the partner’s note and how one joins', () => {
    const viaCoordinator = costText(t, {
      costType: 'gratis-via-regeling',
      price: null,
      costNote: 'Jeugdfonds Sport & Cultuur betaalt.',
      howToJoin: 'via-coordinator',
    });
    expect(viaCoordinator).toEqual({
      headline: 'Jij betaalt €0. Een regeling betaalt.',
      note: 'Jeugdfonds Sport & Cultuur betaalt.',
      whoApplies: 'Je coördinator vraagt het samen met jou aan.',
      paidBy: [],
    });
    const signUp = costText(t, {
      costType: 'gratis-via-regeling',
      price: null,
      costNote: null,
      howToJoin: 'aanmelden',
    });
    expect(signUp.note).toBeNull();
    expect(signUp.whoApplies).toBe('Vraag het als je je aanmeldt. De organisatie of je coördinator helpt je.');
  });

  it('has no "who applies" for activities the family pays or that are free anyway', () => {
    expect(costText(t, { costType: 'betaald', price: 5, costNote: '  ', howToJoin: 'aanmelden' })).toEqual({
      headline: '€ 5,00',
      note: null,
      whoApplies: null,
      paidBy: [],
    });
    expect(
      costText(t, { costType: 'gratis', price: null, costNote: null, howToJoin: 'vrije-inloop' }).whoApplies,
    ).toBeNull();
  });

  it('names the linked regeling that pays and who applies for it', () => {
    const paidBy = [
      { title: 'Zwemdiploma voor ieder kind', slug: 'zwemdiploma-voor-ieder-kind', applicant: 'intermediair' as const },
    ];
    expect(
      costText(t, { costType: 'gratis-via-regeling', price: null, costNote: null, howToJoin: 'aanmelden', paidBy }),
    ).toEqual({
      headline: 'Jij betaalt €0.',
      note: null,
      whoApplies: 'Iemand van school, het wijkteam of de buurtsportcoach vraagt het voor jullie aan.',
      paidBy: [{ title: 'Zwemdiploma voor ieder kind', slug: 'zwemdiploma-voor-ieder-kind' }],
    });
    // A linked regeling that does not say who applies: today's sentence from how one joins.
    const unknown = costText(t, {
      costType: 'gratis-via-regeling',
      price: null,
      costNote: null,
      howToJoin: 'via-coordinator',
      paidBy: [{ title: 'Kindpakket', slug: 'kindpakket', applicant: null }],
    });
    expect(unknown.headline).toBe('Jij betaalt €0.');
    expect(unknown.whoApplies).toBe('Je coördinator vraagt het samen met jou aan.');
    // A regeling itself says who applies from its own applicant.
    expect(
      costText(t, {
        kind: 'regeling',
        applicant: 'ouder',
        costType: 'gratis',
        price: null,
        costNote: null,
        howToJoin: 'aanmelden',
      }).whoApplies,
    ).toBe('Jij als ouder vraagt het zelf aan.');
    const en = createI18n('en').t;
    expect(
      costText(en, { costType: 'gratis-via-regeling', price: null, costNote: null, howToJoin: 'aanmelden', paidBy })
        .whoApplies,
    ).toBe('Someone from school, the neighbourhood team or the community sports coach applies for you.');
  });

  it('has an easy sentence for every applicant in every locale', () => {
    for (const locale of ['nl', 'en', 'ar', 'tr', 'pl', 'uk'] as const) {
      const tl = createI18n(locale).t;
      for (const applicant of ['ouder', 'intermediair', 'coordinator', 'aanbieder'] as const) {
        const sentence = costText(tl, {
          kind: 'regeling',
          applicant,
          costType: 'gratis',
          price: null,
          costNote: null,
          howToJoin: 'aanmelden',
        }).whoApplies!;
        expect(sentence, `${locale} ${applicant}`).not.toContain('cost.applicant');
      }
      expect(tl('activity.notOn', { dates: 'x' })).not.toContain('activity.notOn');
    }
  });

  it('is translated', () => {
    const en = createI18n('en').t;
    expect(
      costText(en, { costType: 'gratis-via-regeling', price: null, costNote: null, howToJoin: 'via-coordinator' })
        .headline,
    ).toBe('You pay €0. A scheme pays.');
  });
});

describe('scheduleLines', () => {
  const session = (day: 'ma' | 'za', startTime: string, endTime: string) => ({ day, startTime, endTime });

  it('ends with the days a weekly activity does not take place, per locale', () => {
    const weekly = {
      scheduleType: 'wekelijks' as const,
      startDate: null,
      endDate: null,
      sessions: [session('za', '09:00', '10:00')],
      exceptionDates: ['2026-12-26', '2027-01-02'],
    };
    expect(scheduleLines(t, weekly, 'nl')).toEqual([
      'Elke zaterdag van 09:00 tot 10:00',
      'Niet op: 26 december 2026 en 2 januari 2027',
    ]);
    expect(scheduleLines(createI18n('en').t, weekly, 'en').at(-1)).toBe('Not on: 26 December 2026 and 2 January 2027');
    expect(scheduleLines(t, { ...weekly, exceptionDates: [] }, 'nl')).toHaveLength(1);
  });

  it('lists weekly sessions with days and times', () => {
    expect(
      scheduleLines(
        t,
        {
          scheduleType: 'wekelijks',
          startDate: null,
          endDate: null,
          sessions: [session('za', '09:00:00.000', '10:00:00.000'), session('ma', '16:00:00', '16:45:00')],
        },
        'nl',
      ),
    ).toEqual(['Elke zaterdag van 09:00 tot 10:00', 'Elke maandag van 16:00 tot 16:45']);
  });

  it('puts a period or a one-off date first', () => {
    expect(
      scheduleLines(
        t,
        {
          scheduleType: 'periode',
          startDate: '2026-12-07',
          endDate: '2027-01-18',
          sessions: [session('ma', '16:00', '17:00')],
        },
        'nl',
      ),
    ).toEqual(['Van 7 december 2026 tot 18 januari 2027', 'Elke maandag van 16:00 tot 17:00']);
    expect(
      scheduleLines(t, { scheduleType: 'eenmalig', startDate: '2027-01-09', endDate: null, sessions: [] }, 'nl'),
    ).toEqual(['Op 9 januari 2027']);
    expect(
      scheduleLines(t, { scheduleType: 'wekelijks', startDate: '2027-03-01', endDate: null, sessions: [] }, 'nl'),
    ).toEqual(['Vanaf 1 maart 2027']);
  });

  it('says "all year" for an ongoing activity without times', () => {
    expect(
      scheduleLines(t, { scheduleType: 'doorlopend', startDate: null, endDate: null, sessions: [] }, 'nl'),
    ).toEqual(['Het hele jaar']);
  });

  it('writes dates in the reader’s language', () => {
    expect(formatDate('2027-01-09', 'en')).toBe('9 January 2027');
    expect(formatDate('2026-03-05T10:00:00.000Z', 'nl')).toBe('5 maart 2026');
  });
});

describe('contact links', () => {
  it('makes wa.me links with the international number', () => {
    expect(whatsappHref('06-12345678')).toBe('https://wa.me/31612345678');
    expect(whatsappHref('+31 6 1234 5678')).toBe('https://wa.me/31612345678');
    expect(whatsappHref('0031612345678')).toBe('https://wa.me/31612345678');
    expect(whatsappHref('bel ons')).toBeNull();
  });

  it('makes tel: links phones can dial', () => {
    expect(telHref('036 - 123 45 67')).toBe('tel:0361234567');
    expect(telHref('+31 36 123 4567')).toBe('tel:+31361234567');
  });
});

describe('languageNames', () => {
  it('names languages in the reader’s language', () => {
    expect(languageNames(['nl', 'ar'], 'nl')).toEqual(['Nederlands', 'Arabisch']);
    expect(languageNames(['nl', 'tr'], 'en')).toEqual(['Dutch', 'Turkish']);
  });
});

describe('text helpers', () => {
  it('joins lists the way each language does', () => {
    expect(listText(['Nederlands', 'Engels', 'Arabisch'], 'nl')).toBe('Nederlands, Engels en Arabisch');
    expect(listText(['Dutch', 'English'], 'en')).toBe('Dutch and English');
  });

  it('isolates numbers so they keep their direction in right-to-left text', () => {
    expect(isolate('036-123')).toBe('\u2068036-123\u2069');
  });
});

describe('publicJoinPhone', () => {
  const organisation = { documentId: 'o1', name: 'Club', slug: 'club', kind: 'sport' as const };
  it('shows the sign-up phone only when the organisation made its contact public', () => {
    expect(
      publicJoinPhone({ joinPhone: '036 123 45 67', organisation: { ...organisation, contactPublic: true } }),
    ).toBe('036 123 45 67');
    expect(
      publicJoinPhone({ joinPhone: '036 123 45 67', organisation: { ...organisation, contactPublic: false } }),
    ).toBeNull();
    expect(publicJoinPhone({ joinPhone: '036 123 45 67', organisation: null })).toBeNull();
    expect(publicJoinPhone({ joinPhone: ' ', organisation: { ...organisation, contactPublic: true } })).toBeNull();
  });
});
