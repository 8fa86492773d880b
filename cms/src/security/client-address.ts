import { BlockList, isIP } from 'node:net';

// Who is asking: the client address the sign-in limits count. The same rule as the site's gate
// (site/src/lib/proxy.ts): X-Forwarded-For is believed only from a trusted proxy (TRUSTED_PROXIES
// of the cms: addresses and CIDR ranges; empty: none), and then only its right-most address that
// is not a trusted proxy itself (what the proxy appended), never a left-most one a client wrote.

/** Pure: an address as Node and proxies write it, to a plain IPv4/IPv6 address ('' when it is none). */
export function normaliseAddress(value: string | undefined | null): string {
  let v = (value ?? '').trim();
  if (!v) return '';
  const bracketed = /^\[([^\]]+)\](?::\d+)?$/.exec(v);
  if (bracketed) v = bracketed[1];
  else if (/^\d{1,3}(\.\d{1,3}){3}:\d+$/.test(v)) v = v.slice(0, v.lastIndexOf(':'));
  v = v.replace(/%.*$/, '');
  const mapped = /^::ffff:(\d{1,3}(\.\d{1,3}){3})$/i.exec(v);
  if (mapped) v = mapped[1];
  return isIP(v) ? v.toLowerCase() : '';
}

/** Pure: TRUSTED_PROXIES ("127.0.0.1, 172.16.0.0/12") to a check; entries that are not addresses are skipped (and reported). */
export function trustedProxies(value: string | undefined, warn: (message: string) => void = () => {}): (address: string) => boolean {
  const list = new BlockList();
  let count = 0;
  for (const raw of (value ?? '').split(',').map((v) => v.trim()).filter(Boolean)) {
    const [address, prefix, extra] = raw.split('/');
    const ip = normaliseAddress(address);
    const family = isIP(ip) === 6 ? 'ipv6' : 'ipv4';
    const bits = prefix === undefined ? null : Number(prefix);
    if (!ip || extra !== undefined || prefix === '' || (bits !== null && (!Number.isInteger(bits) || bits < 0 || bits > (family === 'ipv6' ? 128 : 32)))) {
      warn(`TRUSTED_PROXIES: "${raw}" is not an address or CIDR range; ignored`);
      continue;
    }
    if (bits === null) list.addAddress(ip, family);
    else list.addSubnet(ip, bits, family);
    count++;
  }
  return (address) => {
    const ip = normaliseAddress(address);
    return count > 0 && ip !== '' && list.check(ip, isIP(ip) === 6 ? 'ipv6' : 'ipv4');
  };
}

/** Pure: the client of a request that reached us from `peer` (the socket's address). */
export function clientAddress(peer: string | undefined, forwardedFor: string | string[] | undefined, trusts: (address: string) => boolean): string {
  let client = normaliseAddress(peer);
  if (!trusts(client)) return client;
  const hops = (Array.isArray(forwardedFor) ? forwardedFor.join(',') : (forwardedFor ?? '')).split(',').map(normaliseAddress);
  for (let i = hops.length - 1; i >= 0; i--) {
    if (!hops[i]) break;
    client = hops[i];
    if (!trusts(client)) break;
  }
  return client;
}

/**
 * Pure: the key an address is counted under. IPv6 clients usually hold a whole /64, so they are
 * counted per /64; IPv4 per address. '' (unknown) is one shared key.
 */
export function addressKey(address: string): string {
  const ip = normaliseAddress(address);
  if (!ip) return 'unknown';
  if (isIP(ip) === 4) return ip;
  const [head, tail = ''] = ip.split('::');
  const left = head ? head.split(':') : [];
  const right = tail ? tail.split(':') : [];
  // An IPv4 tail (::ffff:1.2.3.4 is already v4 above; others are rare) counts as two groups.
  const groups = ip.includes('::') ? [...left, ...Array(Math.max(0, 8 - left.length - right.length)).fill('0'), ...right] : left;
  return `${groups
    .slice(0, 4)
    .map((g) => g.padStart(4, '0'))
    .join(':')}::/64`;
}

const trusted = { value: undefined as string | undefined, check: (_: string) => false };

/** The client of a Koa request, by the cms's TRUSTED_PROXIES (read when it changes; tests start new processes). */
function trustCheck(env: NodeJS.ProcessEnv): (address: string) => boolean {
  if (trusted.value !== env.TRUSTED_PROXIES) {
    trusted.value = env.TRUSTED_PROXIES;
    trusted.check = trustedProxies(env.TRUSTED_PROXIES, (m) => console.warn(`[cms] ${m}`));
  }
  return trusted.check;
}

export function requestClient(ctx: { req: { socket?: { remoteAddress?: string } }; get: (name: string) => string }, env: NodeJS.ProcessEnv = process.env): string {
  return clientAddress(ctx.req.socket?.remoteAddress, ctx.get('x-forwarded-for') || undefined, trustCheck(env));
}

/** Whether the client's connection was https: the socket, or a trusted proxy's X-Forwarded-Proto. */
export function requestIsHttps(ctx: { req: { socket?: { remoteAddress?: string; encrypted?: boolean } }; get: (name: string) => string }, env: NodeJS.ProcessEnv = process.env): boolean {
  if ((ctx.req.socket as { encrypted?: boolean } | undefined)?.encrypted) return true;
  if (!trustCheck(env)(normaliseAddress(ctx.req.socket?.remoteAddress))) return false;
  return ctx.get('x-forwarded-proto').split(',')[0]?.trim().toLowerCase() === 'https';
}
