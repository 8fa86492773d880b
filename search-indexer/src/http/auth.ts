import { timingSafeEqual } from 'node:crypto';

/** Constant-time check of `Authorization: Bearer <secret>`. */
export function authorised(header: string | undefined | null, secret: string): boolean {
  if (!header?.startsWith('Bearer ')) return false;
  const given = Buffer.from(header.slice('Bearer '.length));
  const expected = Buffer.from(secret);
  return given.length === expected.length && timingSafeEqual(given, expected);
}
