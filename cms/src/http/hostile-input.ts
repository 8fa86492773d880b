import { errors } from '@strapi/utils';

// What the cms does with input it cannot use, before any controller sees it (tests: the
// hostile-input integration suite, and hostile-input.test.ts here):
// - a body the parser cannot read (a broken multipart body, …) is the sender's mistake: 400 with a
//   message, not Strapi's 500;
// - an error answer of the content API (/api/...) is JSON in which '<', '>' and '&' never appear
//   raw: Strapi names an unknown key it refuses ("Invalid key <script>…") and a client that shows
//   such a message in a page must not get markup from it. JSON readers get the same text
//   (\u003c is '<').
// Both wrap Strapi's own middlewares (strapi::body, strapi::errors) in register(), so the
// middleware list in config/middlewares.ts stays as it is.

type Ctx = { path: string; status: number; body: unknown; type: string };
type Next = () => Promise<unknown>;
type Middleware = (ctx: Ctx, next: Next) => Promise<unknown>;
type Factory = (config: unknown, context: unknown) => Middleware;

/** Pure: JSON text without a raw '<', '>', '&' or line/paragraph separator (all escaped as \uXXXX). */
export function markupFreeJson(value: unknown): string {
  return JSON.stringify(value).replace(/[<>&\u2028\u2029]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/** Pure: an error a client caused (http-errors' 4xx, e.g. 413 or invalid JSON), which Strapi already answers as such. */
function isClientError(err: unknown): boolean {
  const status = (err as { status?: unknown; statusCode?: unknown } | null)?.status ?? (err as { statusCode?: unknown } | null)?.statusCode;
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

const isPlainObject = (v: unknown): v is object => v !== null && typeof v === 'object' && !Buffer.isBuffer(v) && typeof (v as { pipe?: unknown }).pipe !== 'function';

/** strapi::errors, with the content API's error answers as markup-free JSON. */
export function escapeErrorBodies(inner: Middleware): Middleware {
  return async (ctx, next) => {
    await inner(ctx, next);
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
export function registerHostileInputGuards(strapi: { get: (name: 'middlewares') => { extend: (uid: string, fn: (factory: Factory) => Factory) => unknown } }): void {
  const middlewares = strapi.get('middlewares');
  middlewares.extend('strapi::body', (factory) => (config, context) => refuseUnreadableBodies(factory(config, context)));
  middlewares.extend('strapi::errors', (factory) => (config, context) => escapeErrorBodies(factory(config, context)));
}
