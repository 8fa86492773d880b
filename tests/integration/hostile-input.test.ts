import { request as httpRequest, type IncomingHttpHeaders } from 'node:http';
import { connect } from 'node:net';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestStack, type TestStack } from '../utils/stack.ts';
import { DEMO_ADMIN, request, signIn, type AdminSession } from '../utils/cms-admin.ts';
import { PORT_OFFSET } from '../utils/ports.ts';

// Bad input everywhere (issue 8): every public endpoint of the site, the cms and the indexer gets
// hostile input of each class (script injection, SQL-like strings, path traversal, oversized
// bodies, wrong content types, unknown query parameters, methods that are not allowed). Every
// answer must be a clear 2xx/3xx/4xx (never a 5xx), a 4xx must say what is wrong (JSON with a
// message, or a page in the reader's language), no answer may carry the payload as raw markup or
// a file's content, and nothing may be stored other than as the plain text that was sent.
//
// The tables send each request exactly as written (raw paths, no URL normalisation by the client)
// and collect every problem of a row before failing, so one run names them all.

const XSS = ['<script>alert(1)</script>', '"><img src=x onerror=alert(1)>'] as const;
const SQL = ["'; DROP TABLE dreams; --", '1 OR 1=1'] as const;
/** Path segments as sent (already percent-encoded where needed). */
const TRAVERSAL = [
  '..%2F..%2F..%2Fetc%2Fpasswd',
  '%2e%2e%2f%2e%2e%2f%2e%2e%2fetc%2fpasswd',
  '..%5c..%5c..%5cwindows%5cwin.ini',
  '%2e%2e',
  'x%00',
  '%00.png',
  '..%00%2f',
  '%ff%fe',
  encodeURIComponent('ünï-cødé-🎈-مرحبا'),
  'a'.repeat(3000),
] as const;
const BIG = Buffer.alloc(2 * 1024 * 1024, 'a');
const enc = encodeURIComponent;

type Service = 'site' | 'cms' | 'indexer';
type Auth = 'intake' | 'workspace' | 'session' | 'site-session' | 'changes';
type Probe = {
  service: Service;
  method?: string;
  path: string;
  headers?: Record<string, string>;
  body?: string | Buffer;
  /** Send the body without Content-Length (chunked), so the server has to count itself. */
  chunked?: boolean;
  /** The statuses this input may get; by default any answer below 500. */
  expect?: number[];
  auth?: Auth;
  /** A file (image, calendar) or a refusal by the HTTP server itself (431): a 4xx may come without a body. */
  file?: boolean;
  /** The answer may be in another language than the path's (a path that leaves its locale, `/nl/..%5c..`). */
  anyLang?: boolean;
  /** Must be answered within this many ms (oversized bodies are refused before they are read). */
  withinMs?: number;
};
type Answer = { status: number; headers: IncomingHttpHeaders; text: string; ms: number };

let stack: TestStack;
let admin: AdminSession;
let workspaceSession = '';
let siteCookie = '';
let slug = '';
let organisationSlug = '';
let activityDocumentId = '';
let dreamDocumentId = '';

const REDIRECT = [301, 302, 303, 307, 308];
const NOT_FOUND = [404];
const REFUSED = [400, 404];
/** The cms may also answer a path that leaves its route (`/api/activities/..%2F..`) as a forbidden one. */
const CMS_REFUSED = [400, 403, 404];
const TOO_LARGE = [413, 400];

function base(service: Service): string {
  return stack.urls[service];
}

/** Placeholders filled in once the stack runs: a real activity, organisation and dream. */
function fill(path: string): string {
  return path
    .replaceAll('{slug}', slug)
    .replaceAll('{org}', organisationSlug)
    .replaceAll('{activity}', activityDocumentId)
    .replaceAll('{dream}', dreamDocumentId);
}

function authHeaders(auth: Auth | undefined, service: Service): Record<string, string> {
  switch (auth) {
    case 'intake':
      return { authorization: `Bearer ${stack.env.DREAM_INTAKE_TOKEN}` };
    case 'workspace':
      return { authorization: `Bearer ${stack.env.WORKSPACE_TOKEN}` };
    case 'session':
      return { authorization: `Bearer ${stack.env.WORKSPACE_TOKEN}`, 'x-workspace-session': workspaceSession };
    case 'site-session':
      return { cookie: siteCookie };
    case 'changes':
      return { authorization: `Bearer ${stack.env.INDEXER_WEBHOOK_SECRET}` };
    default:
      // The site's forms are posted from its own pages.
      return service === 'site' ? { origin: stack.urls.site } : {};
  }
}

/** The request's headers: who calls (service token, session, the site's own origin) and the probe's own. */
function headersOf(probe: Probe, body: Buffer | undefined): Record<string, string> {
  const headers: Record<string, string> = {
    ...(probe.service === 'site' && probe.auth === 'site-session' ? { origin: stack.urls.site } : {}),
    ...authHeaders(probe.auth, probe.service),
    ...probe.headers,
  };
  if (body && !probe.chunked) headers['content-length'] = String(body.byteLength);
  return headers;
}

/** One request, with the path exactly as given (node:http does not normalise `..` or `%2e`). */
function send(probe: Probe): Promise<Answer> {
  const body = probe.body === undefined ? undefined : Buffer.from(probe.body);
  if (body && body.byteLength > 256 * 1024) return sendLarge(probe, body);
  const url = new URL(base(probe.service));
  const method = probe.method ?? 'GET';
  const started = performance.now();
  return new Promise((resolve, reject) => {
    const req = httpRequest(
      {
        host: url.hostname,
        port: url.port,
        method,
        path: fill(probe.path),
        headers: headersOf(probe, body),
        agent: false,
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () =>
          resolve({
            status: res.statusCode ?? 0,
            headers: res.headers,
            text: Buffer.concat(chunks).toString('utf8'),
            ms: performance.now() - started,
          }),
        );
        res.on('error', reject);
      },
    );
    req.on('error', (err) => reject(new Error(`${method} ${probe.service}${probe.path.slice(0, 80)}: ${err.message}`)));
    req.setTimeout(30_000, () => req.destroy(new Error('no answer within 30 s')));
    req.end(body);
  });
}

/**
 * A large body over a plain socket, kept alive. A server that refuses it answers before reading it;
 * Node's HTTP client asks the server to close the connection and then loses that answer to the
 * reset a close with unread data causes (EPIPE). This one reads the answer as soon as it is whole,
 * whatever happens to the writes.
 */
function sendLarge(probe: Probe, body: Buffer): Promise<Answer> {
  const url = new URL(base(probe.service));
  const headers = {
    host: url.host,
    ...headersOf(probe, body),
    ...(probe.chunked ? { 'transfer-encoding': 'chunked' } : {}),
  };
  const head = `${probe.method ?? 'POST'} ${fill(probe.path)} HTTP/1.1\r\n${Object.entries(headers)
    .map(([k, v]) => `${k}: ${v}`)
    .join('\r\n')}\r\n\r\n`;
  const started = performance.now();
  return new Promise((resolve, reject) => {
    const socket = connect(Number(url.port), url.hostname);
    let raw = Buffer.alloc(0);
    let done = false;
    const finish = (answer: Answer | null) => {
      if (done) return;
      done = true;
      socket.destroy();
      if (answer) resolve(answer);
      else reject(new Error(`${probe.method} ${probe.service}${probe.path}: no whole answer (${raw.length} bytes)`));
    };
    socket.on('data', (c: Buffer) => {
      raw = Buffer.concat([raw, c]);
      const answer = parseAnswer(raw, started);
      if (answer) finish(answer);
    });
    socket.on('error', () => {}); // EPIPE/ECONNRESET while writing: the answer is what counts
    socket.on('close', () => finish(parseAnswer(raw, started, true)));
    socket.setTimeout(30_000, () => socket.destroy());
    socket.write(head);
    void (async () => {
      for (let at = 0; at < body.byteLength && !socket.destroyed; at += 64 * 1024) {
        const piece = body.subarray(at, at + 64 * 1024);
        const ok = socket.write(
          probe.chunked
            ? Buffer.concat([Buffer.from(`${piece.byteLength.toString(16)}\r\n`), piece, Buffer.from('\r\n')])
            : piece,
        );
        if (!ok) await new Promise((r) => (socket.once('drain', r), socket.once('close', r)));
      }
      if (probe.chunked && !socket.destroyed) socket.write('0\r\n\r\n');
    })();
  });
}

/** Pure: an HTTP/1.1 answer from its bytes once it is whole (by Content-Length, chunks, or the close), else null. */
function parseAnswer(raw: Buffer, started: number, closed = false): Answer | null {
  const split = raw.indexOf('\r\n\r\n');
  if (split < 0) return null;
  const [statusLine, ...lines] = raw.subarray(0, split).toString('latin1').split('\r\n');
  const headers: IncomingHttpHeaders = {};
  for (const line of lines)
    headers[line.slice(0, line.indexOf(':')).trim().toLowerCase()] = line.slice(line.indexOf(':') + 1).trim();
  let rest = raw.subarray(split + 4);
  if (headers['transfer-encoding'] === 'chunked') {
    const parts: Buffer[] = [];
    for (;;) {
      const eol = rest.indexOf('\r\n');
      if (eol < 0) return null;
      const size = parseInt(rest.subarray(0, eol).toString(), 16);
      if (size === 0) break;
      if (rest.length < eol + 2 + size + 2) return null;
      parts.push(rest.subarray(eol + 2, eol + 2 + size));
      rest = rest.subarray(eol + 2 + size + 2);
    }
    rest = Buffer.concat(parts);
  } else if (headers['content-length'] !== undefined) {
    if (rest.length < Number(headers['content-length'])) return null;
    rest = rest.subarray(0, Number(headers['content-length']));
  } else if (!closed) return null;
  return {
    status: Number(statusLine.split(' ')[1]),
    headers,
    text: rest.toString('utf8'),
    ms: performance.now() - started,
  };
}

/** The language a site page must answer in: the path's locale, else the default. */
function expectedLang(path: string): string {
  const first = path.split('?')[0].split('/')[1] ?? '';
  return ['nl', 'en', 'ar', 'tr', 'pl', 'uk'].includes(first) ? first : 'nl';
}

function clearMessage(probe: Probe, answer: Answer): string | null {
  const type = String(answer.headers['content-type'] ?? '');
  const text = answer.text.trim();
  if (probe.method === 'HEAD') return null;
  if (!text) return probe.file ? null : 'an empty body';
  if (type.includes('json')) {
    let body: any;
    try {
      body = JSON.parse(text);
    } catch {
      return 'JSON that does not parse';
    }
    const message =
      body?.error?.message ??
      body?.message ??
      (typeof body?.error === 'string' ? body.error : null) ??
      (body?.errors ? JSON.stringify(body.errors) : null);
    return typeof message === 'string' && message.trim() ? null : `JSON without a message: ${text.slice(0, 120)}`;
  }
  if (type.includes('html')) {
    if (probe.service !== 'site') return null;
    const lang = probe.anyLang ? '[a-z]{2}' : expectedLang(fill(probe.path));
    if (!new RegExp(`<html[^>]* lang="${lang}"`).test(text))
      return `a page not in ${lang}: ${/<html[^>]*>/.exec(text)?.[0]}`;
    if (!/<h1[\s>]|role="alert"|class="notice/.test(text)) return 'a page without a heading or notice';
    return null;
  }
  return null;
}

const secrets = () =>
  [
    'MEILI_MASTER_KEY',
    'INDEXER_WEBHOOK_SECRET',
    'INDEXER_ADMIN_SECRET',
    'DREAM_INTAKE_TOKEN',
    'DREAM_FORM_SECRET',
    'WORKSPACE_TOKEN',
    'LINK_SECRET',
    'ADMIN_JWT_SECRET',
    'JWT_SECRET',
    'DEMO_PASSWORD',
  ]
    .map((k) => stack.env[k])
    .filter((v) => v && v.length >= 8);

const safeDecode = (s: string) => {
  try {
    return decodeURIComponent(s.replace(/\+/g, ' '));
  } catch {
    return s;
  }
};

/** Whether the request carried this payload (in its path, body or headers, encoded or not). */
function sent(probe: Probe, payload: string): boolean {
  const body = probe.body === undefined ? '' : Buffer.isBuffer(probe.body) ? '' : probe.body;
  const texts = [
    fill(probe.path),
    safeDecode(fill(probe.path)),
    body,
    safeDecode(body),
    JSON.stringify(probe.headers ?? {}),
  ];
  return texts.some((t) => t.includes(payload) || t.includes(JSON.stringify(payload).slice(1, -1)));
}

/**
 * Where a payload appears as markup. In HTML, text inside a double-quoted attribute value is not
 * markup (`value="<script>…"` shows the characters; Astro escapes the quote, so a value cannot be
 * left): those values are left out. Anywhere else, in any type of answer, the raw payload counts.
 */
function rawMarkup(answer: Answer, payload: string): boolean {
  const type = String(answer.headers['content-type'] ?? '');
  const text = type.includes('html') ? answer.text.replace(/="[^"]*"/g, '=""') : answer.text;
  return text.includes(payload);
}

/** Everything wrong with one answer (empty when it is fine). */
function judge(probe: Probe, answer: Answer): string[] {
  const where = `${probe.method ?? 'GET'} ${probe.service} ${fill(probe.path).slice(0, 140)}${probe.body !== undefined ? ` [${String(probe.headers?.['content-type'] ?? 'no type')}, ${Buffer.byteLength(probe.body)} B]` : ''}`;
  const out: string[] = [];
  const excerpt = answer.text.replace(/\s+/g, ' ').slice(0, 160);
  if (answer.status >= 500 || answer.status < 100) out.push(`${where} → ${answer.status}: ${excerpt}`);
  else if (probe.expect && !probe.expect.includes(answer.status))
    out.push(`${where} → ${answer.status}, expected ${probe.expect.join('/')}: ${excerpt}`);
  if (answer.status >= 400 && answer.status < 500) {
    const unclear = clearMessage(probe, answer);
    if (unclear) out.push(`${where} → ${answer.status} with ${unclear}`);
  }
  const headerText = Object.values(answer.headers).flat().join('\n');
  // Reflected markup: a payload the request carried, back as markup (stored text shown later is
  // checked where it is shown, in 'what is stored').
  for (const payload of XSS) {
    if (!sent(probe, payload)) continue;
    if (rawMarkup(answer, payload)) out.push(`${where} → ${answer.status} reflects ${payload} in its body`);
    if (headerText.includes(payload)) out.push(`${where} → ${answer.status} reflects ${payload} in a header`);
  }
  if (/root:[^:\n]*:0:0:/.test(answer.text) || /\[(fonts|extensions)\]/i.test(answer.text))
    out.push(`${where} → ${answer.status} serves a system file`);
  for (const secret of secrets())
    if (answer.text.includes(secret) || headerText.includes(secret))
      out.push(`${where} → ${answer.status} leaks a secret`);
  if (probe.withinMs && answer.ms > probe.withinMs)
    out.push(`${where} → took ${Math.round(answer.ms)} ms (at most ${probe.withinMs})`);
  return out;
}

/** Sends every probe (a few at a time) and fails once with every problem found. */
async function check(probes: Probe[]): Promise<Answer[]> {
  const answers: Answer[] = new Array(probes.length);
  let next = 0;
  await Promise.all(
    Array.from({ length: 4 }, async () => {
      while (next < probes.length) {
        const i = next++;
        answers[i] = await send(probes[i]);
      }
    }),
  );
  const problems = probes.flatMap((p, i) => judge(p, answers[i]));
  expect(problems, problems.join('\n')).toEqual([]);
  return answers;
}

// ---------------------------------------------------------------------------------------------
// The endpoints

/** Public site pages (GET), with a query parameter each reads. */
const SITE_PAGES: { path: string; param?: string }[] = [
  { path: '/nl/', param: 'x' },
  { path: '/nl/activiteiten', param: 'q' },
  { path: '/nl/activiteiten/{slug}', param: 'x' },
  { path: '/nl/organisaties', param: 'soort' },
  { path: '/nl/organisaties/{org}', param: 'x' },
  { path: '/nl/kaart', param: 'q' },
  { path: '/nl/regelingen', param: 'x' },
  { path: '/nl/privacy', param: 'x' },
  { path: '/nl/droom', param: 'editie' },
  { path: '/nl/036/', param: 'x' },
  { path: '/nl/036/droom', param: 'editie' },
  { path: '/nl/werkplek', param: 'next' },
  { path: '/ar/activiteiten', param: 'q' },
  { path: '/tr/droom', param: 'editie' },
];
/** Site resources that are not pages. */
const SITE_RESOURCES: { path: string; file?: boolean }[] = [
  { path: '/health' },
  { path: '/' },
  { path: '/nl/activiteiten/{slug}.ics', file: true },
  { path: '/uploads/nothing-here.png', file: true },
];
/** Workspace pages on the site, signed in as a coordinator. */
const WORKSPACE_PAGES: { path: string; param: string }[] = [
  { path: '/nl/werkplek', param: 'q' },
  { path: '/nl/werkplek/nieuw', param: 'x' },
  { path: '/nl/werkplek/rapportage', param: 'from' },
  { path: '/nl/werkplek/rapportage.csv', param: 'to' },
  { path: '/nl/werkplek/dromen/{dream}', param: 'q' },
  { path: '/nl/werkplek/dromen/{dream}/bericht', param: 'taal' },
  { path: '/nl/werkplek/dromen/{dream}/kaart', param: 'x' },
];
const CMS_COLLECTIONS = ['activities', 'organisations', 'places', 'themes', 'wijken', 'letterboxes'] as const;
const HSDS = ['/api/hsds', '/api/hsds/openapi.json', '/api/hsds/services', '/api/hsds/organizations'] as const;
const INDEXER_GETS = ['/health', '/metrics', '/search-key'] as const;

const formBody = (fields: Record<string, string>) => new URLSearchParams(fields).toString();
const FORM = { 'content-type': 'application/x-www-form-urlencoded' };
const JSON_TYPE = { 'content-type': 'application/json' };

beforeAll(async () => {
  stack = await startTestStack({
    name: 'hostile-input',
    portOffset: PORT_OFFSET.hostileInput,
    services: ['meilisearch', 'cms', 'indexer', 'site'],
    // A small demo seed; the letterbox without its minimum fill time and with a high per-address
    // limit, since every post of this suite comes from 127.0.0.1.
    env: {
      SEED_DEMO_DATA: 'true',
      SEED_ACTIVITY_COUNT: '8',
      DREAM_MIN_FILL_SECONDS: '0',
      DREAM_RATE_LIMIT_PER_IP: '100000',
      FAMILY_LINK_RATE_LIMIT_PER_IP: '100000',
      DREAM_DELIVERY_MAX_BACKOFF_SECONDS: '2',
      PROVIDER_PAGE_RATE_LIMIT: '100000',
    },
  });
  admin = await signIn(stack.urls.cms, DEMO_ADMIN.email, stack.env.DEMO_PASSWORD);
  const activities = await (
    await fetch(
      `${stack.urls.cms}/api/activities?locale=nl&pagination[pageSize]=1&populate[organisation][fields][0]=slug`,
    )
  ).json();
  slug = activities.data[0].slug;
  activityDocumentId = activities.data[0].documentId;
  organisationSlug = activities.data[0].organisation.slug;
  // A dream to open in the workspace, and a coordinator signed in on the cms and on the site.
  const dream = await fetch(`${stack.urls.cms}/api/dreams`, {
    method: 'POST',
    headers: { ...JSON_TYPE, authorization: `Bearer ${stack.env.DREAM_INTAKE_TOKEN}` },
    body: JSON.stringify({
      data: {
        edition: 'kind',
        firstName: 'Noor',
        age: 10,
        dream: 'Ik wil astronaut worden',
        wijk: 'muziekwijk',
        phone: '0612000001',
        channel: 'website',
        idempotencyKey: 'hostile-base',
      },
    }),
  });
  expect(dream.status).toBe(201);
  dreamDocumentId = (await dream.json()).data.documentId;
  const session = await fetch(`${stack.urls.cms}/api/workspace/sessions`, {
    method: 'POST',
    headers: { ...JSON_TYPE, authorization: `Bearer ${stack.env.WORKSPACE_TOKEN}` },
    body: JSON.stringify({ email: 'coordinator@droomkaart.test', password: stack.env.DEMO_PASSWORD }),
  });
  expect(session.status).toBe(201);
  workspaceSession = (await session.json()).data.session;
  const signedIn = await send({
    service: 'site',
    method: 'POST',
    path: '/nl/werkplek',
    headers: FORM,
    body: formBody({ _action: 'signin', email: 'coordinator@droomkaart.test', password: stack.env.DEMO_PASSWORD }),
  });
  expect(signedIn.status).toBe(303);
  siteCookie = String([signedIn.headers['set-cookie']].flat().find((c) => c?.startsWith('dk_session='))).split(';')[0];
  expect(siteCookie).toMatch(/^dk_session=/);
});

afterAll(async () => {
  await stack?.cleanup();
});

// ---------------------------------------------------------------------------------------------

describe('script injection', () => {
  it('site pages never show a script or markup sent in the query or the path', async () => {
    const probes: Probe[] = [];
    for (const page of SITE_PAGES) {
      for (const payload of XSS) {
        probes.push({ service: 'site', path: `${page.path}?${page.param}=${enc(payload)}` });
        probes.push({ service: 'site', path: `${page.path}?${enc(payload)}=1` });
      }
    }
    for (const payload of XSS) {
      for (const path of [
        '/nl/activiteiten/',
        '/nl/organisaties/',
        '/',
        '/nl/',
        '/nl/werkplek/dromen/',
        '/nl/aanmelding/',
      ])
        probes.push({
          service: 'site',
          path: `${path}${enc(payload)}`,
          expect: path === '/nl/werkplek/dromen/' ? [303, 404] : NOT_FOUND,
        });
      probes.push({ service: 'site', path: `/uploads/${enc(payload)}`, expect: NOT_FOUND, file: true });
      // The family's page of a personal link: a token that is not one is a kind 404 page.
      probes.push({ service: 'site', path: `/nl/gezin/${enc(payload)}`, expect: NOT_FOUND });
      probes.push({ service: 'site', path: `/nl/activiteiten/${enc(payload)}.ics`, expect: NOT_FOUND, file: true });
      // The catalogue's filters as the site writes them.
      probes.push({
        service: 'site',
        path: `/nl/activiteiten?leeftijd=${enc(payload)}&thema=${enc(payload)}&stadsdeel=${enc(payload)}&pagina=${enc(payload)}`,
      });
    }
    await check(probes);
  });

  it('signed-in workspace pages never show a script or markup sent in the query or the path', async () => {
    const probes: Probe[] = [];
    for (const page of WORKSPACE_PAGES) {
      for (const payload of XSS) {
        probes.push({
          service: 'site',
          auth: 'site-session',
          path: `${page.path}?${page.param}=${enc(payload)}&status=${enc(payload)}&wijk=${enc(payload)}`,
        });
      }
    }
    for (const payload of XSS)
      probes.push({
        service: 'site',
        auth: 'site-session',
        path: `/nl/werkplek/dromen/${enc(payload)}`,
        expect: NOT_FOUND,
      });
    await check(probes);
  });

  it('forms shown again after a refusal show what was typed as text', async () => {
    const probes: Probe[] = [];
    for (const payload of XSS) {
      const dream = {
        edition: 'kind',
        firstName: payload,
        age: payload,
        dream: payload,
        need: payload,
        wijk: payload,
        phone: payload,
        email: payload,
        parentName: payload,
        t: payload,
        website: '',
      };
      for (const path of ['/nl/droom', '/nl/036/droom', '/ar/droom'])
        probes.push({ service: 'site', method: 'POST', path, headers: FORM, body: formBody(dream), expect: [400] });
      // The island's check as you go (JSON): messages, never the input.
      probes.push({
        service: 'site',
        method: 'POST',
        path: '/nl/droom',
        headers: JSON_TYPE,
        body: JSON.stringify({ edition: payload, values: dream, fields: [payload, 'firstName'] }),
        expect: [200, 400],
      });
      probes.push({
        service: 'site',
        method: 'POST',
        path: '/nl/werkplek',
        headers: FORM,
        body: formBody({ _action: 'signin', email: payload, password: payload, next: payload }),
        expect: [400, 401],
      });
      probes.push({
        service: 'site',
        method: 'POST',
        path: '/nl/werkplek',
        headers: FORM,
        body: formBody({ _action: payload }),
        expect: [303],
      });
      // The family's answer on a link that is not one: the kind page, never the input.
      probes.push({
        service: 'site',
        method: 'POST',
        path: '/nl/gezin/l1.family.abc.x.abcdefghijklmnop.sig',
        headers: FORM,
        body: formBody({ referral: payload, answer: payload }),
        expect: NOT_FOUND,
      });
      probes.push({
        service: 'site',
        method: 'POST',
        auth: 'site-session',
        path: '/nl/werkplek/nieuw',
        headers: FORM,
        body: formBody({ ...dream, channel: payload, receivedAt: payload }),
        expect: [400],
      });
      probes.push({
        service: 'site',
        method: 'POST',
        auth: 'site-session',
        path: '/nl/werkplek/dromen/{dream}',
        headers: FORM,
        body: formBody({ _action: 'status', status: payload, note: payload }),
        expect: [400],
      });
      probes.push({
        service: 'site',
        method: 'POST',
        auth: 'site-session',
        path: '/nl/werkplek/dromen/{dream}',
        headers: FORM,
        body: formBody({
          _action: 'conversation',
          at: payload,
          date: payload,
          time: payload,
          kind: payload,
          place: payload,
        }),
        expect: [400],
      });
      probes.push({
        service: 'site',
        method: 'POST',
        auth: 'site-session',
        path: '/nl/werkplek/dromen/{dream}',
        headers: FORM,
        body: formBody({ _action: payload, referral: payload }),
        expect: [400, 404],
      });
      probes.push({
        service: 'site',
        method: 'POST',
        auth: 'site-session',
        path: '/nl/werkplek/dromen/{dream}',
        headers: FORM,
        body: formBody({ _action: 'family-join', family: payload, familyOther: payload }),
        expect: [400],
      });
    }
    await check(probes);
  });

  it('the cms REST and open-data APIs refuse or ignore markup in filters, fields, sorts and ids without echoing it', async () => {
    const probes: Probe[] = [];
    for (const payload of XSS) {
      const p = enc(payload);
      for (const collection of CMS_COLLECTIONS) {
        const api = `/api/${collection}`;
        probes.push({ service: 'cms', path: `${api}?filters[${p}][$eq]=1`, expect: [400] });
        probes.push({ service: 'cms', path: `${api}?filters[slug][$eq]=${p}`, expect: [200, 400] });
        probes.push({ service: 'cms', path: `${api}?populate=${p}`, expect: [400] });
        probes.push({ service: 'cms', path: `${api}?fields[0]=${p}`, expect: [400] });
        probes.push({ service: 'cms', path: `${api}?sort=${p}`, expect: [400] });
        probes.push({ service: 'cms', path: `${api}?locale=${p}`, expect: [200, 400] });
        probes.push({ service: 'cms', path: `${api}/${p}`, expect: [400, 404] });
      }
      for (const path of HSDS)
        probes.push({
          service: 'cms',
          path: `${path}?locale=${p}&search=${p}&page=${p}&per_page=${p}&taxonomy_term_id=${p}`,
          expect: path.endsWith('services') || path.endsWith('organizations') ? [400] : [200, 400],
        });
      probes.push({ service: 'cms', path: `/api/hsds/services/${p}`, expect: [400, 404] });
      probes.push({ service: 'cms', path: `/api/hsds/organizations/${p}`, expect: [400, 404] });
      probes.push({ service: 'cms', path: `/${p}`, expect: [400, 404] });
    }
    await check(probes);
  });

  it('the cms intake, workspace and sign-in refuse markup in their fields without echoing it', async () => {
    const probes: Probe[] = [];
    for (const payload of XSS) {
      const p = enc(payload);
      probes.push({
        service: 'cms',
        method: 'POST',
        path: '/api/dreams',
        auth: 'intake',
        headers: JSON_TYPE,
        body: JSON.stringify({
          data: {
            edition: payload,
            firstName: payload,
            age: payload,
            dream: payload,
            phone: payload,
            wijk: payload,
            channel: payload,
            [payload]: payload,
          },
        }),
        expect: [400],
      });
      probes.push({
        service: 'cms',
        method: 'POST',
        path: '/api/dreams',
        headers: JSON_TYPE,
        body: JSON.stringify({ data: { firstName: payload } }),
        expect: [401, 403],
      });
      probes.push({
        service: 'cms',
        method: 'POST',
        path: '/api/workspace/sessions',
        auth: 'workspace',
        headers: JSON_TYPE,
        body: JSON.stringify({ email: payload, password: payload }),
        expect: [400, 401],
      });
      probes.push({
        service: 'cms',
        path: `/api/workspace/dreams?q=${p}&status=${p}&wijk=${p}&edition=${p}&assigned=${p}`,
        auth: 'session',
        expect: [200, 400],
      });
      probes.push({ service: 'cms', path: `/api/workspace/dreams/${p}`, auth: 'session', expect: [404] });
      probes.push({
        service: 'cms',
        path: `/api/workspace/contacts?organisation=${p}`,
        auth: 'session',
        expect: [400],
      });
      probes.push({ service: 'cms', path: `/api/workspace/reports?from=${p}&to=${p}`, auth: 'session', expect: [400] });
      probes.push({
        service: 'cms',
        method: 'PATCH',
        path: '/api/workspace/dreams/{dream}',
        auth: 'session',
        headers: JSON_TYPE,
        body: JSON.stringify({ status: payload, themes: [payload], followUpDate: payload, [payload]: 1 }),
        expect: [400],
      });
      // Moving a dream into another family: only a dream's documentId or "none".
      probes.push({
        service: 'cms',
        method: 'PATCH',
        path: '/api/workspace/dreams/{dream}',
        auth: 'session',
        headers: JSON_TYPE,
        body: JSON.stringify({ family: payload }),
        expect: [400],
      });
      probes.push({
        service: 'cms',
        method: 'POST',
        path: '/api/workspace/dreams',
        auth: 'session',
        headers: JSON_TYPE,
        body: JSON.stringify({ edition: payload, firstName: payload, channel: payload }),
        expect: [400],
      });
      probes.push({
        service: 'cms',
        method: 'POST',
        path: '/api/workspace/dreams/{dream}/referrals',
        auth: 'session',
        headers: JSON_TYPE,
        body: JSON.stringify({ activityDocumentId: payload }),
        expect: [400, 404],
      });
      // The site has no accounts: the plugin's sign-in is closed to the public.
      probes.push({
        service: 'cms',
        method: 'POST',
        path: '/api/auth/local',
        headers: JSON_TYPE,
        body: JSON.stringify({ identifier: payload, password: payload }),
        expect: [403],
      });
    }
    await check(probes);
  });

  it('the search proxy and the indexer never echo markup', async () => {
    const probes: Probe[] = [];
    for (const payload of XSS) {
      const query = (q: Record<string, unknown>) => JSON.stringify({ queries: [{ indexUid: 'activities_nl', ...q }] });
      probes.push({
        service: 'site',
        method: 'POST',
        path: '/api/search/multi-search',
        headers: JSON_TYPE,
        body: query({ q: payload }),
        expect: [200],
      });
      probes.push({
        service: 'site',
        method: 'POST',
        path: '/api/search/multi-search',
        headers: JSON_TYPE,
        body: query({ q: 'zwem', filter: payload }),
        expect: [400],
      });
      probes.push({
        service: 'site',
        method: 'POST',
        path: '/api/search/multi-search',
        headers: JSON_TYPE,
        body: query({ q: 'zwem', sort: [payload], facets: [payload], attributesToHighlight: [payload] }),
        expect: [200, 400],
      });
      probes.push({
        service: 'site',
        method: 'POST',
        path: '/api/search/multi-search',
        headers: JSON_TYPE,
        body: JSON.stringify({ queries: [{ indexUid: payload }] }),
        expect: [403],
      });
      probes.push({
        service: 'indexer',
        method: 'POST',
        path: '/changes',
        auth: 'changes',
        headers: JSON_TYPE,
        body: JSON.stringify({ keys: [payload] }),
        expect: [202, 400],
      });
      probes.push({
        service: 'indexer',
        method: 'POST',
        path: '/changes',
        auth: 'changes',
        headers: JSON_TYPE,
        body: JSON.stringify({ keys: [`activity:${payload}`, `organisation:${payload}`] }),
        expect: [202, 400],
      });
      probes.push({
        service: 'indexer',
        method: 'POST',
        path: '/changes',
        headers: { ...JSON_TYPE, authorization: `Bearer ${payload}` },
        body: '{}',
        expect: [401],
      });
      for (const path of INDEXER_GETS)
        probes.push({ service: 'indexer', path: `${path}?${enc(payload)}=${enc(payload)}`, expect: [200] });
      probes.push({ service: 'indexer', path: `/${enc(payload)}`, expect: [404] });
    }
    await check(probes);
    // Markup in an answer is escaped, not removed: read as JSON it is the same text (the query as
    // sent, Meilisearch's own <em> highlights).
    const [hit] = await check([
      {
        service: 'site',
        method: 'POST',
        path: '/api/search/multi-search',
        headers: JSON_TYPE,
        body: JSON.stringify({
          queries: [{ indexUid: 'activities_nl', q: `zwemles ${XSS[0]}`, attributesToHighlight: ['title'] }],
        }),
        expect: [200],
      },
    ]);
    expect(hit.text).toContain('\\u003cscript\\u003e');
    const [result] = JSON.parse(hit.text).results;
    expect(result.query).toBe(`zwemles ${XSS[0]}`);
    expect(result.hits.length).toBeGreaterThan(0);
    expect(result.hits[0]._formatted.title).toContain('<em>');
  });
});

// ---------------------------------------------------------------------------------------------

type Counts = Record<string, number>;

async function counts(): Promise<Counts> {
  const out: Counts = {};
  for (const collection of CMS_COLLECTIONS) {
    const body = await (await fetch(`${stack.urls.cms}/api/${collection}?pagination[pageSize]=1`)).json();
    out[collection] = body.meta.pagination.total;
  }
  const dreams = await request(admin, 'GET', '/content-manager/collection-types/api::dream.dream?pageSize=1');
  out.dreams = dreams.body.pagination.total;
  const referrals = await request(admin, 'GET', '/content-manager/collection-types/api::referral.referral?pageSize=1');
  out.referrals = referrals.body.pagination.total;
  const users = await request(admin, 'GET', '/admin/users?pageSize=1');
  out.adminUsers = users.body.data.pagination.total;
  const hsds = await (await fetch(`${stack.urls.cms}/api/hsds/services?per_page=1`)).json();
  out.hsdsServices = hsds.total_items;
  const stats = await (
    await fetch(`${stack.urls.meilisearch}/stats`, {
      headers: { authorization: `Bearer ${stack.env.MEILI_MASTER_KEY}` },
    })
  ).json();
  for (const [uid, index] of Object.entries(stats.indexes as Record<string, { numberOfDocuments: number }>))
    out[`index ${uid}`] = index.numberOfDocuments;
  return out;
}

describe('SQL-like strings', () => {
  let before: Counts;
  beforeAll(async () => {
    before = await counts();
    expect(before.activities).toBeGreaterThan(0);
  });

  it('in cms filters, sorts, pages and ids: refused or matched as plain text, never everything', async () => {
    const probes: Probe[] = [];
    for (const sql of SQL) {
      const s = enc(sql);
      for (const collection of CMS_COLLECTIONS) {
        const api = `/api/${collection}`;
        for (const filter of [
          `filters[slug][$eq]=${s}`,
          `filters[slug][$contains]=${s}`,
          `filters[slug][$in][0]=${s}`,
          `filters[$or][0][slug][$eq]=${s}`,
          `filters[id][$eq]=${s}`,
        ])
          probes.push({ service: 'cms', path: `${api}?${filter}`, expect: [200, 400] });
        probes.push({ service: 'cms', path: `${api}?sort=${s}`, expect: [400] });
        probes.push({
          service: 'cms',
          path: `${api}?pagination[page]=${s}&pagination[pageSize]=${s}`,
          expect: [200, 400],
        });
        probes.push({ service: 'cms', path: `${api}?locale=${s}`, expect: [200, 400] });
        probes.push({ service: 'cms', path: `${api}/${s}`, expect: [400, 404] });
      }
      probes.push({ service: 'cms', path: `/api/hsds/services?search=${s}`, expect: [200, 400] });
      probes.push({ service: 'cms', path: `/api/hsds/services/${s}`, expect: [400, 404] });
      probes.push({ service: 'cms', path: `/api/hsds/organizations/${s}`, expect: [400, 404] });
    }
    const answers = await check(probes);
    // A filter that SQL would read as "always true" finds nothing here.
    probes.forEach((probe, i) => {
      if (answers[i].status === 200 && probe.path.includes('filters['))
        expect(JSON.parse(answers[i].text).meta.pagination.total, probe.path).toBe(0);
    });
  });

  it('in search queries, filters and slugs on the site and in the workspace', async () => {
    const probes: Probe[] = [];
    for (const sql of SQL) {
      const s = enc(sql);
      probes.push({ service: 'site', path: `/nl/activiteiten?q=${s}` });
      probes.push({ service: 'site', path: `/nl/kaart?q=${s}` });
      probes.push({ service: 'site', path: `/nl/activiteiten?leeftijd=${s}&thema=${s}&pagina=${s}` });
      probes.push({ service: 'site', path: `/nl/organisaties?soort=${s}` });
      probes.push({ service: 'site', path: `/nl/activiteiten/${s}`, expect: NOT_FOUND });
      probes.push({ service: 'site', path: `/nl/organisaties/${s}`, expect: NOT_FOUND });
      probes.push({ service: 'site', path: `/nl/activiteiten/${s}.ics`, expect: NOT_FOUND, file: true });
      probes.push({
        service: 'site',
        method: 'POST',
        path: '/api/search/multi-search',
        headers: JSON_TYPE,
        body: JSON.stringify({ queries: [{ indexUid: 'activities_nl', q: sql }] }),
        expect: [200],
      });
      probes.push({
        service: 'site',
        method: 'POST',
        path: '/api/search/multi-search',
        headers: JSON_TYPE,
        body: JSON.stringify({ queries: [{ indexUid: 'activities_nl', q: 'zwem', filter: sql }] }),
        expect: [400],
      });
      probes.push({
        service: 'site',
        method: 'POST',
        path: '/api/search/multi-search',
        headers: JSON_TYPE,
        body: JSON.stringify({ queries: [{ indexUid: 'activities_nl', q: 'zwem', filter: `themes = "x" OR ${sql}` }] }),
        expect: [400],
      });
      probes.push({ service: 'site', auth: 'site-session', path: `/nl/werkplek?q=${s}&status=${s}&wijk=${s}` });
      probes.push({ service: 'site', auth: 'site-session', path: `/nl/werkplek/dromen/${s}`, expect: NOT_FOUND });
      probes.push({ service: 'site', auth: 'site-session', path: `/nl/werkplek/rapportage?from=${s}&to=${s}` });
      probes.push({
        service: 'site',
        method: 'POST',
        path: '/nl/werkplek',
        headers: FORM,
        body: formBody({ _action: 'signin', email: sql, password: sql }),
        expect: [400, 401],
      });
      probes.push({
        service: 'cms',
        auth: 'session',
        path: `/api/workspace/dreams?q=${s}&status=${s}&wijk=${s}&assigned=${s}`,
        expect: [200, 400],
      });
      probes.push({ service: 'cms', auth: 'session', path: `/api/workspace/dreams/${s}`, expect: [404] });
      probes.push({
        service: 'cms',
        auth: 'session',
        path: `/api/workspace/contacts?organisation=${s}`,
        expect: [400],
      });
      probes.push({
        service: 'cms',
        method: 'POST',
        path: '/api/workspace/sessions',
        auth: 'workspace',
        headers: JSON_TYPE,
        body: JSON.stringify({ email: sql, password: sql }),
        expect: [400, 401],
      });
      probes.push({
        service: 'cms',
        method: 'POST',
        path: '/api/workspace/dreams/{dream}/referrals',
        auth: 'session',
        headers: JSON_TYPE,
        body: JSON.stringify({ activityDocumentId: sql }),
        expect: [400, 404],
      });
    }
    const answers = await check(probes);
    probes.forEach((probe, i) => {
      // The workspace search matches text, not SQL: no dream holds these words.
      if (probe.service === 'cms' && probe.path.startsWith('/api/workspace/dreams?') && answers[i].status === 200)
        expect(JSON.parse(answers[i].text).data).toEqual([]);
    });
  });

  it('changes nothing that is stored', async () => {
    expect(await counts()).toEqual(before);
  });
});

// ---------------------------------------------------------------------------------------------

describe('path traversal and unknown locales', () => {
  it('on the site: 404 (or a redirect to a page), never a file', async () => {
    const probes: Probe[] = [];
    for (const t of TRAVERSAL) {
      // `..` may take the path out of its locale (the page is then another's, or a redirect to one).
      const leaves = t.includes('..') || t.includes('%2e%2e');
      const expected = t === '%2e%2e' ? [200, ...REDIRECT, 404] : t === '%ff%fe' ? REFUSED : NOT_FOUND;
      for (const path of [
        `/nl/activiteiten/${t}`,
        `/nl/organisaties/${t}`,
        `/${t}/`,
        `/${t}/activiteiten`,
        `/nl/${t}`,
        `/ar/activiteiten/${t}`,
      ])
        probes.push({ service: 'site', path, expect: expected, anyLang: leaves });
      probes.push({
        service: 'site',
        path: `/nl/activiteiten/${t}.ics`,
        expect: expected,
        file: true,
        anyLang: leaves,
      });
      probes.push({ service: 'site', path: `/uploads/${t}`, expect: expected, file: true, anyLang: leaves });
      probes.push({
        service: 'site',
        auth: 'site-session',
        path: `/nl/werkplek/dromen/${t}`,
        expect: expected,
        anyLang: leaves,
      });
      probes.push({ service: 'site', path: `/nl/droom?editie=${t}` });
      probes.push({ service: 'site', path: `/nl/werkplek?next=${t}` });
    }
    for (const path of [
      '/../../../etc/passwd',
      '/nl/../../../../etc/passwd',
      '/uploads/../../../etc/passwd',
      '/uploads/..%2f..%2f..%2f.env',
      '/uploads/%2e%2e%2f%2e%2e%2fpackage.json',
      '/nl/activiteiten/..%2f..%2f..%2fpackage.json',
      '/%2e%2e/%2e%2e/etc/passwd',
      '/..%5c..%5c/etc/passwd',
      '/nl/..;/..;/etc/passwd',
    ]) {
      probes.push({
        service: 'site',
        path,
        expect: [...REDIRECT, 400, 404],
        anyLang: true,
        file: path.startsWith('/uploads/'),
      });
    }
    // Unknown locales: a page that does not exist, in Dutch.
    for (const locale of ['xx', 'NL', 'nl-NL', 'zz', '..', '%2e%2e', 'x', 'nederlands']) {
      for (const rest of [
        '/',
        '/activiteiten',
        '/activiteiten/{slug}',
        '/organisaties',
        '/kaart',
        '/regelingen',
        '/droom',
        '/036/',
        '/036/droom',
        '/privacy',
        '/werkplek',
        '/werkplek/nieuw',
        '/werkplek/dromen/{dream}',
        '/werkplek/rapportage.csv',
        '/activiteiten/{slug}.ics',
      ]) {
        // Without a session the workspace first sends to its sign-in page (in the default locale).
        const expected =
          locale === '..' || locale === '%2e%2e'
            ? [200, ...REDIRECT, 404]
            : rest.startsWith('/werkplek')
              ? [303, 404]
              : NOT_FOUND;
        probes.push({
          service: 'site',
          path: `/${locale}${rest}`,
          expect: expected,
          file: rest.endsWith('.ics') || rest.endsWith('.csv'),
          anyLang: locale.includes('.') || locale.includes('%'),
        });
      }
    }
    await check(probes);
  });

  it('in the cms and the indexer: 400/404, never a file', async () => {
    const probes: Probe[] = [];
    for (const t of TRAVERSAL) {
      for (const collection of CMS_COLLECTIONS)
        probes.push({ service: 'cms', path: `/api/${collection}/${t}`, expect: CMS_REFUSED });
      probes.push({ service: 'cms', path: `/api/activities?locale=${t}`, expect: [200, 400] });
      probes.push({ service: 'cms', path: `/api/hsds/services/${t}`, expect: CMS_REFUSED });
      probes.push({ service: 'cms', path: `/api/hsds/services?locale=${t}`, expect: [400] });
      probes.push({ service: 'cms', path: `/api/hsds/organizations/${t}`, expect: CMS_REFUSED });
      probes.push({ service: 'cms', auth: 'session', path: `/api/workspace/dreams/${t}`, expect: CMS_REFUSED });
      probes.push({ service: 'cms', path: `/uploads/${t}`, expect: CMS_REFUSED });
      probes.push({ service: 'cms', path: `/${t}`, expect: CMS_REFUSED });
      probes.push({ service: 'indexer', path: `/${t}`, expect: REFUSED });
      probes.push({ service: 'indexer', method: 'POST', path: `/changes/${t}`, expect: REFUSED });
    }
    for (const path of [
      '/../../../etc/passwd',
      '/uploads/../../../etc/passwd',
      '/uploads/..%2f..%2f..%2f.env',
      '/uploads/..%2f..%2fpackage.json',
      '/..%2f..%2fconfig%2fdatabase.js',
      '/api/../../../etc/passwd',
      '/api/activities/..%2f..%2f..%2fetc%2fpasswd',
    ]) {
      probes.push({ service: 'cms', path, expect: [...REDIRECT, 400, 403, 404] });
      probes.push({ service: 'indexer', path, expect: [400, 404] });
    }
    await check(probes);
  });
});

// ---------------------------------------------------------------------------------------------

describe('oversized bodies', () => {
  const big = (
    service: Service,
    path: string,
    type: Record<string, string>,
    auth?: Auth,
    expectStatus = TOO_LARGE,
  ): Probe[] => [
    { service, method: 'POST', path, headers: type, body: BIG, auth, expect: expectStatus, withinMs: 5000 },
    {
      service,
      method: 'POST',
      path,
      headers: type,
      body: BIG,
      auth,
      expect: expectStatus,
      withinMs: 5000,
      chunked: true,
    },
  ];
  const bigJson = Buffer.from(JSON.stringify({ data: { dream: 'a'.repeat(2 * 1024 * 1024) } }));

  it('are refused with 413 quickly, whether announced or not', async () => {
    const probes: Probe[] = [
      ...big('site', '/nl/droom', FORM),
      ...big('site', '/nl/036/droom', FORM),
      ...big('site', '/nl/droom', { 'content-type': 'multipart/form-data; boundary=x' }),
      ...big('site', '/nl/werkplek', FORM),
      ...big('site', '/nl/werkplek/nieuw', FORM, 'site-session'),
      ...big('site', '/nl/werkplek/dromen/{dream}', FORM, 'site-session'),
      ...big('site', '/nl/werkplek/uitloggen', FORM, undefined, [...TOO_LARGE, 303]),
      ...big('cms', '/api/dreams', { 'content-type': 'multipart/form-data; boundary=x' }, 'intake', [...TOO_LARGE]),
      ...big('cms', '/api/workspace/sessions', JSON_TYPE, 'workspace'),
      ...big('indexer', '/changes', JSON_TYPE, 'changes'),
      ...big('indexer', '/changes', JSON_TYPE, undefined, [...TOO_LARGE, 401]),
    ];
    for (const [service, path, auth] of [
      ['site', '/nl/droom', undefined],
      ['site', '/api/search/multi-search', undefined],
      ['cms', '/api/dreams', 'intake'],
      ['cms', '/api/dreams', undefined],
      ['cms', '/api/workspace/dreams', 'session'],
      ['cms', '/api/workspace/sessions', 'workspace'],
      ['cms', '/api/auth/local', undefined],
      ['indexer', '/changes', 'changes'],
    ] as [Service, string, Auth | undefined][]) {
      probes.push({
        service,
        method: 'POST',
        path,
        headers: JSON_TYPE,
        body: bigJson,
        auth,
        expect: TOO_LARGE,
        withinMs: 5000,
      });
      probes.push({
        service,
        method: 'POST',
        path,
        headers: JSON_TYPE,
        body: bigJson,
        auth,
        expect: TOO_LARGE,
        withinMs: 5000,
        chunked: true,
      });
    }
    probes.push({
      service: 'cms',
      method: 'PATCH',
      path: '/api/workspace/dreams/{dream}',
      headers: JSON_TYPE,
      body: bigJson,
      auth: 'session',
      expect: TOO_LARGE,
      withinMs: 5000,
    });
    // Operator calls without their secret: refused before anything is read.
    probes.push({
      service: 'indexer',
      method: 'POST',
      path: '/admin/reindex',
      headers: JSON_TYPE,
      body: bigJson,
      expect: [401, 413],
      withinMs: 5000,
    });
    probes.push({
      service: 'indexer',
      method: 'POST',
      path: '/admin/reconcile',
      headers: JSON_TYPE,
      body: bigJson,
      expect: [401, 413],
      withinMs: 5000,
    });
    await check(probes);
  });

  it('as a very long address or query: 4xx, not an error', async () => {
    const long = 'a'.repeat(12_000);
    await check([
      { service: 'site', path: `/nl/activiteiten?q=${long}`, expect: [200, ...REDIRECT, 400, 414, 431] },
      { service: 'site', path: `/nl/activiteiten/${long}`, expect: [404, 414, 431] },
      { service: 'cms', path: `/api/activities?filters[title][$eq]=${long}`, expect: [200, 400, 414, 431] },
      { service: 'cms', path: `/api/hsds/services?search=${long}`, expect: [200, 400, 414, 431] },
      { service: 'cms', auth: 'session', path: `/api/workspace/dreams?q=${long}`, expect: [200, 400, 414, 431] },
      {
        service: 'site',
        method: 'POST',
        path: '/api/search/multi-search',
        headers: JSON_TYPE,
        body: JSON.stringify({ queries: [{ indexUid: 'activities_nl', q: 'a'.repeat(50_000) }] }),
        expect: [200, 400, 413],
      },
      // Refused by Node's HTTP server itself, before any code of the site: a bare 431.
      {
        service: 'site',
        path: '/nl/activiteiten',
        headers: { 'x-long': 'a'.repeat(40_000) },
        expect: [400, 431],
        file: true,
      },
    ]);
  });
});

// ---------------------------------------------------------------------------------------------

describe('wrong content types', () => {
  const BROKEN_MULTIPART = { 'content-type': 'multipart/form-data; boundary=----x' };
  const variants = (json: string): { headers: Record<string, string>; body: string }[] => [
    { headers: { 'content-type': 'text/plain' }, body: json },
    {
      headers: { 'content-type': 'application/xml' },
      body: '<?xml version="1.0"?><!DOCTYPE x [<!ENTITY e SYSTEM "file:///etc/passwd">]><x>&e;</x>',
    },
    { headers: BROKEN_MULTIPART, body: 'this is not multipart' },
    { headers: { 'content-type': 'multipart/form-data' }, body: '--x\r\n\r\n' },
    {
      headers: { 'content-type': 'multipart/form-data; boundary=x' },
      body: '--x\r\nContent-Disposition: form-data; name="data"\r\n\r\n{"a":1}\r\n--x--\r\n',
    },
    { headers: JSON_TYPE, body: '{"data": {' },
    { headers: JSON_TYPE, body: 'null' },
    { headers: JSON_TYPE, body: '[1,2,3]' },
    { headers: JSON_TYPE, body: '"text"' },
    { headers: JSON_TYPE, body: '{"__proto__": {"polluted": true}, "constructor": {"prototype": {"polluted": true}}}' },
    { headers: { 'content-type': 'application/json; charset=utf-16' }, body: json },
    { headers: FORM, body: 'data[firstName]=x&data[age]=9' },
    { headers: { 'content-type': 'application/octet-stream' }, body: '\u0000\u0001\u0002' },
    { headers: {}, body: json },
  ];

  it('where JSON is expected (cms intake and workspace, indexer change deliveries, search proxy): 4xx with a message', async () => {
    const probes: Probe[] = [];
    for (const v of variants('{"data":{"firstName":"x"}}')) {
      probes.push({ service: 'cms', method: 'POST', path: '/api/dreams', auth: 'intake', ...v, expect: [400, 415] });
      probes.push({
        service: 'cms',
        method: 'POST',
        path: '/api/workspace/sessions',
        auth: 'workspace',
        ...v,
        expect: [400, 415],
      });
      probes.push({
        service: 'cms',
        method: 'POST',
        path: '/api/workspace/dreams',
        auth: 'session',
        ...v,
        expect: [400, 415],
      });
      probes.push({
        service: 'cms',
        method: 'PATCH',
        path: '/api/workspace/dreams/{dream}',
        auth: 'session',
        ...v,
        expect: [400, 415],
      });
      probes.push({
        service: 'cms',
        method: 'POST',
        path: '/api/workspace/dreams/{dream}/referrals',
        auth: 'session',
        ...v,
        expect: [400, 404, 415],
      });
      probes.push({ service: 'cms', method: 'POST', path: '/api/auth/local', ...v, expect: [400, 403] });
      probes.push({
        service: 'indexer',
        method: 'POST',
        path: '/changes',
        auth: 'changes',
        ...v,
        expect: [400, 415],
      });
      probes.push({ service: 'site', method: 'POST', path: '/api/search/multi-search', ...v, expect: [400, 403, 415] });
    }
    const answers = await check(probes);
    // A refusal names a field only when there is one (a JSON list has none).
    for (const a of answers)
      if (a.text.includes('"field"')) expect(JSON.parse(a.text).error.field).not.toBe('undefined');
  });

  it('where a form is expected (letterbox, workspace forms): a page with a message or a redirect, never an error', async () => {
    const probes: Probe[] = [];
    for (const v of variants('{"_action":"signin","email":"a@b.test","password":"x"}')) {
      for (const path of ['/nl/droom', '/nl/036/droom', '/tr/droom'])
        probes.push({
          service: 'site',
          method: 'POST',
          path,
          ...v,
          expect: v.headers['content-type']?.startsWith('application/json') ? [200, 400, 413, 415] : [400, 403, 415],
        });
      probes.push({ service: 'site', method: 'POST', path: '/nl/werkplek', ...v, expect: [303, 400, 403, 415] });
      probes.push({
        service: 'site',
        method: 'POST',
        path: '/nl/werkplek/nieuw',
        auth: 'site-session',
        ...v,
        expect: [400, 403, 415],
      });
      probes.push({
        service: 'site',
        method: 'POST',
        path: '/nl/werkplek/dromen/{dream}',
        auth: 'site-session',
        ...v,
        expect: [400, 403, 415],
      });
    }
    await check(probes);
    // Signing out takes no fields: whatever the body, it signs out (or refuses a cross-site form).
    await check(
      variants('{}').map((v) => ({
        service: 'site' as const,
        method: 'POST',
        path: '/nl/werkplek/uitloggen',
        auth: 'site-session' as const,
        ...v,
        expect: [303, 403],
      })),
    );
    // Signing out with a wrong body still signs out: sign in again for the suites below.
    const again = await send({
      service: 'site',
      method: 'POST',
      path: '/nl/werkplek',
      headers: FORM,
      body: formBody({ _action: 'signin', email: 'coordinator@droomkaart.test', password: stack.env.DEMO_PASSWORD }),
    });
    expect(again.status).toBe(303);
    siteCookie = String([again.headers['set-cookie']].flat().find((c) => c?.startsWith('dk_session='))).split(';')[0];
  });
});

// ---------------------------------------------------------------------------------------------

describe('unknown query parameters', () => {
  const UNKNOWN = `foo=bar&utm_source=x&__proto__[polluted]=1&constructor[prototype][polluted]=1&a[b][c][d][e][f][g]=1&${'p'.repeat(300)}=1&x=${'%00'}`;

  it('are ignored (the same answer as without) or refused with 400', async () => {
    const plain: Probe[] = [
      ...SITE_PAGES.map((p) => ({ service: 'site' as const, path: p.path })),
      ...SITE_RESOURCES.map((p) => ({ service: 'site' as const, path: p.path, file: p.file })),
      ...WORKSPACE_PAGES.map((p) => ({ service: 'site' as const, path: p.path, auth: 'site-session' as const })),
      ...CMS_COLLECTIONS.map((c) => ({ service: 'cms' as const, path: `/api/${c}` })),
      { service: 'cms', path: '/api/activities/{activity}' },
      ...HSDS.map((path) => ({ service: 'cms' as const, path })),
      { service: 'cms', path: '/_health' },
      { service: 'cms', auth: 'session', path: '/api/workspace/dreams' },
      { service: 'cms', auth: 'session', path: '/api/workspace/me' },
      { service: 'cms', auth: 'session', path: '/api/workspace/follow-ups' },
      { service: 'cms', auth: 'session', path: '/api/workspace/reports' },
      { service: 'cms', auth: 'session', path: '/api/workspace/dreams/{dream}' },
      ...INDEXER_GETS.map((path) => ({ service: 'indexer' as const, path })),
    ];
    const baseline = await check(plain);
    const withUnknown = plain.map((p) => ({ ...p, path: `${p.path}?${UNKNOWN}` }));
    const answers = await check(withUnknown);
    const changed = withUnknown.flatMap((p, i) => {
      const same =
        answers[i].status === baseline[i].status ||
        answers[i].status === 400 ||
        (baseline[i].status === 200 && REDIRECT.includes(answers[i].status));
      return same
        ? []
        : [
            `${p.service} ${p.path.slice(0, 60)}: ${baseline[i].status} without, ${answers[i].status} with unknown parameters`,
          ];
    });
    expect(changed, changed.join('\n')).toEqual([]);
  });
});

// ---------------------------------------------------------------------------------------------

describe('methods that are not allowed', () => {
  it('the public cms API only reads: writing is 403/405 and changes nothing', async () => {
    const before = await counts();
    const probes: Probe[] = [];
    for (const collection of CMS_COLLECTIONS) {
      const body = JSON.stringify({ data: { title: XSS[0], name: XSS[0], slug: 'hostile' } });
      probes.push({
        service: 'cms',
        method: 'POST',
        path: `/api/${collection}`,
        headers: JSON_TYPE,
        body,
        expect: [403, 405],
      });
      for (const method of ['PUT', 'DELETE', 'PATCH'])
        probes.push({
          service: 'cms',
          method,
          path: `/api/${collection}/{activity}`,
          headers: JSON_TYPE,
          body,
          expect: [403, 405],
        });
      // The intake token creates dreams and does nothing else.
      probes.push({
        service: 'cms',
        method: 'POST',
        path: `/api/${collection}`,
        auth: 'intake',
        headers: JSON_TYPE,
        body,
        expect: [403, 405],
      });
    }
    for (const method of ['GET', 'PUT', 'DELETE', 'PATCH']) {
      probes.push({ service: 'cms', method, path: '/api/dreams', expect: [403, 404, 405] });
      probes.push({ service: 'cms', method, path: '/api/dreams/{dream}', expect: [403, 404, 405] });
      probes.push({ service: 'cms', method, path: '/api/dreams/{dream}', auth: 'intake', expect: [403, 404, 405] });
    }
    for (const method of ['POST', 'PUT', 'DELETE', 'PATCH'])
      for (const path of HSDS) probes.push({ service: 'cms', method, path, expect: [403, 404, 405] });
    probes.push({ service: 'cms', path: '/api/audit-entries', expect: [403] });
    probes.push({ service: 'cms', path: '/api/users', expect: [403, 404] });
    probes.push({ service: 'cms', path: '/api/referrals', expect: [403, 404] });
    probes.push({ service: 'cms', path: '/api/workspace-sessions', expect: [403, 404] });
    probes.push({ service: 'cms', path: '/api/families', expect: [403, 404] });
    probes.push({ service: 'cms', path: '/api/families/1', expect: [403, 404] });
    probes.push({ service: 'cms', path: '/api/contact-persons', expect: [403, 404] });
    probes.push({
      service: 'cms',
      method: 'POST',
      path: '/api/upload',
      headers: { 'content-type': 'multipart/form-data; boundary=x' },
      body: '--x\r\nContent-Disposition: form-data; name="files"; filename="x.html"\r\nContent-Type: text/html\r\n\r\n<script>alert(1)</script>\r\n--x--\r\n',
      expect: [403],
    });
    // Site accounts: the site has none, so nobody can sign up, sign in or ask for a password reset.
    for (const path of [
      '/api/auth/local/register',
      '/api/auth/local',
      '/api/auth/forgot-password',
      '/api/auth/send-email-confirmation',
    ]) {
      probes.push({
        service: 'cms',
        method: 'POST',
        path,
        headers: JSON_TYPE,
        body: JSON.stringify({
          username: 'hostile',
          email: 'hostile@example.test',
          identifier: 'hostile@example.test',
          password: 'Hostile-123456',
        }),
        expect: [403],
      });
    }
    for (const [method, path] of [
      ['PUT', '/api/workspace/dreams'],
      ['DELETE', '/api/workspace/dreams'],
      ['PUT', '/api/workspace/dreams/{dream}'],
      ['DELETE', '/api/workspace/dreams/{dream}'],
      ['GET', '/api/workspace/sessions'],
      ['PUT', '/api/workspace/me'],
    ]) {
      probes.push({ service: 'cms', method, path, auth: 'session', expect: [404, 405] });
    }
    await check(probes);
    expect(await counts()).toEqual(before);
  });

  it('the site answers 405 to writes on pages that only read, and the indexer to wrong methods', async () => {
    const probes: Probe[] = [];
    for (const page of [
      ...SITE_PAGES.filter((p) => !/droom|werkplek$/.test(p.path)),
      { path: '/health' },
      { path: '/nl/activiteiten/{slug}.ics' },
      { path: '/uploads/nothing-here.png' },
    ]) {
      for (const method of ['POST', 'PUT', 'DELETE', 'PATCH'])
        probes.push({ service: 'site', method, path: page.path, headers: FORM, body: 'a=1', expect: [403, 404, 405] });
    }
    for (const path of ['/nl/droom', '/nl/036/droom', '/nl/werkplek', '/nl/werkplek/nieuw'])
      for (const method of ['PUT', 'DELETE', 'PATCH'])
        probes.push({
          service: 'site',
          method,
          path,
          auth: 'site-session',
          headers: FORM,
          body: 'a=1',
          expect: [404, 405],
        });
    probes.push({ service: 'site', path: '/api/search/multi-search', expect: [404, 405] });
    probes.push({
      service: 'site',
      method: 'PUT',
      path: '/api/search/multi-search',
      headers: JSON_TYPE,
      body: '{}',
      expect: [404, 405],
    });
    for (const [method, path] of [
      ['GET', '/changes'],
      ['PUT', '/changes'],
      ['GET', '/admin/reindex'],
      ['GET', '/admin/reconcile'],
      ['DELETE', '/health'],
      ['POST', '/search-key'],
      ['POST', '/metrics'],
    ]) {
      probes.push({ service: 'indexer', method, path, expect: [404, 405] });
    }
    // Operator calls need their secret.
    probes.push({ service: 'indexer', method: 'POST', path: '/admin/reindex', expect: [401] });
    probes.push({
      service: 'indexer',
      method: 'POST',
      path: '/admin/reconcile',
      headers: { authorization: `Bearer ${XSS[0]}` },
      expect: [401],
    });
    await check(probes);
  });
});

// ---------------------------------------------------------------------------------------------

describe('what is stored', () => {
  const hostileDream = {
    firstName: XSS[0],
    dream: `${XSS[1]} Ik wil <b>piloot</b> worden & vliegen`,
    need: SQL[0],
    parentName: SQL[1],
  };

  async function cmsDreamsWithPhone(phone: string): Promise<any[]> {
    const res = await request(
      admin,
      'GET',
      `/content-manager/collection-types/api::dream.dream?filters[phone][$eq]=${enc(phone)}&pageSize=10`,
    );
    expect(res.status).toBe(200);
    return res.body.results;
  }

  it('a letterbox dream with markup and SQL is stored once, as the plain text that was sent', async () => {
    const form = await send({ service: 'site', path: '/nl/droom' });
    const token = /name="t" value="([^"]+)"/.exec(form.text)?.[1];
    expect(token).toBeTruthy();
    const before = (await counts()).dreams;
    const posted = await send({
      service: 'site',
      method: 'POST',
      path: '/nl/droom',
      headers: FORM,
      body: formBody({
        edition: 'kind',
        ...hostileDream,
        age: '10',
        wijk: 'stedenwijk',
        phone: '06 12000099',
        website: '',
        t: token!,
      }),
    });
    expect(judge({ service: 'site', method: 'POST', path: '/nl/droom' }, posted)).toEqual([]);
    expect(posted.status).toBe(200);
    expect(posted.text).toContain('data-dream-status="ontvangen"');
    // The thank-you page names the child, as text.
    expect(posted.text).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');

    let stored: any[] = [];
    for (let i = 0; i < 60 && stored.length === 0; i++) {
      stored = await cmsDreamsWithPhone('+31612000099');
      if (stored.length === 0) await new Promise((r) => setTimeout(r, 500));
    }
    expect(stored).toHaveLength(1);
    expect(stored[0]).toMatchObject({
      firstName: hostileDream.firstName,
      dream: hostileDream.dream,
      need: hostileDream.need,
      parentName: hostileDream.parentName,
      channel: 'website',
    });
    expect((await counts()).dreams).toBe(before + 1);
    dreamDocumentId = stored[0].documentId;
  });

  it('the workspace shows that dream as text on every page, and a note with markup too', async () => {
    const note = await send({
      service: 'site',
      method: 'POST',
      auth: 'site-session',
      path: '/nl/werkplek/dromen/{dream}',
      headers: FORM,
      body: formBody({ _action: 'status', status: 'contact', note: `${XSS[1]} gebeld` }),
    });
    expect(note.status, note.text.slice(0, 300)).toBe(303);
    const pages = [
      '/nl/werkplek',
      '/nl/werkplek?q=piloot',
      '/nl/werkplek/dromen/{dream}',
      '/nl/werkplek/dromen/{dream}/bericht',
      '/nl/werkplek/dromen/{dream}/kaart',
      '/nl/werkplek/rapportage.csv',
    ];
    const answers = await check(
      pages.map((path) => ({ service: 'site' as const, auth: 'site-session' as const, path, expect: [200] })),
    );
    const [inbox, search, detail, message, card] = answers;
    for (const page of [inbox, search, detail, message, card])
      expect(page.text).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(detail.text).toContain(
      '&quot;&gt;&lt;img src=x onerror=alert(1)&gt; Ik wil &lt;b&gt;piloot&lt;/b&gt; worden &amp; vliegen',
    );
    expect(detail.text).toContain('&#39;; DROP TABLE dreams; --');
    expect(detail.text).toContain('&quot;&gt;&lt;img src=x onerror=alert(1)&gt; gebeld');
    // The cms keeps the note as it was typed.
    const stored = await request(admin, 'GET', `/content-manager/collection-types/api::dream.dream/${dreamDocumentId}`);
    expect(JSON.stringify(stored.body.data)).toContain(JSON.stringify(`${XSS[1]} gebeld`).slice(1, -1));
  });

  it('a dream sent with markup through the cms intake keeps it as text and never becomes public', async () => {
    const res = await send({
      service: 'cms',
      method: 'POST',
      path: '/api/dreams',
      auth: 'intake',
      headers: JSON_TYPE,
      body: JSON.stringify({
        data: {
          edition: 'jong',
          firstName: XSS[1],
          age: 15,
          dream: XSS[0],
          wijk: 'muziekwijk',
          phone: '0612000098',
          channel: 'website',
          idempotencyKey: 'hostile-intake',
        },
      }),
    });
    expect(res.status).toBe(201);
    expect(judge({ service: 'cms', method: 'POST', path: '/api/dreams' }, res)).toEqual([]);
    const [stored] = await cmsDreamsWithPhone('+31612000098');
    expect(stored).toMatchObject({ firstName: XSS[1], dream: XSS[0] });
    // Nothing of it in the public API, the open data or the search index.
    for (const path of ['/api/activities?populate=*', '/api/hsds/services', '/api/organisations?populate=*']) {
      const text = await (await fetch(`${stack.urls.cms}${path}`)).text();
      expect(text).not.toContain('onerror');
    }
    const search = await send({
      service: 'site',
      method: 'POST',
      path: '/api/search/multi-search',
      headers: JSON_TYPE,
      body: JSON.stringify({ queries: [{ indexUid: 'activities_nl', q: 'onerror alert' }] }),
    });
    expect(JSON.parse(search.text).results[0].hits).toEqual([]);
  });
});

// ---------------------------------------------------------------------------------------------

describe('afterwards', () => {
  it('no service logged an error it hid behind a 4xx, and the cms answered no request with a 5xx', () => {
    const logs = join(stack.dataDir, 'logs');
    const site = readFileSync(join(logs, 'site.log'), 'utf8')
      .split('\n')
      .filter((l) => /\[ERROR\]/.test(l));
    expect(site, site.join('\n')).toEqual([]);
    const cms = readFileSync(join(logs, 'cms.log'), 'utf8')
      .split('\n')
      .filter((l) => /http[^:]*: \S+ \S+ \(\d+ ms\) 5\d\d/.test(l));
    expect(cms, cms.join('\n')).toEqual([]);
  });
});
