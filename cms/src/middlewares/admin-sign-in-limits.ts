import { addressKey } from '@droomkaart/shared';
import { requestClient, requestIsHttps } from '../security/client-address';
import { deviceKey, issueDeviceToken, signInLimiter, verifyDeviceToken, waitMessage } from '../security/sign-in-limits';

/**
 * The cms admin's own doors, with the sign-in limits of `src/security/sign-in-limits.ts` (the same
 * counters as the workspace's sign-in). Strapi's own limiter (koa2-ratelimit, 5 requests per
 * e-mail + address in 5 minutes, successes counted too) is switched off in config/admin.ts and
 * config/plugins.ts: this replaces it.
 *
 * - `POST /admin/login`: per client address, per (account, address), per account for unknown
 *   clients; a successful sign-in gets the `dk_admin_device` cookie (Path=/admin, httpOnly), which
 *   makes that browser a known client of that account next time.
 * - `POST /admin/reset-password`, `/admin/register`, `/admin/register-admin` and
 *   `GET /admin/registration-info`: a failure counts for the client address.
 * - `POST /admin/forgot-password`: every request counts for the client address; at most
 *   `SIGN_IN_LIMIT_RESET_MAILS` mails an hour to one account (past that Strapi's usual answer, no mail).
 *
 * Refusals are 429 with Retry-After and Strapi's error shape, message in easy Dutch.
 */
export const DEVICE_COOKIE = 'dk_admin_device';

type Ctx = {
  method: string;
  path: string;
  status: number;
  body: unknown;
  request: { body?: unknown };
  req: { socket?: { remoteAddress?: string } };
  get: (name: string) => string;
  set: (name: string, value: string) => void;
  append: (name: string, value: string) => void;
  cookies: { get: (name: string, options?: { signed?: boolean }) => string | undefined };
};

const TOKEN_DOORS = new Set([
  'POST /admin/reset-password',
  'POST /admin/register',
  'POST /admin/register-admin',
  'GET /admin/registration-info',
]);

function tooMany(ctx: Ctx, retryAfterSeconds: number) {
  ctx.status = 429;
  ctx.set('Retry-After', String(retryAfterSeconds));
  ctx.set('Cache-Control', 'no-store');
  ctx.body = {
    data: null,
    error: {
      status: 429,
      name: 'RateLimitError',
      message: waitMessage(retryAfterSeconds),
      details: { retryAfterSeconds },
    },
  };
}

const emailOf = (ctx: Ctx): string => {
  const email = (ctx.request.body as { email?: unknown } | undefined)?.email;
  return typeof email === 'string' ? email.trim().toLowerCase().slice(0, 254) : '';
};

/** Runs the rest; true when it answered with success (2xx), false when it failed or threw (rethrown after `onFail`). */
async function outcome(ctx: Ctx, next: () => Promise<unknown>, onFail: () => Promise<void>): Promise<boolean> {
  try {
    await next();
  } catch (err) {
    await onFail();
    throw err;
  }
  if (ctx.status >= 200 && ctx.status < 300) return true;
  if (ctx.status >= 400 && ctx.status < 500) await onFail();
  return false;
}

export default () => async (ctx: Ctx, next: () => Promise<unknown>) => {
  const path = ctx.path.replace(/\/+$/, '').toLowerCase();
  const door = `${ctx.method} ${path}`;
  if (door !== 'POST /admin/login' && door !== 'POST /admin/forgot-password' && !TOKEN_DOORS.has(door)) return next();

  const limiter = signInLimiter();
  const address = addressKey(requestClient(ctx));

  if (door === 'POST /admin/login') {
    const account = emailOf(ctx);
    if (!account) return next(); // Strapi answers the missing e-mail itself
    const key = deviceKey();
    const attempt = {
      account,
      address,
      device: verifyDeviceToken(ctx.cookies.get(DEVICE_COOKIE, { signed: false }), account, key),
    };
    const verdict = await limiter.check(attempt);
    if (!verdict.allowed) return tooMany(ctx, verdict.retryAfterSeconds);
    if (await outcome(ctx, next, () => limiter.failed(attempt))) {
      await limiter.succeeded(attempt);
      const device = issueDeviceToken(account, key, Date.now(), limiter.settings.deviceDays);
      const maxAge = limiter.settings.deviceDays * 86_400;
      ctx.append(
        'Set-Cookie',
        `${DEVICE_COOKIE}=${device.token}; Path=/admin; Max-Age=${maxAge}; HttpOnly; SameSite=Strict${requestIsHttps(ctx) ? '; Secure' : ''}`,
      );
    }
    return;
  }

  const verdict = await limiter.checkAddress(address);
  if (!verdict.allowed) return tooMany(ctx, verdict.retryAfterSeconds);

  if (door === 'POST /admin/forgot-password') {
    await limiter.failedAddress(address);
    const account = emailOf(ctx);
    if (account && !(await limiter.resetMailAllowed(account))) {
      // Strapi answers 204 whether the account exists or not; so do we, without sending.
      ctx.status = 204;
      ctx.body = null;
      return;
    }
    return next();
  }

  await outcome(ctx, next, () => limiter.failedAddress(address));
};
