import { describe, expect, it } from 'vitest';
import { errors } from '@strapi/utils';
import {
  badQueryReason,
  escapeErrorBodies,
  hasNonJsonBody,
  markupFreeJson,
  refuseUnreadableBodies,
} from './hostile-input';

type Ctx = { path: string; status: number; body: unknown; type: string; method?: string; querystring?: string };
const ctx = (over: Partial<Ctx> = {}): Ctx => ({
  path: '/api/activities',
  status: 404,
  body: undefined,
  type: '',
  ...over,
});

describe('markup-free JSON', () => {
  it('escapes <, > and & so that no markup appears, and parses back to the same value', () => {
    const value = {
      error: { message: 'Invalid key <script>alert(1)</script> & "><img src=x onerror=alert(1)>', line: 'a\u2028b' },
    };
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
    await expect(refuseUnreadableBodies(async () => Promise.reject(tooLarge))(ctx(), async () => {})).rejects.toBe(
      tooLarge,
    );
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
    for (const [path, status, body] of [
      ['/api/activities', 200, { data: '<b>' }],
      ['/admin/login', 400, { error: '<b>' }],
      ['/api/activities', 405, 'Method Not Allowed'],
    ] as const) {
      const c = ctx({ path });
      await escapeErrorBodies(inner(body, status))(c, async () => {});
      expect(c.body).toBe(body);
    }
  });
});

describe('reads whose query the database layer cannot use', () => {
  /** An error as Strapi's query engine throws it: a plain Error whose first frame is in @strapi/database/dist/query. */
  const engineError = (message: string) => {
    const err = new Error(message);
    err.stack = `Error: ${message}\n    at processWhere (/app/node_modules/.pnpm/@strapi+database@5.54.0/node_modules/@strapi/database/dist/query/helpers/where.js:97:23)\n    at Array.map (<anonymous>)`;
    return err;
  };

  it('are told apart from our own bugs', () => {
    expect(badQueryReason(engineError('Operator $or must be an array'))).toBe('Operator $or must be an array');
    expect(badQueryReason(engineError('Undefined attribute level operator <script>'))).toBe(
      'Undefined attribute level operator script',
    );
    expect(
      badQueryReason(
        new TypeError(
          'select * from `activities` where `title` = ? - SQLite3 can only bind numbers, strings, bigints, buffers, and null',
        ),
      ),
    ).toMatch(/wrong shape/);
    expect(
      badQueryReason(
        Object.assign(new Error('The second argument to whereBetween must be an array.'), { code: 'ERR_ASSERTION' }),
      ),
    ).toMatch(/wrong shape/);
    expect(
      badQueryReason(
        Object.assign(new Error('invalid input syntax for type integer: "abc"'), { code: '22P02', severity: 'ERROR' }),
      ),
    ).toMatch(/does not fit/);
    expect(
      badQueryReason(
        Object.assign(new Error('Invalid time format, expected HH:mm:ss.SSS'), { name: 'InvalidTimeFormat' }),
      ),
    ).toMatch(/Invalid time format/);
    expect(
      badQueryReason(
        Object.assign(new Error('select `t0`.`x` from `activities` as `t0` - no such column: t0.x'), {
          code: 'SQLITE_ERROR',
        }),
      ),
    ).toBe('the query names a field that does not exist.');
    expect(
      badQueryReason(Object.assign(new Error('column t0.x does not exist'), { code: '42703', severity: 'ERROR' })),
    ).toBe('the query names a field that does not exist.');
    const check = new TypeError("Cannot read properties of undefined (reading 'uid')");
    check.stack = `TypeError: x\n    at throwDisallowedAdminUserFields (/app/node_modules/@strapi/admin/dist/server/server/src/services/permission/permissions-manager/validate.js:154:20)\n    at traverse (/app/node_modules/@strapi/utils/dist/traverse/factory.js:68:19)`;
    expect(badQueryReason(check)).toMatch(/wrong shape/);
    // Not the query's fault: stays a 500.
    expect(badQueryReason(new TypeError("Cannot read properties of undefined (reading 'id')"))).toBeNull();
    expect(
      badQueryReason(Object.assign(new Error('duplicate key value'), { code: '23505', severity: 'ERROR' })),
    ).toBeNull();
    expect(badQueryReason(Object.assign(new Error('no such table: dreams'), { code: 'SQLITE_ERROR' }))).toBeNull();
    expect(badQueryReason(new errors.ValidationError('Invalid key x'))).toBeNull();
    expect(badQueryReason('a string')).toBeNull();
  });

  it('answer 400 with a message on a GET with a query string, and pass every other error on', async () => {
    const failing = (err: Error) => async () => Promise.reject(err);
    // Strapi's own errors middleware, as far as it matters here: an ApplicationError is a 4xx, anything else a 500.
    const strapiErrors = async (c: Ctx, next: () => Promise<unknown>) => {
      try {
        await next();
      } catch (err) {
        c.status = err instanceof errors.ApplicationError ? 400 : 500;
        c.body = { error: { message: (err as Error).message } };
      }
    };
    const logged: string[] = [];
    const mapped = ctx({
      path: '/content-manager/collection-types/api::activity.activity',
      method: 'GET',
      querystring: 'filters[$or]=x',
    });
    await escapeErrorBodies(strapiErrors, (m) => logged.push(m))(
      mapped,
      failing(engineError('Operator $or must be an array')),
    );
    expect(mapped.status).toBe(400);
    expect(mapped.body).toEqual({ error: { message: 'The query cannot be used: Operator $or must be an array' } });
    expect(logged).toHaveLength(1);
    for (const over of [{ method: 'POST' }, { querystring: '' }]) {
      const c = ctx({ path: '/content-manager/x', method: 'GET', querystring: 'a=1', ...over });
      await escapeErrorBodies(strapiErrors)(c, failing(engineError('Operator $or must be an array')));
      expect(c.status).toBe(500);
    }
    const bug = ctx({ method: 'GET', querystring: 'a=1' });
    await escapeErrorBodies(strapiErrors)(bug, failing(new TypeError('x is not a function')));
    expect(bug.status).toBe(500);
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
    expect(hasNonJsonBody({ 'content-type': 'multipart/form-data; boundary=x', 'transfer-encoding': 'chunked' })).toBe(
      true,
    );
    expect(hasNonJsonBody({ 'content-length': '5' })).toBe(true);
    expect(hasNonJsonBody({ 'content-type': 'application/jsonp', 'content-length': '5' })).toBe(true);
  });
});
