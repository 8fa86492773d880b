import { describe, expect, it } from 'vitest';
import { familyFollowUpDue, isFamilyAnswer, phoneOwnerOf } from './family-link.js';

describe('family link rules', () => {
  const now = new Date('2026-12-20T12:00:00Z');
  const link = { issuedAt: '2026-12-01T12:00:00Z', expiresAt: '2027-01-30T12:00:00Z' };

  it('asks "Hoe gaat het?" two weeks after the link was sent without a start', () => {
    expect(familyFollowUpDue(link, [{ status: 'voorgesteld' }], now)).toBe(true);
    expect(familyFollowUpDue(link, [{ status: 'aangemeld', familyAnswer: 'nog-niet' }], now)).toBe(true);
  });

  it('does not ask before two weeks, without a link, after it expired or once a child started', () => {
    expect(familyFollowUpDue({ ...link, issuedAt: '2026-12-10T12:00:00Z' }, [{ status: 'voorgesteld' }], now)).toBe(
      false,
    );
    expect(familyFollowUpDue({ issuedAt: null, expiresAt: null }, [{ status: 'voorgesteld' }], now)).toBe(false);
    expect(familyFollowUpDue({ ...link, expiresAt: '2026-12-19T12:00:00Z' }, [{ status: 'voorgesteld' }], now)).toBe(
      false,
    );
    expect(
      familyFollowUpDue(link, [{ status: 'voorgesteld' }, { status: 'aangemeld', familyAnswer: 'begonnen' }], now),
    ).toBe(false);
    expect(familyFollowUpDue(link, [{ status: 'gestart' }], now)).toBe(false);
    expect(familyFollowUpDue(link, [{ status: 'gestopt' }], now)).toBe(false);
  });

  it('knows the answers and whose phone it is', () => {
    expect(isFamilyAnswer('begonnen')).toBe(true);
    expect(isFamilyAnswer('gestart')).toBe(false);
    expect(phoneOwnerOf('kind')).toBe('kind');
    expect(phoneOwnerOf(null)).toBe('ouder');
    expect(phoneOwnerOf('iets')).toBe('ouder');
  });
});
