import { describe, expect, it } from 'vitest';
import { confirmedToday, reconfirmLinkDays, reconfirmText, reconfirmUrl } from './reconfirm';

describe('the organisation\'s "Alles klopt nog" link', () => {
  it("leads to the site's page in Dutch and works RECONFIRM_LINK_DAYS (60) days", () => {
    expect(reconfirmUrl('l1.organisation.a.b.c.d', { SITE_PUBLIC_URL: 'https://droomkaart.example/' })).toBe(
      'https://droomkaart.example/nl/bijwerken/l1.organisation.a.b.c.d',
    );
    expect(reconfirmLinkDays({})).toBe(60);
    expect(reconfirmLinkDays({ RECONFIRM_LINK_DAYS: '90' })).toBe(90);
  });

  it('gives a WhatsApp-ready text with both choices and the link', () => {
    const text = reconfirmText('Scouting Waterland', 'https://x/nl/bijwerken/t');
    expect(text).toContain('Scouting Waterland');
    expect(text).toContain('"Alles klopt nog"');
    expect(text).toContain('"Aanpassen"');
    expect(text.split('\n').at(-1)).toBe('https://x/nl/bijwerken/t');
    expect(text).not.toMatch(/armoede|gemeente/i);
  });

  it("knows when every offer was confirmed today, in the city's time zone", () => {
    const now = new Date('2026-12-07T23:30:00Z'); // 00:30 on 8 December in Almere
    expect(confirmedToday([{ lastReviewedAt: '2026-12-07T23:10:00Z' }], now)).toBe(true);
    expect(confirmedToday([{ lastReviewedAt: '2026-12-07T22:50:00Z' }], now)).toBe(false);
    expect(confirmedToday([{ lastReviewedAt: '2026-12-07T23:10:00Z' }, { lastReviewedAt: null }], now)).toBe(false);
    expect(confirmedToday([], now)).toBe(false);
  });
});
