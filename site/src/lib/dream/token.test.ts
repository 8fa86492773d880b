import { describe, expect, it } from 'vitest';
import { checkFormToken, issueFormToken, submissionKey } from './token.ts';

const SECRET = 'test-secret';
const limits = { minMs: 3000, maxMs: 24 * 3_600_000 };

describe('form token', () => {
  it('accepts a form sent after the minimum time and tells its nonce', () => {
    const t = issueFormToken(SECRET, 1_000_000, 'abcdefghijkl');
    expect(checkFormToken(t, SECRET, 1_005_000, limits)).toEqual({
      ok: true,
      nonce: 'abcdefghijkl',
      issuedAt: 1_000_000,
    });
  });

  it('refuses a form sent faster than a person can, and one left open too long', () => {
    const t = issueFormToken(SECRET, 1_000_000);
    expect(checkFormToken(t, SECRET, 1_001_000, limits)).toEqual({ ok: false, problem: 'tooFast' });
    expect(checkFormToken(t, SECRET, 1_000_000 + 25 * 3_600_000, limits)).toEqual({ ok: false, problem: 'expired' });
  });

  it('refuses a missing, made-up or tampered token', () => {
    const t = issueFormToken(SECRET, 1_000_000);
    expect(checkFormToken('', SECRET, 2_000_000, limits).ok).toBe(false);
    expect(checkFormToken(undefined, SECRET, 2_000_000, limits)).toEqual({ ok: false, problem: 'missing' });
    expect(checkFormToken(t, 'other-secret', 2_000_000, limits)).toEqual({ ok: false, problem: 'invalid' });
    // An older start time with the old signature.
    const [v, , nonce, sig] = t.split('.');
    expect(checkFormToken([v, (1).toString(36), nonce, sig].join('.'), SECRET, 2_000_000, limits)).toEqual({
      ok: false,
      problem: 'invalid',
    });
    expect(checkFormToken('v1.x.y', SECRET, 2_000_000, limits)).toEqual({ ok: false, problem: 'invalid' });
    expect(checkFormToken('x'.repeat(500), SECRET, 2_000_000, limits)).toEqual({ ok: false, problem: 'invalid' });
  });

  it('gives the same dream the same id, and another dream or form another id', () => {
    const a = submissionKey(SECRET, 'nonce-1', { dream: 'kok' });
    expect(a).toMatch(/^[0-9a-f]{40}$/);
    expect(submissionKey(SECRET, 'nonce-1', { dream: 'kok' })).toBe(a);
    expect(submissionKey(SECRET, 'nonce-1', { dream: 'piloot' })).not.toBe(a);
    expect(submissionKey(SECRET, 'nonce-2', { dream: 'kok' })).not.toBe(a);
  });
});
