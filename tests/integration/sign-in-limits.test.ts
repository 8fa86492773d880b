import { request as httpRequest } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestStack, type TestStack } from '../utils/stack.ts';
import { PORT_OFFSET } from '../utils/ports.ts';

// The sign-in limits (cms/src/security/sign-in-limits.ts) on the real cms, at their production
// values: the coordinator workspace's sign-in (the site's service-token calls, which name the
// visitor in X-Workspace-Client) and the cms admin's own `POST /admin/login` and token doors.
// - a stranger's wrong passwords never lock the real user out from another address;
// - one password sprayed over many accounts from one address is stopped;
// - guessing one account from one address is stopped, with Retry-After and a kind Dutch message;
// - a forged X-Forwarded-For from a client that is not a trusted proxy gives no fresh budget;
// - a guess spread over many addresses holds up unknown clients only: the account's known device
//   (the device token of an earlier sign-in) still gets in;
// - correct passwords never use up anything (the suites sign in as often as they like).
// The cms trusts 127.0.0.1 as its proxy here (TRUSTED_PROXIES): requests from 127.0.0.1 carry the
// client in X-Forwarded-For, requests from 127.0.0.2 are an untrusted client.
let stack: TestStack;
let password = '';
const COORDINATOR = 'coordinator@droomkaart.test';
const POLICY = 'beleid@droomkaart.test';
const ADMIN = 'admin@droomkaart.test';
const LIMITS = { perAddress: 30, perAccountAddress: 10, perAccount: 50, windowSeconds: 900 };

type Answer = { status: number; headers: Record<string, string | string[] | undefined>; body: any };

function send(
  method: string,
  path: string,
  options: { headers?: Record<string, string>; body?: unknown; from?: string } = {},
): Promise<Answer> {
  const url = new URL(path, stack.urls.cms);
  const body = options.body === undefined ? undefined : JSON.stringify(options.body);
  return new Promise((resolve, reject) => {
    const req = httpRequest(
      {
        host: '127.0.0.1',
        port: Number(url.port),
        method,
        path: `${url.pathname}${url.search}`,
        localAddress: options.from,
        headers: {
          ...(body !== undefined
            ? { 'content-type': 'application/json', 'content-length': String(Buffer.byteLength(body)) }
            : {}),
          ...options.headers,
        },
      },
      (res) => {
        let text = '';
        res.setEncoding('utf8');
        res.on('data', (c) => (text += c));
        res.on('end', () => {
          let parsed: unknown = text;
          try {
            parsed = text ? JSON.parse(text) : null;
          } catch {
            // not JSON
          }
          resolve({ status: res.statusCode ?? 0, headers: res.headers, body: parsed });
        });
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}

/** The workspace sign-in as the site calls it: service token, and the visitor's address. */
const workspaceSignIn = (
  email: string,
  pw: string,
  client?: string,
  device?: string,
  headers: Record<string, string> = {},
) =>
  send('POST', '/api/workspace/sessions', {
    headers: {
      authorization: `Bearer ${stack.env.WORKSPACE_TOKEN}`,
      ...(client ? { 'x-workspace-client': client } : {}),
      ...headers,
    },
    body: { email, password: pw, ...(device ? { device } : {}) },
  });

/** The cms admin's sign-in from a client behind the trusted proxy (or, with `from`, straight from that address). */
const adminSignIn = (
  email: string,
  pw: string,
  client: string | null,
  options: { from?: string; headers?: Record<string, string> } = {},
) =>
  send('POST', '/admin/login', {
    body: { email, password: pw },
    from: options.from,
    headers: { ...(client ? { 'x-forwarded-for': client } : {}), ...options.headers },
  });

const deviceCookie = (answer: Answer) =>
  ([answer.headers['set-cookie']].flat().find((c) => c?.startsWith('dk_admin_device=')) ?? '').split(';')[0];

function expectWait(answer: Answer, message: string) {
  expect(answer.status, JSON.stringify(answer.body)).toBe(429);
  const wait = Number(answer.headers['retry-after']);
  expect(wait).toBeGreaterThan(0);
  expect(wait).toBeLessThanOrEqual(3600);
  expect(message).toMatch(/^Je hebt het te vaak geprobeerd\. Wacht \d+ minu(ut|ten) en probeer het dan opnieuw\.$/);
}

beforeAll(async () => {
  stack = await startTestStack({
    name: 'sign-in-limits',
    portOffset: PORT_OFFSET.signInLimits,
    services: ['cms'],
    env: { TRUSTED_PROXIES: '127.0.0.1' },
  });
  password = stack.env.DEMO_PASSWORD;
});

afterAll(async () => {
  await stack?.cleanup();
});

describe('the workspace sign-in (through the site’s service-token calls)', () => {
  it('a stranger guessing the coordinator’s password is stopped, and the real coordinator still signs in from elsewhere', async () => {
    const stranger = '198.51.100.10';
    for (let i = 0; i < LIMITS.perAccountAddress; i++)
      expect((await workspaceSignIn(COORDINATOR, `fout-${i}`, stranger)).status).toBe(401);
    // The stranger's next try is refused before the password is looked at, even the right one.
    const refused = await workspaceSignIn(COORDINATOR, password, stranger);
    expectWait(refused, refused.body.error.message);
    expect(refused.body.error).toMatchObject({
      status: 429,
      key: 'workspace.error.tooManyAttempts',
      retryAfter: Number(refused.headers['retry-after']),
    });
    expect(Number(refused.headers['retry-after'])).toBeLessThanOrEqual(LIMITS.windowSeconds);
    // The coordinator, at the office: in.
    const real = await workspaceSignIn(COORDINATOR, password, '203.0.113.10');
    expect(real.status, JSON.stringify(real.body)).toBe(201);
    expect(real.body.data.device).toMatchObject({
      token: expect.stringMatching(/^\d+\.[A-Za-z0-9_-]{16}\.[A-Za-z0-9_-]{43}$/),
      expiresAt: expect.any(String),
    });
  });

  it('one password sprayed over many accounts from one address is stopped after the address limit', async () => {
    const sprayer = '198.51.100.20';
    for (let i = 0; i < LIMITS.perAddress; i++)
      expect((await workspaceSignIn(`medewerker${i}@droomkaart.test`, 'Zomer2026!', sprayer)).status).toBe(401);
    const next = await workspaceSignIn(POLICY, 'Zomer2026!', sprayer);
    expectWait(next, next.body.error.message);
    // The policy adviser from another address is not touched.
    expect((await workspaceSignIn(POLICY, password, '203.0.113.20')).status).toBe(201);
  });

  it('believes the visitor’s address only from the service token, and only when it is an address', async () => {
    // Without the service token nothing is even counted: the call is refused first.
    const noToken = await send('POST', '/api/workspace/sessions', {
      headers: { 'x-workspace-client': '198.51.100.30' },
      body: { email: COORDINATOR, password: 'x' },
    });
    expect(noToken.status).toBe(401);
    // A named client that is no address (or forged X-Forwarded-For from a peer that is not a
    // trusted proxy) counts as the caller itself: no fresh budget per invented name.
    for (let i = 0; i < LIMITS.perAccountAddress; i++) {
      const answer = await send('POST', '/api/workspace/sessions', {
        from: '127.0.0.2',
        headers: {
          authorization: `Bearer ${stack.env.WORKSPACE_TOKEN}`,
          'x-workspace-client': `geen-adres-${i}`,
          'x-forwarded-for': `198.51.100.${100 + i}`,
        },
        body: { email: POLICY, password: `fout-${i}` },
      });
      expect(answer.status).toBe(401);
    }
    const after = await send('POST', '/api/workspace/sessions', {
      from: '127.0.0.2',
      headers: { authorization: `Bearer ${stack.env.WORKSPACE_TOKEN}`, 'x-forwarded-for': '198.51.100.199' },
      body: { email: POLICY, password },
    });
    expect(after.status).toBe(429);
  });

  it('a guess spread over many addresses holds up unknown clients only; the coordinator’s own browser gets in', async () => {
    const known = await workspaceSignIn(COORDINATOR, password, '203.0.113.11');
    expect(known.status).toBe(201);
    const device = known.body.data.device.token as string;
    // Nine wrong tries each from many addresses: no address reaches its own limits…
    let n = 0;
    let unknown = await workspaceSignIn(COORDINATOR, password, '203.0.113.12');
    expect(unknown.status).toBe(201);
    while (n < LIMITS.perAccount + 10) {
      const from = `192.0.2.${Math.floor(n / 9) + 1}`;
      const answer = await workspaceSignIn(COORDINATOR, `fout-${n++}`, from);
      if (answer.status === 429) break;
      expect(answer.status).toBe(401);
    }
    // …but the account as a whole has had enough (at most 50 failures an hour, the first test's 10 included).
    expect(n).toBeLessThanOrEqual(LIMITS.perAccount);
    unknown = await workspaceSignIn(COORDINATOR, password, '203.0.113.13');
    expectWait(unknown, unknown.body.error.message);
    // The device token of the coordinator's earlier sign-in: in, from a new address too.
    const mine = await workspaceSignIn(COORDINATOR, password, '203.0.113.14', device);
    expect(mine.status, JSON.stringify(mine.body)).toBe(201);
    // A device token is bound to its account: it does not help another account, nor a forged one.
    expect(
      (
        await workspaceSignIn(
          COORDINATOR,
          password,
          '203.0.113.15',
          device.replace(/.$/, (c) => (c === 'A' ? 'B' : 'A')),
        )
      ).status,
    ).toBe(429);
  });
});

describe('the cms admin sign-in (POST /admin/login)', () => {
  it('signing in correctly uses up nothing: a dozen sign-ins in a row from one place all succeed', async () => {
    for (let i = 0; i < 12; i++) {
      const answer = await adminSignIn(ADMIN, password, '203.0.113.50');
      expect(answer.status, `sign-in ${i + 1}: ${JSON.stringify(answer.body)}`).toBe(200);
    }
  });

  it('a stranger guessing an account is stopped with Retry-After and a kind message; the real user still signs in from elsewhere', async () => {
    const stranger = '198.51.100.60';
    for (let i = 0; i < LIMITS.perAccountAddress; i++)
      expect((await adminSignIn(ADMIN, `fout-${i}`, stranger)).status).toBe(400);
    const refused = await adminSignIn(ADMIN, password, stranger);
    expectWait(refused, refused.body.error.message);
    expect(refused.body.error).toMatchObject({
      status: 429,
      name: 'RateLimitError',
      details: { retryAfterSeconds: Number(refused.headers['retry-after']) },
    });
    const real = await adminSignIn(ADMIN, password, '203.0.113.60');
    expect(real.status, JSON.stringify(real.body)).toBe(200);
    expect(deviceCookie(real)).toMatch(/^dk_admin_device=\d+\./);
    expect(String([real.headers['set-cookie']].flat().find((c) => c?.startsWith('dk_admin_device=')))).toMatch(
      /Path=\/admin; Max-Age=\d+; HttpOnly; SameSite=Strict$/,
    );
  });

  it('one password sprayed over many accounts from one address is stopped', async () => {
    const sprayer = '198.51.100.70';
    for (let i = 0; i < LIMITS.perAddress; i++)
      expect((await adminSignIn(`redacteur${i}@droomkaart.test`, 'Zomer2026!', sprayer)).status).toBe(400);
    const next = await adminSignIn(ADMIN, 'Zomer2026!', sprayer);
    expectWait(next, next.body.error.message);
    expect((await adminSignIn(ADMIN, password, '203.0.113.70')).status).toBe(200);
  });

  it('a forged X-Forwarded-For from a client that is not a trusted proxy gives no fresh budget', async () => {
    for (let i = 0; i < LIMITS.perAccountAddress; i++) {
      const answer = await adminSignIn(ADMIN, `fout-${i}`, `198.51.100.${120 + i}`, { from: '127.0.0.2' });
      expect(answer.status).toBe(400);
    }
    const forged = await adminSignIn(ADMIN, password, '203.0.113.80', { from: '127.0.0.2' });
    expectWait(forged, forged.body.error.message);
    // Through the trusted proxy the same person is another client: in.
    expect((await adminSignIn(ADMIN, password, '203.0.113.81')).status).toBe(200);
  });

  it('a guess spread over many addresses holds up unknown clients only; the browser that signed in before gets in', async () => {
    const known = await adminSignIn(POLICY, password, '203.0.113.90');
    expect(known.status).toBe(200);
    const cookie = deviceCookie(known);
    let n = 0;
    while (n < LIMITS.perAccount + 10) {
      const answer = await adminSignIn(POLICY, `fout-${n}`, `192.0.2.${100 + Math.floor(n / 9)}`);
      n++;
      if (answer.status === 429) break;
      expect(answer.status).toBe(400);
    }
    expect(n).toBeLessThanOrEqual(LIMITS.perAccount + 1);
    const unknown = await adminSignIn(POLICY, password, '203.0.113.91');
    expectWait(unknown, unknown.body.error.message);
    const mine = await adminSignIn(POLICY, password, '203.0.113.92', { headers: { cookie } });
    expect(mine.status, JSON.stringify(mine.body)).toBe(200);
  });

  it('the reset and registration doors count failures per address too', async () => {
    const guesser = '198.51.100.140';
    const proxied = (client: string) => ({ headers: { 'x-forwarded-for': client } });
    for (let i = 0; i < LIMITS.perAddress; i++) {
      const answer = await send('POST', '/admin/reset-password', {
        ...proxied(guesser),
        body: { resetPasswordToken: `${i}`.padStart(40, 'a'), password: 'Nieuw-wachtwoord-1' },
      });
      expect(answer.status).toBeGreaterThanOrEqual(400);
      expect(answer.status).toBeLessThan(429);
    }
    const reset = await send('POST', '/admin/reset-password', {
      ...proxied(guesser),
      body: { resetPasswordToken: 'b'.repeat(40), password: 'Nieuw-wachtwoord-1' },
    });
    expectWait(reset, reset.body.error.message);
    expect(
      (await send('GET', `/admin/registration-info?registrationToken=${'c'.repeat(40)}`, proxied(guesser))).status,
    ).toBe(429);
    expect(
      (
        await send('POST', '/admin/register', {
          ...proxied(guesser),
          body: { registrationToken: 'd'.repeat(40), userInfo: {} },
        })
      ).status,
    ).toBe(429);
    expect(
      (
        await send('POST', '/admin/forgot-password', {
          ...proxied(guesser),
          body: { email: 'niemand@droomkaart.test' },
        })
      ).status,
    ).toBe(429);
    // Someone else is not held up.
    expect(
      (await send('GET', `/admin/registration-info?registrationToken=${'c'.repeat(40)}`, proxied('203.0.113.140')))
        .status,
    ).toBe(400);
    expect(
      (
        await send('POST', '/admin/forgot-password', {
          ...proxied('203.0.113.140'),
          body: { email: 'niemand@droomkaart.test' },
        })
      ).status,
    ).toBe(204);
  });
});
