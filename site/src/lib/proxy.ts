import { BlockList, isIP } from 'node:net';

// The site behind a TLS proxy (docs/operations.md, "Behind the proxy"). Pure helpers for the gate
// in src/server/startup.ts, which runs on every request before Astro reads it:
// - X-Forwarded-For, -Proto, -Host, -Port and Forwarded are dropped unless the connection comes
//   from a trusted proxy (TRUSTED_PROXIES: addresses and CIDR ranges). Nobody else can claim
//   another client address, https, or another host.
// - From a trusted proxy the client is the right-most address in X-Forwarded-For that is not a
//   trusted proxy itself (what the proxy saw), never the left-most one a client may have written;
//   X-Forwarded-Proto and -Host are kept only for the site's own host names (SITE_ALLOWED_HOSTS,
//   plus the hosts of SITE_PUBLIC_URL and EDITION_HOSTS).
// Astro then takes what is left as it is (`security.allowedDomains: [{}]` in astro.config.mjs):
// `Astro.url` shows the address the visitor used (https, the public host), `clientAddress` the
// visitor, so the origin check, the Secure cookie, HSTS and the per-address limits see the real
// client.

export type ProxySettings = {
  /** Is this peer address a trusted proxy? */
  trusts: (address: string) => boolean;
  /** Host names (lower case, no port) the site answers for publicly. */
  allowedHosts: ReadonlySet<string>;
  /** The TRUSTED_PROXIES entries that were understood, for the start-up log. */
  proxies: string[];
};

const FORWARDED = ['x-forwarded-for', 'x-forwarded-proto', 'x-forwarded-host', 'x-forwarded-port', 'forwarded'] as const;

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

/** Pure: TRUSTED_PROXIES ("127.0.0.1, ::1, 172.16.0.0/12") to a check; bad entries are reported, not fatal. */
export function parseTrustedProxies(value: string | undefined, warn: (message: string) => void = () => {}): Pick<ProxySettings, 'trusts' | 'proxies'> {
  const list = new BlockList();
  const proxies: string[] = [];
  for (const raw of (value ?? '').split(',').map((v) => v.trim()).filter(Boolean)) {
    const [address, prefix, extra] = raw.split('/');
    const ip = normaliseAddress(address);
    const family = isIP(ip) === 6 ? 'ipv6' : 'ipv4';
    const bits = prefix === undefined ? null : Number(prefix);
    if (!ip || extra !== undefined || (bits !== null && (!Number.isInteger(bits) || bits < 0 || bits > (family === 'ipv6' ? 128 : 32)) || prefix === '')) {
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

/** Pure: a Host value to its host name without port, lower case. */
export function hostName(host: string | undefined | null): string {
  const h = (host ?? '').trim().toLowerCase();
  if (h.startsWith('[')) return h.slice(0, h.indexOf(']') + 1);
  return h.replace(/:\d+$/, '');
}

/**
 * Pure: the site's public host names: SITE_ALLOWED_HOSTS (comma-separated names, or addresses with
 * a scheme), the host of SITE_PUBLIC_URL and every host of EDITION_HOSTS.
 */
export function allowedHostsFrom(env: Record<string, string | undefined>): Set<string> {
  const hosts = new Set<string>();
  const add = (value: string) => {
    const v = value.trim();
    if (!v) return;
    try {
      hosts.add(hostName(/^[a-z]+:\/\//i.test(v) ? new URL(v).host : v));
    } catch {
      // not an address: ignored
    }
  };
  for (const h of (env.SITE_ALLOWED_HOSTS ?? '').split(',')) add(h);
  add(env.SITE_PUBLIC_URL ?? '');
  for (const pair of (env.EDITION_HOSTS ?? '').split(',')) add(pair.split('=')[0] ?? '');
  hosts.delete('');
  return hosts;
}

export function proxySettingsFrom(env: Record<string, string | undefined>, warn?: (message: string) => void): ProxySettings {
  return { ...parseTrustedProxies(env.TRUSTED_PROXIES, warn), allowedHosts: allowedHostsFrom(env) };
}

const first = (value: string | string[] | undefined): string => (Array.isArray(value) ? value.join(',') : (value ?? '')).split(',')[0]?.trim() ?? '';

/** Pure: the client behind a trusted proxy: right to left through X-Forwarded-For, skipping trusted proxies. */
export function clientFromForwardedFor(forwardedFor: string | string[] | undefined, peer: string, trusts: (address: string) => boolean): string {
  const hops = (Array.isArray(forwardedFor) ? forwardedFor.join(',') : (forwardedFor ?? '')).split(',').map(normaliseAddress);
  let client = normaliseAddress(peer);
  for (let i = hops.length - 1; i >= 0; i--) {
    // Something that is not an address (a client's invention, "unknown"): stop at what we know.
    if (!hops[i]) break;
    client = hops[i];
    if (!trusts(client)) break;
  }
  return client;
}

export type Gated = {
  /** The headers to hand to Astro: forwarded ones removed, or replaced by what the gate trusts. */
  headers: Record<string, string | string[] | undefined>;
  client: string;
  /** The visitor's connection was https (the socket, or a trusted proxy said so for one of our hosts). */
  https: boolean;
};

/**
 * Pure: the gate for one request. `headers` is Node's `req.headers` (lower-case names); `encrypted`
 * whether the socket itself is TLS. Returns new headers, never changes the given ones.
 */
export function gateRequest(headers: Record<string, string | string[] | undefined>, peer: string, encrypted: boolean, settings: ProxySettings): Gated {
  const out: Record<string, string | string[] | undefined> = { ...headers };
  for (const name of FORWARDED) delete out[name];
  if (!settings.trusts(peer)) return { headers: out, client: normaliseAddress(peer), https: encrypted };

  const client = clientFromForwardedFor(headers['x-forwarded-for'], peer, settings.trusts);
  if (client) out['x-forwarded-for'] = client;
  const forwardedHost = first(headers['x-forwarded-host']);
  const hostAllowed = (h: string) => settings.allowedHosts.has(hostName(h));
  if (forwardedHost && hostAllowed(forwardedHost)) out['x-forwarded-host'] = forwardedHost;
  const publicHost = out['x-forwarded-host'] ?? first(headers.host);
  const proto = first(headers['x-forwarded-proto']).toLowerCase();
  const protoTrusted = (proto === 'https' || proto === 'http') && hostAllowed(String(publicHost));
  if (protoTrusted) out['x-forwarded-proto'] = proto;
  return { headers: out, client, https: protoTrusted ? proto === 'https' : encrypted };
}
