import { describe, expect, it } from 'vitest';
import { httpServerTimeouts, secondsFromEnv } from './server-timeouts.js';

describe('httpServerTimeouts', () => {
  it('has tight defaults instead of Node’s 60 s headers and 300 s request', () => {
    expect(httpServerTimeouts({})).toEqual({
      headersTimeout: 10_000,
      requestTimeout: 30_000,
      keepAliveTimeout: 5_000,
      connectionsCheckingInterval: 1000,
    });
  });

  it('reads seconds from the environment, fractions too, and checks them', () => {
    expect(
      httpServerTimeouts({
        HTTP_HEADERS_TIMEOUT_SECONDS: '2',
        HTTP_REQUEST_TIMEOUT_SECONDS: '4.5',
        HTTP_KEEP_ALIVE_TIMEOUT_SECONDS: '1',
      }),
    ).toEqual({ headersTimeout: 2000, requestTimeout: 4500, keepAliveTimeout: 1000, connectionsCheckingInterval: 500 });
    expect(httpServerTimeouts({ HTTP_HEADERS_TIMEOUT_SECONDS: '0.2' }).connectionsCheckingInterval).toBe(100);
    expect(() => httpServerTimeouts({ HTTP_REQUEST_TIMEOUT_SECONDS: '0' })).toThrow(/HTTP_REQUEST_TIMEOUT_SECONDS=0/);
    expect(() => httpServerTimeouts({ HTTP_KEEP_ALIVE_TIMEOUT_SECONDS: 'soon' })).toThrow(
      /HTTP_KEEP_ALIVE_TIMEOUT_SECONDS/,
    );
    expect(() => httpServerTimeouts({ HTTP_HEADERS_TIMEOUT_SECONDS: '40' })).toThrow(/must not exceed/);
  });

  it('takes an override for the whole request (the cms: its upload time)', () => {
    expect(httpServerTimeouts({ HTTP_REQUEST_TIMEOUT_SECONDS: '30' }, { requestSeconds: 180 }).requestTimeout).toBe(
      180_000,
    );
  });

  it('secondsFromEnv: empty is the default', () => {
    expect(secondsFromEnv({ X: '' }, 'X', 7)).toBe(7);
    expect(secondsFromEnv({ X: ' 12 ' }, 'X', 7)).toBe(12);
    expect(() => secondsFromEnv({ X: '-1' }, 'X', 7)).toThrow();
  });
});
