import { describe, expect, it } from 'vitest';
import { errors } from '@strapi/utils';
import { escapeErrorBodies, hasNonJsonBody, markupFreeJson, refuseUnreadableBodies } from './hostile-input';

type Ctx = { path: string; status: number; body: unknown; type: string };
const ctx = (over: Partial<Ctx> = {}): Ctx => ({ path: '/api/activities', status: 404, body: undefined, type: '', ...over });

describe('markup-free JSON', () => {
  it('escapes <, > and & so that no markup appears, and parses back to the same value', () => {
    const value = { error: { message: 'Invalid key <script>alert(1)</script> & "><img src=x onerror=alert(1)>', line: 'a\u2028b' } };
    const text = markupFreeJson(value);
    expect(text).not.toMatch(/[<>&\u2028]/);
    expect(text).toContain('\\u003cscript\\u003e');
    expect(JSON.parse(text)).toEqual(value);
  });
});

describe('unreadable bodies', () => {
  it('turns a parser failure into a 400 validation error', async () => {
    const failing = refuseUnreadableBodies(async () => {
      throw new Error('MultipartParser.end(): stream ended unexpectedly');
    });
    await expect(failing(ctx(), async () => {})).rejects.toBeInstanceOf(errors.ValidationError);
  });

  it('leaves client errors of the parser (413, invalid JSON) and errors after parsing alone', async () => {
    const tooLarge = Object.assign(new Error('request entity too large'), { status: 413 });
    await expect(refuseUnreadableBodies(async () => Promise.reject(tooLarge))(ctx(), async () => {})).rejects.toBe(tooLarge);
    const later = new Error('a controller bug');
    const passing = refuseUnreadableBodies(async (_c, next) => {
      await next();
    });
    await expect(passing(ctx(), async () => Promise.reject(later))).rejects.toBe(later);
  });
});

describe('error bodies of the content API', () => {
  const inner = (body: unknown, status: number) => async (c: Ctx) => {
    c.status = status;
    c.body = body;
  };

  it('are markup-free JSON', async () => {
    const c = ctx();
    await escapeErrorBodies(inner({ error: { message: 'Invalid key <script>' } }, 400))(c, async () => {});
    expect(c.body).toBe('{"error":{"message":"Invalid key \\u003cscript\\u003e"}}');
    expect(c.type).toBe('application/json');
  });

  it('leave successful answers, the admin API and non-JSON bodies alone', async () => {
    for (const [path, status, body] of [['/api/activities', 200, { data: '<b>' }], ['/admin/login', 400, { error: '<b>' }], ['/api/activities', 405, 'Method Not Allowed']] as const) {
      const c = ctx({ path });
      await escapeErrorBodies(inner(body, status))(c, async () => {});
      expect(c.body).toBe(body);
    }
  });
});

describe('non-JSON bodies', () => {
  it('are told apart from JSON and from requests without a body', () => {
    expect(hasNonJsonBody({ 'content-type': 'application/json', 'content-length': '10' })).toBe(false);
    expect(hasNonJsonBody({ 'content-type': 'application/json; charset=utf-8', 'content-length': '10' })).toBe(false);
    expect(hasNonJsonBody({ 'content-type': 'application/vnd.api+json', 'content-length': '10' })).toBe(false);
    expect(hasNonJsonBody({})).toBe(false);
    expect(hasNonJsonBody({ 'content-length': '0', 'content-type': 'text/plain' })).toBe(false);
    expect(hasNonJsonBody({ 'content-type': 'text/plain', 'content-length': '5' })).toBe(true);
    expect(hasNonJsonBody({ 'content-type': 'multipart/form-data; boundary=x', 'transfer-encoding': 'chunked' })).toBe(true);
    expect(hasNonJsonBody({ 'content-length': '5' })).toBe(true);
    expect(hasNonJsonBody({ 'content-type': 'application/jsonp', 'content-length': '5' })).toBe(true);
  });
});
