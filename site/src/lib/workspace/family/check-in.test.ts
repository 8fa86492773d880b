import { describe, expect, it } from 'vitest';
import type { FamilyFollowUp } from '../api.ts';
import { checkInTexts } from './check-in.ts';

const followUp = (over: Partial<FamilyFollowUp> = {}): FamilyFollowUp => ({
  dream: {
    documentId: 'd1',
    firstName: 'Sem',
    age: 14,
    edition: 'jong',
    wijk: null,
    wijkName: null,
    stadsdeel: null,
    status: 'gekoppeld',
    assignedTo: null,
    receivedAt: '2026-11-01T10:00:00Z',
    followUpDate: null,
    overdue: false,
    channel: 'website',
    excerpt: '',
  },
  reason: 'hoe-gaat-het',
  link: { url: 'https://x.example/ar/gezin/TOKEN', token: 'l1.family.d1.abc.n.sig', expiresAt: '2027-01-01T00:00:00Z' },
  phone: '+31612345678',
  parentName: null,
  phoneOwner: 'kind',
  preferredLanguage: 'ar',
  ...over,
});

describe('checkInTexts', () => {
  it('asks "Hoe gaat het?" in Dutch and the family language, each with the link in its language', () => {
    const texts = checkInTexts(followUp(), 'Fatima de Boer', 'https://droomkaart.example/');
    expect(texts.map((m) => m.locale)).toEqual(['nl', 'ar']);
    expect(texts[0].text).toContain('Hoe gaat het? Ben je al begonnen?');
    expect(texts[0].text).toContain('https://droomkaart.example/nl/gezin/l1.family.d1.abc.n.sig');
    expect(texts[1].text).toContain('https://droomkaart.example/ar/gezin/l1.family.d1.abc.n.sig');
    expect(texts[0].text).toMatch(/Fatima$/);
  });

  it('speaks to the parent on the parent’s phone, and gives nothing without a link', () => {
    const [nl] = checkInTexts(followUp({ phoneOwner: 'ouder', parentName: 'Ayse' }), 'Fatima', 'https://x.example');
    expect(nl.text.startsWith('Hallo Ayse,')).toBe(true);
    expect(nl.text).toContain('Hoe gaat het met Sem?');
    expect(checkInTexts(followUp({ link: null }), 'Fatima', 'https://x.example')).toEqual([]);
  });
});
