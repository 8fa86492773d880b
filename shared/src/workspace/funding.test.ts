import { describe, expect, it } from 'vitest';
import { FundingSchemesSchema, fundingSchemes, nextSeason, renewalOpen, seasonOf } from '../city/funding.js';
import { locales, resources } from '../i18n/i18n.js';
import { applyFunding, fundingStatuses, renewalsNeeded, seasonsToChoose, type FundingStep } from './funding.js';

const JF = 'jeugdfonds-sport-cultuur';

describe('funding schemes (data)', () => {
  it('loads the schemes with their season and yearly limits', () => {
    const jf = fundingSchemes.find((s) => s.slug === JF)!;
    expect(jf).toMatchObject({ name: 'Jeugdfonds Sport & Cultuur', appliedBy: 'intermediair', seasonStart: '08-01' });
    expect(jf.limits.map((l) => l.kind)).toEqual(['sport', 'cultuur', 'spullen']);
  });

  it('refuses a broken file: a day that is not one, a duplicate slug, no limits', () => {
    const good = fundingSchemes[0];
    expect(FundingSchemesSchema.safeParse({ schemes: [{ ...good, seasonStart: '13-01' }] }).success).toBe(false);
    expect(FundingSchemesSchema.safeParse({ schemes: [{ ...good, renewalFrom: '02-30' }] }).success).toBe(false);
    expect(FundingSchemesSchema.safeParse({ schemes: [good, good] }).success).toBe(false);
    expect(FundingSchemesSchema.safeParse({ schemes: [{ ...good, limits: [] }] }).success).toBe(false);
  });
});

describe('seasonOf', () => {
  it('runs from 1 August to 31 July', () => {
    expect(seasonOf('2026-08-01')).toBe('2026-2027');
    expect(seasonOf('2027-07-31')).toBe('2026-2027');
    expect(seasonOf('2026-07-31')).toBe('2025-2026');
    expect(seasonOf('2027-01-15')).toBe('2026-2027');
  });

  it('reads a moment in Amsterdam (late on 31 July in UTC is 1 August there)', () => {
    expect(seasonOf(new Date('2026-07-31T22:30:00Z'))).toBe('2026-2027');
    expect(seasonOf(new Date('2026-07-31T21:30:00Z'))).toBe('2025-2026');
  });

  it('follows another start day, and names the next season', () => {
    expect(seasonOf('2026-12-31', '01-01')).toBe('2026-2027');
    expect(nextSeason('2026-2027')).toBe('2027-2028');
    expect(nextSeason('2026-2028')).toBeNull();
    expect(nextSeason('nonsense')).toBeNull();
  });

  it('opens the renewal window from 1 June until the season ends', () => {
    const s = { seasonStart: '08-01', renewalFrom: '06-01' };
    expect(renewalOpen('2027-05-31', s)).toBe(false);
    expect(renewalOpen('2027-06-01', s)).toBe(true);
    expect(renewalOpen('2027-07-31', s)).toBe(true);
    expect(renewalOpen('2027-08-01', s)).toBe(false);
    expect(renewalOpen('2026-11-01', s)).toBe(false);
  });
});

describe('applyFunding', () => {
  const at = new Date('2026-10-10T10:00:00Z');
  it('adds a step for the season of today, and replaces it when the status changes', () => {
    const first = applyFunding([], { scheme: JF, appliedBy: 'Wijkteam Haven', status: 'aangevraagd' }, 'c@x.test', at);
    expect(first.ok && first.step).toMatchObject({ season: '2026-2027', status: 'aangevraagd', by: 'c@x.test' });
    expect(first.ok && first.previous).toBeNull();
    if (!first.ok) return;
    const second = applyFunding(
      first.steps,
      { scheme: JF, appliedBy: 'Wijkteam Haven', status: 'toegekend' },
      'c@x.test',
      at,
    );
    expect(second.ok && second.steps).toHaveLength(1);
    expect(second.ok && second.previous?.status).toBe('aangevraagd');
    expect(second.ok && second.steps[0].status).toBe('toegekend');
  });

  it('refuses with a friendly key and the field', () => {
    expect(applyFunding([], { scheme: 'nope', appliedBy: 'Ik', status: 'aangevraagd' }, 'c', at)).toEqual({
      ok: false,
      key: 'workspace.error.funding.scheme',
      field: 'scheme',
    });
    expect(applyFunding([], { scheme: JF, appliedBy: ' ', status: 'aangevraagd' }, 'c', at)).toMatchObject({
      field: 'appliedBy',
      key: 'workspace.error.funding.appliedBy',
    });
    expect(applyFunding([], { scheme: JF, appliedBy: 'Wijkteam', status: 'klaar' }, 'c', at)).toMatchObject({
      field: 'status',
      key: 'workspace.error.funding.status',
    });
    // Next season only in the renewal window.
    expect(
      applyFunding([], { scheme: JF, appliedBy: 'Wijkteam', status: 'aangevraagd', season: '2027-2028' }, 'c', at),
    ).toMatchObject({ field: 'season', key: 'workspace.error.funding.season' });
    const june = new Date('2027-06-10T10:00:00Z');
    expect(seasonsToChoose(JF, june)).toEqual(['2026-2027', '2027-2028']);
    expect(seasonsToChoose(JF, at)).toEqual(['2026-2027']);
    expect(seasonsToChoose(JF, at, { renewalFrom: '08-01' })).toEqual(['2026-2027', '2027-2028']);
    expect(
      applyFunding([], { scheme: JF, appliedBy: 'Wijkteam', status: 'aangevraagd', season: '2027-2028' }, 'c', june).ok,
    ).toBe(true);
  });

  it('has labels and error texts in every locale', () => {
    for (const locale of locales) {
      const r = resources[locale];
      for (const s of fundingStatuses) expect(r[`workspace.fundingStatus.${s}`], `${locale} ${s}`).toBeTruthy();
      for (const f of ['scheme', 'appliedBy', 'status', 'season'])
        expect(r[`workspace.error.funding.${f}`], `${locale} ${f}`).toBeTruthy();
    }
  });
});

describe('renewalsNeeded', () => {
  const step = (season: string, status: FundingStep['status']): FundingStep => ({
    scheme: JF,
    appliedBy: 'Wijkteam',
    status,
    season,
    at: '2026-09-01T10:00:00Z',
    by: 'c@x.test',
  });
  const june = '2027-06-15';

  it('lists a started, funded child from 1 June without an application for next season', () => {
    const r = { referralStatus: 'gestart', funding: [step('2026-2027', 'betaald')] };
    expect(renewalsNeeded(r, june)).toEqual([{ scheme: JF, season: '2027-2028' }]);
    expect(renewalsNeeded({ ...r, funding: [step('2026-2027', 'toegekend')] }, june)).toHaveLength(1);
  });

  it('not before the window, not once applied, not when not funded or not started', () => {
    const r = { referralStatus: 'gestart', funding: [step('2026-2027', 'betaald')] };
    expect(renewalsNeeded(r, '2027-05-31')).toEqual([]);
    expect(renewalsNeeded({ ...r, funding: [...r.funding, step('2027-2028', 'aangevraagd')] }, june)).toEqual([]);
    expect(renewalsNeeded({ ...r, funding: [step('2026-2027', 'afgewezen')] }, june)).toEqual([]);
    expect(renewalsNeeded({ ...r, funding: [step('2026-2027', 'aangevraagd')] }, june)).toEqual([]);
    expect(renewalsNeeded({ ...r, referralStatus: 'gestopt' }, june)).toEqual([]);
    expect(renewalsNeeded({ referralStatus: 'gestart', funding: null }, june)).toEqual([]);
  });

  it('opens the window on another day when the programme says so', () => {
    const r = { referralStatus: 'gestart', funding: [step('2026-2027', 'betaald')] };
    expect(renewalsNeeded(r, '2026-12-07')).toEqual([]);
    expect(renewalsNeeded(r, '2026-12-07', { renewalFrom: '12-08' })).toEqual([]);
    expect(renewalsNeeded(r, '2026-12-07', { renewalFrom: '08-02' })).toEqual([{ scheme: JF, season: '2027-2028' }]);
  });
});
