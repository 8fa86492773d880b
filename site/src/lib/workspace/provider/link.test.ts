import { describe, expect, it } from 'vitest';
import { isProviderPath, providerCall } from './link.ts';
import { allowedMethods } from '../../http/methods.ts';

const view = {
  child: { firstName: 'Noor', age: 9 },
  edition: 'kind',
  activity: { title: 'Zwemles', organisation: 'Zwemclub' },
  parentPhone: null,
  coordinator: { firstName: 'Sanne' },
  team: { email: null },
  answer: null,
  places: 'onbekend',
  expiresAt: null,
};
const answering = (status: number, body: unknown) => {
  const calls: { url: string; init: RequestInit }[] = [];
  const fetch = (async (url: string, init: RequestInit) => {
    calls.push({ url, init });
    return new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });
  }) as unknown as typeof globalThis.fetch;
  return { calls, fetch };
};
const options = (f: typeof fetch) => ({ baseUrl: 'http://cms.test', serviceToken: 'service', fetch: f });

describe('the provider page path', () => {
  it('is /<locale>/aanmelding/<token>, and takes posts', () => {
    expect(isProviderPath('/nl/aanmelding/l1.provider.abc.x.y.z')).toBe(true);
    expect(isProviderPath('/nl/aanmelding/')).toBe(false);
    expect(isProviderPath('/nl/aanmelding/a/b')).toBe(false);
    expect(allowedMethods('/ar/aanmelding/l1.provider.abc')).toEqual(['GET', 'HEAD', 'POST']);
  });
});

describe('providerCall', () => {
  it('asks the cms with the service token and gives the view', async () => {
    const { calls, fetch } = answering(200, { data: view });
    expect(await providerCall('l1.provider.abc', null, options(fetch))).toEqual(view);
    expect(calls[0].url).toBe('http://cms.test/api/provider-answers/l1.provider.abc');
    expect((calls[0].init.headers as Record<string, string>).authorization).toBe('Bearer service');
    expect(calls[0].init.method).toBe('GET');
  });
  it('posts the answer as JSON', async () => {
    const { calls, fetch } = answering(200, { data: view });
    await providerCall('tok', { answer: 'vol', note: '', firstDate: '', places: '' }, options(fetch));
    expect(calls[0].init.method).toBe('POST');
    expect(JSON.parse(calls[0].init.body as string)).toMatchObject({ answer: 'vol' });
  });
  it('says invalid for a 404 and for a token that cannot be one, without asking', async () => {
    expect(await providerCall('tok', null, options(answering(404, {}).fetch))).toEqual({ kind: 'invalid' });
    const { calls, fetch } = answering(200, { data: view });
    expect(await providerCall('../../admin', null, options(fetch))).toEqual({ kind: 'invalid' });
    expect(calls).toHaveLength(0);
  });
  it("keeps the cms's field and key for a refused answer, only provider keys", async () => {
    const refused = answering(400, { error: { key: 'provider.error.note', field: 'note' } });
    expect(await providerCall('tok', { answer: 'vol' }, options(refused.fetch))).toEqual({
      kind: 'refused',
      field: 'note',
      key: 'provider.error.note',
    });
    const odd = answering(400, { error: { key: '<script>', field: 'note' } });
    expect(await providerCall('tok', { answer: 'vol' }, options(odd.fetch))).toEqual({ kind: 'unavailable' });
  });
  it('is unavailable when the cms fails, is away or there is no service token', async () => {
    expect(await providerCall('tok', null, options(answering(500, {}).fetch))).toEqual({ kind: 'unavailable' });
    const away = (async () => {
      throw new Error('ECONNREFUSED');
    }) as unknown as typeof fetch;
    expect(await providerCall('tok', null, options(away))).toEqual({ kind: 'unavailable' });
    expect(await providerCall('tok', null, { ...options(away), serviceToken: '' })).toEqual({ kind: 'unavailable' });
  });
});
