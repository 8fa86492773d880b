import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { addressKey, clientAddress, normaliseAddress, parseTrustedProxies } from '@droomkaart/shared';

const trustedProxies = (value: string) => parseTrustedProxies(value).trusts;
import {
  DEFAULT_SIGN_IN_LIMITS,
  issueDeviceToken,
  signInLimitSettings,
  SignInLimiter,
  verifyDeviceToken,
  waitMessage,
  type SignInLimitSettings,
} from './sign-in-limits';

const SMALL: SignInLimitSettings = {
  perAddress: { failures: 6, seconds: 900 },
  perAccountAddress: { failures: 3, seconds: 900 },
  perAccount: { failures: 5, seconds: 3600 },
  resetMails: { failures: 2, seconds: 3600 },
  deviceDays: 90,
};
const COORDINATOR = 'coordinator@droomkaart.test';

describe('the sign-in limits', () => {
  beforeEach(() => {
    vi.useFakeTimers();
    vi.setSystemTime(Date.parse('2026-11-24T08:00:00Z'));
  });
  afterEach(() => vi.useRealTimers());

  it('stops guessing one account from one address, and tells how long to wait', async () => {
    const limiter = new SignInLimiter(SMALL);
    const attempt = { account: COORDINATOR, address: '203.0.113.9' };
    for (let i = 0; i < 3; i++) {
      expect((await limiter.check(attempt)).allowed).toBe(true);
      await limiter.failed(attempt);
    }
    const verdict = await limiter.check({ ...attempt, account: ' Coordinator@Droomkaart.TEST ' });
    expect(verdict).toEqual({ allowed: false, reason: 'account-address', retryAfterSeconds: 900 });
    vi.advanceTimersByTime(600_000);
    expect(await limiter.check(attempt)).toMatchObject({ allowed: false, retryAfterSeconds: 300 });
    vi.advanceTimersByTime(300_001);
    expect((await limiter.check(attempt)).allowed).toBe(true);
  });

  it('lets the real user in from another address while a stranger is locked out', async () => {
    const limiter = new SignInLimiter(SMALL);
    for (let i = 0; i < 3; i++) await limiter.failed({ account: COORDINATOR, address: '198.51.100.66' });
    expect((await limiter.check({ account: COORDINATOR, address: '198.51.100.66' })).allowed).toBe(false);
    expect((await limiter.check({ account: COORDINATOR, address: '203.0.113.9' })).allowed).toBe(true);
  });

  it('stops one password sprayed over many accounts from one address', async () => {
    const limiter = new SignInLimiter(SMALL);
    for (let i = 0; i < 6; i++)
      await limiter.failed({ account: `iemand${i}@droomkaart.test`, address: '198.51.100.7' });
    expect(await limiter.check({ account: 'nog-iemand@droomkaart.test', address: '198.51.100.7' })).toMatchObject({
      allowed: false,
      reason: 'address',
    });
    expect((await limiter.check({ account: 'nog-iemand@droomkaart.test', address: '198.51.100.8' })).allowed).toBe(
      true,
    );
  });

  it('past the account limit only unknown clients wait; a known device of the account still gets in', async () => {
    const limiter = new SignInLimiter(SMALL);
    // A guess spread over five addresses: each address stays under its own limits…
    for (let i = 0; i < 5; i++) await limiter.failed({ account: COORDINATOR, address: `198.51.100.${i}` });
    // …but the account as a whole has had enough: a new, unknown client waits.
    expect(await limiter.check({ account: COORDINATOR, address: '203.0.113.9' })).toMatchObject({
      allowed: false,
      reason: 'account',
    });
    // The coordinator's own browser (a device token of an earlier sign-in) is not held up.
    expect((await limiter.check({ account: COORDINATOR, address: '203.0.113.9', device: 'abc' })).allowed).toBe(true);
    // Other accounts are not touched.
    expect((await limiter.check({ account: 'beleid@droomkaart.test', address: '203.0.113.9' })).allowed).toBe(true);
  });

  it('a known device has its own count, so a stolen device token gives no endless guesses', async () => {
    const limiter = new SignInLimiter(SMALL);
    const device = { account: COORDINATOR, address: '203.0.113.9', device: 'abc' };
    for (let i = 0; i < 3; i++) await limiter.failed(device);
    expect(await limiter.check(device)).toMatchObject({ allowed: false, reason: 'device' });
    expect((await limiter.check({ ...device, device: 'def' })).allowed).toBe(true);
  });

  it('a correct password clears that place for that account, but not the address or the account', async () => {
    const limiter = new SignInLimiter(SMALL);
    const attempt = { account: COORDINATOR, address: '203.0.113.9' };
    for (let i = 0; i < 2; i++) await limiter.failed(attempt);
    await limiter.succeeded(attempt);
    for (let i = 0; i < 2; i++) await limiter.failed(attempt);
    expect((await limiter.check(attempt)).allowed).toBe(true);
    // A sprayer that owns one account cannot reset its address's count by signing in to it.
    for (let i = 0; i < 6; i++) await limiter.failed({ account: `x${i}@y.test`, address: '198.51.100.7' });
    await limiter.succeeded({ account: 'eigen@y.test', address: '198.51.100.7' });
    expect((await limiter.check({ account: 'eigen@y.test', address: '198.51.100.7' })).allowed).toBe(false);
  });

  it('token doors count failures per address; reset mails are capped per account', async () => {
    const limiter = new SignInLimiter(SMALL);
    for (let i = 0; i < 6; i++) await limiter.failedAddress('198.51.100.9');
    expect(await limiter.checkAddress('198.51.100.9')).toMatchObject({ allowed: false, reason: 'address' });
    expect((await limiter.checkAddress('198.51.100.10')).allowed).toBe(true);
    expect(await limiter.resetMailAllowed(COORDINATOR)).toBe(true);
    expect(await limiter.resetMailAllowed(COORDINATOR)).toBe(true);
    expect(await limiter.resetMailAllowed(COORDINATOR)).toBe(false);
    expect(await limiter.resetMailAllowed('beleid@droomkaart.test')).toBe(true);
  });

  it('reads its numbers from the environment, with sane defaults', () => {
    expect(signInLimitSettings({})).toEqual(DEFAULT_SIGN_IN_LIMITS);
    const s = signInLimitSettings({
      SIGN_IN_LIMIT_ADDRESS_FAILURES: '100',
      SIGN_IN_LIMIT_ACCOUNT_ADDRESS_MINUTES: '5',
      SIGN_IN_LIMIT_ACCOUNT_FAILURES: 'nee',
      SIGN_IN_LIMIT_RESET_MAILS: '0',
      SIGN_IN_DEVICE_DAYS: '30',
    });
    expect(s.perAddress).toEqual({ failures: 100, seconds: 900 });
    expect(s.perAccountAddress).toEqual({ failures: 10, seconds: 300 });
    expect(s.perAccount).toEqual(DEFAULT_SIGN_IN_LIMITS.perAccount);
    expect(s.resetMails.failures).toBe(5);
    expect(s.deviceDays).toBe(30);
  });

  it('says how long to wait in easy Dutch', () => {
    expect(waitMessage(30)).toBe('Je hebt het te vaak geprobeerd. Wacht 1 minuut en probeer het dan opnieuw.');
    expect(waitMessage(840)).toBe('Je hebt het te vaak geprobeerd. Wacht 14 minuten en probeer het dan opnieuw.');
  });
});

describe('device tokens', () => {
  const key = Buffer.alloc(32, 7);
  const now = Date.parse('2026-11-24T08:00:00Z');

  it('are valid for their account until they end, and for nothing else', () => {
    const { token, expiresAt } = issueDeviceToken(COORDINATOR, key, now, 90);
    expect(expiresAt).toBe('2027-02-22T08:00:00.000Z');
    const id = verifyDeviceToken(token, 'Coordinator@droomkaart.test', key, now + 1000);
    expect(id).toMatch(/^[A-Za-z0-9_-]{16}$/);
    expect(verifyDeviceToken(token, 'beleid@droomkaart.test', key, now)).toBeNull();
    expect(verifyDeviceToken(token, COORDINATOR, Buffer.alloc(32, 8), now)).toBeNull();
    expect(verifyDeviceToken(token, COORDINATOR, key, Date.parse(expiresAt))).toBeNull();
    const [expires, rest] = [token.split('.')[0], token.slice(token.indexOf('.'))];
    expect(verifyDeviceToken(`${Number(expires) + 86_400}${rest}`, COORDINATOR, key, now)).toBeNull();
    // Another spelling of the same signature (base64url's spare bits in the last character) is no token either.
    const last = token.at(-1);
    expect(
      verifyDeviceToken(
        `${token.slice(0, -1)}${last === 'A' ? 'B' : String.fromCharCode(last.charCodeAt(0) ^ 1)}`,
        COORDINATOR,
        key,
        now,
      ),
    ).toBeNull();
    for (const bad of [undefined, '', 'x', 42, `${token}x`, 'a'.repeat(500)])
      expect(verifyDeviceToken(bad, COORDINATOR, key, now)).toBeNull();
  });
});

describe('the client address', () => {
  const trusts = trustedProxies('127.0.0.1, 10.0.0.0/8, nonsense');

  it('believes X-Forwarded-For only from a trusted proxy, and then its right-most untrusted address', () => {
    expect(clientAddress('::ffff:127.0.0.1', '198.51.100.1, 203.0.113.5', trusts)).toBe('203.0.113.5');
    expect(clientAddress('127.0.0.1', '203.0.113.5, 10.1.2.3', trusts)).toBe('203.0.113.5');
    expect(clientAddress('127.0.0.2', '203.0.113.5', trusts)).toBe('127.0.0.2');
    expect(clientAddress('127.0.0.1', 'unknown', trusts)).toBe('127.0.0.1');
    expect(clientAddress('127.0.0.1', undefined, trustedProxies(''))).toBe('127.0.0.1');
    expect(clientAddress('127.0.0.1', '203.0.113.5', trustedProxies(''))).toBe('127.0.0.1');
  });

  it('counts IPv4 per address and IPv6 per /64', () => {
    expect(normaliseAddress('[2001:db8::1]:443')).toBe('2001:db8::1');
    expect(addressKey('203.0.113.5')).toBe('203.0.113.5');
    expect(addressKey('::ffff:203.0.113.5')).toBe('203.0.113.5');
    expect(addressKey('2001:db8:1:2:aaaa::1')).toBe('2001:0db8:0001:0002::/64');
    expect(addressKey('2001:db8:1:2:bbbb:cccc:dddd:eeee')).toBe('2001:0db8:0001:0002::/64');
    expect(addressKey('2001:db8::1')).toBe('2001:0db8:0000:0000::/64');
    expect(addressKey('::1')).toBe('0000:0000:0000:0000::/64');
    expect(addressKey('geen adres')).toBe('unknown');
  });
});
