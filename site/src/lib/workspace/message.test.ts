import { describe, expect, it } from 'vitest';
import type { Referral } from './api.ts';
import type { MatchHit } from './search.ts';
import { familyActivity, toTell } from './message.ts';

const referral = (over: Partial<Referral> = {}): Referral => ({
  documentId: 'r1',
  status: 'voorgesteld',
  activity: {
    documentId: 'a1',
    slug: 'zwemles',
    title: 'Zwemles (nl)',
    organisation: { slug: 'zwemclub', name: 'Zwemclub' },
    ageMin: 4,
    ageMax: 12,
  },
  contact: {
    id: 3,
    name: 'Marieke de Vries',
    role: 'Trainer',
    phone: null,
    email: null,
    note: null,
    organisation: { slug: 'zwemclub', name: 'Zwemclub' },
  },
  note: null,
  proposedAt: null,
  signedUpAt: null,
  startedAt: null,
  stoppedAt: null,
  completedAt: null,
  checkedAt: null,
  ...over,
});
const hit: MatchHit = {
  documentId: 'a1',
  slug: 'swimming-lessons',
  title: 'Swimming lessons',
  summary: '',
  organisation: 'zwemclub',
  organisationName: 'Zwemclub',
  costType: 'betaald',
  price: 12.5,
  howToJoin: 'aanmelden',
  fallback: false,
  ageMin: 4,
  ageMax: 12,
  themes: [],
  distance: null,
};

describe('what the family is told', () => {
  it('only about activities that did not stop or end', () => {
    const list = [
      referral(),
      referral({ documentId: 'r2', status: 'gestart' }),
      referral({ documentId: 'r3', status: 'gestopt' }),
      referral({ documentId: 'r4', status: 'afgerond' }),
    ];
    expect(toTell(list).map((r) => r.documentId)).toEqual(['r1', 'r2']);
  });

  it("uses the activity's text in the family's language, with a link on the public site", () => {
    const activity = familyActivity(referral(), hit, 'en', 'https://droomkaart.nl/');
    expect(activity).toMatchObject({
      title: 'Swimming lessons',
      url: 'https://droomkaart.nl/en/activiteiten/swimming-lessons',
      shortUrl: 'droomkaart.nl/en/activiteiten/swimming-lessons',
      howToJoin: 'aanmelden',
      contactName: 'Marieke de Vries',
      joinKey: 'workspace.message.join.aanmelden',
    });
    expect(activity.costText).toContain('12.50'.replace('.', ','));
  });

  it("falls back on the shortlist's own title and link when the index has no answer", () => {
    const activity = familyActivity(referral({ contact: null }), undefined, 'nl', 'http://127.0.0.1:4321');
    expect(activity).toMatchObject({
      title: 'Zwemles (nl)',
      url: 'http://127.0.0.1:4321/nl/activiteiten/zwemles',
      costText: null,
      joinKey: null,
    });
    expect(activity.howToJoin).toBeUndefined();
    expect(activity.contactName).toBeUndefined();
  });

  it('says the organisation was told only when the provider was notified', () => {
    expect(familyActivity(referral(), hit, 'nl', 'https://x.nl').told).toBe(false);
    const told = familyActivity(
      referral({
        provider: {
          notifiedAt: '2026-12-01T10:00:00Z',
          answer: null,
          answeredAt: null,
          note: null,
          firstDate: null,
          overdue: false,
          linkExpiresAt: '2026-12-31T10:00:00Z',
          linkUrl: null,
        },
      }),
      hit,
      'nl',
      'https://x.nl',
    );
    expect(told).toMatchObject({ told: true, organisation: 'Zwemclub' });
  });

  it('gives the "Waarom dit?" facts: theme, age and distance from the family\'s wijk', () => {
    const near = { ...hit, themes: ['sport'], costType: 'gratis', _geo: { lat: 52.3508, lng: 5.2647 } } as MatchHit;
    const activity = familyActivity(referral(), near, 'nl', 'https://x.nl', {
      themes: ['sport'],
      age: 8,
      from: { lat: 52.3508, lng: 5.2647 },
    });
    expect(activity.why).toEqual([
      { kind: 'theme' },
      { kind: 'age' },
      { kind: 'distance', text: '0,0 km' },
      { kind: 'free' },
    ]);
    expect(familyActivity(referral(), near, 'nl', 'https://x.nl').why).toEqual([]);
  });
});
