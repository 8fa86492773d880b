import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { providerDays, providerOut, providerView } from './provider';
import { readLink } from '../../security/signed-links';

const SECRET = 'k3Q9vX2mR7tY5wZ8pL4nB6cD1fG0hJ3s';
const now = new Date('2026-12-07T12:00:00Z');
const days = (n: number) => new Date(now.getTime() + n * 86_400_000).toISOString();

const dream = {
  id: 7,
  firstName: 'Noor',
  age: 9,
  edition: 'kind',
  phone: '+31612345678',
  parentName: 'Fatima',
  email: 'ouder@example.org',
  dream: 'Ik wil zwemmen',
  need: 'zwemles',
  wijk: 'haven-centrum',
  notes: 'geheim',
  incomeSource: 'bijstand',
  phoneShareConsentAt: null as string | null,
};
const referral = {
  documentId: 'ref1',
  activityTitle: 'Zwemles',
  organisationName: 'Zwemclub',
  note: 'interne notitie',
  providerAnswer: null,
  providerLinkExpiresAt: days(30),
};

describe('providerView (what the provider sees)', () => {
  const who = { coordinatorName: 'Sanne', teamEmail: 'team@example.org', places: 'onbekend' as const };
  it('shows only the first name, age, activity, coordinator and team: no phone without consent', () => {
    const view = providerView(referral, dream, who);
    expect(view).toEqual({
      child: { firstName: 'Noor', age: 9 },
      edition: 'kind',
      activity: { title: 'Zwemles', organisation: 'Zwemclub' },
      parentPhone: null,
      coordinator: { firstName: 'Sanne' },
      team: { email: 'team@example.org' },
      answer: null,
      places: 'onbekend',
      expiresAt: days(30),
    });
    const text = JSON.stringify(view);
    for (const secret of ['Fatima', 'ouder@example.org', 'zwemmen', 'bijstand', 'geheim', 'interne', '+3161'])
      expect(text).not.toContain(secret);
  });
  it("shows the parent's phone once the parent agreed", () => {
    expect(providerView(referral, { ...dream, phoneShareConsentAt: days(-1) }, who).parentPhone).toBe('+31612345678');
  });
});

describe('providerOut (the referral as the coordinator sees it)', () => {
  const env = { LINK_SECRET: SECRET, SITE_PUBLIC_URL: 'https://droomkaart.test/' };
  let before: string | undefined;
  beforeEach(() => {
    before = process.env.LINK_SECRET;
    process.env.LINK_SECRET = SECRET;
  });
  afterEach(() => {
    if (before === undefined) delete process.env.LINK_SECRET;
    else process.env.LINK_SECRET = before;
  });
  it('is null before the provider was told', () => {
    expect(providerOut({ referralStatus: 'voorgesteld' }, now, env)).toBeNull();
  });
  it('gives the live link again, valid for this referral', () => {
    const out = providerOut(
      {
        documentId: 'ref1',
        referralStatus: 'aangemeld',
        providerNotifiedAt: days(-1),
        providerLinkNonce: 'abcdefghijklmnop',
        providerLinkExpiresAt: days(29),
      },
      now,
      env,
    );
    expect(out?.linkUrl).toMatch(/^https:\/\/droomkaart\.test\/nl\/aanmelding\/l1\.provider\.ref1\./);
    const token = decodeURIComponent(out.linkUrl.split('/').at(-1));
    expect(readLink(SECRET, token, 'provider', now)).toMatchObject({
      ok: true,
      subject: 'ref1',
      nonce: 'abcdefghijklmnop',
    });
    expect(out?.overdue).toBe(false);
  });
  it('flags an unanswered provider after the answer days, not once answered or started', () => {
    const told = { documentId: 'ref1', referralStatus: 'aangemeld', providerNotifiedAt: days(-8) };
    expect(providerOut(told, now, env)?.overdue).toBe(true);
    expect(providerOut({ ...told, providerAnswer: 'vol', providerAnswerAt: days(-1) }, now, env)?.overdue).toBe(false);
    expect(providerOut({ ...told, referralStatus: 'gestart' }, now, env)?.overdue).toBe(false);
    expect(providerOut(told, now, { ...env, PROVIDER_ANSWER_DAYS: '10' })?.overdue).toBe(false);
  });
  it('has no link once revoked or expired', () => {
    const base = { documentId: 'ref1', referralStatus: 'aangemeld', providerNotifiedAt: days(-40) };
    expect(
      providerOut({ ...base, providerLinkNonce: null, providerLinkExpiresAt: null }, now, env)?.linkUrl,
    ).toBeNull();
    expect(
      providerOut({ ...base, providerLinkNonce: 'abcdefghijklmnop', providerLinkExpiresAt: days(-10) }, now, env)
        ?.linkUrl,
    ).toBeNull();
  });
});

describe('providerDays', () => {
  it('reads the env with 30 and 7 as defaults', () => {
    expect(providerDays({})).toEqual({ linkDays: 30, answerDays: 7 });
    expect(providerDays({ PROVIDER_LINK_DAYS: '14', PROVIDER_ANSWER_DAYS: '3' })).toEqual({
      linkDays: 14,
      answerDays: 3,
    });
  });
});
