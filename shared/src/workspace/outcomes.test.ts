import { describe, expect, it } from 'vitest';
import { dreamStatuses } from '../dream/submission.js';
import { locales, resources } from '../i18n/i18n.js';
import {
  checkOutcome,
  dreamOutcomes,
  referralOutcome,
  referralStartedAt,
  referralWasSignedUp,
  reportedOutcome,
} from './outcomes.js';

describe('checkOutcome (closing a dream)', () => {
  it('refuses to close a dream without an outcome, and accepts each outcome', () => {
    expect(checkOutcome('afgerond', undefined)).toBe('workspace.error.outcome.required');
    expect(checkOutcome('afgerond', null)).toBe('workspace.error.outcome.required');
    expect(checkOutcome('afgerond', 'weet-niet')).toBe('workspace.error.outcome.required');
    for (const o of dreamOutcomes) expect(checkOutcome('afgerond', o)).toBeNull();
  });

  it('gives an open dream no outcome', () => {
    for (const s of dreamStatuses.filter((s) => s !== 'afgerond')) {
      expect(checkOutcome(s, null)).toBeNull();
      expect(checkOutcome(s, 'geholpen')).toBe('workspace.error.outcome.open');
    }
  });

  it('reports an old closed dream without an outcome as onbekend', () => {
    expect(reportedOutcome(null)).toBe('onbekend');
    expect(reportedOutcome(undefined)).toBe('onbekend');
    expect(reportedOutcome('iets-anders')).toBe('onbekend');
    expect(reportedOutcome('geen-plek')).toBe('geen-plek');
  });

  it('has a label and an error text in every locale', () => {
    for (const locale of locales) {
      const r = resources[locale];
      for (const o of [...dreamOutcomes, 'onbekend'])
        expect(r[`workspace.outcome.${o}`], `${locale} ${o}`).toBeTruthy();
      expect(r['workspace.error.outcome.required']).toBeTruthy();
    }
  });
});

describe('referralOutcome (the closed loop)', () => {
  it('knows nothing yet of a proposal or a sign-up without answers', () => {
    expect(referralOutcome({ referralStatus: 'voorgesteld' })).toBeNull();
    expect(referralOutcome({ referralStatus: 'aangemeld' })).toBeNull();
    expect(referralOutcome({ referralStatus: 'aangemeld', providerAnswer: 'welkom' })).toBeNull();
    expect(referralOutcome({ referralStatus: 'aangemeld', providerAnswer: 'wachtlijst' })).toBeNull();
    expect(referralOutcome({ referralStatus: 'aangemeld', familyAnswer: 'nog-niet' })).toBeNull();
    expect(referralOutcome({ referralStatus: 'aangemeld', familyAnswer: 'bel-me' })).toBeNull();
  });

  it("takes the coordinator's status first, then the provider, then the family", () => {
    expect(referralOutcome({ referralStatus: 'gestart' })).toBe('gestart');
    expect(referralOutcome({ referralStatus: 'gestopt', providerAnswer: 'gestart' })).toBe('gestopt');
    expect(referralOutcome({ referralStatus: 'afgerond' })).toBe('afgerond');
    expect(referralOutcome({ referralStatus: 'aangemeld', providerAnswer: 'vol' })).toBe('geen-plek');
    expect(referralOutcome({ referralStatus: 'aangemeld', providerAnswer: 'niet-bereikt' })).toBe('niet-bereikt');
    expect(referralOutcome({ referralStatus: 'aangemeld', providerAnswer: 'past-niet' })).toBe('past-niet');
    expect(referralOutcome({ referralStatus: 'aangemeld', familyAnswer: 'begonnen' })).toBe('gestart');
  });

  it('counts a referral in the loop from aangemeld on', () => {
    expect(referralWasSignedUp({ referralStatus: 'voorgesteld' })).toBe(false);
    for (const s of ['aangemeld', 'gestart', 'gestopt', 'afgerond'] as const)
      expect(referralWasSignedUp({ referralStatus: s })).toBe(true);
  });

  it('dates the start by the coordinator, else the provider, else the family', () => {
    expect(referralStartedAt({ referralStatus: 'aangemeld' })).toBeNull();
    expect(referralStartedAt({ referralStatus: 'gestart', startedAt: '2026-10-01T10:00:00Z' })).toBe(
      '2026-10-01T10:00:00Z',
    );
    expect(
      referralStartedAt({ referralStatus: 'aangemeld', providerAnswer: 'gestart', providerAnswerAt: '2026-10-02' }),
    ).toBe('2026-10-02');
    expect(
      referralStartedAt({ referralStatus: 'aangemeld', providerAnswer: 'welkom', providerAnswerAt: '2026-10-02' }),
    ).toBeNull();
    expect(
      referralStartedAt({ referralStatus: 'aangemeld', familyAnswer: 'begonnen', familyAnswerAt: '2026-10-03' }),
    ).toBe('2026-10-03');
  });
});
