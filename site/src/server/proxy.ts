import { clientFromForwardedFor, normaliseAddress, parseTrustedProxies, type TrustedProxies } from '@droomkaart/shared';

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

// The address rule (normaliseAddress, parseTrustedProxies, clientFromForwardedFor) is the cms's too,
// in @droomkaart/shared (http/client-address.ts).

export type ProxySettings = TrustedProxies & {
  /** Host names (lower case, no port) the site answers for publicly. */
  allowedHosts: ReadonlySet<string>;
};

const FORWARDED = [
  'x-forwarded-for',
  'x-forwarded-proto',
  'x-forwarded-host',
  'x-forwarded-port',
  'forwarded',
] as const;

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

export function proxySettingsFrom(
  env: Record<string, string | undefined>,
  warn?: (message: string) => void,
): ProxySettings {
  return { ...parseTrustedProxies(env.TRUSTED_PROXIES, warn), allowedHosts: allowedHostsFrom(env) };
}

const first = (value: string | string[] | undefined): string =>
  (Array.isArray(value) ? value.join(',') : (value ?? '')).split(',')[0]?.trim() ?? '';

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
export function gateRequest(
  headers: Record<string, string | string[] | undefined>,
  peer: string,
  encrypted: boolean,
  settings: ProxySettings,
): Gated {
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
