import type { IncomingMessage, ServerResponse } from 'node:http';
import { HTTP_TIMEOUT_DEFAULTS, httpServerTimeouts, secondsFromEnv, type HttpServerTimeouts } from '@droomkaart/shared';

// How long a client may take to send a request (cms/README.md, "Slow clients"). Two times:
// - uploads (multipart POST to the upload plugin, /upload and /api/upload): CMS_UPLOAD_TIMEOUT_SECONDS
//   (180 s), so an 8 MB photo (UPLOAD_SIZE_LIMIT_BYTES) still arrives over a mobile upload of about
//   400 kbit/s. That is the Node server's whole-request limit (config/server.ts), the longest any
//   request may take;
// - every other body (JSON, forms): HTTP_REQUEST_TIMEOUT_SECONDS (30 s) from the moment its headers
//   are in, enforced here, since Node has one request limit per server. A body still incomplete
//   then is answered 408 and its connection closed.
// Headers: HTTP_HEADERS_TIMEOUT_SECONDS (10 s), by Node for every request.

export const UPLOAD_TIMEOUT_DEFAULT_SECONDS = 180;

export type CmsHttpTimeouts = {
  /** Node's server options; requestTimeout is the upload time. */
  server: HttpServerTimeouts;
  /** Milliseconds for any other request's body, from its headers. */
  bodyMs: number;
  uploadMs: number;
};

/** Pure: the cms's timeouts from the environment (throws on a value that is not a positive number of seconds). */
export function cmsHttpTimeouts(env: Record<string, string | undefined>): CmsHttpTimeouts {
  const body = secondsFromEnv(env, 'HTTP_REQUEST_TIMEOUT_SECONDS', HTTP_TIMEOUT_DEFAULTS.requestSeconds);
  const upload = Math.max(body, secondsFromEnv(env, 'CMS_UPLOAD_TIMEOUT_SECONDS', UPLOAD_TIMEOUT_DEFAULT_SECONDS));
  const server = httpServerTimeouts({ ...env, HTTP_REQUEST_TIMEOUT_SECONDS: String(body) }, { requestSeconds: upload });
  return { server, bodyMs: Math.round(body * 1000), uploadMs: server.requestTimeout };
}

/** Pure: an upload to the upload plugin (admin /upload, content API /api/upload), which gets the longer time. */
export function isUploadRequest(method: string, path: string, contentType: string | undefined): boolean {
  return (
    method.toUpperCase() === 'POST' &&
    /^\/(?:api\/)?upload(?:\/|$)/.test(path) &&
    /^multipart\/form-data\b/i.test(contentType ?? '')
  );
}

/** Pure: does the request announce a body (a length above 0, or chunks)? */
export function announcesBody(headers: IncomingMessage['headers']): boolean {
  return Number(headers['content-length'] ?? 0) > 0 || headers['transfer-encoding'] !== undefined;
}

type Ctx = { method: string; path: string; req: IncomingMessage; res: ServerResponse };
type Next = () => Promise<unknown>;
type Middleware = (ctx: Ctx, next: Next) => Promise<unknown>;
type Factory = (config: unknown, context: unknown) => Middleware;

/**
 * strapi::body with a deadline: a body that is not complete `bodyMs` after its headers (uploads:
 * left to the server's own, longer limit) gets 408 and its connection is closed, so a client that
 * sends a JSON body at 1 byte/s holds nothing for long.
 */
export function limitBodyTime(
  inner: Middleware,
  { bodyMs, uploadMs }: { bodyMs: number; uploadMs: number },
): Middleware {
  return async (ctx, next) => {
    const { req, res } = ctx;
    if (
      req.complete ||
      !announcesBody(req.headers) ||
      (isUploadRequest(ctx.method, ctx.path, req.headers['content-type']) && uploadMs > bodyMs)
    )
      return inner(ctx, next);
    const timer = setTimeout(() => {
      if (req.complete || req.socket.destroyed) return;
      const socket = req.socket;
      if (!res.headersSent) {
        res.writeHead(408, {
          connection: 'close',
          'content-type': 'text/plain; charset=utf-8',
          'cache-control': 'no-store',
        });
        res.end('Request Timeout: the body did not arrive in time.\n', () => socket.destroy());
        setTimeout(() => socket.destroy(), 1000).unref();
      } else socket.destroy();
    }, bodyMs);
    const done = () => clearTimeout(timer);
    req.once('end', done);
    req.once('close', done);
    try {
      return await inner(ctx, next);
    } finally {
      if (req.complete) done();
    }
  };
}

/** Wraps the registry's strapi::body (call in register()). */
export function registerSlowBodyLimit(
  strapi: { get: (name: 'middlewares') => { extend: (uid: string, fn: (factory: Factory) => Factory) => unknown } },
  limits: { bodyMs: number; uploadMs: number },
): void {
  strapi
    .get('middlewares')
    .extend('strapi::body', (factory) => (config, context) => limitBodyTime(factory(config, context), limits));
}
