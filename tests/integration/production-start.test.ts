// Production start-up on the real processes (issue 14): every service refuses weak secrets, the cms
// seeds no demo data and creates no demo sign-ins in production whatever the flags say, and the cms
// lets only the admin's and the site's origins read its answers with credentials (CORS).
import { DatabaseSync } from 'node:sqlite';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_ADMIN } from '../utils/cms-admin.ts';
import { PORT_OFFSET } from '../utils/ports.ts';
import { startTestStack, type TestStack } from '../utils/stack.ts';

// Guessable although long: a word with a year, twice. zxcvbn puts it far below 10^20 guesses.
const WEAK = 'Droomkaart2026!Droomkaart2026!';

/** The stack's start-up error (it includes the service's last log lines), or null when it started. */
async function startError(options: Parameters<typeof startTestStack>[0]): Promise<string | null> {
  try {
    const stack = await startTestStack(options);
    await stack.cleanup();
    return null;
  } catch (err) {
    return String((err as Error).message);
  }
}

describe('every service refuses a weak secret in production', () => {
  const cases = [
    { service: 'cms', secret: 'JWT_SECRET' },
    { service: 'cms', secret: 'WORKSPACE_TOKEN' },
    { service: 'indexer', secret: 'INDEXER_ADMIN_SECRET', label: 'search-indexer' },
    { service: 'site', secret: 'DREAM_FORM_SECRET' },
  ] as const;
  for (const c of cases) {
    it(`${c.service} with a weak ${c.secret}`, async () => {
      const error = await startError({
        name: `production-weak-${c.service}`,
        portOffset: PORT_OFFSET.productionStart,
        services: [c.service],
        serviceEnv: { [c.service]: { NODE_ENV: 'production', [c.secret]: WEAK } },
        timeoutMs: { cms: 120_000, indexer: 30_000, site: 30_000 },
      });
      expect(error).toMatch(/exited with code 1/);
      expect(error).toContain(`${'label' in c ? c.label : c.service} refuses to start in production: ${c.secret}`);
      expect(error).toContain('too weak');
    });
  }
});

describe('the cms in production with the demo flags on', () => {
  let stack: TestStack;
  beforeAll(async () => {
    stack = await startTestStack({
      name: 'production-demo',
      portOffset: PORT_OFFSET.productionStart,
      services: ['cms'],
      env: { SEED_DEMO_DATA: 'true', SEED_DEMO_DREAMS: 'true', DEMO_ACCOUNTS: 'true', SEED_ACTIVITY_COUNT: '20' },
      serviceEnv: { cms: { NODE_ENV: 'production' } },
    });
  });
  afterAll(async () => {
    await stack?.cleanup();
  });

  it('publishes no demo activity and no demo organisation', async () => {
    for (const path of ['/api/activities', '/api/organisations', '/api/places']) {
      const res = await fetch(`${stack.urls.cms}${path}`);
      expect(res.status, path).toBe(200);
      expect(((await res.json()) as { meta: { pagination: { total: number } } }).meta.pagination.total, path).toBe(0);
    }
  });

  it('lets nobody sign in with the documented demo password', async () => {
    const res = await fetch(`${stack.urls.cms}/admin/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: DEMO_ADMIN.email, password: stack.env.DEMO_PASSWORD }),
    });
    expect(res.status).toBe(400);
    const init = (await (await fetch(`${stack.urls.cms}/admin/init`)).json()) as { data: { hasAdmin: boolean } };
    expect(init.data.hasAdmin).toBe(false);
  });

  it('stores no demo content, contact persons or fictional dreams, and says why in the log', async () => {
    // It reads the SQLite file; on PostgreSQL it fails loudly rather than passing without looking.
    expect(stack.database, 'this check reads the cms SQLite file: run it with TEST_DATABASE=sqlite').toBe('sqlite');
    const db = new DatabaseSync(stack.env.DATABASE_FILENAME ?? join(stack.dataDir, 'cms', 'data.db'), {
      readOnly: true,
    });
    try {
      for (const table of [
        'activities',
        'organisations',
        'places',
        'dreams',
        'contact_persons',
        'referrals',
        'letterboxes',
        'admin_users',
      ]) {
        const { n } = db.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number };
        expect(n, table).toBe(0);
      }
      // The taxonomy is not demo data: the themes are there.
      expect((db.prepare('SELECT count(*) AS n FROM themes').get() as { n: number }).n).toBeGreaterThan(0);
    } finally {
      db.close();
    }
    const { readFileSync } = await import('node:fs');
    expect(readFileSync(join(stack.dataDir, 'logs', 'cms.log'), 'utf8')).toContain(
      'SEED_DEMO_DATA and DEMO_ACCOUNTS ignored: no demo data or demo sign-ins in production.',
    );
  });
});

describe('CORS: only the admin and the site read answers with credentials', () => {
  let stack: TestStack;
  beforeAll(async () => {
    stack = await startTestStack({
      name: 'production-cors',
      portOffset: PORT_OFFSET.productionStart,
      services: ['cms'],
    });
  });
  afterAll(async () => {
    await stack?.cleanup();
  });

  const allowOrigin = (res: Response) => res.headers.get('access-control-allow-origin');

  it('a page on another port of the same host cannot read a fresh admin token made with the refresh cookie', async () => {
    const login = await fetch(`${stack.urls.cms}/admin/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: DEMO_ADMIN.email, password: stack.env.DEMO_PASSWORD, rememberMe: true }),
    });
    expect(login.status).toBe(200);
    const cookie = login.headers
      .getSetCookie()
      .map((c) => c.split(';')[0])
      .join('; ');
    expect(cookie).toMatch(/strapi_admin_refresh=/);
    const evil = new URL(stack.urls.cms);
    evil.port = String(Number(evil.port) + 1);
    for (const origin of [evil.origin, 'http://localhost:9', 'null', 'https://droomkaart.example']) {
      const preflight = await fetch(`${stack.urls.cms}/admin/access-token`, {
        method: 'OPTIONS',
        headers: { origin, 'access-control-request-method': 'POST', 'access-control-request-headers': 'content-type' },
      });
      expect(allowOrigin(preflight), `preflight from ${origin}`).toBeNull();
      const res = await fetch(`${stack.urls.cms}/admin/access-token`, {
        method: 'POST',
        headers: { origin, cookie, 'content-type': 'application/json' },
        body: '{}',
      });
      expect(allowOrigin(res), `token from ${origin}`).toBeNull();
      expect(res.headers.get('access-control-allow-credentials'), origin).toBeNull();
      const api = await fetch(`${stack.urls.cms}/api/activities`, { headers: { origin } });
      expect(allowOrigin(api), `api from ${origin}`).toBeNull();
    }
  });

  it('the admin and the site get their own origin back, with credentials', async () => {
    for (const url of [stack.urls.cms, stack.urls.site]) {
      const origin = new URL(url).origin;
      const res = await fetch(`${stack.urls.cms}/api/activities`, { headers: { origin } });
      expect(allowOrigin(res), origin).toBe(origin);
      expect(res.headers.get('access-control-allow-credentials')).toBe('true');
    }
  });
});
