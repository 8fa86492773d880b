import { describe, expect, it } from 'vitest';
import { locales, resources } from '../../i18n/i18n.js';
import { composeCheckIn, composeFamilyMessage, familyMessageParts, type FamilyActivity } from './family-messages.js';
import { hasTalked, whyFacts } from './message-facts.js';

// Issue 18, point 7: each sentence that claims something appears only when its fact is true.

const nl = resources.nl;
const base = { locale: 'nl' as const, firstName: 'Sem', coordinatorName: 'Fatima el Amrani' };
const voetbal: FamilyActivity = {
  title: 'Voetbal',
  url: 'https://x.example/nl/activiteiten/voetbal',
  organisation: 'VV Almere',
};

describe('hasTalked', () => {
  const now = new Date('2026-12-07T12:00:00Z');
  it('is true from gesprek-gevoerd on, or once the planned conversation is past', () => {
    expect(hasTalked({ status: 'gesprek-gevoerd' }, now)).toBe(true);
    expect(hasTalked({ status: 'gekoppeld' }, now)).toBe(true);
    expect(hasTalked({ status: 'gesprek-gepland', conversation: { at: '2026-12-06T12:00:00Z' } }, now)).toBe(true);
  });
  it('is false before any conversation, for one still to come, and for a dream closed without one', () => {
    expect(hasTalked({ status: 'nieuw' }, now)).toBe(false);
    expect(hasTalked({ status: 'contact' }, now)).toBe(false);
    expect(hasTalked({ status: 'gesprek-gepland', conversation: { at: '2026-12-08T12:00:00Z' } }, now)).toBe(false);
    expect(hasTalked({ status: 'afgerond' }, now)).toBe(false);
    expect(hasTalked({ status: 'afgerond', history: [{ to: 'gesprek-gevoerd' }] }, now)).toBe(true);
  });
});

describe('the family message tells only what happened', () => {
  it('says "we talked" only after a conversation', () => {
    expect(composeFamilyMessage({ ...base, activities: [voetbal], talked: true })).toContain(
      nl['workspace.message.intro'],
    );
    const before = composeFamilyMessage({ ...base, activities: [voetbal], talked: false });
    expect(before).toContain(nl['workspace.message.introNew']);
    expect(before).not.toMatch(/gepraat/);
  });

  it('says "we signed you up, they call you" only when the organisation was told', () => {
    const told = composeFamilyMessage({ ...base, activities: [{ ...voetbal, told: true }] });
    expect(told).toContain('We hebben je aangemeld bij VV Almere. Zij bellen je.');
    expect(told).not.toContain(nl['workspace.message.activity.notTold']);
    const notTold = composeFamilyMessage({ ...base, activities: [{ ...voetbal, contactName: 'Jan' }] });
    expect(notTold).not.toMatch(/aangemeld|bellen je|weten daar/);
    expect(notTold).toContain(nl['workspace.message.activity.notTold']);
    expect(notTold).toContain('Vraag naar Jan.');
  });

  it('greets whoever owns the phone: the teen by first name, the parent by name', () => {
    const teen = familyMessageParts({ ...base, activities: [voetbal], phoneOwner: 'kind', parentName: 'Ayse' });
    expect(teen.greeting).toBe('Hoi Sem!');
    expect(teen.intro).toBe(nl['workspace.message.introNew']);
    const parent = familyMessageParts({ ...base, activities: [voetbal], phoneOwner: 'ouder', parentName: ' Ayse ' });
    expect(parent.greeting).toBe('Hallo Ayse,');
    expect(parent.intro).toBe('Sem heeft ons een droom gestuurd. Dank je wel! Dit heb ik gevonden:');
    const talked = familyMessageParts({ ...base, activities: [voetbal], phoneOwner: 'ouder', talked: true });
    expect(talked.greeting).toBe('Hallo,');
    expect(talked.intro).toBe('Fijn dat we samen over de droom van Sem hebben gepraat. Dit heb ik gevonden:');
  });

  it('gives a "Waarom dit?" line from the facts, and none without facts', () => {
    const why = whyFacts({
      dreamThemes: ['sport'],
      age: 9,
      activity: { themes: ['sport', 'buiten'], ageMin: 6, ageMax: 12, costType: 'gratis-via-regeling' },
      distanceKm: 1.2,
      distanceText: '1,2 km',
    });
    const text = composeFamilyMessage({ ...base, activities: [{ ...voetbal, why }] });
    expect(text).toContain(
      'Waarom dit? Het past bij de droom. Het is voor deze leeftijd. Het is dichtbij (1,2 km). Een regeling betaalt het.',
    );
    expect(composeFamilyMessage({ ...base, activities: [voetbal] })).not.toContain('Waarom dit?');
  });

  it('puts the family link in the message only when there is one', () => {
    const url = 'https://x.example/nl/gezin/l1.family.abc';
    expect(composeFamilyMessage({ ...base, activities: [voetbal], familyLink: url })).toContain(url);
    expect(composeFamilyMessage({ ...base, activities: [voetbal] })).not.toContain(
      nl['workspace.message.familyLink'].split('{{')[0],
    );
  });

  it('asks "Hoe gaat het?" with the same link, to whoever owns the phone', () => {
    const url = 'https://x.example/nl/gezin/l1.family.abc';
    const teen = composeCheckIn({ ...base, phoneOwner: 'kind', familyLink: url });
    expect(teen.startsWith('Hoi Sem!')).toBe(true);
    expect(teen).toContain(nl['workspace.checkIn.question']);
    expect(teen).toContain(url);
    expect(teen.endsWith('Groetjes, Fatima')).toBe(true);
    const parent = composeCheckIn({ ...base, phoneOwner: 'ouder', parentName: 'Ayse', familyLink: url });
    expect(parent).toContain('Hoe gaat het met Sem?');
  });

  it('never names poverty or the municipality in any language', () => {
    for (const locale of locales) {
      const text = composeFamilyMessage({
        ...base,
        locale,
        phoneOwner: 'ouder',
        activities: [{ ...voetbal, told: true, why: [{ kind: 'free' }, { kind: 'regeling' }] }],
        familyLink: 'https://x.example',
      });
      expect(text.toLowerCase()).not.toMatch(/armoede|gemeente|municipality|poverty/);
    }
  });
});

describe('whyFacts', () => {
  const activity = { themes: ['muziek'], ageMin: 6, ageMax: 8, costType: 'betaald' };
  it('claims a theme only when the dream shares one', () => {
    expect(whyFacts({ dreamThemes: ['sport'], age: 20, activity })).toEqual([]);
    expect(whyFacts({ dreamThemes: ['muziek'], age: 20, activity })).toEqual([{ kind: 'theme' }]);
  });
  it('claims the age only inside the activity’s ages, and not when they are unknown', () => {
    expect(whyFacts({ dreamThemes: [], age: 7, activity })).toEqual([{ kind: 'age' }]);
    expect(whyFacts({ dreamThemes: [], age: 9, activity })).toEqual([]);
    expect(whyFacts({ dreamThemes: [], age: 9, activity: { ...activity, ageMin: null, ageMax: null } })).toEqual([]);
  });
  it('claims "near" only within 3 km of the family’s wijk', () => {
    expect(whyFacts({ dreamThemes: [], age: 20, activity, distanceKm: 2.9, distanceText: '2,9 km' })).toEqual([
      { kind: 'distance', text: '2,9 km' },
    ]);
    expect(whyFacts({ dreamThemes: [], age: 20, activity, distanceKm: 4, distanceText: '4 km' })).toEqual([]);
    expect(whyFacts({ dreamThemes: [], age: 20, activity, distanceKm: null })).toEqual([]);
  });
  it('claims the cost only when free or paid by a regeling', () => {
    expect(whyFacts({ dreamThemes: [], age: 20, activity: { costType: 'gratis' } })).toEqual([{ kind: 'free' }]);
    expect(whyFacts({ dreamThemes: [], age: 20, activity: { costType: 'gratis-via-regeling' } })).toEqual([
      { kind: 'regeling' },
    ]);
    expect(whyFacts({ dreamThemes: [], age: 20, activity: { costType: 'korting' } })).toEqual([]);
  });
});
