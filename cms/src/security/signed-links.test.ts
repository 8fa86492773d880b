import { describe, expect, it } from 'vitest';
import { issueLink, linkMatches, readLink } from './signed-links';

const secret = 'a-test-secret-of-enough-length-0123456789';
const now = new Date('2026-12-07T12:00:00Z');

describe('signed links', () => {
  it('reads back its own link with subject, nonce and expiry', () => {
    const link = issueLink(secret, 'provider', 'abc123', { days: 30, now });
    const check = readLink(secret, link.token, 'provider', now);
    expect(check).toEqual({ ok: true, subject: 'abc123', nonce: link.nonce, expiresAt: link.expiresAt });
    expect(link.expiresAt.toISOString()).toBe('2027-01-06T12:00:00.000Z');
    expect(link.token).toMatch(/^[A-Za-z0-9_.-]+$/);
  });

  it('refuses a link past its expiry', () => {
    const link = issueLink(secret, 'family', 'abc123', { days: 1, now });
    expect(readLink(secret, link.token, 'family', new Date(now.getTime() + 86_400_000))).toEqual({
      ok: false,
      problem: 'expired',
    });
  });

  it('refuses another purpose, another secret, a changed subject and rubbish', () => {
    const { token } = issueLink(secret, 'provider', 'abc123', { days: 30, now });
    expect(readLink(secret, token, 'family', now).ok).toBe(false);
    expect(readLink(`${secret}x`, token, 'provider', now).ok).toBe(false);
    expect(readLink(secret, token.replace('.abc123.', '.abc124.'), 'provider', now).ok).toBe(false);
    const parts = token.split('.');
    parts[3] = (parseInt(parts[3], 36) + 86_400).toString(36);
    expect(readLink(secret, parts.join('.'), 'provider', now).ok).toBe(false);
    for (const bad of [undefined, '', 'x', 'l1.provider.a.b.c.d', token + '.x', 'a'.repeat(500)])
      expect(readLink(secret, bad, 'provider', now)).toEqual({ ok: false, problem: 'invalid' });
    expect(readLink('', token, 'provider', now).ok).toBe(false);
  });

  it('is revoked when the record no longer holds its nonce', () => {
    const first = issueLink(secret, 'provider', 'abc123', { days: 30, now });
    const second = issueLink(secret, 'provider', 'abc123', { days: 30, now });
    const check = readLink(secret, first.token, 'provider', now);
    expect(linkMatches(check, first.nonce)).toBe(true);
    expect(linkMatches(check, second.nonce)).toBe(false);
    expect(linkMatches(check, null)).toBe(false);
    expect(linkMatches(readLink(secret, 'x', 'provider', now), first.nonce)).toBe(false);
  });

  it('will not sign an unusable subject', () => {
    expect(() => issueLink(secret, 'provider', 'a.b', { days: 1, now })).toThrow();
  });
});
