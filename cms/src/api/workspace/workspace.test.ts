import { describe, expect, it } from 'vitest';
import { capabilitiesFor, serviceTokenMatches, sessionAlive, SESSION_LIMITS } from './auth';
import { isOverdue, summary, today } from './dreams';
import { buildReport, furthestStage, type ReportDream } from './reports';

describe('workspace access', () => {
  it('gives coordinators the dreams, policy advisers and programme editors only the reports, partners nothing', () => {
    expect(capabilitiesFor(['coordinator'])).toEqual({ role: 'coordinator', can: { dreams: true, reports: true } });
    expect(capabilitiesFor(['strapi-super-admin'])?.can).toEqual({ dreams: true, reports: true });
    expect(capabilitiesFor(['policy-adviser'])).toEqual({
      role: 'policy-adviser',
      can: { dreams: false, reports: true },
    });
    expect(capabilitiesFor(['programme-editor'])?.can).toEqual({ dreams: false, reports: true });
    expect(capabilitiesFor(['partner-sportbedrijf-almere'])).toBeNull();
    expect(capabilitiesFor([])).toBeNull();
  });

  it('accepts only the exact service token', () => {
    const env = { WORKSPACE_TOKEN: 'a'.repeat(64) };
    expect(serviceTokenMatches(`Bearer ${'a'.repeat(64)}`, env)).toBe(true);
    expect(serviceTokenMatches(`Bearer ${'a'.repeat(63)}b`, env)).toBe(false);
    expect(serviceTokenMatches('a'.repeat(64), env)).toBe(false);
    expect(serviceTokenMatches(undefined, env)).toBe(false);
    expect(serviceTokenMatches('Bearer ', {})).toBe(false);
  });

  it('ends a session after 12 hours, or after 2 hours without use', () => {
    const start = Date.parse('2026-11-24T08:00:00Z');
    const session = { expiresAt: new Date(start + SESSION_LIMITS.absoluteMs), lastSeenAt: new Date(start) };
    expect(sessionAlive(session, start + 60_000)).toBe(true);
    expect(sessionAlive(session, start + SESSION_LIMITS.idleMs + 1)).toBe(false);
    expect(sessionAlive({ ...session, lastSeenAt: new Date(start + 11.5 * 3600_000) }, start + 11.9 * 3600_000)).toBe(
      true,
    );
    expect(sessionAlive({ ...session, lastSeenAt: new Date(start + 11.9 * 3600_000) }, start + 12 * 3600_000 + 1)).toBe(
      false,
    );
  });
});

describe('dreams in the inbox', () => {
  const now = Date.parse('2026-11-24T10:00:00Z');
  it('marks a dream overdue when it is still new after five days', () => {
    expect(isOverdue({ dreamStatus: 'nieuw', receivedAt: '2026-11-18T09:00:00Z' }, now)).toBe(true);
    expect(isOverdue({ dreamStatus: 'nieuw', receivedAt: '2026-11-20T09:00:00Z' }, now)).toBe(false);
    expect(isOverdue({ dreamStatus: 'contact', receivedAt: '2026-10-01T09:00:00Z' }, now)).toBe(false);
  });

  it('names today by the Amsterdam calendar', () => {
    expect(today(new Date('2026-11-24T23:30:00Z'))).toBe('2026-11-25');
    expect(today(new Date('2026-11-24T12:00:00Z'))).toBe('2026-11-24');
  });

  it('summarises with wijk name and stadsdeel and a short excerpt', () => {
    const s = summary(
      {
        documentId: 'abc',
        firstName: 'Noor',
        age: 9,
        edition: 'kind',
        wijk: 'centrum',
        dreamStatus: 'nieuw',
        receivedAt: '2026-11-23T10:00:00Z',
        channel: 'website',
        dream: 'x'.repeat(120),
      },
      now,
    );
    expect(s.wijkName).toBeTruthy();
    expect(s.stadsdeel).toBeTruthy();
    expect(s.excerpt.length).toBe(80);
    expect(s.overdue).toBe(false);
  });
});

describe('reports', () => {
  const dream = (id: number, over: Partial<ReportDream>): ReportDream => ({
    id,
    receivedAt: '2026-10-05T10:00:00.000Z',
    edition: 'kind',
    age: 9,
    wijk: 'centrum',
    dreamStatus: 'nieuw',
    statusHistory: null,
    themes: ['sport-bewegen'],
    incomeSource: null,
    earlierHelp: null,
    ...over,
  });

  it('counts the furthest stage, not the early close', () => {
    expect(
      furthestStage({
        dreamStatus: 'afgerond',
        statusHistory: [{ to: 'nieuw' }, { to: 'gekoppeld' }, { to: 'afgerond' }],
      }),
    ).toBe(4);
    expect(furthestStage({ dreamStatus: 'afgerond', statusHistory: [{ to: 'nieuw' }, { to: 'afgerond' }] })).toBe(0);
  });

  it('builds months, funnel, gaps and reach from counts only', () => {
    const report = buildReport({
      from: '2026-09',
      to: '2026-11',
      dreams: [
        dream(1, {}),
        dream(2, {
          dreamStatus: 'gekoppeld',
          statusHistory: [{ to: 'nieuw' }, { to: 'gesprek-gepland' }, { to: 'gesprek-gevoerd' }, { to: 'gekoppeld' }],
          incomeSource: 'bijstand',
          earlierHelp: false,
        }),
        dream(3, {
          dreamStatus: 'gesprek-gevoerd',
          themes: ['beroepen-meelopen', 'natuur-buiten'],
          age: 13,
          edition: 'jong',
          receivedAt: '2026-11-01T10:00:00.000Z',
          incomeSource: 'werk',
          earlierHelp: true,
        }),
        dream(4, { receivedAt: '2025-01-01T10:00:00.000Z' }),
      ],
      referrals: [{ dreamId: 2, startedAt: '2026-10-20T10:00:00.000Z' }],
      activities: [
        { themes: ['beroepen-meelopen'], ageMin: 12, ageMax: 18, stadsdelen: ['almere-stad'] },
        { themes: ['natuur-buiten'], ageMin: 0, ageMax: 6, stadsdelen: ['almere-stad'] },
      ],
    });
    expect(report.total).toBe(3);
    expect(report.perMonth).toEqual([
      { month: '2026-09', count: 0 },
      { month: '2026-10', count: 2 },
      { month: '2026-11', count: 1 },
    ]);
    expect(report.perEdition).toEqual([
      { edition: 'kind', count: 2 },
      { edition: 'jong', count: 1 },
    ]);
    expect(report.funnel).toEqual({ nieuw: 3, gesprek: 2, gekoppeld: 1, gestart: 1 });
    // Dream 3 had its conversation and no referral: both its themes are gaps; dream 1 is too new to count.
    expect(report.gaps.map((g) => [g.theme, g.ageBand, g.unmatched, g.activities])).toEqual(
      [
        ['beroepen-meelopen', '12-15', 1, 1],
        ['natuur-buiten', '12-15', 1, 0],
      ].sort((a, b) => (a[3] as number) - (b[3] as number)),
    );
    expect(report.reach.incomeSource).toMatchObject({ bijstand: 1, werk: 1, 'niet-verteld': 1 });
    expect(report.reach.earlierHelp).toEqual({ ja: 1, nee: 1, 'niet-verteld': 1 });
    expect(JSON.stringify(report)).not.toMatch(/centrum"|firstName|phone/);
  });
});
