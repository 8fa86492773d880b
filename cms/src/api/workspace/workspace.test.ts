import { describe, expect, it } from 'vitest';
import { capabilitiesFor, serviceTokenMatches, sessionAlive, SESSION_LIMITS } from './auth';
import { isOverdue, summary, today } from './dreams';
import { buildReport, furthestStage, protectReport, type ReportDream, type ReportReferral } from './reports';

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
      referrals: [{ dreamId: 2, referralStatus: 'gestart', startedAt: '2026-10-20T10:00:00.000Z' }],
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

  const day = (n: number) => new Date(Date.parse('2026-10-05T10:00:00.000Z') + n * 86_400_000).toISOString();
  /** Twelve dreams in October: contact after n days, some closed with an outcome, one old one without. */
  const many = (): { dreams: ReportDream[]; referrals: ReportReferral[] } => {
    const dreams: ReportDream[] = Array.from({ length: 12 }, (_, i) =>
      dream(i + 1, {
        wijk: i < 8 ? 'centrum' : 'centrum-haven',
        themes: ['sport-bewegen'],
        statusHistory: [
          { at: day(0), to: 'nieuw' },
          { at: day(i + 1), step: 'status', from: 'nieuw', to: 'contact' },
        ],
        dreamStatus: i < 10 ? 'afgerond' : 'contact',
        outcome: i < 7 ? 'geholpen' : i < 9 ? 'geen-plek' : null,
      }),
    );
    const referrals: ReportReferral[] = [
      ...Array.from({ length: 6 }, (_, i) => ({
        dreamId: i + 1,
        referralStatus: 'gestart' as const,
        startedAt: day(10 + i),
      })),
      { dreamId: 7, referralStatus: 'aangemeld', providerAnswer: 'vol' },
      { dreamId: 8, referralStatus: 'aangemeld' },
      { dreamId: 9, referralStatus: 'voorgesteld' },
    ];
    return { dreams, referrals };
  };

  it('measures the closed loop, the days to first contact and to start, and outcomes per stadsdeel and theme', () => {
    const raw = buildReport({ from: '2026-10', to: '2026-10', ...many(), activities: [] });
    // Eight referrals signed up (aangemeld or further), seven with an outcome (six started, one full).
    expect(raw.outcomes.closedLoop).toEqual({ referrals: 8, withOutcome: 7 });
    expect(raw.outcomes.daysToFirstContact).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12]);
    expect(raw.outcomes.daysToStart).toEqual([10, 11, 12, 13, 14, 15]);
    const stad = raw.outcomes.perStadsdeel.find((r) => r.stadsdeel === 'almere-stad');
    const haven = raw.outcomes.perStadsdeel.find((r) => r.stadsdeel === 'almere-haven');
    // Columns: geholpen, elders-verwezen, niet-bereikt, past-niet, geen-plek, geen-interesse, onbekend.
    expect(stad.counts).toEqual([7, 0, 0, 0, 1, 0, 0]);
    expect(haven.counts).toEqual([0, 0, 0, 0, 1, 0, 1]);
    expect(raw.outcomes.perTheme).toEqual([{ theme: 'sport-bewegen', counts: [7, 0, 0, 0, 2, 0, 1] }]);

    const shown = protectReport(raw);
    expect(shown.outcomes.closedLoop).toEqual({ referrals: 8, rate: 88 });
    expect(shown.outcomes.daysToFirstContact).toEqual({ dreams: 12, median: 6.5 });
    expect(shown.outcomes.daysToStart).toEqual({ dreams: 6, median: 12.5 });
    // Every small cell hidden, and a second one in each row and column that has one.
    const stadShown = shown.outcomes.perStadsdeel.find((r) => r.stadsdeel === 'almere-stad');
    expect(stadShown.counts['geen-plek']).toBe('klein');
    // Haven's 2 closed dreams are small: with all stadsdelen's 10 shown, Stad's 8 would give them away.
    expect(stadShown.closed).toBe('verborgen');
    for (const row of shown.outcomes.perStadsdeel) {
      const hidden = [row.closed, ...Object.values(row.counts)].filter((c) => typeof c === 'string');
      expect(hidden.length, row.stadsdeel).not.toBe(1);
    }
    expect(shown.outcomes.perStadsdeel.find((r) => r.stadsdeel === 'almere-haven')).toMatchObject({
      closed: 'klein',
      counts: { 'geen-plek': 'klein', onbekend: 'klein', geholpen: 0 },
    });
    // Stadsdelen without a closed dream are left out.
    expect(shown.outcomes.perStadsdeel.map((r) => r.stadsdeel)).toEqual(['almere-stad', 'almere-haven']);
    expect(shown.outcomes.allStadsdelen.closed).toBe(10);
    expect(shown.outcomes.perTheme[0]).toMatchObject({ closed: 10, counts: { geholpen: 7, onbekend: 'klein' } });
  });

  it('never sends a count from 1 to 4, and hides a second cell where a total gives it away', () => {
    const raw = buildReport({ from: '2026-10', to: '2026-10', ...many(), activities: [] });
    const shown = protectReport(raw);
    expect(shown.total).toBe(12);
    // Stadsdelen: Stad 8, Haven 4 (small); with the total 12 shown, 8 must go too.
    expect(shown.perStadsdeel.find((s) => s.stadsdeel === 'almere-haven').count).toBe('klein');
    expect(shown.perStadsdeel.find((s) => s.stadsdeel === 'almere-stad').count).toBe('verborgen');
    const numbers = JSON.stringify(shown).match(/":([1-4])[,}]/g) ?? [];
    expect(numbers, 'counts 1-4 in the answer').toEqual([]);
    // A small period: the figures over fewer than five say so.
    const few = protectReport(
      buildReport({ from: '2026-10', to: '2026-10', dreams: many().dreams.slice(0, 3), referrals: [], activities: [] }),
    );
    expect(few.total).toBe('klein');
    expect(few.outcomes.closedLoop.rate).toBe('te-weinig');
    expect(few.outcomes.daysToFirstContact).toEqual({ dreams: 'klein', median: 'te-weinig' });
    expect(few.funnel.nieuw).toBe('klein');
  });
});
