import { describe, expect, it } from 'vitest';
import { isPublicAddress, refuseUrl } from './outbound-url';

describe('isPublicAddress', () => {
  it('refuses loopback, private, link-local, carrier-grade NAT, this-network and multicast addresses', () => {
    for (const a of [
      '127.0.0.1',
      '127.8.9.10',
      '0.0.0.0',
      '10.1.2.3',
      '172.16.0.1',
      '172.31.255.255',
      '192.168.1.1',
      '169.254.169.254',
      '100.64.0.1',
      '224.0.0.1',
      '255.255.255.255',
      '198.18.0.1',
    ]) {
      expect(isPublicAddress(a), a).toBe(false);
    }
    for (const a of [
      '::',
      '::1',
      '::ffff:127.0.0.1',
      '::ffff:169.254.169.254',
      'fd00::1',
      'fe80::1',
      'ff02::1',
      '64:ff9b::7f00:1',
      '2002:7f00:1::1',
    ]) {
      expect(isPublicAddress(a), a).toBe(false);
    }
    expect(isPublicAddress('not-an-address')).toBe(false);
  });

  it('lets public addresses through', () => {
    for (const a of ['93.184.216.34', '8.8.8.8', '172.32.0.1', '2606:4700:4700::1111', '::ffff:8.8.8.8'])
      expect(isPublicAddress(a), a).toBe(true);
  });
});

describe('refuseUrl', () => {
  const dns = (table: Record<string, string[]>) => async (host: string) => {
    if (!table[host]) throw new Error('ENOTFOUND');
    return table[host];
  };
  const lookup = dns({
    'foto.example': ['93.184.216.34'],
    'intern.example': ['10.0.0.5'],
    'beide.example': ['93.184.216.34', '127.0.0.1'],
    localhost: ['127.0.0.1', '::1'],
  });

  it('allows a public http or https address', async () => {
    expect(await refuseUrl('https://foto.example/a.jpg', lookup)).toBeNull();
    expect(await refuseUrl('http://93.184.216.34/a.jpg', lookup)).toBeNull();
  });

  it('refuses every address of the name when one is internal, and IP literals', async () => {
    expect(await refuseUrl('http://intern.example/', lookup)).toMatch(/intern of privé-netwerkadres \(10\.0\.0\.5\)/);
    expect(await refuseUrl('http://beide.example/', lookup)).toMatch(/127\.0\.0\.1/);
    expect(await refuseUrl('http://localhost:7700/keys', lookup)).toMatch(/intern/);
    expect(await refuseUrl('http://127.0.0.1:7700/', lookup)).toMatch(/intern/);
    expect(await refuseUrl('http://0.0.0.0:7700/', lookup)).toMatch(/intern/);
    expect(await refuseUrl('http://[::ffff:127.0.0.1]:7700/', lookup)).toMatch(/intern/);
    expect(await refuseUrl('http://[::1]/', lookup)).toMatch(/intern/);
    expect(await refuseUrl('http://169.254.169.254/latest/meta-data/', lookup)).toMatch(/intern/);
    expect(await refuseUrl('http://2130706433/', lookup)).toMatch(/intern/); // 127.0.0.1 as one number
  });

  it('refuses other schemes, credentials, names that do not resolve and what is no URL', async () => {
    expect(await refuseUrl('file:///etc/passwd', lookup)).toMatch(/Alleen http- en https/);
    expect(await refuseUrl('ftp://foto.example/a.jpg', lookup)).toMatch(/Alleen http- en https/);
    expect(await refuseUrl('https://user:pw@foto.example/a.jpg', lookup)).toMatch(/wachtwoord/);
    expect(await refuseUrl('https://nergens.example/a.jpg', lookup)).toMatch(/niet te vinden/);
    expect(await refuseUrl('geen adres', lookup)).toMatch(/geen geldig/);
    expect(await refuseUrl(42, lookup)).toMatch(/Geef een internetadres/);
  });
});
