import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { clusterPorts, nginxValues, renderNginxConf } from '../../scripts/lib/cluster.ts';

const template = readFileSync(new URL('../../deploy/nginx/droomkaart.conf.template', import.meta.url), 'utf8');
const SECRET = 'a1b2c3d4e5f60718293a4b5c6d7e8f90';
const base = { SITE_PORT: '4321', CMS_PORT: '1337', INDEXER_PORT: '4000', MEILI_PORT: '7700' };

describe('the cluster configuration', () => {
  it('puts nginx on the product ports and the instances beside them', () => {
    expect(clusterPorts(base, 0)).toEqual({
      site: 4321,
      cms: 1337,
      indexer: 4000,
      meilisearch: 7700,
      postgres: 6432,
      'site-1': 4331,
      'site-2': 4332,
      'cms-1': 1347,
      'cms-2': 1348,
      'indexer-1': 4010,
      'indexer-2': 4011,
    });
  });

  it('fills every placeholder of the nginx template and refuses a missing one', () => {
    const conf = renderNginxConf(template, nginxValues('/srv/droomkaart/nginx', clusterPorts(base, 0), SECRET));
    expect(conf).not.toMatch(/\{\{/);
    expect(conf).toContain('server 127.0.0.1:4331 max_fails=2 fail_timeout=5s;');
    expect(conf).toContain('server 127.0.0.1:1348 max_fails=2 fail_timeout=5s;');
    expect(conf).toContain('listen 127.0.0.1:4321;');
    expect(conf).toContain('pid /srv/droomkaart/nginx/nginx.pid;');
    expect(() => renderNginxConf('listen {{SITE_PORT}}; {{NOPE}}', { SITE_PORT: 1 })).toThrow(/NOPE/);
    expect(conf).toContain(`"1:${SECRET}" 1;`);
  });

  it('refuses an empty or unquotable refresh secret: it would open the page cache to loopback', () => {
    for (const secret of ['', 'short', 'a1b2c3d4e5f6071829" 1; x'])
      expect(() => nginxValues('/srv', clusterPorts(base, 0), secret)).toThrow(/PROXY_REFRESH_SECRET/);
  });

  it('never sends a request with a body to a second instance once one has it', () => {
    const directives = template
      .split('\n')
      .filter((l) => !l.trim().startsWith('#'))
      .join('\n');
    expect(directives).toMatch(/proxy_next_upstream error timeout http_502 http_503 http_504;/);
    expect(directives).not.toMatch(/non_idempotent/);
    // The page cache serves a kept page when every site fails, and never keeps anything not public.
    expect(directives).toMatch(/proxy_cache_use_stale error timeout updating http_500 http_502 http_503 http_504;/);
    expect(directives).toMatch(/proxy_no_cache \$droomkaart_other_cookie \$droomkaart_not_public;/);
    // Only the site's server has a page cache: never the cms (admin, API) or the indexer.
    expect(directives.match(/proxy_cache droomkaart_pages;/g)).toHaveLength(1);
    // A location with a proxy_set_header of its own loses http {}'s: each repeats them all.
    const perLocation = directives.match(/location [^{]*\{[^}]*\}/g) ?? [];
    for (const block of perLocation.filter((b) => /proxy_set_header/.test(b)))
      for (const header of [
        'Host $http_host',
        'X-Forwarded-For $proxy_add_x_forwarded_for',
        'X-Forwarded-Proto $scheme',
        'Connection ""',
      ])
        expect(block).toContain(`proxy_set_header ${header};`);
  });
});
