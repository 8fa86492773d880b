import { clientAddress, normaliseAddress, parseTrustedProxies } from '@droomkaart/shared';
import { cmsEnv } from '../env';

// Who is asking: the client address the sign-in limits count, by the cms's TRUSTED_PROXIES. The rule
// itself (normaliseAddress, parseTrustedProxies, clientAddress, addressKey) is the site's too, in
// @droomkaart/shared (http/client-address.ts).

const trusted = { value: undefined as string | undefined, check: (_: string) => false };

/** The client of a Koa request, by the cms's TRUSTED_PROXIES (read when it changes; tests start new processes). */
function trustCheck(env: Record<string, string | undefined>): (address: string) => boolean {
  if (trusted.value !== env.TRUSTED_PROXIES) {
    trusted.value = env.TRUSTED_PROXIES;
    trusted.check = parseTrustedProxies(env.TRUSTED_PROXIES, (m) => console.warn(`[cms] ${m}`)).trusts;
  }
  return trusted.check;
}

export function requestClient(
  ctx: { req: { socket?: { remoteAddress?: string } }; get: (name: string) => string },
  env: Record<string, string | undefined> = cmsEnv(),
): string {
  return clientAddress(ctx.req.socket?.remoteAddress, ctx.get('x-forwarded-for') || undefined, trustCheck(env));
}

/** Whether the client's connection was https: the socket, or a trusted proxy's X-Forwarded-Proto. */
export function requestIsHttps(
  ctx: { req: { socket?: { remoteAddress?: string; encrypted?: boolean } }; get: (name: string) => string },
  env: Record<string, string | undefined> = cmsEnv(),
): boolean {
  if ((ctx.req.socket as { encrypted?: boolean } | undefined)?.encrypted) return true;
  if (!trustCheck(env)(normaliseAddress(ctx.req.socket?.remoteAddress))) return false;
  return ctx.get('x-forwarded-proto').split(',')[0]?.trim().toLowerCase() === 'https';
}
