import { describe, expect, it } from 'vitest';
import {
  composeProviderMessage,
  effectivePlacesStatus,
  providerAnswerOverdue,
  providerAnswers,
  readProviderAnswer,
  referralStatusForAnswer,
} from './provider-answers.js';
import { checkReferralChange } from '../status-flow.js';
import { referralStatuses } from '../vocabularies.js';

const now = new Date('2026-12-07T12:00:00Z');
const daysAgo = (n: number) => new Date(now.getTime() - n * 86_400_000).toISOString();

describe('effectivePlacesStatus', () => {
  it('keeps a status confirmed within 30 days', () => {
    expect(effectivePlacesStatus('vrij', daysAgo(1), now)).toBe('vrij');
    expect(effectivePlacesStatus('vol', daysAgo(30), now)).toBe('vol');
    expect(effectivePlacesStatus('wachtlijst', daysAgo(29.9), now)).toBe('wachtlijst');
  });
  it('is onbekend once the confirmation is more than 30 days old, or never given', () => {
    expect(effectivePlacesStatus('vrij', daysAgo(30.01), now)).toBe('onbekend');
    expect(effectivePlacesStatus('vol', null, now)).toBe('onbekend');
    expect(effectivePlacesStatus('vrij', 'not a date', now)).toBe('onbekend');
  });
  it('is onbekend for no status or one it does not know', () => {
    expect(effectivePlacesStatus(null, daysAgo(1), now)).toBe('onbekend');
    expect(effectivePlacesStatus('misschien', daysAgo(1), now)).toBe('onbekend');
  });
});

describe('referralStatusForAnswer', () => {
  it('moves to gestart and gestopt; the other answers are news only', () => {
    expect(referralStatusForAnswer('gestart', 'aangemeld')).toBe('gestart');
    expect(referralStatusForAnswer('gestopt', 'gestart')).toBe('gestopt');
    expect(referralStatusForAnswer('gestopt', 'aangemeld')).toBe('gestopt');
    for (const a of ['welkom', 'wachtlijst', 'vol', 'past-niet', 'niet-bereikt'] as const)
      expect(referralStatusForAnswer(a, 'aangemeld')).toBeNull();
  });
  it('never asks for a move the referral flow refuses', () => {
    for (const answer of providerAnswers)
      for (const current of referralStatuses) {
        const to = referralStatusForAnswer(answer, current);
        if (to) expect(checkReferralChange(current, to)).toBeNull();
      }
    expect(referralStatusForAnswer('gestart', 'gestart')).toBeNull();
    expect(referralStatusForAnswer('gestopt', 'afgerond')).toBeNull();
  });
});

describe('providerAnswerOverdue', () => {
  it('flags a provider told more than the days ago who did not answer', () => {
    expect(providerAnswerOverdue({ notifiedAt: daysAgo(8), answeredAt: null }, now, 7)).toBe(true);
    expect(providerAnswerOverdue({ notifiedAt: daysAgo(6), answeredAt: null }, now, 7)).toBe(false);
  });
  it('does not flag once answered after being told, nor when never told', () => {
    expect(providerAnswerOverdue({ notifiedAt: daysAgo(8), answeredAt: daysAgo(2) }, now, 7)).toBe(false);
    expect(providerAnswerOverdue({ notifiedAt: null, answeredAt: null }, now, 7)).toBe(false);
  });
  it('flags again when told anew after an earlier answer', () => {
    expect(providerAnswerOverdue({ notifiedAt: daysAgo(8), answeredAt: daysAgo(20) }, now, 7)).toBe(true);
  });
});

describe('readProviderAnswer', () => {
  it('takes welkom with a first date, and a note', () => {
    expect(readProviderAnswer({ answer: 'welkom', firstDate: '2026-12-14', note: ' Tot dan! ' })).toEqual({
      ok: true,
      value: { answer: 'welkom', firstDate: '2026-12-14', note: 'Tot dan!', places: null },
    });
  });
  it('needs a first date with welkom and a real day', () => {
    expect(readProviderAnswer({ answer: 'welkom' })).toEqual({
      ok: false,
      problem: { field: 'firstDate', key: 'provider.error.firstDateNeeded' },
    });
    expect(readProviderAnswer({ answer: 'welkom', firstDate: '2026-02-31' })).toMatchObject({
      ok: false,
      problem: { field: 'firstDate' },
    });
  });
  it('refuses an unknown answer, a long note and an unknown places status', () => {
    expect(readProviderAnswer({ answer: 'ja' })).toMatchObject({ ok: false, problem: { field: 'answer' } });
    expect(readProviderAnswer({ answer: 'vol', note: 'x'.repeat(501) })).toMatchObject({
      ok: false,
      problem: { field: 'note' },
    });
    expect(readProviderAnswer({ answer: 'vol', places: 'veel' })).toMatchObject({
      ok: false,
      problem: { field: 'places' },
    });
    expect(readProviderAnswer({ answer: ['vol'] })).toMatchObject({ ok: false, problem: { field: 'answer' } });
  });
  it('takes the places with an answer', () => {
    expect(readProviderAnswer({ answer: 'vol', places: 'wachtlijst', firstDate: '' })).toEqual({
      ok: true,
      value: { answer: 'vol', note: null, firstDate: null, places: 'wachtlijst' },
    });
  });
});

describe('composeProviderMessage', () => {
  it('tells the contact in Dutch who comes where, with the link and its end date, unescaped', () => {
    const m = composeProviderMessage({
      contactName: 'Fatima',
      childName: 'Noor & Sam',
      age: 9,
      activityTitle: 'Zwemles <Haven>',
      coordinatorName: 'Sanne',
      edition: 'kind',
      url: 'https://droomkaart.test/nl/aanmelding/abc',
      expiresAt: '2027-01-06T10:00:00Z',
    });
    expect(m.subject).toBe('Aanmelding voor Zwemles <Haven>');
    expect(m.text).toContain('Hallo Fatima,');
    expect(m.text).toContain('Noor & Sam (9 jaar)');
    expect(m.text).toContain('https://droomkaart.test/nl/aanmelding/abc');
    expect(m.text).toContain('6 januari 2027');
    expect(m.text).toContain('Sanne');
  });
});
