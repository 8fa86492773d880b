import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import type { Core } from '@strapi/strapi';
import { ROLE } from '../../access/roles';
import { requireSecret } from '../../utils/secrets';
import {
  deviceKey,
  issueDeviceToken,
  signInLimiter,
  verifyDeviceToken,
  waitMessage,
} from '../../security/sign-in-limits';
import { UID } from '../../content-types';
import { cmsEnv } from '../../env';

export const SESSION = UID.workspaceSession;

/** A session lasts 12 hours at most, and ends after 2 hours without use. */
export const SESSION_LIMITS = { absoluteMs: 12 * 3600_000, idleMs: 2 * 3600_000, touchEveryMs: 60_000 } as const;

export type Capabilities = { dreams: boolean; reports: boolean };
export type WorkspaceUser = {
  id: number;
  email: string;
  firstname: string;
  lastname: string;
  role: string;
  can: Capabilities;
};

/** An error with the contract's shape: the site shows t(key). */
export class WorkspaceError extends Error {
  constructor(
    readonly status: number,
    readonly key: string,
    message: string,
    readonly field?: string,
    /** For 429: seconds until a new try may succeed (sent as Retry-After). */
    readonly retryAfterSeconds?: number,
  ) {
    super(message);
  }
}

/** Pure: what a user with these admin roles may do in the workspace; null = nothing at all. */
export function capabilitiesFor(roleCodes: string[]): { role: string; can: Capabilities } | null {
  if (roleCodes.includes('strapi-super-admin')) return { role: 'admin', can: { dreams: true, reports: true } };
  if (roleCodes.includes(ROLE.coordinator)) return { role: ROLE.coordinator, can: { dreams: true, reports: true } };
  if (roleCodes.includes(ROLE.programmeEditor))
    return { role: ROLE.programmeEditor, can: { dreams: false, reports: true } };
  if (roleCodes.includes(ROLE.policyAdviser))
    return { role: ROLE.policyAdviser, can: { dreams: false, reports: true } };
  return null;
}

export const sha256 = (value: string) => createHash('sha256').update(value).digest('hex');

/** The site's service token: compared by hash in constant time; the cms keeps no copy in its database. */
export function serviceTokenMatches(
  header: string | undefined,
  env: Record<string, string | undefined> = cmsEnv(),
): boolean {
  const expected = requireSecret((name) => env[name] ?? '', 'WORKSPACE_TOKEN');
  if (!expected || !header?.startsWith('Bearer ')) return false;
  const given = Buffer.from(sha256(header.slice(7).trim()), 'hex');
  return timingSafeEqual(given, Buffer.from(sha256(expected), 'hex'));
}

/** Pure: whether a stored session is still valid at `now`. */
export function sessionAlive(session: { expiresAt: string | Date; lastSeenAt: string | Date }, now: number): boolean {
  return (
    new Date(session.expiresAt).getTime() > now && new Date(session.lastSeenAt).getTime() + SESSION_LIMITS.idleMs > now
  );
}

async function userWithRoles(strapi: Core.Strapi, where: Record<string, unknown>) {
  return strapi.db.query('admin::user').findOne({ where, populate: { roles: { select: ['code'] } } }) as Promise<{
    id: number;
    email: string;
    firstname: string;
    lastname: string;
    isActive: boolean;
    blocked: boolean;
    roles: { code: string }[];
  } | null>;
}

function toUser(user: NonNullable<Awaited<ReturnType<typeof userWithRoles>>>): WorkspaceUser | null {
  if (!user.isActive || user.blocked) return null;
  const caps = capabilitiesFor(user.roles.map((r) => r.code));
  if (!caps) return null;
  return { id: user.id, email: user.email, firstname: user.firstname ?? '', lastname: user.lastname ?? '', ...caps };
}

/** Where a sign-in comes from: the client's address key, and the device token it showed (if any). */
export type SignInClient = { address: string; device?: unknown };

/**
 * Checks the password with Strapi's own admin check, then opens a session. The sign-in limits
 * (src/security/sign-in-limits.ts) are the cms admin's too: one count per account for both doors.
 */
export async function signIn(
  strapi: Core.Strapi,
  email: unknown,
  password: unknown,
  client: SignInClient = { address: 'unknown' },
): Promise<{ session: string; expiresAt: string; user: WorkspaceUser; device: { token: string; expiresAt: string } }> {
  if (
    typeof email !== 'string' ||
    typeof password !== 'string' ||
    !email.trim() ||
    !password ||
    email.length > 254 ||
    password.length > 200
  ) {
    throw new WorkspaceError(400, 'workspace.error.credentials', 'Vul je e-mailadres en wachtwoord in.');
  }
  const address = email.trim().toLowerCase();
  const limiter = signInLimiter();
  const key = deviceKey();
  const attempt = { account: address, address: client.address, device: verifyDeviceToken(client.device, address, key) };
  const verdict = await limiter.check(attempt);
  if (!verdict.allowed)
    throw new WorkspaceError(
      429,
      'workspace.error.tooManyAttempts',
      waitMessage(verdict.retryAfterSeconds),
      undefined,
      verdict.retryAfterSeconds,
    );
  const [, found] = (await strapi.service('admin::auth').checkCredentials({ email: address, password })) as [
    unknown,
    { id: number } | false,
  ];
  if (!found) {
    await limiter.failed(attempt);
    throw new WorkspaceError(401, 'workspace.error.credentials', 'Dit e-mailadres of wachtwoord klopt niet.');
  }
  await limiter.succeeded(attempt);
  const full = await userWithRoles(strapi, { id: found.id });
  const user = full && toUser(full);
  if (!user)
    throw new WorkspaceError(403, 'workspace.error.forbidden', 'Met dit account kun je de werkplek niet gebruiken.');
  const session = randomBytes(32).toString('base64url');
  const now = Date.now();
  const expiresAt = new Date(now + SESSION_LIMITS.absoluteMs).toISOString();
  await strapi.db.query(SESSION).create({
    data: { tokenHash: sha256(session), userId: user.id, expiresAt, lastSeenAt: new Date(now).toISOString() },
  });
  // Old sessions go now and then, so the table stays small.
  if (Math.random() < 0.05)
    await strapi.db.query(SESSION).deleteMany({ where: { expiresAt: { $lt: new Date(now).toISOString() } } });
  // The right password: this browser is a known client of this account from now on.
  return { session, expiresAt, user, device: issueDeviceToken(address, key, now, limiter.settings.deviceDays) };
}

/** The signed-in user of a session, checked afresh on every call: a deactivated account or a lost role ends it at once. */
export async function resolveSession(strapi: Core.Strapi, token: string | undefined): Promise<WorkspaceUser> {
  const expired = new WorkspaceError(401, 'workspace.error.session', 'Je bent niet (meer) ingelogd. Log opnieuw in.');
  if (!token || token.length > 100) throw expired;
  const row = await strapi.db.query(SESSION).findOne({ where: { tokenHash: sha256(token) } });
  const now = Date.now();
  if (!row || !sessionAlive(row, now)) throw expired;
  const full = await userWithRoles(strapi, { id: row.userId });
  const user = full && toUser(full);
  if (!user) {
    await strapi.db.query(SESSION).delete({ where: { id: row.id } });
    throw expired;
  }
  if (new Date(row.lastSeenAt).getTime() + SESSION_LIMITS.touchEveryMs < now) {
    await strapi.db.query(SESSION).update({ where: { id: row.id }, data: { lastSeenAt: new Date(now).toISOString() } });
  }
  return user;
}

export async function signOut(strapi: Core.Strapi, token: string | undefined) {
  if (token) await strapi.db.query(SESSION).deleteMany({ where: { tokenHash: sha256(token) } });
}
