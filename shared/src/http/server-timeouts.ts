// Timeouts of every HTTP server (site, cms, search-indexer): how long a client may take to send a
// request's headers, the whole request with its body, and how long an idle keep-alive connection
// stays open. Node's defaults (headers 60 s, whole request 300 s, checked every 30 s) let a slow
// client (a "slowloris": headers or a body at 1 byte/s) hold a connection and its memory for minutes.
// The cms gives uploads a longer body time of its own (docs/cms.md, slow clients).

export const HTTP_TIMEOUT_DEFAULTS = {
  /** HTTP_HEADERS_TIMEOUT_SECONDS: from the connection (or the end of the previous request) to the end of the headers. */
  headersSeconds: 10,
  /** HTTP_REQUEST_TIMEOUT_SECONDS: the whole request, headers and body. */
  requestSeconds: 30,
  /** HTTP_KEEP_ALIVE_TIMEOUT_SECONDS: an idle connection between two requests. */
  keepAliveSeconds: 5,
} as const;

/** Options of Node's `http.createServer` (milliseconds). */
export type HttpServerTimeouts = {
  headersTimeout: number;
  requestTimeout: number;
  keepAliveTimeout: number;
  /** How often Node checks connections against the two timeouts above (its default, 30 s, would add up to 30 s to each). */
  connectionsCheckingInterval: number;
};

/** Pure: a positive number of seconds from `env[name]`, or the default when unset or empty; anything else throws. */
export function secondsFromEnv(env: Record<string, string | undefined>, name: string, fallback: number): number {
  const raw = (env[name] ?? '').trim();
  if (raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isFinite(value) || value <= 0 || value > 24 * 3600)
    throw new Error(`${name}=${raw}: give a number of seconds greater than 0`);
  return value;
}

/**
 * Pure: the server timeouts from HTTP_HEADERS_TIMEOUT_SECONDS, HTTP_REQUEST_TIMEOUT_SECONDS and
 * HTTP_KEEP_ALIVE_TIMEOUT_SECONDS. `requestSeconds` overrides the whole-request time (the cms:
 * its upload time, the longest any request may take; it limits other bodies itself). The headers
 * time must not exceed the request time (Node refuses such a server).
 */
export function httpServerTimeouts(
  env: Record<string, string | undefined>,
  override: { requestSeconds?: number } = {},
): HttpServerTimeouts {
  const headers = secondsFromEnv(env, 'HTTP_HEADERS_TIMEOUT_SECONDS', HTTP_TIMEOUT_DEFAULTS.headersSeconds);
  const request =
    override.requestSeconds ??
    secondsFromEnv(env, 'HTTP_REQUEST_TIMEOUT_SECONDS', HTTP_TIMEOUT_DEFAULTS.requestSeconds);
  const keepAlive = secondsFromEnv(env, 'HTTP_KEEP_ALIVE_TIMEOUT_SECONDS', HTTP_TIMEOUT_DEFAULTS.keepAliveSeconds);
  if (headers > request)
    throw new Error(`HTTP_HEADERS_TIMEOUT_SECONDS (${headers}) must not exceed the request timeout (${request})`);
  const ms = (s: number) => Math.round(s * 1000);
  return {
    headersTimeout: ms(headers),
    requestTimeout: ms(request),
    keepAliveTimeout: ms(keepAlive),
    // A quarter of the headers time, between 0.1 and 1 s: a slow client is cut off at most that late.
    connectionsCheckingInterval: Math.max(100, Math.min(1000, Math.floor(ms(headers) / 4))),
  };
}
