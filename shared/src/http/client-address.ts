import { BlockList, isIP } from 'node:net';

// Who is asking: one rule for the site's proxy gate (site/src/server/proxy.ts) and the cms's sign-in
// limits (cms/src/security/client-address.ts). X-Forwarded-For is believed only from a trusted proxy
// (TRUSTED_PROXIES: addresses and CIDR ranges; empty: none), and then only its right-most address
// that is not a trusted proxy itself (what the proxy appended), never a left-most one a client wrote.
// Server-side only (node:net).

/** Pure: an address as Node and proxies write it, to a plain IPv4/IPv6 address ('' when it is none). */
export function normaliseAddress(value: string | undefined | null): string {
  let v = (value ?? '').trim();
  if (!v) return '';
  // "[2001:db8::1]:443" and "203.0.113.7:51234" (some proxies add the port).
  const bracketed = /^\[([^\]]+)\](?::\d+)?$/.exec(v);
  if (bracketed) v = bracketed[1];
  else if (/^\d{1,3}(\.\d{1,3}){3}:\d+$/.test(v)) v = v.slice(0, v.lastIndexOf(':'));
  v = v.replace(/%.*$/, '');
  // IPv4-mapped IPv6, as Node reports IPv4 clients on a dual-stack socket.
  const mapped = /^::ffff:(\d{1,3}(\.\d{1,3}){3})$/i.exec(v);
  if (mapped) v = mapped[1];
  return isIP(v) ? v.toLowerCase() : '';
}

export type TrustedProxies = {
  /** Is this peer address a trusted proxy? */
  trusts: (address: string) => boolean;
  /** The TRUSTED_PROXIES entries that were understood, for the start-up log. */
  proxies: string[];
};

/** Pure: TRUSTED_PROXIES ("127.0.0.1, ::1, 172.16.0.0/12") to a check; bad entries are reported, not fatal. */
export function parseTrustedProxies(
  value: string | undefined,
  warn: (message: string) => void = () => {},
): TrustedProxies {
  const list = new BlockList();
  const proxies: string[] = [];
  for (const raw of (value ?? '')
    .split(',')
    .map((v) => v.trim())
    .filter(Boolean)) {
    const [address, prefix, extra] = raw.split('/');
    const ip = normaliseAddress(address);
    const family = isIP(ip) === 6 ? 'ipv6' : 'ipv4';
    const bits = prefix === undefined ? null : Number(prefix);
    if (
      !ip ||
      extra !== undefined ||
      prefix === '' ||
      (bits !== null && (!Number.isInteger(bits) || bits < 0 || bits > (family === 'ipv6' ? 128 : 32)))
    ) {
      warn(`TRUSTED_PROXIES: "${raw}" is not an address or CIDR range; ignored`);
      continue;
    }
    if (bits === null) list.addAddress(ip, family);
    else list.addSubnet(ip, bits, family);
    proxies.push(raw);
  }
  return {
    proxies,
    trusts: (address) => {
      const ip = normaliseAddress(address);
      return ip !== '' && proxies.length > 0 && list.check(ip, isIP(ip) === 6 ? 'ipv6' : 'ipv4');
    },
  };
}

/** Pure: the client behind a trusted proxy: right to left through X-Forwarded-For, skipping trusted proxies. */
export function clientFromForwardedFor(
  forwardedFor: string | string[] | undefined,
  peer: string,
  trusts: (address: string) => boolean,
): string {
  const hops = (Array.isArray(forwardedFor) ? forwardedFor.join(',') : (forwardedFor ?? ''))
    .split(',')
    .map(normaliseAddress);
  let client = normaliseAddress(peer);
  for (let i = hops.length - 1; i >= 0; i--) {
    // Something that is not an address (a client's invention, "unknown"): stop at what we know.
    if (!hops[i]) break;
    client = hops[i];
    if (!trusts(client)) break;
  }
  return client;
}

/** Pure: the client of a request from `peer` (the socket's address): the peer itself unless it is a trusted proxy. */
export function clientAddress(
  peer: string | undefined,
  forwardedFor: string | string[] | undefined,
  trusts: (address: string) => boolean,
): string {
  const client = normaliseAddress(peer);
  return trusts(client) ? clientFromForwardedFor(forwardedFor, client, trusts) : client;
}

/**
 * Pure: the key an address is counted under by limits. IPv6 clients usually hold a whole /64, so
 * they are counted per /64; IPv4 per address. '' (unknown) is one shared key.
 */
export function addressKey(address: string): string {
  const ip = normaliseAddress(address);
  if (!ip) return 'unknown';
  if (isIP(ip) === 4) return ip;
  const [head, tail = ''] = ip.split('::');
  const left = head ? head.split(':') : [];
  const right = tail ? tail.split(':') : [];
  const groups = ip.includes('::')
    ? [...left, ...Array<string>(Math.max(0, 8 - left.length - right.length)).fill('0'), ...right]
    : left;
  return `${groups
    .slice(0, 4)
    .map((g) => g.padStart(4, '0'))
    .join(':')}::/64`;
}
