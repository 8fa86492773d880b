import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { UNAVAILABLE_KEY, WorkspaceApiError, apiErrorFrom, queryString, workspaceApi } from './api.ts';

describe('errors of the workspace API', () => {
  it('takes status, key and field from the contract body', () => {
    const e = apiErrorFrom(409, {
      error: { status: 409, key: 'workspace.error.flow.consentFirst', message: 'Eerst toestemming', field: 'status' },
    });
    expect(e).toBeInstanceOf(WorkspaceApiError);
    expect({ status: e.status, key: e.key, field: e.field }).toEqual({
      status: 409,
      key: 'workspace.error.flow.consentFirst',
      field: 'status',
    });
    expect(apiErrorFrom(400, { error: { key: 'dream.error.phone', field: 'phone' } })).toMatchObject({
      key: 'dream.error.phone',
      field: 'phone',
    });
  });

  it('falls back on the status when the body has no usable key', () => {
    expect(apiErrorFrom(401, null)).toMatchObject({ status: 401, key: 'workspace.error.session', field: null });
    expect(apiErrorFrom(403, { error: { key: '<script>' } })).toMatchObject({ key: 'workspace.error.forbidden' });
    expect(apiErrorFrom(404, 'Not Found')).toMatchObject({ key: 'workspace.error.notFound' });
    expect(apiErrorFrom(429, {})).toMatchObject({ key: 'workspace.error.tooManyAttempts' });
    expect(apiErrorFrom(400, { error: { key: 'admin.secret', field: 'a b' } })).toMatchObject({
      key: 'workspace.error.invalid',
      field: null,
    });
  });

  it('keeps how long to wait from a 429, in seconds only and never more than a day', () => {
    expect(apiErrorFrom(429, { error: { key: 'workspace.error.tooManyAttempts' } }, '840')).toMatchObject({
      status: 429,
      retryAfterSeconds: 840,
    });
    expect(apiErrorFrom(429, {}, 'Wed, 21 Oct 2026 07:28:00 GMT').retryAfterSeconds).toBeNull();
    expect(apiErrorFrom(429, {}, '99999999').retryAfterSeconds).toBe(86_400);
    expect(apiErrorFrom(401, {}, '60').retryAfterSeconds).toBeNull();
  });

  it('never shows what a failing cms says', () => {
    expect(apiErrorFrom(500, { error: { key: 'workspace.error.invalid', message: 'stack trace' } })).toMatchObject({
      status: 500,
      key: UNAVAILABLE_KEY,
    });
    expect(apiErrorFrom(302, null)).toMatchObject({ status: 502, key: UNAVAILABLE_KEY });
  });

  it('leaves empty filters out of the query string', () => {
    expect(queryString({ status: 'nieuw', wijk: undefined, overdue: false, q: '', page: 2 })).toBe(
      '?status=nieuw&page=2',
    );
    expect(queryString({})).toBe('');
  });
});

type Seen = { method: string; url: string; headers: IncomingMessage['headers']; body: string };

describe('the workspace API client against a server', () => {
  let server: Server;
  let base = '';
  const seen: Seen[] = [];
  const routes: Record<string, (req: IncomingMessage, res: ServerResponse) => void> = {
    'POST /api/workspace/sessions': (_req, res) => {
      res.writeHead(201, { 'content-type': 'application/json' }).end(
        JSON.stringify({
          data: {
            session: 's'.repeat(40),
            expiresAt: '2027-03-04T22:00:00Z',
            user: {
              email: 'c@droomkaart.test',
              firstname: 'Cor',
              lastname: null,
              role: 'coordinator',
              can: { dreams: true, reports: true },
            },
          },
        }),
      );
    },
    'POST /api/workspace/sessions?limited': (_req, res) => {
      res.writeHead(429, { 'content-type': 'application/json', 'retry-after': '600' }).end(
        JSON.stringify({
          error: { status: 429, key: 'workspace.error.tooManyAttempts', message: 'Wacht 10 minuten' },
        }),
      );
    },
    'GET /api/workspace/me': (req, res) => {
      if (req.headers['x-workspace-session'] !== 's'.repeat(40))
        return void res
          .writeHead(401, { 'content-type': 'application/json' })
          .end(JSON.stringify({ error: { status: 401, key: 'workspace.error.session', message: 'Log opnieuw in' } }));
      res.writeHead(200, { 'content-type': 'application/json' }).end(
        JSON.stringify({
          data: {
            email: 'c@droomkaart.test',
            firstname: 'Cor',
            lastname: null,
            role: 'coordinator',
            can: { dreams: true, reports: true },
          },
        }),
      );
    },
    'PATCH /api/workspace/dreams/abc': (_req, res) => {
      res.writeHead(409, { 'content-type': 'application/json' }).end(
        JSON.stringify({
          error: { status: 409, key: 'workspace.error.flow.consent', message: '…', field: 'status' },
        }),
      );
    },
    'DELETE /api/workspace/referrals/r1': (_req, res) => void res.writeHead(204).end(),
    'GET /api/workspace/reports?from=2027-01&to=2027-03': (_req, res) =>
      void res.writeHead(502, { 'content-type': 'text/html' }).end('<h1>Bad gateway</h1>'),
    'GET /api/workspace/follow-ups': () => {
      // never answers: the client's timeout must end the wait
    },
    'GET /api/workspace/dreams?status=nieuw&page=1&pageSize=25': (_req, res) => {
      res.writeHead(200, { 'content-type': 'application/json' }).end(
        JSON.stringify({
          data: [],
          meta: {
            pagination: { page: 1, pageSize: 25, total: 0, pageCount: 0 },
            counts: { byStatus: {}, new: 0, overdue: 0, mine: 0, followUpToday: 0 },
          },
        }),
      );
    },
  };

  beforeAll(async () => {
    server = createServer((req, res) => {
      let body = '';
      req.on('data', (c) => (body += c));
      req.on('end', () => {
        seen.push({ method: req.method!, url: req.url!, headers: req.headers, body });
        const route = routes[`${req.method} ${req.url}`];
        if (route) route(req, res);
        else
          res
            .writeHead(404, { 'content-type': 'application/json' })
            .end(JSON.stringify({ error: { status: 404, key: 'workspace.error.notFound' } }));
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  });

  const last = () => seen[seen.length - 1];

  it('signs in with the token but without a session, and sends the password as JSON', async () => {
    const api = workspaceApi({ baseUrl: `${base}/`, token: 'tok-123' });
    const result = await api.signIn('c@droomkaart.test', 'geheim');
    expect(result.user.can).toEqual({ dreams: true, reports: true });
    expect(last().headers.authorization).toBe('Bearer tok-123');
    expect(last().headers['x-workspace-session']).toBeUndefined();
    expect(last().headers['content-type']).toBe('application/json');
    expect(JSON.parse(last().body)).toEqual({ email: 'c@droomkaart.test', password: 'geheim' });
  });

  it("names the visitor's address and sends the device token at sign-in; a 429 says how long to wait", async () => {
    const api = workspaceApi({ baseUrl: base, token: 'tok-123' });
    await api.signIn('c@droomkaart.test', 'geheim', { address: '203.0.113.7', device: '1.abc' });
    expect(last().headers['x-workspace-client']).toBe('203.0.113.7');
    expect(JSON.parse(last().body)).toEqual({ email: 'c@droomkaart.test', password: 'geheim', device: '1.abc' });
    const limited = workspaceApi({
      baseUrl: base,
      token: 'tok-123',
      fetch: (url, init) => fetch(`${url as string}?limited`, init),
    });
    await expect(limited.signIn('c@droomkaart.test', 'fout', { address: '203.0.113.7' })).rejects.toMatchObject({
      status: 429,
      key: 'workspace.error.tooManyAttempts',
      retryAfterSeconds: 600,
    });
  });

  it('sends the session on every other call', async () => {
    const user = await workspaceApi({ baseUrl: base, token: 'tok-123', session: 's'.repeat(40) }).me();
    expect(user.email).toBe('c@droomkaart.test');
    expect(last().headers['x-workspace-session']).toBe('s'.repeat(40));
  });

  it('maps a 401 to the session key, so the page signs out', async () => {
    await expect(workspaceApi({ baseUrl: base, token: 't', session: 'x'.repeat(40) }).me()).rejects.toMatchObject({
      status: 401,
      key: 'workspace.error.session',
    });
  });

  it('does not call the cms without a session or without a token', async () => {
    const before = seen.length;
    await expect(workspaceApi({ baseUrl: base, token: 't' }).me()).rejects.toMatchObject({
      status: 401,
      key: 'workspace.error.session',
    });
    await expect(workspaceApi({ baseUrl: base, token: '', session: 's'.repeat(40) }).me()).rejects.toMatchObject({
      status: 503,
      key: UNAVAILABLE_KEY,
    });
    expect(seen.length).toBe(before);
  });

  it('passes a flow rule of the cms on with its key and field', async () => {
    const api = workspaceApi({ baseUrl: base, token: 't', session: 's'.repeat(40) });
    await expect(api.updateDream('abc', { status: 'gesprek-gepland' })).rejects.toMatchObject({
      status: 409,
      key: 'workspace.error.flow.consent',
      field: 'status',
    });
    expect(last().method).toBe('PATCH');
    expect(JSON.parse(last().body)).toEqual({ status: 'gesprek-gepland' });
  });

  it('reads 204 as done, asks the list with its filters, and reads 404', async () => {
    const api = workspaceApi({ baseUrl: base, token: 't', session: 's'.repeat(40) });
    await expect(api.removeReferral('r1')).resolves.toBeUndefined();
    expect((await api.dreams({ status: 'nieuw', page: 1, pageSize: 25 })).meta.pagination.total).toBe(0);
    await expect(api.dream('nope')).rejects.toMatchObject({ status: 404, key: 'workspace.error.notFound' });
  });

  it('says "not available" for a failing cms, a timeout and a closed port', async () => {
    const api = workspaceApi({ baseUrl: base, token: 't', session: 's'.repeat(40), timeoutMs: 300 });
    await expect(api.reports('2027-01', '2027-03')).rejects.toMatchObject({ status: 502, key: UNAVAILABLE_KEY });
    await expect(api.followUps()).rejects.toMatchObject({ status: 504, key: UNAVAILABLE_KEY });
    await expect(
      workspaceApi({ baseUrl: 'http://127.0.0.1:9', token: 't', session: 's'.repeat(40) }).me(),
    ).rejects.toMatchObject({ status: 503, key: UNAVAILABLE_KEY });
  });
});
