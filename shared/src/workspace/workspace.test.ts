import { describe, expect, it } from 'vitest';
import { dreamStatuses, needPicks, type DreamStatus } from '../dream/index.js';
import { locales, resources } from '../i18n/index.js';
import { themeSlugs } from '../taxonomy/index.js';
import {
  ageBand,
  ageBandRange,
  ageBands,
  checkReferralChange,
  checkStatusChange,
  composeFamilyMessage,
  composeReminder,
  conversationKinds,
  dreamThemeKeywords,
  familyMessages,
  formatConversationTime,
  needPickThemes,
  nextReferralStatuses,
  nextStatuses,
  referralStatuses,
  themesForDream,
  whatsappLink,
} from './index.js';

const ok = { consent: true, referrals: 1 };

describe('ageBand', () => {
  it('puts every age from 0 to 18 in exactly one band', () => {
    expect([0, 3, 4, 7, 8, 11, 12, 15, 16, 18].map(ageBand)).toEqual(['0-3', '0-3', '4-7', '4-7', '8-11', '8-11', '12-15', '12-15', '16-18', '16-18']);
    for (let age = 0; age <= 18; age++) {
      const band = ageBand(age)!;
      expect(age).toBeGreaterThanOrEqual(ageBandRange(band).min);
      expect(age).toBeLessThanOrEqual(ageBandRange(band).max);
    }
  });

  it('has no band outside the programme’s ages', () => {
    expect(ageBand(-1)).toBeNull();
    expect(ageBand(19)).toBeNull();
    expect(ageBand(Number.NaN)).toBeNull();
    expect(ageBand(7.9)).toBe('4-7');
  });

  it('lists the bands in order', () => {
    expect(ageBands).toEqual(['0-3', '4-7', '8-11', '12-15', '16-18']);
  });
});

describe('checkStatusChange', () => {
  it('allows every forward move when consent and a referral are there', () => {
    dreamStatuses.forEach((from, i) => {
      for (const to of dreamStatuses.slice(i + 1)) expect(checkStatusChange(from, to, ok), `${from} → ${to}`).toBeNull();
    });
  });

  it('refuses staying on the same status', () => {
    for (const s of dreamStatuses) expect(checkStatusChange(s, s, ok)).toBe('workspace.error.flow.same');
  });

  it('allows one step back to correct a mistake, not more', () => {
    expect(checkStatusChange('contact', 'nieuw', ok)).toBeNull();
    expect(checkStatusChange('gekoppeld', 'gesprek-gevoerd', ok)).toBeNull();
    expect(checkStatusChange('gesprek-gevoerd', 'contact', ok)).toBe('workspace.error.flow.back');
    expect(checkStatusChange('nazorg', 'nieuw', ok)).toBe('workspace.error.flow.back');
  });

  it('closes a dream from any status, even without consent or referrals', () => {
    const none = { consent: false, referrals: 0 };
    for (const from of dreamStatuses.filter((s) => s !== 'afgerond')) expect(checkStatusChange(from, 'afgerond', none)).toBeNull();
  });

  it('leaves afgerond only by a step back to nazorg', () => {
    expect(checkStatusChange('afgerond', 'nazorg', ok)).toBeNull();
    for (const to of dreamStatuses.filter((s) => s !== 'nazorg' && s !== 'afgerond')) {
      expect(checkStatusChange('afgerond', to, ok)).toBe('workspace.error.flow.back');
    }
    expect(checkStatusChange('afgerond', 'nazorg', { consent: true, referrals: 0 })).toBe('workspace.error.flow.referral');
  });

  it('plans a conversation only after the parent’s consent is recorded', () => {
    const noConsent = { consent: false, referrals: 2 };
    expect(checkStatusChange('nieuw', 'contact', noConsent)).toBeNull();
    expect(checkStatusChange('contact', 'gesprek-gepland', noConsent)).toBe('workspace.error.flow.consent');
    expect(checkStatusChange('nieuw', 'gesprek-gevoerd', noConsent)).toBe('workspace.error.flow.consent');
    expect(checkStatusChange('contact', 'gekoppeld', noConsent)).toBe('workspace.error.flow.consent');
    expect(checkStatusChange('contact', 'gesprek-gepland', { consent: true, referrals: 0 })).toBeNull();
  });

  it('needs a referral for gekoppeld and nazorg', () => {
    const none = { consent: true, referrals: 0 };
    expect(checkStatusChange('gesprek-gevoerd', 'gekoppeld', none)).toBe('workspace.error.flow.referral');
    expect(checkStatusChange('gesprek-gevoerd', 'nazorg', none)).toBe('workspace.error.flow.referral');
    expect(checkStatusChange('gesprek-gepland', 'gesprek-gevoerd', none)).toBeNull();
  });

  it('names the back rule before the consent and referral rules', () => {
    expect(checkStatusChange('nazorg', 'contact', { consent: false, referrals: 0 })).toBe('workspace.error.flow.back');
  });
});

describe('nextStatuses', () => {
  it('lists the allowed targets in flow order', () => {
    expect(nextStatuses('nieuw', { consent: false, referrals: 0 })).toEqual(['contact', 'afgerond']);
    expect(nextStatuses('contact', { consent: true, referrals: 0 })).toEqual(['nieuw', 'gesprek-gepland', 'gesprek-gevoerd', 'afgerond']);
    expect(nextStatuses('gekoppeld', ok)).toEqual(['gesprek-gevoerd', 'nazorg', 'afgerond']);
    expect(nextStatuses('afgerond', ok)).toEqual(['nazorg']);
  });

  it('agrees with checkStatusChange everywhere', () => {
    const facts = [ok, { consent: false, referrals: 0 }, { consent: true, referrals: 0 }, { consent: false, referrals: 3 }];
    for (const f of facts) {
      for (const from of dreamStatuses) {
        const allowed = new Set<DreamStatus>(nextStatuses(from, f));
        for (const to of dreamStatuses) expect(allowed.has(to)).toBe(checkStatusChange(from, to, f) === null);
      }
    }
  });
});

describe('checkReferralChange', () => {
  const flow = 'workspace.error.referral.flow';

  it('follows voorgesteld → aangemeld → gestart → afgerond', () => {
    expect(checkReferralChange('voorgesteld', 'aangemeld')).toBeNull();
    expect(checkReferralChange('aangemeld', 'gestart')).toBeNull();
    expect(checkReferralChange('gestart', 'afgerond')).toBeNull();
    expect(checkReferralChange('voorgesteld', 'gestart')).toBeNull(); // heard late that the child started
  });

  it('stops only after signing up', () => {
    expect(checkReferralChange('aangemeld', 'gestopt')).toBeNull();
    expect(checkReferralChange('gestart', 'gestopt')).toBeNull();
    expect(checkReferralChange('voorgesteld', 'gestopt')).toBe(flow);
    expect(checkReferralChange('afgerond', 'gestopt')).toBe(flow);
  });

  it('allows one step back to correct a mistake', () => {
    expect(checkReferralChange('aangemeld', 'voorgesteld')).toBeNull();
    expect(checkReferralChange('afgerond', 'gestart')).toBeNull();
    expect(checkReferralChange('gestopt', 'gestart')).toBeNull();
    expect(checkReferralChange('gestopt', 'aangemeld')).toBeNull();
    expect(checkReferralChange('gestart', 'voorgesteld')).toBe(flow);
    expect(checkReferralChange('afgerond', 'aangemeld')).toBe(flow);
    expect(checkReferralChange('gestopt', 'voorgesteld')).toBe(flow);
    expect(checkReferralChange('gestopt', 'afgerond')).toBe(flow);
  });

  it('refuses staying on the same status', () => {
    for (const s of referralStatuses) expect(checkReferralChange(s, s)).toBe(flow);
  });

  it('lists the allowed targets in order', () => {
    expect(nextReferralStatuses('voorgesteld')).toEqual(['aangemeld', 'gestart', 'afgerond']);
    expect(nextReferralStatuses('gestart')).toEqual(['aangemeld', 'gestopt', 'afgerond']);
    expect(nextReferralStatuses('gestopt')).toEqual(['aangemeld', 'gestart']);
    expect(nextReferralStatuses('afgerond')).toEqual(['gestart']);
  });
});

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
    for (const job of ['politieagent', 'brandweerman', 'dokter', 'kapper', 'bakker', 'piloot', 'tandarts', 'timmerman', 'advocaat', 'verpleegkundige', 'kok', 'kapster', 'stewardess']) {
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
    for (const word of ['voetbal', 'voetballer', 'profvoetballer', 'zwemles', 'ik wil ijshockey spelen', 'ik wil op judo']) {
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
    for (const word of ['programmeur', 'gamer', 'youtuber', 'ik wil met computers werken']) expect(themesOf(word)[0], word).toBe('techniek-computers');
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
    expect(themesOf('Ik hou van tekenen en ik wil dierenarts worden')).toEqual(['beroepen-meelopen', 'natuur-buiten', 'kunst-creatief']);
    expect(
      themesForDream({ dream: 'Ik wil voetballer worden', need: 'Ik heb een fiets nodig en bijles', needPicks: ['natuur', 'sport'] }),
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
    for (const rule of dreamThemeKeywords) for (const theme of [...rule.themes, ...(rule.asNeed ?? [])]) expect(slugs.has(theme)).toBe(true);
    for (const themes of Object.values(needPickThemes)) for (const theme of themes) expect(slugs.has(theme)).toBe(true);
    for (const rule of dreamThemeKeywords) for (const word of rule.words) expect(word, 'keywords are lowercase without diacritics').toBe(word.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase());
  });
});

describe('family messages', () => {
  const offers = [
    { title: 'Voetbal bij de club', url: 'https://droomkaart.example/nl/activiteit/voetbal', howToJoin: 'aanmelden', cost: 'gratis', contactName: 'Jan' },
    { title: 'Zwemles', url: 'https://droomkaart.example/nl/activiteit/zwemles', howToJoin: 'Bel 036 123 4567', cost: '€ 5 per maand' },
  ];

  it('lists the offers with links, what happens next and the coordinator’s first name', () => {
    const text = composeFamilyMessage({ locale: 'nl', firstName: 'Sem', coordinatorName: 'Fatima el Amrani', offers });
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
    const text = composeFamilyMessage({ locale: 'pl', firstName: 'Ola', coordinatorName: 'Fatima', offers });
    expect(text.startsWith('Cześć Ola!')).toBe(true);
    expect(text).toContain(resources.pl['workspace.message.intro']);
    expect(text).toContain(resources.pl['workspace.message.join.aanmelden']);
    expect(text).toContain(resources.pl['cost.gratis']);
    expect(text).not.toContain(resources.nl['workspace.message.intro']);
  });

  it('says it is still looking when there is nothing to offer yet', () => {
    const text = composeFamilyMessage({ locale: 'nl', firstName: 'Sem', coordinatorName: 'Fatima', offers: [] });
    expect(text).toContain(resources.nl['workspace.message.noOffers']);
    expect(text).not.toContain(resources.nl['workspace.message.intro']);
  });

  it('never names the municipality or poverty, in any language', () => {
    for (const locale of locales) {
      const texts = [
        composeFamilyMessage({ locale, firstName: 'Sem', coordinatorName: 'Fatima', offers }),
        composeFamilyMessage({ locale, firstName: 'Sem', coordinatorName: 'Fatima', offers: [] }),
        composeReminder({ locale, firstName: 'Sem', at: new Date('2026-12-01T14:30:00Z'), kind: 'video', place: '', coordinatorName: 'Fatima' }),
      ];
      for (const text of texts) expect(text.toLowerCase()).not.toMatch(/armoede|gemeente|almere|municipality|poverty/);
    }
  });

  it('sends Dutch first, plus the family’s language when the site speaks it', () => {
    const base = { firstName: 'Sem', coordinatorName: 'Fatima', offers };
    expect(familyMessages({ ...base, preferredLanguage: 'ar' }).map((m) => m.locale)).toEqual(['nl', 'ar']);
    expect(familyMessages({ ...base, preferredLanguage: 'nl' }).map((m) => m.locale)).toEqual(['nl']);
    expect(familyMessages({ ...base, preferredLanguage: 'anders' }).map((m) => m.locale)).toEqual(['nl']);
    expect(familyMessages({ ...base }).map((m) => m.locale)).toEqual(['nl']);
    const [nl, ar] = familyMessages({ ...base, preferredLanguage: 'ar' });
    expect(nl.text).toBe(composeFamilyMessage({ ...base, locale: 'nl' }));
    expect(ar.text).toContain(resources.ar['workspace.message.intro']);
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
    const text = composeReminder({ locale: 'nl', firstName: 'Sem', at, kind: 'bibliotheek', place: 'Bibliotheek Nieuwland', coordinatorName: 'Fatima el Amrani' });
    expect(text.startsWith('Hoi Sem!')).toBe(true);
    expect(text).toContain('dinsdag 1 december om 15:30');
    expect(text).toContain('Waar: Bibliotheek Nieuwland');
    expect(text).not.toContain(resources.nl['workspace.reminder.video']);
    expect(text.endsWith('Tot morgen! Fatima')).toBe(true);
  });

  it('says a video call is a video call', () => {
    const text = composeReminder({ locale: 'nl', firstName: 'Sem', at, kind: 'video', place: 'Ik bel je via WhatsApp', coordinatorName: 'Fatima' });
    expect(text).toContain(resources.nl['workspace.reminder.video']);
    expect(text).toContain('Ik bel je via WhatsApp');
    expect(text).not.toContain('Waar:');
    const tr = composeReminder({ locale: 'tr', firstName: 'Ela', at, kind: 'video', place: '', coordinatorName: 'Fatima' });
    expect(tr).toContain(resources.tr['workspace.reminder.video']);
  });

  it('falls back to the kind of place when no place is given', () => {
    const text = composeReminder({ locale: 'en', firstName: 'Sem', at, kind: 'buurthuis', place: ' ', coordinatorName: 'Fatima' });
    expect(text).toContain(`Where: ${resources.en['workspace.conversationKind.buurthuis']}`);
  });
});

describe('whatsappLink', () => {
  it('opens a chat with the text filled in', () => {
    expect(whatsappLink('+31612345678', 'Hoi Sem! Zie https://x.nl/a?b=1&c=2')).toBe(
      'https://wa.me/31612345678?text=Hoi%20Sem!%20Zie%20https%3A%2F%2Fx.nl%2Fa%3Fb%3D1%26c%3D2',
    );
    expect(whatsappLink('+32 470 12 34 56', 'مرحبًا')).toBe(`https://wa.me/32470123456?text=${encodeURIComponent('مرحبًا')}`);
  });
});

describe('workspace i18n keys', () => {
  const required = [
    ...dreamStatuses.map((s) => `workspace.status.${s}`),
    ...referralStatuses.map((s) => `workspace.referralStatus.${s}`),
    ...conversationKinds.map((k) => `workspace.conversationKind.${k}`),
    ...['same', 'back', 'consent', 'referral'].map((r) => `workspace.error.flow.${r}`),
    ...['session', 'credentials', 'forbidden', 'notFound', 'invalid', 'tooManyAttempts', 'referral.duplicate', 'referral.flow'].map((k) => `workspace.error.${k}`),
  ];

  it('has a text for every status, kind and error key in every locale', () => {
    for (const locale of locales) for (const key of required) expect(resources[locale][key], `${locale}:${key}`).toBeTruthy();
  });

  it('has a text for every key the flow rules return', () => {
    const facts = [ok, { consent: false, referrals: 0 }, { consent: true, referrals: 0 }];
    const keys = new Set<string>();
    for (const f of facts) for (const from of dreamStatuses) for (const to of dreamStatuses) keys.add(checkStatusChange(from, to, f) ?? '');
    for (const from of referralStatuses) for (const to of referralStatuses) keys.add(checkReferralChange(from, to) ?? '');
    keys.delete('');
    expect(keys.size).toBe(5);
    for (const key of keys) expect(resources.nl[key], key).toBeTruthy();
  });
});
