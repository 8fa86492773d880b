import { errors } from '@strapi/utils';

// What the cms does with input it cannot use, before any controller sees it (tests: the
// hostile-input integration suite, and hostile-input.test.ts here):
// - a body the parser cannot read (a broken multipart body, …) is the sender's mistake: 400 with a
//   message, not Strapi's 500;
// - an error answer of the content API (/api/...) is JSON in which '<', '>' and '&' never appear
//   raw: Strapi names an unknown key it refuses ("Invalid key <script>…") and a client that shows
//   such a message in a page must not get markup from it. JSON readers get the same text
//   (\u003c is '<').
// - a read whose query string the database layer cannot use (`filters[$or]=x`,
//   `filters[title][$eq][$eq]=x`, `_q[a]=b`, a list where one value goes, …) is the sender's
//   mistake too: Strapi's query engine (@strapi/database) and the SQL driver throw plain errors
//   for these, which Strapi answers 500. On every API (admin panel, content manager, upload, REST)
//   such an error of a GET is answered 400 with a message. The public REST API checks its queries
//   before (src/access/public/public-query.ts); this is what catches the rest, e.g. the admin API.
// Both wrap Strapi's own middlewares (strapi::body, strapi::errors) in register(), so the
// middleware list in config/middlewares.ts stays as it is.

type Ctx = { path: string; status: number; body: unknown; type: string; method?: string; querystring?: string };
type Next = () => Promise<unknown>;
type Middleware = (ctx: Ctx, next: Next) => Promise<unknown>;
type Factory = (config: unknown, context: unknown) => Middleware;

/** Pure: JSON text without a raw '<', '>', '&' or line/paragraph separator (all escaped as \uXXXX). */
export function markupFreeJson(value: unknown): string {
  return JSON.stringify(value).replace(
    /[<>&\u2028\u2029]/g,
    (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`,
  );
}

/** Pure: an error a client caused (http-errors' 4xx, e.g. 413 or invalid JSON), which Strapi already answers as such. */
function isClientError(err: unknown): boolean {
  const status =
    (err as { status?: unknown; statusCode?: unknown } | null)?.status ??
    (err as { statusCode?: unknown } | null)?.statusCode;
  return typeof status === 'number' && status >= 400 && status < 500;
}

/** strapi::body, with a body it cannot read answered as a bad request. Errors after parsing pass unchanged. */
export function refuseUnreadableBodies(inner: Middleware): Middleware {
  return async (ctx, next) => {
    let parsed = false;
    try {
      await inner(ctx, () => {
        parsed = true;
        return next();
      });
    } catch (err) {
      if (parsed || isClientError(err) || err instanceof errors.ApplicationError) throw err;
      throw new errors.ValidationError('The request body could not be read: send JSON, or a well-formed form.');
    }
  };
}

const isPlainObject = (v: unknown): v is object =>
  v !== null && typeof v === 'object' && !Buffer.isBuffer(v) && typeof (v as { pipe?: unknown }).pipe !== 'function';

// Where Strapi's query engine throws a plain Error for a query it cannot build (where.js,
// order-by.js, populate/, join.js, search.js, transform.js).
const QUERY_ENGINE = /[\\/]@strapi[\\/]database[\\/]dist[\\/]query[\\/]/;
// Where Strapi checks and converts a query before it runs it (@strapi/utils' traversals of
// filters, sort, fields and populate; the admin's permission checks of a query), which fail with
// a TypeError on shapes they do not expect (`/admin/users?populate[on][$gt]=…`).
const QUERY_CHECKS =
  /[\\/]@strapi[\\/]utils[\\/]dist[\\/](traverse|validate|sanitize|convert-query-params|sort-query)|[\\/]permissions-manager[\\/](validate|sanitize)\.js/;
// The SQL builder and drivers, given a value of the wrong shape (a list or object where one value
// goes, too many values).
const DRIVER_MESSAGES = [
  /SQLite3 can only bind/i,
  /too many SQL variables/i,
  /must be an array/i,
  /Undefined binding\(s\) detected/i,
  /Too many parameter values/i,
];
// PostgreSQL: data exceptions (22…: a value that does not fit its column), an operator that does not
// exist for the column's type (42883), a type mismatch (42804), a type it cannot determine (42P18).
const PG_CODES = /^(22[0-9A-Z]{3}|42883|42804|42P18)$/;
// A field name Strapi passed on unchecked as a column (the content manager's relation picker takes
// `fields=x` as it is): SQLite's and PostgreSQL's (42703, 42601) "no such column" and syntax errors.
const NO_SUCH_COLUMN = /no such column|unrecognized token|syntax error/i;
const PG_COLUMN_CODES = new Set(['42703', '42601']);
// @strapi/database's own errors for values it cannot read (not NotNullError: that is a write).
const DATABASE_VALUE_ERRORS = new Set([
  'InvalidDateFormat',
  'InvalidDatetimeFormat',
  'InvalidTimeFormat',
  'InvalidRelationFormat',
]);

/** An error's first stack frames (where it was thrown, and what called that). */
function thrownIn(err: Error, count = 1): string {
  return String(err.stack ?? '')
    .split('\n')
    .filter((line) => /^\s+at /.test(line))
    .slice(0, count)
    .join('\n');
}

/**
 * Pure: why a read failed because of its query string, or null when the error is not one of those
 * (then it stays a 500: a bug of ours must not hide behind a 400). The answer never repeats SQL.
 */
export function badQueryReason(err: unknown): string | null {
  if (!(err instanceof Error) || err instanceof errors.ApplicationError || isClientError(err)) return null;
  const message = String(err.message ?? '');
  // One line, short, and without markup characters (the admin API's answers are not escaped).
  const oneLine = (text: string) => text.replace(/[<>&]/g, '').replace(/\s+/g, ' ').trim().slice(0, 200);
  if (DATABASE_VALUE_ERRORS.has(err.name)) return oneLine(message);
  const code = (err as { code?: unknown }).code;
  if (typeof code === 'string' && PG_CODES.test(code) && 'severity' in err)
    return 'a value in the query does not fit the type of its field.';
  if (
    (code === 'SQLITE_ERROR' && NO_SUCH_COLUMN.test(message)) ||
    (typeof code === 'string' && PG_COLUMN_CODES.has(code) && 'severity' in err)
  )
    return 'the query names a field that does not exist.';
  // A TypeError there (`_q[a]=b`: "query.split is not a function") says nothing to the sender.
  if (QUERY_ENGINE.test(thrownIn(err)))
    return err instanceof TypeError
      ? 'a parameter has the wrong shape: a list or an object where one value goes.'
      : oneLine(message);
  if (QUERY_CHECKS.test(thrownIn(err, 2)))
    return 'a parameter has the wrong shape: a list or an object where one value goes.';
  if (DRIVER_MESSAGES.some((re) => re.test(message)))
    return 'a filter value has the wrong shape: give one value per operator, and a list only for $in, $notIn and $between.';
  return null;
}

/** strapi::errors, with the content API's error answers as markup-free JSON, and a read with an unusable query as 400. */
export function escapeErrorBodies(inner: Middleware, log?: (message: string) => void): Middleware {
  return async (ctx, next) => {
    await inner(ctx, async () => {
      try {
        await next();
      } catch (err) {
        const read = ctx.method === 'GET' || ctx.method === 'HEAD';
        const reason = read && ctx.querystring ? badQueryReason(err) : null;
        if (!reason) throw err;
        log?.(`${ctx.method} ${ctx.path}: query refused (400): ${String((err as Error).message).slice(0, 300)}`);
        throw new errors.ValidationError(`The query cannot be used: ${reason}`);
      }
    });
    if (ctx.status >= 400 && ctx.path.startsWith('/api/') && isPlainObject(ctx.body)) {
      ctx.body = markupFreeJson(ctx.body);
      ctx.type = 'application/json';
    }
  };
}

/** Pure: whether a request carries a body that is not JSON (a JSON API then answers 415). */
export function hasNonJsonBody(headers: Record<string, string | string[] | undefined>): boolean {
  const length = Number(headers['content-length'] ?? 0);
  const chunked = headers['transfer-encoding'] !== undefined;
  if (!(length > 0) && !chunked) return false;
  const type = String(headers['content-type'] ?? '').toLowerCase();
  return !/^application\/(?:[\w.+-]+\+)?json\s*(?:;|$)/.test(type);
}

/** Wraps the registry's strapi::body and strapi::errors (call in register()). */
export function registerHostileInputGuards(strapi: {
  get: (name: 'middlewares') => { extend: (uid: string, fn: (factory: Factory) => Factory) => unknown };
  log?: { warn: (message: string) => void };
}): void {
  const middlewares = strapi.get('middlewares');
  const warn = (message: string) => strapi.log?.warn(message);
  middlewares.extend(
    'strapi::body',
    (factory) => (config, context) => refuseUnreadableBodies(factory(config, context)),
  );
  middlewares.extend(
    'strapi::errors',
    (factory) => (config, context) => escapeErrorBodies(factory(config, context), warn),
  );
}
