import { describe, expect, it } from 'vitest';
import { locales, resources } from '../../i18n/i18n.js';
import {
  composeFamilyMessage,
  composeReminder,
  familyMessages,
  formatConversationTime,
  whatsappLink,
} from './family-messages.js';

describe('family messages', () => {
  const activities = [
    {
      title: 'Voetbal bij de club',
      url: 'https://droomkaart.example/nl/activiteit/voetbal',
      howToJoin: 'aanmelden',
      cost: 'gratis',
      contactName: 'Jan',
    },
    {
      title: 'Zwemles',
      url: 'https://droomkaart.example/nl/activiteit/zwemles',
      howToJoin: 'Bel 036 123 4567',
      cost: '€ 5 per maand',
    },
  ];

  it('lists the activities with links, what happens next and the coordinator’s first name', () => {
    const text = composeFamilyMessage({
      locale: 'nl',
      firstName: 'Sem',
      coordinatorName: 'Fatima el Amrani',
      activities,
      talked: true,
    });
    expect(text.startsWith('Hoi Sem!')).toBe(true);
    expect(text).toContain('1. *Voetbal bij de club*\nhttps://droomkaart.example/nl/activiteit/voetbal');
    expect(text).toContain('2. *Zwemles*\nhttps://droomkaart.example/nl/activiteit/zwemles');
    expect(text).toContain(resources.nl['workspace.message.join.aanmelden']);
    expect(text).toContain('Bel 036 123 4567');
    expect(text).toContain(resources.nl['cost.gratis']);
    expect(text).toContain('€ 5 per maand');
    expect(text).toContain('Vraag naar Jan.');
    expect(text).toContain(resources.nl['workspace.message.next']);
    expect(text.endsWith('Groetjes, Fatima')).toBe(true);
    expect(text).not.toContain('Amrani');
  });

  it('writes in the family’s language', () => {
    const text = composeFamilyMessage({
      locale: 'pl',
      firstName: 'Ola',
      coordinatorName: 'Fatima',
      activities,
      talked: true,
    });
    expect(text.startsWith('Cześć Ola!')).toBe(true);
    expect(text).toContain(resources.pl['workspace.message.intro']);
    expect(text).toContain(resources.pl['workspace.message.join.aanmelden']);
    expect(text).toContain(resources.pl['cost.gratis']);
    expect(text).not.toContain(resources.nl['workspace.message.intro']);
  });

  it('says it is still looking when there is nothing to offer yet', () => {
    const text = composeFamilyMessage({ locale: 'nl', firstName: 'Sem', coordinatorName: 'Fatima', activities: [] });
    expect(text).toContain(resources.nl['workspace.message.noActivities']);
    expect(text).not.toContain(resources.nl['workspace.message.intro']);
  });

  it('never names the municipality or poverty, in any language', () => {
    for (const locale of locales) {
      const texts = [
        composeFamilyMessage({ locale, firstName: 'Sem', coordinatorName: 'Fatima', activities }),
        composeFamilyMessage({ locale, firstName: 'Sem', coordinatorName: 'Fatima', activities: [] }),
        composeReminder({
          locale,
          firstName: 'Sem',
          at: new Date('2026-12-01T14:30:00Z'),
          kind: 'video',
          place: '',
          coordinatorName: 'Fatima',
        }),
      ];
      for (const text of texts) expect(text.toLowerCase()).not.toMatch(/armoede|gemeente|almere|municipality|poverty/);
    }
  });

  it('sends Dutch first, plus the family’s language when the site speaks it', () => {
    const base = { firstName: 'Sem', coordinatorName: 'Fatima', activities };
    expect(familyMessages({ ...base, preferredLanguage: 'ar' }).map((m) => m.locale)).toEqual(['nl', 'ar']);
    expect(familyMessages({ ...base, preferredLanguage: 'nl' }).map((m) => m.locale)).toEqual(['nl']);
    expect(familyMessages({ ...base, preferredLanguage: 'anders' }).map((m) => m.locale)).toEqual(['nl']);
    expect(familyMessages({ ...base }).map((m) => m.locale)).toEqual(['nl']);
    const [nl, ar] = familyMessages({ ...base, preferredLanguage: 'ar' });
    expect(nl.text).toBe(composeFamilyMessage({ ...base, locale: 'nl' }));
    expect(ar.text).toContain(resources.ar['workspace.message.introNew']);
  });
});

describe('composeReminder', () => {
  // 1 December 2026 is a Tuesday; 14:30 UTC is 15:30 in Amsterdam (winter time).
  const at = new Date('2026-12-01T14:30:00Z');

  it('gives date and time in Amsterdam, in words of the locale', () => {
    expect(formatConversationTime(at, 'nl')).toBe('dinsdag 1 december om 15:30');
    expect(formatConversationTime(at, 'en')).toBe('Tuesday 1 December at 15:30');
    expect(formatConversationTime(new Date('2026-07-07T13:00:00Z'), 'nl')).toBe('dinsdag 7 juli om 15:00'); // summer time
    expect(formatConversationTime(at, 'pl')).toContain('grudnia');
    expect(formatConversationTime(at, 'ar')).toContain('15:30');
  });

  it('reminds of the place', () => {
    const text = composeReminder({
      locale: 'nl',
      firstName: 'Sem',
      at,
      kind: 'bibliotheek',
      place: 'Bibliotheek Nieuwland',
      coordinatorName: 'Fatima el Amrani',
    });
    expect(text.startsWith('Hoi Sem!')).toBe(true);
    expect(text).toContain('dinsdag 1 december om 15:30');
    expect(text).toContain('Waar: Bibliotheek Nieuwland');
    expect(text).not.toContain(resources.nl['workspace.reminder.video']);
    expect(text.endsWith('Tot morgen! Fatima')).toBe(true);
  });

  it('says a video call is a video call', () => {
    const text = composeReminder({
      locale: 'nl',
      firstName: 'Sem',
      at,
      kind: 'video',
      place: 'Ik bel je via WhatsApp',
      coordinatorName: 'Fatima',
    });
    expect(text).toContain(resources.nl['workspace.reminder.video']);
    expect(text).toContain('Ik bel je via WhatsApp');
    expect(text).not.toContain('Waar:');
    const tr = composeReminder({
      locale: 'tr',
      firstName: 'Ela',
      at,
      kind: 'video',
      place: '',
      coordinatorName: 'Fatima',
    });
    expect(tr).toContain(resources.tr['workspace.reminder.video']);
  });

  it('falls back to the kind of place when no place is given', () => {
    const text = composeReminder({
      locale: 'en',
      firstName: 'Sem',
      at,
      kind: 'buurthuis',
      place: ' ',
      coordinatorName: 'Fatima',
    });
    expect(text).toContain(`Where: ${resources.en['workspace.conversationKind.buurthuis']}`);
  });
});

describe('whatsappLink', () => {
  it('opens a chat with the text filled in', () => {
    expect(whatsappLink('+31612345678', 'Hoi Sem! Zie https://x.nl/a?b=1&c=2')).toBe(
      'https://wa.me/31612345678?text=Hoi%20Sem!%20Zie%20https%3A%2F%2Fx.nl%2Fa%3Fb%3D1%26c%3D2',
    );
    expect(whatsappLink('+32 470 12 34 56', 'مرحبًا')).toBe(
      `https://wa.me/32470123456?text=${encodeURIComponent('مرحبًا')}`,
    );
  });
});
