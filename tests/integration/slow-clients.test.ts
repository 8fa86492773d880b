import { connect } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestStack, type TestStack } from '../utils/stack.ts';
import { PORT_OFFSET } from '../utils/ports.ts';

// Slow clients (issue 14, item 10): a client that sends its headers or its body at 1 byte/s
// ("slowloris") is cut off by every HTTP server of the product (site, cms, search-indexer) within
// the configured time, not Node's defaults (headers 60 s, whole request 300 s, checked every 30 s);
// idle keep-alive connections close; the cms gives uploads their longer body time; and normal
// requests still work. The stack runs with short limits, so the suite takes seconds:

const LIMITS = { headers: 2, request: 4, keepAlive: 1, upload: 8 } as const;
/** What a loaded 2-CPU machine may add to a limit (Node checks every 0.5 s here). */
const SLACK_MS = 2500;
/** How long a probe waits for the server to close before it gives up (Node's defaults are far longer). */
const GIVE_UP_MS = 20_000;

type Service = 'site' | 'cms' | 'indexer';
const SERVICES: Service[] = ['site', 'cms', 'indexer'];

let stack: TestStack;

beforeAll(async () => {
  stack = await startTestStack({
    name: 'slow-clients',
    portOffset: PORT_OFFSET.slowClients,
    services: ['meilisearch', 'cms', 'indexer', 'site'],
    env: {
      HTTP_HEADERS_TIMEOUT_SECONDS: String(LIMITS.headers),
      HTTP_REQUEST_TIMEOUT_SECONDS: String(LIMITS.request),
      HTTP_KEEP_ALIVE_TIMEOUT_SECONDS: String(LIMITS.keepAlive),
      CMS_UPLOAD_TIMEOUT_SECONDS: String(LIMITS.upload),
    },
  });
});

afterAll(async () => {
  await stack?.cleanup();
});

function address(service: Service): { host: string; port: number } {
  const url = new URL(stack.urls[service]);
  return { host: url.hostname, port: Number(url.port) };
}

type Outcome = { closedByServer: boolean; ms: number; status: string; answers: number };

/**
 * A raw connection: writes `head` at once, then `trickle` one byte per second (never finishing
 * when it is longer than the wait), and reports when the server closed the connection and the first
 * status line it sent.
 */
function probe(service: Service, { head = '', trickle = '' }: { head?: string; trickle?: string }): Promise<Outcome> {
  const { host, port } = address(service);
  return new Promise((resolve) => {
    const started = Date.now();
    const socket = connect(port, host);
    let received = '';
    let sent = 0;
    let timer: NodeJS.Timeout | undefined;
    socket.on('connect', () => {
      if (head) socket.write(head);
      timer = setInterval(() => {
        if (sent < trickle.length && socket.writable) socket.write(trickle[sent++]);
      }, 1000);
    });
    socket.on('data', (d) => (received += d.toString('latin1')));
    socket.on('error', () => {});
    const giveUp = setTimeout(() => finish(false), GIVE_UP_MS);
    socket.on('close', () => finish(true));
    let done = false;
    function finish(closedByServer: boolean) {
      if (done) return;
      done = true;
      clearInterval(timer);
      clearTimeout(giveUp);
      socket.destroy();
      const statuses = received.match(/HTTP\/1\.1 \d{3}[^\r\n]*/g) ?? [];
      const outcome = { closedByServer, ms: Date.now() - started, status: statuses[0] ?? '', answers: statuses.length };
      console.log(
        `[slow-clients] ${service} ${head.split('\r\n')[0] || '(nothing sent)'}: ${closedByServer ? `closed after ${outcome.ms} ms` : 'still open'} ${outcome.status}`,
      );
      resolve(outcome);
    }
  });
}

const HEALTH: Record<Service, string> = { site: '/health', cms: '/_health', indexer: '/health' };
const hostOf = (service: Service) => `${address(service).host}:${address(service).port}`;

/** A request whose body its server reads: the site's search, a cms API (parsed before any route), the indexer's change deliveries (signed). */
function bodyHead(service: Service, length: number): string {
  const path = { site: '/api/search/multi-search', cms: '/api/activities', indexer: '/changes' }[service];
  const auth = service === 'indexer' ? `Authorization: Bearer ${stack.env.INDEXER_WEBHOOK_SECRET}\r\n` : '';
  return `POST ${path} HTTP/1.1\r\nHost: ${hostOf(service)}\r\n${auth}Content-Type: application/json\r\nContent-Length: ${length}\r\n\r\n`;
}

describe('slow clients are cut off', () => {
  it('headers sent at 1 byte/s: every server closes within the headers time', async () => {
    const results = await Promise.all(
      SERVICES.map((s) =>
        probe(s, {
          head: `GET ${HEALTH[s]} HTTP/1.1\r\nHost: ${hostOf(s)}\r\n`,
          trickle: `X-Slow: ${'a'.repeat(100)}`,
        }),
      ),
    );
    for (const [i, r] of results.entries()) {
      expect(r.closedByServer, `${SERVICES[i]}: still open after ${GIVE_UP_MS} ms`).toBe(true);
      expect(r.ms, `${SERVICES[i]} closed after ${r.ms} ms`).toBeLessThan(LIMITS.headers * 1000 + SLACK_MS);
      expect(r.status, SERVICES[i]).toBe('HTTP/1.1 408 Request Timeout');
    }
  });

  it('a connection that sends nothing is closed within the headers time', async () => {
    const results = await Promise.all(SERVICES.map((s) => probe(s, {})));
    for (const [i, r] of results.entries()) {
      expect(r.closedByServer, `${SERVICES[i]}: still open after ${GIVE_UP_MS} ms`).toBe(true);
      expect(r.ms, `${SERVICES[i]} closed after ${r.ms} ms`).toBeLessThan(LIMITS.headers * 1000 + SLACK_MS);
    }
  });

  it('a declared body sent at 1 byte/s: every server closes within the request time', async () => {
    const results = await Promise.all(
      SERVICES.map((s) => probe(s, { head: bodyHead(s, 1000), trickle: '{"a":"' + 'x'.repeat(990) })),
    );
    for (const [i, r] of results.entries()) {
      expect(r.closedByServer, `${SERVICES[i]}: still open after ${GIVE_UP_MS} ms`).toBe(true);
      expect(r.ms, `${SERVICES[i]} closed after ${r.ms} ms`).toBeLessThan(LIMITS.request * 1000 + SLACK_MS);
    }
    for (const [i, r] of results.entries()) expect(r.status, SERVICES[i]).toBe('HTTP/1.1 408 Request Timeout');
  });

  it('the cms gives an upload its longer time, and no more', async () => {
    const boundary = 'droomkaart-slow';
    const start = `--${boundary}\r\nContent-Disposition: form-data; name="files"; filename="photo.jpg"\r\nContent-Type: image/jpeg\r\n\r\n`;
    const head = `POST /upload HTTP/1.1\r\nHost: ${hostOf('cms')}\r\nContent-Type: multipart/form-data; boundary=${boundary}\r\nContent-Length: 100000\r\n\r\n${start}`;
    const r = await probe('cms', { head, trickle: 'x'.repeat(100) });
    expect(r.closedByServer, `still open after ${GIVE_UP_MS} ms`).toBe(true);
    // Past the time of other bodies, within the upload time.
    expect(r.ms, `closed after ${r.ms} ms`).toBeGreaterThan(LIMITS.request * 1000 + 1000);
    expect(r.ms, `closed after ${r.ms} ms`).toBeLessThan(LIMITS.upload * 1000 + SLACK_MS);
  });

  it('an idle keep-alive connection is closed after the keep-alive time', async () => {
    const results = await Promise.all(
      SERVICES.map((s) => probe(s, { head: `GET ${HEALTH[s]} HTTP/1.1\r\nHost: ${hostOf(s)}\r\n\r\n` })),
    );
    for (const [i, r] of results.entries()) {
      expect(r.status, SERVICES[i]).toMatch(/^HTTP\/1\.1 20[04] /);
      expect(r.closedByServer, `${SERVICES[i]}: still open after ${GIVE_UP_MS} ms`).toBe(true);
      // Node adds a buffer of about a second to the keep-alive time; its default is 5 s.
      expect(r.ms, `${SERVICES[i]} closed after ${r.ms} ms`).toBeLessThan(LIMITS.keepAlive * 1000 + 1000 + SLACK_MS);
    }
  });
});

describe('normal requests still work', () => {
  it('health, a page, a search with a body, a cms read and two requests on one connection', async () => {
    for (const s of SERVICES) expect((await fetch(`${stack.urls[s]}${HEALTH[s]}`)).status, s).toBeLessThan(300);
    expect((await fetch(`${stack.urls.site}/nl/privacy`)).status).toBe(200);
    const search = await fetch(`${stack.urls.site}/api/search/multi-search`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ queries: [{ indexUid: 'activities_nl', q: '' }] }),
    });
    expect(search.status).toBeLessThan(500);
    expect((await fetch(`${stack.urls.cms}/api/activities?locale=nl`)).status).toBe(200);
    // Two requests on one keep-alive connection, the second after a pause shorter than the keep-alive time.
    const { host, port } = address('site');
    const answers = await new Promise<number>((resolve, reject) => {
      const socket = connect(port, host);
      let text = '';
      socket.on('data', (d) => (text += d.toString('latin1')));
      socket.on('error', reject);
      socket.on('close', () => resolve((text.match(/HTTP\/1\.1 200/g) ?? []).length));
      socket.on('connect', () => {
        socket.write(`GET /health HTTP/1.1\r\nHost: ${host}:${port}\r\n\r\n`);
        setTimeout(
          () => socket.write(`GET /health HTTP/1.1\r\nHost: ${host}:${port}\r\nConnection: close\r\n\r\n`),
          300,
        );
      });
    });
    expect(answers).toBe(2);
  });
});
