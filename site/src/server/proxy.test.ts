import { describe, expect, it } from 'vitest';
import { clientFromForwardedFor, normaliseAddress, parseTrustedProxies } from '@droomkaart/shared';
import { allowedHostsFrom, gateRequest, proxySettingsFrom } from './proxy.ts';

describe('normaliseAddress', () => {
  it('reads the forms proxies and Node write', () => {
    expect(normaliseAddress('203.0.113.7')).toBe('203.0.113.7');
    expect(normaliseAddress(' 203.0.113.7:51234 ')).toBe('203.0.113.7');
    expect(normaliseAddress('::ffff:127.0.0.1')).toBe('127.0.0.1');
    expect(normaliseAddress('[2001:DB8::1]:443')).toBe('2001:db8::1');
    expect(normaliseAddress('fe80::1%eth0')).toBe('fe80::1');
    expect(normaliseAddress('unknown')).toBe('');
    expect(normaliseAddress('')).toBe('');
  });
});

describe('parseTrustedProxies', () => {
  it('trusts listed addresses and ranges, IPv4 and IPv6, and nothing by default', () => {
    const { trusts, proxies } = parseTrustedProxies('127.0.0.1, 10.0.0.0/8, ::1, fd00::/8');
    expect(proxies).toEqual(['127.0.0.1', '10.0.0.0/8', '::1', 'fd00::/8']);
    expect(['127.0.0.1', '::ffff:127.0.0.1', '10.1.2.3', '::1', 'fd12::5'].every(trusts)).toBe(true);
    expect(['127.0.0.2', '11.0.0.1', '2001:db8::1', 'garbage', ''].some(trusts)).toBe(false);
    expect(parseTrustedProxies(undefined).trusts('127.0.0.1')).toBe(false);
  });

  it('reports entries it does not understand and keeps the rest', () => {
    const warnings: string[] = [];
    const { proxies } = parseTrustedProxies('10.0.0.0/33, proxy.local, 1.2.3.4/, 192.168.0.0/16', (m) =>
      warnings.push(m),
    );
    expect(proxies).toEqual(['192.168.0.0/16']);
    expect(warnings).toHaveLength(3);
  });
});

describe('allowedHostsFrom', () => {
  it('takes SITE_ALLOWED_HOSTS, the host of SITE_PUBLIC_URL and the EDITION_HOSTS', () => {
    const hosts = allowedHostsFrom({
      SITE_ALLOWED_HOSTS: 'www.droomkaart.nl, https://Droomkaart.nl:8443',
      SITE_PUBLIC_URL: 'https://kaart.almere.nl/',
      EDITION_HOSTS: 'alsiklatergrootben.nl=kind,036.droomkaart.nl:4433=jong',
    });
    expect([...hosts].sort()).toEqual([
      '036.droomkaart.nl',
      'alsiklatergrootben.nl',
      'droomkaart.nl',
      'kaart.almere.nl',
      'www.droomkaart.nl',
    ]);
    expect(allowedHostsFrom({}).size).toBe(0);
  });
});

describe('clientFromForwardedFor', () => {
  const trusts = parseTrustedProxies('10.0.0.0/8').trusts;
  it('takes the right-most address that is not a trusted proxy, never what the client wrote first', () => {
    expect(clientFromForwardedFor('6.6.6.6, 203.0.113.7', '10.0.0.2', trusts)).toBe('203.0.113.7');
    expect(clientFromForwardedFor('203.0.113.7, 10.0.0.9', '10.0.0.2', trusts)).toBe('203.0.113.7');
    expect(clientFromForwardedFor(['6.6.6.6', '203.0.113.7'], '10.0.0.2', trusts)).toBe('203.0.113.7');
    expect(clientFromForwardedFor(undefined, '10.0.0.2', trusts)).toBe('10.0.0.2');
    expect(clientFromForwardedFor('10.0.0.7, 10.0.0.9', '10.0.0.2', trusts)).toBe('10.0.0.7');
    expect(clientFromForwardedFor('garbage', '10.0.0.2', trusts)).toBe('10.0.0.2');
  });
});

describe('gateRequest', () => {
  const settings = proxySettingsFrom({ TRUSTED_PROXIES: '127.0.0.1', SITE_PUBLIC_URL: 'https://droomkaart.test' });
  const forwarded = {
    host: '127.0.0.1:4321',
    'x-forwarded-for': '6.6.6.6, 203.0.113.7',
    'x-forwarded-proto': 'https',
    'x-forwarded-host': 'droomkaart.test',
    'x-forwarded-port': '443',
    forwarded: 'for=6.6.6.6',
    accept: 'text/html',
  };

  it('drops every forwarded header from anyone but a trusted proxy', () => {
    const gated = gateRequest(forwarded, '198.51.100.1', false, settings);
    expect(gated.headers).toEqual({ host: '127.0.0.1:4321', accept: 'text/html' });
    expect(gated).toMatchObject({ client: '198.51.100.1', https: false });
  });

  it('from a trusted proxy: the real client, https and the public host, for the own host names only', () => {
    const gated = gateRequest(forwarded, '::ffff:127.0.0.1', false, settings);
    expect(gated.headers).toEqual({
      host: '127.0.0.1:4321',
      accept: 'text/html',
      'x-forwarded-for': '203.0.113.7',
      'x-forwarded-proto': 'https',
      'x-forwarded-host': 'droomkaart.test',
    });
    expect(gated).toMatchObject({ client: '203.0.113.7', https: true });
  });

  it('a proxy that keeps the Host header (nginx proxy_set_header Host) works the same', () => {
    const gated = gateRequest(
      { host: 'droomkaart.test', 'x-forwarded-for': '203.0.113.7', 'x-forwarded-proto': 'https' },
      '127.0.0.1',
      false,
      settings,
    );
    expect(gated.headers).toEqual({
      host: 'droomkaart.test',
      'x-forwarded-for': '203.0.113.7',
      'x-forwarded-proto': 'https',
    });
    expect(gated.https).toBe(true);
  });

  it('ignores a forwarded host or protocol for a host that is not the site', () => {
    const gated = gateRequest({ ...forwarded, 'x-forwarded-host': 'evil.test' }, '127.0.0.1', false, settings);
    expect(gated.headers['x-forwarded-host']).toBeUndefined();
    expect(gated.headers['x-forwarded-proto']).toBeUndefined();
    expect(gated).toMatchObject({ client: '203.0.113.7', https: false });
    const odd = gateRequest({ host: 'droomkaart.test', 'x-forwarded-proto': 'gopher' }, '127.0.0.1', false, settings);
    expect(odd.headers['x-forwarded-proto']).toBeUndefined();
  });

  it('does not change the headers it was given', () => {
    const headers = { ...forwarded };
    gateRequest(headers, '198.51.100.1', false, settings);
    expect(headers).toEqual(forwarded);
  });
});
