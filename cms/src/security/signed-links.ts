import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { cmsEnv } from '../env';
import { requireSecret } from '../utils/secrets';

// Personal links for people without an account (issue 18: the provider who answers a referral, the
// family who says "we zijn begonnen"; issue 19: the partner who confirms the offer). A link is
// signed (HMAC-SHA256 with LINK_SECRET), expires, is for one purpose and one record (`subject`, a
// documentId), and is revocable: the record keeps the link's nonce, and a link whose nonce is no
// longer the record's is refused (`linkMatches`). Issuing a new link for the record revokes the
// old one. No personal data is in the token: it can be read from a URL bar or a chat history.

const VERSION = 'l1';
const SUBJECT = /^[A-Za-z0-9_-]{1,64}$/;
const NONCE = /^[A-Za-z0-9_-]{16,32}$/;

export const linkPurposes = ['provider', 'family', 'organisation'] as const;
export type LinkPurpose = (typeof linkPurposes)[number];

export type IssuedLink = { token: string; nonce: string; expiresAt: Date };
export type LinkCheck =
  { ok: true; subject: string; nonce: string; expiresAt: Date } | { ok: false; problem: 'invalid' | 'expired' };

function sign(secret: string, payload: string): string {
  return createHmac('sha256', secret).update(payload).digest('base64url');
}

/** Pure (given `now` and `nonce`): a link token for `subject` that expires `days` from `now`. */
export function issueLink(
  secret: string,
  purpose: LinkPurpose,
  subject: string,
  options: { days: number; now?: Date; nonce?: string },
): IssuedLink {
  if (!SUBJECT.test(subject)) throw new Error(`not a link subject: ${subject}`);
  if (!secret) throw new Error('LINK_SECRET is not set');
  const nonce = options.nonce ?? randomBytes(12).toString('base64url');
  const expiresAt = new Date((options.now ?? new Date()).getTime() + options.days * 86_400_000);
  const payload = `${VERSION}.${purpose}.${subject}.${Math.floor(expiresAt.getTime() / 1000).toString(36)}.${nonce}`;
  return { token: `${payload}.${sign(secret, payload)}`, nonce, expiresAt };
}

/** Pure: is `token` a link of ours for `purpose`, and still valid at `now`? */
export function readLink(secret: string, token: unknown, purpose: LinkPurpose, now = new Date()): LinkCheck {
  if (typeof token !== 'string' || token.length > 200 || !secret) return { ok: false, problem: 'invalid' };
  const parts = token.split('.');
  if (parts.length !== 6 || parts[0] !== VERSION || parts[1] !== purpose) return { ok: false, problem: 'invalid' };
  const [, , subject, expires, nonce, signature] = parts;
  const expected = Buffer.from(sign(secret, parts.slice(0, 5).join('.')));
  const given = Buffer.from(signature);
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return { ok: false, problem: 'invalid' };
  const expiresAt = new Date(parseInt(expires, 36) * 1000);
  if (!SUBJECT.test(subject) || !NONCE.test(nonce) || Number.isNaN(expiresAt.getTime()))
    return { ok: false, problem: 'invalid' };
  if (now.getTime() >= expiresAt.getTime()) return { ok: false, problem: 'expired' };
  return { ok: true, subject, nonce, expiresAt };
}

/** Pure: does the record still hold this link's nonce (not revoked, not replaced by a newer link)? */
export function linkMatches(check: LinkCheck, storedNonce: string | null | undefined): boolean {
  if (!check.ok || typeof storedNonce !== 'string' || storedNonce.length !== check.nonce.length) return false;
  return timingSafeEqual(Buffer.from(check.nonce), Buffer.from(storedNonce));
}

/** The cms's link secret (production refuses to start without a strong one: utils/secrets.ts). */
export function linkSecret(): string {
  return requireSecret((name) => cmsEnv()[name] ?? '', 'LINK_SECRET');
}
