import { describe, expect, it } from 'vitest';
import { isReconfirmPath, reconfirmCall } from './reconfirm.ts';
import { allowedMethods } from '../http/methods.ts';

describe("an organisation's reconfirm page", () => {
  it('is /<locale>/bijwerken/<token> and takes form posts', () => {
    expect(isReconfirmPath('/nl/bijwerken/l1.organisation.a.b.c.d')).toBe(true);
    expect(isReconfirmPath('/nl/bijwerken/')).toBe(false);
    expect(isReconfirmPath('/nl/bijwerken/a/b')).toBe(false);
    expect(allowedMethods('/en/bijwerken/abc')).toEqual(['GET', 'HEAD', 'POST']);
  });

  it('never sends a malformed token to the cms, and tells a bad link from an absent cms', async () => {
    let calls = 0;
    const fetcher = (async () => {
      calls++;
      return new Response(JSON.stringify({ error: {} }), { status: 404 });
    }) as unknown as typeof fetch;
    expect(await reconfirmCall('a/b<script>', false, { serviceToken: 's', fetch: fetcher })).toEqual({
      kind: 'invalid',
    });
    expect(calls).toBe(0);
    expect(await reconfirmCall('l1.organisation.a', true, { serviceToken: 's', fetch: fetcher })).toEqual({
      kind: 'invalid',
    });
    const down = (async () => {
      throw new Error('down');
    }) as unknown as typeof fetch;
    expect(await reconfirmCall('l1.organisation.a', false, { serviceToken: 's', fetch: down })).toEqual({
      kind: 'unavailable',
    });
  });
});
