import { subscribe, tracingChannel } from 'node:diagnostics_channel';
import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import type { Socket } from 'node:net';
import { fileURLToPath } from 'node:url';
import { answerClientError, httpServerTimeouts, type HttpServerTimeouts } from '@droomkaart/shared';
import { dynamicCompression, precompressedFiles, staticEncoding } from './compression.ts';
import { gateRequest, proxySettingsFrom } from './proxy.ts';
import { securityHeaders } from './security-headers.ts';
import { isWidgetPath } from '../lib/widget/widget.ts';
import { siteSecretsRefusal } from './secrets.ts';

// The first module of the built server (dist/server/entry.mjs): astro.config.mjs puts its import at
// the top of the @astrojs/node entry, so it runs before the server listens, however the site is
// started (npm start, the test stacks, compose, `node dist/server/entry.mjs` by hand).
// 1. Production refuses to start with a missing or placeholder secret (server/secrets.ts).
// 2. Every request passes the proxy gate (server/proxy.ts) before Astro reads it, and every response
//    gets the security headers (server/security-headers.ts): static files, redirects and Astro's own
//    error answers too. Node's `http.server.request.start` channel is published for each request
//    before the server's request handler runs.
// 3. The HTTP server gets the timeouts of every service (HTTP_*_TIMEOUT_SECONDS, @droomkaart/shared):
//    the adapter creates it with Node's defaults and no way to pass options, so they are set when
//    it starts to listen (Node's `net.server.listen` tracing channel, published before the socket
//    is bound and before Node starts checking connections against them).
// 4. Answers are compressed (server/compression.ts): a static file with its build-time .br/.gz
//    version when the request accepts it (the path is rewritten here, before the adapter's static
//    handler reads it), everything else on the fly.

const refusal = siteSecretsRefusal(process.env);
if (refusal) {
  console.error(`[site] ${refusal}`);
  process.exit(1);
}

let timeouts: HttpServerTimeouts;
try {
  timeouts = httpServerTimeouts(process.env);
} catch (err) {
  console.error(`[site] site refuses to start: ${(err as Error).message}`);
  process.exit(1);
}
tracingChannel('net.server.listen').subscribe({
  start() {},
  end() {},
  asyncStart(message) {
    const { server } = message as { server: Server };
    if ('headersTimeout' in server && 'requestTimeout' in server) {
      Object.assign(server, timeouts);
      // Headers too large or too slow: 431 or 408 with a clean close, not a reset (@droomkaart/shared).
      server.on('clientError', answerClientError);
    }
  },
  asyncEnd() {},
  error() {},
});

const production = process.env.NODE_ENV === 'production';
const proxy = proxySettingsFrom(process.env, (m) => console.warn(`[site] ${m}`));
if (proxy.proxies.length > 0) {
  console.log(
    `[site] trusting X-Forwarded-* from ${proxy.proxies.join(', ')} for ${proxy.allowedHosts.size > 0 ? [...proxy.allowedHosts].join(', ') : 'no host (set SITE_ALLOWED_HOSTS or SITE_PUBLIC_URL)'}`,
  );
}

// The built server is dist/server/entry.mjs, its static files dist/client (the adapter's layout).
const precompressed = import.meta.url.includes('/dist/server/')
  ? precompressedFiles(fileURLToPath(new URL('../client/', import.meta.url)))
  : new Set<string>();
const compress = dynamicCompression();

subscribe('http.server.request.start', (message) => {
  const { request, response, socket } = message as {
    request: IncomingMessage;
    response: ServerResponse;
    socket: Socket;
  };
  const gated = gateRequest(
    request.headers,
    socket.remoteAddress ?? '',
    Boolean((socket as Socket & { encrypted?: boolean }).encrypted),
    proxy,
  );
  for (const name of Object.keys(request.headers)) if (!(name in gated.headers)) delete request.headers[name];
  Object.assign(request.headers, gated.headers);
  const framable = isWidgetPath((request.url ?? '').split('?')[0] ?? '');
  for (const [name, value] of Object.entries(securityHeaders({ https: gated.https, production, framable })))
    response.setHeader(name, value);
  const stat = staticEncoding(request.method, request.url, request.headers['accept-encoding'], precompressed);
  if (stat) {
    request.url = stat.url;
    for (const [name, value] of Object.entries(stat.headers)) response.setHeader(name, value);
  }
  compress(request, response);
});
