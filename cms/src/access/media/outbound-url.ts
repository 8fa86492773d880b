// Addresses the cms may be asked to fetch from (the media library's "from URL" upload). Pure but
// for the name lookup, which is passed in. Strapi 5.54 checks only the first address a name
// resolves to, against a list without 0.0.0.0 (Linux connects it to this machine), carrier-grade
// NAT, NAT64, 6to4 or multicast.
import { BlockList, isIP } from 'node:net';

const BLOCKED = new BlockList();
for (const [address, prefix] of [
  ['0.0.0.0', 8], // "this network": 0.0.0.0 reaches this machine
  ['10.0.0.0', 8],
  ['100.64.0.0', 10], // carrier-grade NAT
  ['127.0.0.0', 8],
  ['169.254.0.0', 16], // link-local, cloud metadata (169.254.169.254)
  ['172.16.0.0', 12],
  ['192.0.0.0', 24],
  ['192.0.2.0', 24],
  ['192.88.99.0', 24],
  ['192.168.0.0', 16],
  ['198.18.0.0', 15],
  ['198.51.100.0', 24],
  ['203.0.113.0', 24],
  ['224.0.0.0', 4], // multicast
  ['240.0.0.0', 4], // reserved, broadcast
] as const)
  BLOCKED.addSubnet(address, prefix, 'ipv4');
for (const [address, prefix] of [
  ['::', 128],
  ['::1', 128],
  ['64:ff9b::', 96], // NAT64: an IPv4 address inside
  ['64:ff9b:1::', 48],
  ['100::', 64],
  ['2001:db8::', 32],
  ['2002::', 16], // 6to4: an IPv4 address inside
  ['fc00::', 7], // unique local
  ['fe80::', 10], // link-local
  ['fec0::', 10],
  ['ff00::', 8], // multicast
] as const)
  BLOCKED.addSubnet(address, prefix, 'ipv6');

/** Pure: whether an IP address is one on the public internet (IPv4-mapped IPv6 is read as IPv4). */
export function isPublicAddress(address: string): boolean {
  const family = isIP(address);
  if (family === 0) return false;
  return !BLOCKED.check(address, family === 6 ? 'ipv6' : 'ipv4');
}

export type Lookup = (hostname: string) => Promise<string[]>;

/**
 * Why the cms may not fetch this URL, in Dutch, or null when it may: only http and https, without
 * a user name or password, to a host whose every address is public (a name that resolves to a
 * public and a private address is refused: the fetch may pick either).
 */
export async function refuseUrl(value: unknown, lookup: Lookup): Promise<string | null> {
  if (typeof value !== 'string' || !value.trim()) return 'Geef een internetadres (URL) op.';
  let url: URL;
  try {
    url = new URL(value.trim());
  } catch {
    return `Dit is geen geldig internetadres: ${value.slice(0, 200)}`;
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:')
    return `Alleen http- en https-adressen kunnen worden opgehaald, niet ${url.protocol.replace(':', '')}.`;
  if (url.username || url.password)
    return 'Een internetadres met een gebruikersnaam of wachtwoord wordt niet opgehaald.';
  const host = url.hostname.replace(/^\[|\]$/g, '');
  let addresses: string[];
  try {
    addresses = isIP(host) ? [host] : await lookup(host);
  } catch {
    addresses = [];
  }
  if (addresses.length === 0) return `De naam ${host} is niet te vinden.`;
  const internal = addresses.find((a) => !isPublicAddress(a));
  if (internal)
    return `Dit adres wordt niet opgehaald: ${host} wijst naar een intern of privé-netwerkadres (${internal}). Alleen openbare internetadressen kunnen worden opgehaald.`;
  return null;
}
