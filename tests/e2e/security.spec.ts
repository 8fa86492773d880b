import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { request as httpRequest } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { repoRoot } from '../utils/stack.ts';
import { uniquePhone } from './dream-support.ts';
import { SEEDED } from './pages-support.ts';
import { stackInfo } from './stack-info.ts';

// Issue 8, secrets and hardening, on the real stack in a real browser:
// - every page type loads with the site's Content Security Policy and the browser reports no
//   violation (scripts only from the site and by hash, no inline style, MapLibre's blob worker);
// - every other answer has the strict policy and the other security headers;
// - every route that takes posts refuses other origins (403) and large bodies (413), kindly;
// - the site refuses to start in production with a placeholder secret;
// - behind a TLS proxy (a second site process with TRUSTED_PROXIES): https and the public host are
//   believed from a trusted proxy only, for the site's own host; per-address limits count the real
//   client; the cookies are Secure.

/** Collects CSP violations: the browser's event (from the first script on) and its console report. */
async function watchCsp(page: Page): Promise<() => Promise<string[]>> {
  const fromConsole: string[] = [];
  page.on('console', (m) => {
    if (/content security policy|refused to (load|execute|apply|create|connect|frame)/i.test(m.text()))
      fromConsole.push(`${m.type()}: ${m.text()}`);
  });
  await page.addInitScript(() => {
    const seen: string[] = ((window as unknown as { __csp: string[] }).__csp = []);
    document.addEventListener('securitypolicyviolation', (e) =>
      seen.push(
        `${e.effectiveDirective} blocked ${e.blockedURI || '(inline)'} at ${e.sourceFile}:${e.lineNumber} ${e.sample}`,
      ),
    );
  });
  return async () => [
    ...fromConsole,
    ...(await page.evaluate(() => (window as unknown as { __csp?: string[] }).__csp ?? [])),
  ];
}

function expectPagePolicy(csp: string | undefined, path: string) {
  expect(csp, `CSP of ${path}`).toBeTruthy();
  const directives = Object.fromEntries(
    csp!
      .split(';')
      .map((d) => d.trim())
      .filter(Boolean)
      .map((d) => [d.split(/\s+/)[0], d.split(/\s+/).slice(1).join(' ')]),
  );
  expect(directives['default-src'], path).toBe("'self'");
  expect(directives['script-src'], path).toMatch(/^'self'( 'sha256-[A-Za-z0-9+/=]+')+$/);
  expect(directives['style-src'], path).toMatch(/^'self'( 'sha256-[A-Za-z0-9+/=]+')+$/);
  expect(directives['connect-src'], path).toBe("'self'");
  expect(directives['img-src'], path).toBe("'self' data: blob:");
  expect(directives['worker-src'], path).toBe("'self' blob:");
  expect(directives['frame-ancestors'], path).toBe("'none'");
  expect(directives['object-src'], path).toBe("'none'");
  expect(directives['base-uri'], path).toBe("'self'");
  expect(directives['form-action'], path).toBe("'self'");
  expect(csp, path).not.toMatch(/unsafe-|\*/);
}

function expectCommonHeaders(headers: Record<string, string>, what: string) {
  expect(headers['x-content-type-options'], what).toBe('nosniff');
  expect(headers['referrer-policy'], what).toBe('strict-origin-when-cross-origin');
  expect(headers['x-frame-options'], what).toBe('DENY');
  expect(headers['cross-origin-opener-policy'], what).toBe('same-origin');
  expect(headers['permissions-policy'], what).toContain('camera=()');
  expect(headers['permissions-policy'], what).toContain('microphone=()');
  expect(headers['permissions-policy'], what).toContain('geolocation=(self)');
  // The test stack is development on plain http: no HSTS (the production process below has it).
  expect(headers['strict-transport-security'], what).toBeUndefined();
}

test.describe('every page type under the Content Security Policy', () => {
  test.describe.configure({ timeout: 180_000 });

  test('public pages, islands, the map and the letterbox load without a violation', async ({ page, baseURL }) => {
    const violations = await watchCsp(page);
    const foreign: string[] = [];
    await page.route(/.*/, (route) => {
      const url = route.request().url();
      if (url.startsWith(`${baseURL}/`) || url.startsWith('data:') || url.startsWith('blob:')) return route.fallback();
      foreign.push(url);
      return route.abort();
    });
    const visit = async (path: string, ready: () => Promise<void> = async () => {}) => {
      const res = await page.goto(path);
      expect(res?.status(), path).toBe(200);
      expectPagePolicy(res?.headers()['content-security-policy'], path);
      expectCommonHeaders(res!.headers(), path);
      await ready();
      await page.waitForLoadState('networkidle');
      expect(await violations(), `CSP violations on ${path}`).toEqual([]);
    };

    await visit('/nl/', async () => {
      // The edition's colours come from the hashed <style>, not from a style attribute.
      expect(await page.evaluate(() => getComputedStyle(document.body).getPropertyValue('--primary').trim())).toMatch(
        /^#[0-9a-f]{6}$/i,
      );
      expect(await page.locator('[style]').count(), 'style attributes').toBe(0);
    });
    await visit('/nl/036');
    await visit('/ar/');
    await visit('/nl/activiteiten', async () => {
      await expect(page.locator('.catalogue[data-ready="true"]')).toHaveCount(1);
      // A search from the browser: the island asks the site (connect-src 'self').
      const searched = page.waitForResponse(
        (r) => r.url().endsWith('/api/search/multi-search') && r.request().method() === 'POST',
      );
      await page.getByLabel('Leeftijd').selectOption('8');
      expect((await searched).status()).toBe(200);
    });
    await visit(`/nl/activiteiten/${SEEDED.weekly}`, async () => {
      // The share buttons' hoisted script ran (it shows the copy button).
      await expect(page.locator('[data-share] [data-copy]')).toBeVisible();
    });
    await visit('/nl/kaart', async () => {
      // MapLibre's worker (blob:) and WebGL canvas: the map gets to "ready" and draws markers.
      await expect(page.locator('.map')).toHaveAttribute('data-status', 'ready', { timeout: 30_000 });
      await expect(page.locator('.map canvas')).toBeVisible();
      expect(Number(await page.locator('.map').getAttribute('data-activities'))).toBeGreaterThan(0);
    });
    await visit('/nl/droom', async () => {
      await expect(page.locator('form.dream-form[data-enhanced="true"]')).toBeAttached({ timeout: 15_000 });
      await page.getByRole('button', { name: 'Volgende' }).click();
      // The island checks the step (an error at an empty field), so its script runs.
      await expect(page.locator('.field-error').first()).toBeVisible();
    });
    await visit('/nl/organisaties');
    await visit('/nl/regelingen');
    await visit('/nl/privacy');
    await visit('/nl/werkplek');
    expect(foreign, 'requests to other origins').toEqual([]);
  });

  test("the workspace's reports (bars drawn without style attributes) and a 404 page", async ({ page }) => {
    // Five dreams this month, so the reports have a bar to draw (a count under 5 shows as "< 5", without a bar).
    const { urls, env } = stackInfo();
    for (let i = 0; i < 5; i++) {
      const sent = await fetch(`${urls.cms}/api/dreams`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${env.DREAM_INTAKE_TOKEN}` },
        body: JSON.stringify({
          data: {
            edition: 'kind',
            channel: 'website',
            firstName: 'Csp',
            age: 9,
            dream: 'Ik wil later dierenarts worden',
            need: 'Een dag meelopen',
            wijk: 'muziekwijk',
            phone: uniquePhone().typed,
          },
        }),
      });
      expect(sent.status).toBe(201);
    }
    const violations = await watchCsp(page);
    await page.goto('/nl/werkplek');
    await page.getByLabel('E-mailadres').fill('beleid@droomkaart.test');
    await page.getByLabel('Wachtwoord').fill(stackInfo().env.DEMO_PASSWORD);
    await page.locator('form.ws-form button[type="submit"]').click();
    await expect(page).toHaveURL(/\/nl\/werkplek\/rapportage/);
    const res = await page.goto('/nl/werkplek/rapportage');
    expectPagePolicy(res?.headers()['content-security-policy'], 'rapportage');
    await expect(page.locator('svg.ws-bar rect').first()).toBeAttached();
    const widths = await page
      .locator('svg.ws-bar rect')
      .evaluateAll((rects) => rects.map((r) => r.getBoundingClientRect().width));
    expect(Math.max(...widths), 'the longest bar is drawn').toBeGreaterThan(50);
    expect(await page.locator('[style]').count(), 'style attributes').toBe(0);
    const cookie = (await page.context().cookies()).find((c) => c.name === 'dk_session');
    expect(cookie).toMatchObject({ httpOnly: true, sameSite: 'Lax', secure: false });

    const missing = await page.goto('/nl/bestaat-niet');
    expect(missing?.status()).toBe(404);
    expect(await violations()).toEqual([]);
  });
});

test.describe('headers on answers that are not pages', () => {
  test('static files, JSON, redirects and the calendar file get the strict policy', async ({ request, page }) => {
    // The CSS is inside the pages (astro.config.mjs): the catalogue island's script is the static file.
    await page.goto('/nl/activiteiten');
    const script = await page.locator('astro-island[component-url^="/_astro/"]').first().getAttribute('component-url');
    for (const path of [script!, '/favicon.svg', '/health', '/', `/nl/activiteiten/${SEEDED.weekly}.ics`]) {
      const res = await request.get(path, { maxRedirects: 0 });
      expect(res.status(), path).toBeLessThan(400);
      expect(res.headers()['content-security-policy'], path).toBe(
        "default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'",
      );
      expectCommonHeaders(res.headers(), path);
    }
  });
});

test.describe('every post: origin check and size limit, with a kind answer', () => {
  const form = 'application/x-www-form-urlencoded';
  const routes = [
    { path: '/nl/droom', type: form, refused: /Dit formulier kwam niet van onze website/ },
    { path: '/nl/036/droom', type: form, refused: /Dit formulier kwam niet van onze website/ },
    { path: '/nl/droom', type: 'application/json', refused: /Dit formulier kwam niet van onze website/ },
    { path: '/nl/werkplek', type: form, refused: /Niet verstuurd/ },
    { path: '/nl/werkplek/nieuw', type: form, refused: /Niet verstuurd/ },
    { path: '/nl/werkplek/uitloggen', type: form, refused: /Niet verstuurd/ },
    { path: '/api/search/multi-search', type: 'application/json', refused: /cross-site request refused/ },
    // "Klopt er iets niet?" of an offer (issue 19): a form post like the letterbox's.
    { path: `/nl/activiteiten/${SEEDED.weekly}/melding`, type: form, refused: /Niet verstuurd/ },
    // A page that takes no posts: refused here, or with 405 once the method check runs first.
    { path: '/nl/activiteiten', type: form, refused: /Niet verstuurd|not allowed/i, status: [403, 405] },
  ];

  test('a post from another origin is refused with 403 before anything is read', async ({ request }) => {
    for (const r of routes) {
      const res = await request.post(r.path, {
        headers: { origin: 'https://evil.test', 'content-type': r.type },
        data: r.type === form ? 'a=b' : '{}',
        maxRedirects: 0,
      });
      expect(r.status ?? [403], r.path).toContain(res.status());
      expect(await res.text(), r.path).toMatch(r.refused);
    }
  });

  test("a body over the route's limit is refused with 413, announced or chunked", async ({ baseURL }) => {
    const origin = new URL(baseURL!).origin;
    const cases = [
      { path: '/nl/droom', size: 17 * 1024, text: /Je bericht was te lang/ },
      { path: '/nl/werkplek', size: 33 * 1024, text: /Te veel om te versturen/ },
      { path: '/nl/werkplek/dromen/x', size: 33 * 1024, text: /Te veel om te versturen/ },
      { path: '/api/search/multi-search', size: 65 * 1024, text: /request too large/ },
      { path: `/nl/activiteiten/${SEEDED.weekly}/melding`, size: 17 * 1024, text: /Te veel om te versturen/ },
      { path: '/nl/activiteiten', size: 17 * 1024, text: /Te veel om te versturen|not allowed/i, status: [413, 405] },
    ];
    for (const c of cases) {
      for (const chunked of [false, true]) {
        const res = await rawPost(
          baseURL!,
          c.path,
          { origin, 'content-type': c.path.startsWith('/api') ? 'application/json' : form },
          'a'.repeat(c.size),
          chunked,
        );
        expect(c.status ?? [413], `${c.path} ${chunked ? 'chunked' : 'announced'}`).toContain(res.status);
        expect(res.body, c.path).toMatch(c.text);
      }
    }
  });
});

test.describe('secrets at start', () => {
  test('the site refuses to start in production with a placeholder secret, and starts with real ones', async () => {
    const { env } = stackInfo();
    const outbox = mkdtempSync(join(tmpdir(), 'dk-security-'));
    try {
      const refused = await runSite({
        ...env,
        NODE_ENV: 'production',
        DREAM_FORM_SECRET: 'change-me',
        DREAM_OUTBOX_FILE: join(outbox, 'outbox.db'),
      });
      expect(refused.code).toBe(1);
      expect(refused.stderr).toContain(
        'site refuses to start in production: DREAM_FORM_SECRET is missing, still a placeholder',
      );
      const missing = await runSite({
        ...env,
        NODE_ENV: 'production',
        WORKSPACE_TOKEN: '',
        DREAM_INTAKE_TOKEN: 'tobemodified',
        DREAM_OUTBOX_FILE: join(outbox, 'outbox.db'),
      });
      expect(missing.code).toBe(1);
      expect(missing.stderr).toContain('DREAM_INTAKE_TOKEN, WORKSPACE_TOKEN are missing');

      const site = await startSite({ ...env, NODE_ENV: 'production', DREAM_OUTBOX_FILE: join(outbox, 'outbox.db') });
      try {
        const res = await get(site.port, '/nl/', { host: '127.0.0.1' });
        expect(res.status).toBe(200);
        expect(res.headers['strict-transport-security']).toBe('max-age=31536000; includeSubDomains');
        expect(String(res.headers['set-cookie'])).toMatch(/droomkaart-editie=kind;.*HttpOnly; Secure; SameSite=Lax/);
      } finally {
        await site.stop();
      }
    } finally {
      rmSync(outbox, { recursive: true, force: true });
    }
  });
});

test.describe('behind a TLS proxy', () => {
  let site: Awaited<ReturnType<typeof startSite>> | null = null;
  let outbox = '';
  const PUBLIC = 'https://droomkaart.test';

  test.beforeAll(async () => {
    outbox = mkdtempSync(join(tmpdir(), 'dk-proxy-'));
    site = await startSite({
      ...stackInfo().env,
      TRUSTED_PROXIES: '127.0.0.1',
      SITE_PUBLIC_URL: PUBLIC,
      DREAM_RATE_LIMIT_PER_IP: '3',
      DREAM_OUTBOX_FILE: join(outbox, 'outbox.db'),
    });
  });
  test.afterAll(async () => {
    await site?.stop();
    rmSync(outbox, { recursive: true, force: true });
  });

  const fromProxy = (client: string, extra: Record<string, string> = {}) => ({
    host: 'droomkaart.test',
    'x-forwarded-proto': 'https',
    'x-forwarded-for': client,
    ...extra,
  });
  const dreamPost = { 'content-type': 'application/x-www-form-urlencoded', origin: PUBLIC };

  test('a trusted proxy: the page is https on the public host (HSTS, Secure cookie, links)', async () => {
    const res = await get(site!.port, '/nl/', fromProxy('203.0.113.5'));
    expect(res.status).toBe(200);
    expect(res.headers['strict-transport-security']).toBe('max-age=31536000; includeSubDomains');
    expect(String(res.headers['set-cookie'])).toMatch(/HttpOnly; Secure; SameSite=Lax/);
    // Astro.url is the public address: the activity page's share link and JSON-LD say https://droomkaart.test.
    const activity = await get(site!.port, `/nl/activiteiten/${SEEDED.weekly}`, fromProxy('203.0.113.5'));
    expect(activity.body).toContain(`${PUBLIC}/nl/activiteiten/${SEEDED.weekly}`);
    expect(activity.body).not.toContain(`http://droomkaart.test/`);
    // A host that is not the site's is not believed: the page stays on what the socket saw.
    const other = await get(site!.port, '/nl/', {
      host: '127.0.0.1',
      'x-forwarded-host': 'evil.test',
      'x-forwarded-proto': 'https',
    });
    expect(other.headers['strict-transport-security']).toBeUndefined();
  });

  test("the letterbox takes the visitor's post through the proxy; without the proxy's word it is cross-site", async () => {
    const through = await post(site!.port, '/nl/droom', { ...dreamPost, ...fromProxy('203.0.113.6') }, 'firstName=Sam');
    expect(through.status, 'not refused for its origin').toBe(400);
    expect(through.body).not.toContain('Dit formulier kwam niet van onze website');
    // The same post without X-Forwarded-Proto (the gap before): the site sees http, so cross-site.
    const plain = await post(site!.port, '/nl/droom', { ...dreamPost, host: 'droomkaart.test' }, 'firstName=Sam');
    expect(plain.status).toBe(403);
    // From an address that is not a trusted proxy the forwarded headers are ignored.
    const untrusted = await post(
      site!.port,
      '/nl/droom',
      { ...dreamPost, ...fromProxy('203.0.113.6') },
      'firstName=Sam',
      '127.0.0.2',
    );
    expect(untrusted.status).toBe(403);
  });

  test('the per-address limit counts the real client, not what a client writes in X-Forwarded-For', async () => {
    const statuses = async (headers: Record<string, string>, n: number, from?: string) => {
      const out: number[] = [];
      for (let i = 0; i < n; i++)
        out.push((await post(site!.port, '/nl/droom', headers, 'firstName=Sam', from)).status);
      return out;
    };
    // DREAM_RATE_LIMIT_PER_IP=3: the fourth post of one client is refused…
    expect(await statuses({ ...dreamPost, ...fromProxy('203.0.113.20') }, 4)).toEqual([400, 400, 400, 429]);
    // …also when it writes another address in front (the proxy appends the real one).
    expect(await statuses({ ...dreamPost, ...fromProxy('198.51.100.99, 203.0.113.20') }, 1)).toEqual([429]);
    // Another client behind the same proxy is not.
    expect(await statuses({ ...dreamPost, ...fromProxy('203.0.113.21') }, 1)).toEqual([400]);
    // A direct client cannot choose its address: counted as itself whatever it claims.
    expect(
      await statuses(
        { ...dreamPost, origin: 'http://droomkaart.test', host: 'droomkaart.test', 'x-forwarded-for': '203.0.113.30' },
        4,
        '127.0.0.2',
      ),
    ).toEqual([400, 400, 400, 429]);
    expect(
      await statuses(
        { ...dreamPost, origin: 'http://droomkaart.test', host: 'droomkaart.test', 'x-forwarded-for': '203.0.113.31' },
        1,
        '127.0.0.2',
      ),
    ).toEqual([429]);
  });

  test('a coordinator signs in through the proxy and gets a Secure, httpOnly, SameSite session cookie', async () => {
    const { env } = stackInfo();
    const body = new URLSearchParams({
      _action: 'signin',
      next: '',
      email: 'coordinator@droomkaart.test',
      password: env.DEMO_PASSWORD,
    }).toString();
    const res = await post(site!.port, '/nl/werkplek', { ...dreamPost, ...fromProxy('203.0.113.40') }, body);
    expect(res.status).toBe(303);
    const cookie = [res.headers['set-cookie']].flat().find((c) => c?.startsWith('dk_session='));
    expect(cookie).toMatch(/; HttpOnly; Secure; SameSite=Lax$/);
  });

  // The cms's sign-in limits (docs/cms.md) count the visitor the site names, by this gate's rule.
  const signInPost = (email: string, password: string, headers: Record<string, string>, from?: string) =>
    post(
      site!.port,
      '/nl/werkplek',
      { ...dreamPost, ...headers },
      new URLSearchParams({ _action: 'signin', next: '', email, password }).toString(),
      from,
    );

  test('workspace sign-in: a stranger guessing is stopped kindly with Retry-After, and the coordinator still gets in from elsewhere', async () => {
    const { env } = stackInfo();
    for (let i = 0; i < 10; i++)
      expect((await signInPost('coordinator@droomkaart.test', `fout-${i}`, fromProxy('203.0.113.60'))).status).toBe(
        401,
      );
    const refused = await signInPost('coordinator@droomkaart.test', env.DEMO_PASSWORD, fromProxy('203.0.113.60'));
    expect(refused.status).toBe(429);
    const wait = Number(refused.headers['retry-after']);
    expect(wait).toBeGreaterThan(0);
    expect(wait).toBeLessThanOrEqual(900);
    expect(refused.body).toContain(
      `Je hebt het te vaak geprobeerd. Wacht ${Math.ceil(wait / 60)} minuten en probeer het dan opnieuw. Zo beschermen we je account.`,
    );
    expect([refused.headers['set-cookie']].flat().some((c) => c?.startsWith('dk_session='))).toBe(false);
    // The real coordinator, another client behind the same proxy: in, and the browser is remembered.
    const real = await signInPost('coordinator@droomkaart.test', env.DEMO_PASSWORD, fromProxy('203.0.113.61'));
    expect(real.status).toBe(303);
    const device = [real.headers['set-cookie']].flat().find((c) => c?.startsWith('dk_device='));
    expect(device).toMatch(
      /^dk_device=\d+\.[A-Za-z0-9_-]{16}\.[A-Za-z0-9_-]{43};.*Max-Age=\d+.*; HttpOnly; Secure; SameSite=Lax$/,
    );
  });

  test('workspace sign-in: one password sprayed over many accounts from one visitor is stopped', async () => {
    for (let i = 0; i < 30; i++)
      expect((await signInPost(`medewerker${i}@droomkaart.test`, 'Zomer2026!', fromProxy('203.0.113.62'))).status).toBe(
        401,
      );
    const next = await signInPost('beleid@droomkaart.test', 'Zomer2026!', fromProxy('203.0.113.62'));
    expect(next.status).toBe(429);
    expect(next.headers['retry-after']).toMatch(/^\d+$/);
    expect(next.body).toContain('Je hebt het te vaak geprobeerd.');
  });

  test('workspace sign-in: a forged X-Forwarded-For from a client that is not the proxy gives no fresh budget', async () => {
    const { env } = stackInfo();
    const direct = (client: string) => ({
      origin: 'http://droomkaart.test',
      host: 'droomkaart.test',
      'x-forwarded-for': client,
    });
    for (let i = 0; i < 10; i++)
      expect(
        (await signInPost('beleid@droomkaart.test', `fout-${i}`, direct(`198.51.100.${150 + i}`), '127.0.0.2')).status,
      ).toBe(401);
    expect(
      (await signInPost('beleid@droomkaart.test', env.DEMO_PASSWORD, direct('198.51.100.199'), '127.0.0.2')).status,
    ).toBe(429);
    // The same account through the proxy, as another visitor: in.
    expect((await signInPost('beleid@droomkaart.test', env.DEMO_PASSWORD, fromProxy('203.0.113.63'))).status).toBe(303);
  });
});

// --- a second site process and raw HTTP (Host, forwarded headers, local address, chunked bodies) ---

type Answer = { status: number; headers: Record<string, string | string[] | undefined>; body: string };

function send(
  port: number,
  method: string,
  path: string,
  headers: Record<string, string>,
  body?: string,
  localAddress?: string,
  chunked = false,
): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const req = httpRequest(
      {
        host: '127.0.0.1',
        port,
        method,
        path,
        headers: {
          ...headers,
          ...(body !== undefined && !chunked ? { 'content-length': String(Buffer.byteLength(body)) } : {}),
        },
        localAddress,
      },
      (res) => {
        let text = '';
        res.setEncoding('utf8');
        res.on('data', (c) => (text += c));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: text }));
      },
    );
    // A server may answer 413 and close while the body is still being written.
    req.on('error', (err) =>
      (err as NodeJS.ErrnoException).code === 'EPIPE' || (err as NodeJS.ErrnoException).code === 'ECONNRESET'
        ? undefined
        : reject(err),
    );
    if (body !== undefined && chunked) {
      // Several writes without a length: Node sends Transfer-Encoding: chunked.
      for (let i = 0; i < body.length; i += 4096) req.write(body.slice(i, i + 4096));
      req.end();
    } else req.end(body);
  });
}

const get = (port: number, path: string, headers: Record<string, string>, from?: string) =>
  send(port, 'GET', path, headers, undefined, from);
const post = (port: number, path: string, headers: Record<string, string>, body: string, from?: string) =>
  send(port, 'POST', path, headers, body, from);

function rawPost(
  baseURL: string,
  path: string,
  headers: Record<string, string>,
  body: string,
  chunked: boolean,
): Promise<Answer> {
  const url = new URL(baseURL);
  return send(Number(url.port), 'POST', path, { host: url.host, ...headers }, body, undefined, chunked);
}

const entry = () => join(repoRoot, 'site', 'dist', 'server', 'entry.mjs');

/** Runs the built site until it exits (or 20 s): for the refusals at start. */
function runSite(env: Record<string, string>): Promise<{ code: number | null; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [entry()], {
      cwd: join(repoRoot, 'site'),
      env: { ...env, HOST: '127.0.0.1', PORT: '0' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stderr = '';
    child.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
    const timer = setTimeout(() => child.kill('SIGKILL'), 20_000);
    child.on('exit', (code) => {
      clearTimeout(timer);
      resolve({ code, stderr });
    });
  });
}

/** A second site process on the e2e stack, on a free port. */
async function startSite(env: Record<string, string>): Promise<{ port: number; stop: () => Promise<void> }> {
  const child: ChildProcess = spawn(process.execPath, [entry()], {
    cwd: join(repoRoot, 'site'),
    env: { ...env, HOST: '127.0.0.1', PORT: '0' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let log = '';
  child.stderr!.on('data', (c: Buffer) => (log += c.toString()));
  const port = await new Promise<number>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`site did not start:\n${log}`)), 30_000);
    child.stdout!.on('data', (chunk: Buffer) => {
      log += chunk.toString();
      const m = /listening on http:\/\/[^:]+:(\d+)/i.exec(chunk.toString());
      if (m) {
        clearTimeout(timer);
        resolve(Number(m[1]));
      }
    });
    child.on('exit', (code) => reject(new Error(`site exited with ${code}:\n${log}`)));
  });
  return {
    port,
    stop: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  };
}
