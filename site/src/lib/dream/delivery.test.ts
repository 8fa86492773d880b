import { describe, expect, it } from 'vitest';
import { DreamOutbox } from './outbox.ts';
import { backoffMs, classify, DreamDelivery } from './delivery.ts';

type Call = { url: string; auth: string | null; body: any };

/** A cms stand-in: answers with `answer(call)`; records every call. */
function fakeCms(answer: (call: Call, n: number) => Response | Error) {
  const calls: Call[] = [];
  const fetch = (async (url: string, init: RequestInit) => {
    const call = { url, auth: new Headers(init.headers).get('authorization'), body: JSON.parse(init.body as string) };
    calls.push(call);
    const out = answer(call, calls.length);
    if (out instanceof Error) throw out;
    return out;
  }) as unknown as typeof globalThis.fetch;
  return { calls, fetch };
}
const created = (documentId: string) => new Response(JSON.stringify({ data: { documentId } }), { status: 201 });
const until = async (check: () => boolean, ms = 5000) => {
  const end = Date.now() + ms;
  while (!check()) {
    if (Date.now() > end) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 10));
  }
};

describe('dream delivery', () => {
  it('delivers with the intake token and the row id as idempotency key, then erases the content', async () => {
    const outbox = new DreamOutbox(':memory:');
    const cms = fakeCms((c) => created(`doc-${c.body.data.idempotencyKey}`));
    const delivery = new DreamDelivery(outbox, {
      cmsUrl: 'http://cms.test',
      intakeToken: 'tok',
      fetch: cms.fetch,
      log: () => {},
    });
    outbox.add('a1', { firstName: 'Sem', edition: 'kind' });
    delivery.start();
    await until(() => outbox.stats().delivered === 1);
    delivery.stop();
    expect(cms.calls[0]).toEqual({
      url: 'http://cms.test/api/dreams',
      auth: 'Bearer tok',
      body: { data: { firstName: 'Sem', edition: 'kind', channel: 'website', idempotencyKey: 'a1' } },
    });
    expect(outbox.get('a1')).toMatchObject({ status: 'delivered', payload: null, documentId: 'doc-a1' });
  });

  it('keeps a dream the cms refuses (400) as rejected and does not send it again', async () => {
    const outbox = new DreamOutbox(':memory:');
    const lines: string[] = [];
    const cms = fakeCms(
      () =>
        new Response(
          JSON.stringify({
            error: { details: { errors: [{ path: ['phone'], message: 'Dit is geen mobiel nummer.' }] } },
          }),
          { status: 400 },
        ),
    );
    const delivery = new DreamDelivery(outbox, {
      cmsUrl: 'http://cms.test',
      intakeToken: 'tok',
      fetch: cms.fetch,
      log: (l) => lines.push(l),
    });
    outbox.add('r1', { firstName: 'Sem', phone: '+31612345678' });
    delivery.start();
    await until(() => outbox.stats().rejected === 1);
    await new Promise((r) => setTimeout(r, 100));
    delivery.stop();
    expect(cms.calls).toHaveLength(1);
    expect(outbox.get('r1')).toMatchObject({
      status: 'rejected',
      payload: expect.stringContaining('Sem'),
      lastError: '400 phone: Dit is geen mobiel nummer.',
    });
    // The log names the dream and the field, never its content.
    expect(lines.join('\n')).not.toMatch(/Sem|31612345678/);
  });

  it('waits while the cms is down, probing one dream at a time, and sends them all when it is back', async () => {
    const outbox = new DreamOutbox(':memory:');
    let down = true;
    const cms = fakeCms((c) =>
      down
        ? Object.assign(new TypeError('fetch failed'), { cause: { code: 'ECONNREFUSED' } })
        : created(`doc-${c.body.data.idempotencyKey}`),
    );
    const delivery = new DreamDelivery(outbox, {
      cmsUrl: 'http://cms.test',
      intakeToken: 'tok',
      fetch: cms.fetch,
      maxBackoffMs: 40,
      log: () => {},
    });
    delivery.start();
    for (let i = 0; i < 30; i++) outbox.add(`d${i}`, { n: i });
    delivery.notify();
    await until(() => cms.calls.length >= 6);
    expect(delivery.failing).toBe(true);
    expect(outbox.stats().pending).toBe(30);
    // While down, at most the first batch went out at once; after that one probe per pause.
    expect(cms.calls.length).toBeLessThan(40);
    down = false;
    await until(() => outbox.stats().delivered === 30);
    delivery.stop();
    expect(delivery.failing).toBe(false);
    const keys = cms.calls.filter((c) => c.body.data.idempotencyKey).map((c) => c.body.data.idempotencyKey);
    expect(new Set(keys).size).toBe(30);
  });

  it('reads the cms answers and waits longer after each failure, up to a limit', () => {
    expect(classify(201, { data: { documentId: 'x' } })).toEqual({ kind: 'delivered', documentId: 'x' });
    expect(classify(200, null)).toEqual({ kind: 'delivered', documentId: null });
    expect(classify(400, { error: { message: 'bad' } })).toEqual({ kind: 'rejected', reason: '400 bad' });
    for (const status of [401, 403, 404, 429, 500, 502, 503]) expect(classify(status, null).kind).toBe('retry');
    const fixed = () => 0.5;
    expect([1, 2, 3, 4, 10].map((n) => backoffMs(n, 60_000, fixed))).toEqual([1000, 2000, 4000, 8000, 60_000]);
  });
});
