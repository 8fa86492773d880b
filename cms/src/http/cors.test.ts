import { describe, expect, it } from 'vitest';
import { corsOrigins, originOf } from './cors';

describe('corsOrigins', () => {
  it('allows the admin and the site from env, as origins', () => {
    expect(
      corsOrigins({
        CMS_PUBLIC_URL: 'https://cms.droomkaart.nl/',
        SITE_PUBLIC_URL: 'https://droomkaart.nl/nl/',
        SITE_URL: 'http://site:4321',
        CMS_URL: 'http://cms:1337',
      }),
    ).toEqual([
      'https://cms.droomkaart.nl',
      'http://cms:1337',
      'http://127.0.0.1:1337',
      'https://droomkaart.nl',
      'http://site:4321',
    ]);
  });

  it('adds CMS_CORS_ORIGINS and never a wildcard or a non-http value', () => {
    const origins = corsOrigins({
      CMS_PORT: '2337',
      CMS_CORS_ORIGINS: 'https://partner-portal.example, *, javascript:alert(1), not a url',
    });
    expect(origins).toEqual(['http://127.0.0.1:2337', 'https://partner-portal.example']);
    expect(origins).not.toContain('*');
  });

  it('reads an origin from a URL', () => {
    expect(originOf('http://127.0.0.1:4321/nl/')).toBe('http://127.0.0.1:4321');
    expect(originOf('')).toBeNull();
    expect(originOf('file:///etc/passwd')).toBeNull();
  });
});
