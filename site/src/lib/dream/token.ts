import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

// The letterbox form carries a signed start time ("form token"): a person needs some seconds to
// tell their dream, a script posts at once. The signature (HMAC-SHA256 with DREAM_FORM_SECRET)
// means a script cannot make up an old start time. The nonce makes each form unique: it is part of
// the dream's outbox id, so sending the same form twice (double click, reload) stores one dream.
// No personal data is in the token.

const VERSION = 'v1';

export type TokenCheck =
  { ok: true; nonce: string; issuedAt: number } | { ok: false; problem: 'missing' | 'invalid' | 'tooFast' | 'expired' };

function sign(secret: string, payload: string): string {
  return createHmac('sha256', secret).update(payload).digest('base64url').slice(0, 22);
}

/** A token for a form shown at `now` (ms). */
export function issueFormToken(
  secret: string,
  now = Date.now(),
  nonce = randomBytes(12).toString('base64url'),
): string {
  const payload = `${VERSION}.${now.toString(36)}.${nonce}`;
  return `${payload}.${sign(secret, payload)}`;
}

/**
 * Pure (given `now`): is this token ours, and was the form open at least `minMs` and at most
 * `maxMs`? A form left open longer is not refused as abuse: the page asks to send it again.
 */
export function checkFormToken(
  token: unknown,
  secret: string,
  now: number,
  limits: { minMs: number; maxMs: number },
): TokenCheck {
  if (typeof token !== 'string' || token === '') return { ok: false, problem: 'missing' };
  if (token.length > 120) return { ok: false, problem: 'invalid' };
  const parts = token.split('.');
  if (parts.length !== 4 || parts[0] !== VERSION) return { ok: false, problem: 'invalid' };
  const [, issued, nonce, signature] = parts;
  const expected = Buffer.from(sign(secret, `${VERSION}.${issued}.${nonce}`));
  const given = Buffer.from(signature);
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return { ok: false, problem: 'invalid' };
  const issuedAt = parseInt(issued, 36);
  if (!Number.isFinite(issuedAt) || !/^[A-Za-z0-9_-]{8,32}$/.test(nonce)) return { ok: false, problem: 'invalid' };
  const age = now - issuedAt;
  if (age < limits.minMs) return { ok: false, problem: 'tooFast' };
  if (age > limits.maxMs) return { ok: false, problem: 'expired' };
  return { ok: true, nonce, issuedAt };
}

/**
 * The outbox id of a dream, also its idempotency key in the cms (≤ 64 characters): the same form
 * (nonce) with the same content gives the same id, so a repeated post is one dream; a form sent
 * again with other content is another dream. Keyed, so the id reveals nothing of the content.
 */
export function submissionKey(secret: string, nonce: string, data: unknown): string {
  return createHmac('sha256', secret)
    .update(`dream-id\n${nonce}\n${JSON.stringify(data)}`)
    .digest('hex')
    .slice(0, 40);
}
