import { describe, expect, it } from 'vitest';
import { dreamStatuses, type DreamStatus } from '../dream/submission.js';
import { locales, resources } from '../i18n/i18n.js';
import { conversationKinds, referralStatuses } from './vocabularies.js';
import { checkReferralChange, checkStatusChange, nextReferralStatuses, nextStatuses } from './status-flow.js';

const ok = { consent: true, referrals: 1 };

describe('checkStatusChange', () => {
  it('allows every forward move when consent and a referral are there', () => {
    dreamStatuses.forEach((from, i) => {
      for (const to of dreamStatuses.slice(i + 1))
        expect(checkStatusChange(from, to, ok), `${from} → ${to}`).toBeNull();
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
    for (const from of dreamStatuses.filter((s) => s !== 'afgerond'))
      expect(checkStatusChange(from, 'afgerond', none)).toBeNull();
  });

  it('leaves afgerond only by a step back to nazorg', () => {
    expect(checkStatusChange('afgerond', 'nazorg', ok)).toBeNull();
    for (const to of dreamStatuses.filter((s) => s !== 'nazorg' && s !== 'afgerond')) {
      expect(checkStatusChange('afgerond', to, ok)).toBe('workspace.error.flow.back');
    }
    expect(checkStatusChange('afgerond', 'nazorg', { consent: true, referrals: 0 })).toBe(
      'workspace.error.flow.referral',
    );
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
    expect(nextStatuses('contact', { consent: true, referrals: 0 })).toEqual([
      'nieuw',
      'gesprek-gepland',
      'gesprek-gevoerd',
      'afgerond',
    ]);
    expect(nextStatuses('gekoppeld', ok)).toEqual(['gesprek-gevoerd', 'nazorg', 'afgerond']);
    expect(nextStatuses('afgerond', ok)).toEqual(['nazorg']);
  });

  it('agrees with checkStatusChange everywhere', () => {
    const facts = [
      ok,
      { consent: false, referrals: 0 },
      { consent: true, referrals: 0 },
      { consent: false, referrals: 3 },
    ];
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

describe('workspace i18n keys', () => {
  const required = [
    ...dreamStatuses.map((s) => `workspace.status.${s}`),
    ...referralStatuses.map((s) => `workspace.referralStatus.${s}`),
    ...conversationKinds.map((k) => `workspace.conversationKind.${k}`),
    ...['same', 'back', 'consent', 'referral'].map((r) => `workspace.error.flow.${r}`),
    ...[
      'session',
      'credentials',
      'forbidden',
      'notFound',
      'invalid',
      'tooManyAttempts',
      'referral.duplicate',
      'referral.flow',
    ].map((k) => `workspace.error.${k}`),
  ];

  it('has a text for every status, kind and error key in every locale', () => {
    for (const locale of locales)
      for (const key of required) expect(resources[locale][key], `${locale}:${key}`).toBeTruthy();
  });

  it('has a text for every key the flow rules return', () => {
    const facts = [ok, { consent: false, referrals: 0 }, { consent: true, referrals: 0 }];
    const keys = new Set<string>();
    for (const f of facts)
      for (const from of dreamStatuses) for (const to of dreamStatuses) keys.add(checkStatusChange(from, to, f) ?? '');
    for (const from of referralStatuses)
      for (const to of referralStatuses) keys.add(checkReferralChange(from, to) ?? '');
    keys.delete('');
    expect(keys.size).toBe(5);
    for (const key of keys) expect(resources.nl[key], key).toBeTruthy();
  });
});
