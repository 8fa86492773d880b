import { createHash, createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { RateLimiterMemory, RateLimiterPostgres, type RateLimiterAbstract } from 'rate-limiter-flexible';
import { cmsEnv } from '../env';

// Sign-in limits that stop guessing without letting strangers lock people out (OWASP
// Authentication and Credential Stuffing cheat sheets). One limiter for every door that checks an
// admin account's password: the cms admin (`POST /admin/login`) and the coordinator workspace
// (`POST /api/workspace/sessions`), so the two together give no extra guesses. Only failures count;
// a correct password never uses up anything.
//
// - per client address, over all accounts: stops one password sprayed over many accounts;
// - per (account, client address): stops guessing one account from one place;
// - per account over all addresses, a much higher number: slows down a guess spread over many
//   addresses. Past it only unknown clients wait; a known client (a device token from an earlier
//   sign-in of that account, OWASP "device cookies") keeps its own count per (account, device) and
//   is not held up by failures from elsewhere, so a stranger can never lock the real user out.
//
// Counters are kept by rate-limiter-flexible. With SQLite (one cms) in memory, per process; with
// PostgreSQL (DATABASE_URL, possibly several cms instances) in a table of the cms's own database,
// `sign_in_limits`, so every instance counts the same failures (postgresStore, useSharedSignInLimits).

export type Window = { failures: number; seconds: number };
export type SignInLimitSettings = {
  /** Failed sign-ins (and failed token uses) from one client address, any account. */
  perAddress: Window;
  /** Failed sign-ins for one account from one client address (or one known device). */
  perAccountAddress: Window;
  /** Failed sign-ins for one account from anywhere; past it, only known devices may try. */
  perAccount: Window;
  /** Password-reset mails to one account; past it the answer stays the same, but no mail goes. */
  resetMails: Window;
  /** How long a device token (a known client) is valid. */
  deviceDays: number;
};

export const DEFAULT_SIGN_IN_LIMITS: SignInLimitSettings = {
  perAddress: { failures: 30, seconds: 15 * 60 },
  perAccountAddress: { failures: 10, seconds: 15 * 60 },
  perAccount: { failures: 50, seconds: 60 * 60 },
  resetMails: { failures: 5, seconds: 60 * 60 },
  deviceDays: 90,
};

const positive = (value: string | undefined, fallback: number): number => {
  const n = Number(value);
  return value !== undefined && value.trim() !== '' && Number.isFinite(n) && n > 0 ? Math.floor(n) : fallback;
};

/** Pure: the settings from the environment (`SIGN_IN_LIMIT_*`, see .env.example); defaults as above. */
export function signInLimitSettings(env: Record<string, string | undefined> = cmsEnv()): SignInLimitSettings {
  const d = DEFAULT_SIGN_IN_LIMITS;
  const window = (name: string, fallback: Window): Window => ({
    failures: positive(env[`SIGN_IN_LIMIT_${name}_FAILURES`], fallback.failures),
    seconds: positive(env[`SIGN_IN_LIMIT_${name}_MINUTES`], fallback.seconds / 60) * 60,
  });
  return {
    perAddress: window('ADDRESS', d.perAddress),
    perAccountAddress: window('ACCOUNT_ADDRESS', d.perAccountAddress),
    perAccount: window('ACCOUNT', d.perAccount),
    resetMails: {
      failures: positive(env.SIGN_IN_LIMIT_RESET_MAILS, d.resetMails.failures),
      seconds: d.resetMails.seconds,
    },
    deviceDays: positive(env.SIGN_IN_DEVICE_DAYS, d.deviceDays),
  };
}

/** Makes one counter: in memory (one cms) or in PostgreSQL (shared by every cms instance). */
export type LimiterStore = (options: { keyPrefix: string; points: number; duration: number }) => RateLimiterAbstract;
export const memoryStore: LimiterStore = (options) => new RateLimiterMemory(options);

export const SIGN_IN_LIMITS_TABLE = 'sign_in_limits';

/** RateLimiterPostgres that stores a hash of each key instead of the key. */
class HashedPostgresLimiter extends RateLimiterPostgres {
  getKey(key: string | number): string {
    return super.getKey(createHash('sha256').update(String(key)).digest('base64url').slice(0, 22));
  }
}

/**
 * Counters in a PostgreSQL table that every cms instance shares: `client` is the cms's own
 * database (Strapi's knex, `storeType: 'knex'`) or a pg Pool (`'pool'`). A row holds a hash of
 * what is counted (an address, an account, a device), a count and when its window ends: no e-mail
 * address or client address is stored in clear.
 * While the database cannot be answered, each instance counts in memory for the moment.
 * Call createSignInLimitsTable once before the first count.
 */
export function postgresStore(client: unknown, storeType: 'knex' | 'pool'): LimiterStore {
  return (options) =>
    new HashedPostgresLimiter({
      ...options,
      storeClient: client,
      storeType,
      tableName: SIGN_IN_LIMITS_TABLE,
      tableCreated: true,
      insuranceLimiter: new RateLimiterMemory(options),
    });
}

/** Creates the shared table when it is not there yet (rate-limiter-flexible's own definition). */
export function createSignInLimitsTable(client: unknown, storeType: 'knex' | 'pool'): Promise<void> {
  return new Promise((resolve, reject) => {
    new RateLimiterPostgres(
      { storeClient: client, storeType, tableName: SIGN_IN_LIMITS_TABLE, keyPrefix: 'signin', points: 1, duration: 1 },
      (err?: Error) => (err ? reject(err) : resolve()),
    );
  });
}

export type Attempt = {
  /** The account as typed (an e-mail address; trimmed and lower-cased here). */
  account: string;
  /** The client address's key (`addressKey`). */
  address: string;
  /** The id of a valid device token of this account, when the client showed one. */
  device?: string | null;
};

export type Reason = 'address' | 'account-address' | 'account' | 'device';
/** allowed, or else how long to wait (seconds) and which count said no. */
export type Verdict = { allowed: boolean; retryAfterSeconds?: number; reason?: Reason };

const accountOf = (account: string) => account.trim().toLowerCase();

export class SignInLimiter {
  private readonly address: RateLimiterAbstract;
  private readonly accountAddress: RateLimiterAbstract;
  private readonly account: RateLimiterAbstract;
  private readonly resetMails: RateLimiterAbstract;
  readonly settings: SignInLimitSettings;

  constructor(settings: SignInLimitSettings = DEFAULT_SIGN_IN_LIMITS, store: LimiterStore = memoryStore) {
    this.settings = settings;
    const make = (keyPrefix: string, w: Window) => store({ keyPrefix, points: w.failures, duration: w.seconds });
    this.address = make('signin-address', settings.perAddress);
    this.accountAddress = make('signin-account-address', settings.perAccountAddress);
    this.account = make('signin-account', settings.perAccount);
    this.resetMails = make('signin-reset-mail', settings.resetMails);
  }

  /** May this attempt check a password now? Asks only; uses up nothing. */
  async check(attempt: Attempt): Promise<Verdict> {
    const account = accountOf(attempt.account);
    // A known device of this account: only its own count, whatever strangers do elsewhere.
    if (attempt.device) return this.verdict([[this.accountAddress, `device:${account}:${attempt.device}`, 'device']]);
    return this.verdict([
      [this.address, attempt.address, 'address'],
      [this.accountAddress, `${account}|${attempt.address}`, 'account-address'],
      [this.account, account, 'account'],
    ]);
  }

  /** A wrong password (or an unknown account): counted for the address, the account there, and the account. */
  async failed(attempt: Attempt): Promise<void> {
    const account = accountOf(attempt.account);
    await Promise.all([
      take(this.address, attempt.address),
      take(
        this.accountAddress,
        attempt.device ? `device:${account}:${attempt.device}` : `${account}|${attempt.address}`,
      ),
      take(this.account, account),
    ]);
  }

  /** A correct password: that place (or device) starts afresh for this account. The address's and the account's counts stay. */
  async succeeded(attempt: Attempt): Promise<void> {
    const account = accountOf(attempt.account);
    await this.accountAddress.delete(
      attempt.device ? `device:${account}:${attempt.device}` : `${account}|${attempt.address}`,
    );
  }

  /** Token doors (reset password, registration): only the address counts. */
  async checkAddress(address: string): Promise<Verdict> {
    return this.verdict([[this.address, address, 'address']]);
  }

  async failedAddress(address: string): Promise<void> {
    await take(this.address, address);
  }

  /** One more reset mail to this account? Uses one up when yes. */
  async resetMailAllowed(account: string): Promise<boolean> {
    try {
      await this.resetMails.consume(accountOf(account));
      return true;
    } catch {
      return false;
    }
  }

  private async verdict(checks: [RateLimiterAbstract, string, Reason][]): Promise<Verdict> {
    let worst: Verdict = { allowed: true };
    for (const [limiter, key, reason] of checks) {
      const res = await limiter.get(key);
      if (res && res.consumedPoints >= limiter.points) {
        const retryAfterSeconds = Math.max(1, Math.ceil(res.msBeforeNext / 1000));
        if (worst.allowed || retryAfterSeconds > (worst.retryAfterSeconds ?? 0))
          worst = { allowed: false, retryAfterSeconds, reason };
      }
    }
    return worst;
  }
}

async function take(limiter: RateLimiterAbstract, key: string) {
  // Past the limit consume() rejects; the count is what matters here, not the rejection.
  await limiter.consume(key).catch(() => undefined);
}

// ---------------------------------------------------------------------------------------------
// Device tokens: "this browser signed in to this account before". Signed by the cms (HMAC with a
// key derived from ADMIN_JWT_SECRET), bound to the account, with an end date and a random id.
// The browser keeps it in an httpOnly cookie (the admin's `dk_admin_device`; the workspace's
// `dk_device`, set by the site). It opens nothing by itself: it only means the limits above count
// this device on its own.

export function deviceKey(env: Record<string, string | undefined> = cmsEnv()): Buffer {
  return createHmac('sha256', env.ADMIN_JWT_SECRET || 'droomkaart-development-only')
    .update('droomkaart sign-in device v1')
    .digest();
}

const sign = (key: Buffer, account: string, expires: number, id: string) =>
  createHmac('sha256', key)
    .update(`${accountOf(account)}\n${expires}\n${id}`)
    .digest('base64url');

/** Pure (but for the random id): a device token for this account, valid `days`. */
export function issueDeviceToken(
  account: string,
  key: Buffer,
  now = Date.now(),
  days = DEFAULT_SIGN_IN_LIMITS.deviceDays,
): { token: string; expiresAt: string } {
  const expires = Math.floor(now / 1000) + days * 86_400;
  const id = randomBytes(12).toString('base64url');
  return {
    token: `${expires}.${id}.${sign(key, account, expires, id)}`,
    expiresAt: new Date(expires * 1000).toISOString(),
  };
}

/** Pure: the device id of a valid token of this account, else null (forged, another account's, expired, malformed). */
export function verifyDeviceToken(token: unknown, account: string, key: Buffer, now = Date.now()): string | null {
  if (typeof token !== 'string' || token.length > 200) return null;
  const match = /^(\d{1,12})\.([A-Za-z0-9_-]{16})\.([A-Za-z0-9_-]{43})$/.exec(token);
  if (!match) return null;
  const expires = Number(match[1]);
  if (expires * 1000 <= now) return null;
  // Compared as text: base64url's last character has spare bits, so two spellings decode alike.
  const given = Buffer.from(match[3], 'latin1');
  const expected = Buffer.from(sign(key, account, expires, match[2]), 'latin1');
  return given.length === expected.length && timingSafeEqual(given, expected) ? match[2] : null;
}

// ---------------------------------------------------------------------------------------------

/** Pure: the easy-Dutch words for "wait" (the cms admin's and the workspace API's answer). */
export function waitMessage(retryAfterSeconds: number): string {
  const minutes = Math.max(1, Math.ceil(retryAfterSeconds / 60));
  return `Je hebt het te vaak geprobeerd. Wacht ${minutes === 1 ? '1 minuut' : `${minutes} minuten`} en probeer het dan opnieuw.`;
}

let shared: SignInLimiter | null = null;

/** The cms's one limiter (admin and workspace share it), made from the environment at first use. */
export function signInLimiter(): SignInLimiter {
  shared ??= new SignInLimiter(signInLimitSettings());
  return shared;
}

/**
 * At start, on PostgreSQL (DATABASE_URL): the limits count in the cms's own database, so a second
 * cms instance gives a guesser no fresh budget. On SQLite they stay in memory (one cms).
 */
export async function useSharedSignInLimits(
  db: { connection: unknown },
  env: Record<string, string | undefined> = cmsEnv(),
): Promise<void> {
  if (!env.DATABASE_URL?.trim()) return;
  await createSignInLimitsTable(db.connection, 'knex');
  shared = new SignInLimiter(signInLimitSettings(env), postgresStore(db.connection, 'knex'));
}
