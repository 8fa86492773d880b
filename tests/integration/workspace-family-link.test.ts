import { createHmac } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestStack, type TestStack } from '../utils/stack.ts';
import { PORT_OFFSET } from '../utils/ports.ts';

// The family's link (issue 18, point 3) in the real cms: the coordinator's message makes it, the
// family answers per activity without an account ("begonnen" starts the referral, "bel me" flags
// the dream), and a link that is tampered with, expired, revoked or used for another dream's
// activity gets nothing. The page shows nothing of the child.
let stack: TestStack;
let coordinator: string;

type Answer = { status: number; body: any };

async function ws(
  method: string,
  path: string,
  options: { session?: string; body?: unknown; token?: string | null } = {},
): Promise<Answer> {
  const token = options.token === undefined ? stack.env.WORKSPACE_TOKEN : options.token;
  const res = await fetch(`${stack.urls.cms}/api/workspace${path}`, {
    method,
    headers: {
      ...(token ? { authorization: `Bearer ${token}` } : {}),
      ...(options.session ? { 'x-workspace-session': options.session } : {}),
      ...(options.body !== undefined ? { 'content-type': 'application/json' } : {}),
    },
    body: options.body !== undefined ? JSON.stringify(options.body) : undefined,
  });
  const text = await res.text();
  return { status: res.status, body: text ? JSON.parse(text) : null };
}

async function intake(data: Record<string, unknown>): Promise<string> {
  const res = await fetch(`${stack.urls.cms}/api/dreams`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${stack.env.DREAM_INTAKE_TOKEN}` },
    body: JSON.stringify({ data: { edition: 'jong', age: 14, wijk: 'muziekwijk', channel: 'website', ...data } }),
  });
  expect(res.status).toBe(201);
  return (await res.json()).data.documentId;
}

/** A link signed with the cms's secret, as the cms would make it (security/signed-links.ts). */
function forge(subject: string, expiresAt: Date, nonce = 'abcdefghijklmnop'): string {
  const payload = `l1.family.${subject}.${Math.floor(expiresAt.getTime() / 1000).toString(36)}.${nonce}`;
  return `${payload}.${createHmac('sha256', stack.env.LINK_SECRET).update(payload).digest('base64url')}`;
}

const family = (token: string, locale = 'nl') => ws('GET', `/family/${encodeURIComponent(token)}?locale=${locale}`);
const answer = (token: string, referral: string, value: string) =>
  ws('POST', `/family/${encodeURIComponent(token)}/answers?locale=nl`, { body: { referral, answer: value } });

let dreamId: string;
let otherDreamId: string;
let referrals: string[];
let otherReferral: string;
let token: string;

beforeAll(async () => {
  stack = await startTestStack({
    name: 'workspace-family-link',
    portOffset: PORT_OFFSET.familyLink,
    services: ['cms'],
    env: { SEED_DEMO_DATA: 'true', SEED_ACTIVITY_COUNT: '12' },
  });
  const res = await ws('POST', '/sessions', {
    body: { email: 'coordinator@droomkaart.test', password: stack.env.DEMO_PASSWORD },
  });
  coordinator = res.body.data.session;
  const activities = (await (await fetch(`${stack.urls.cms}/api/activities?locale=nl&pagination[pageSize]=3`)).json())
    .data as { documentId: string }[];
  dreamId = await intake({
    firstName: 'Noor',
    dream: 'Ik wil leren dansen',
    phone: '+31612345670',
    parentName: 'Ayse Yilmaz',
    preferredLanguage: 'ar',
  });
  otherDreamId = await intake({ firstName: 'Sem', dream: 'Ik wil voetballen', phone: '+31612345671' });
  referrals = [];
  for (const a of activities.slice(0, 2)) {
    const added = await ws('POST', `/dreams/${dreamId}/referrals`, {
      session: coordinator,
      body: { activityDocumentId: a.documentId },
    });
    expect(added.status).toBe(201);
    referrals.push(added.body.data.documentId);
  }
  const other = await ws('POST', `/dreams/${otherDreamId}/referrals`, {
    session: coordinator,
    body: { activityDocumentId: activities[2].documentId },
  });
  otherReferral = other.body.data.documentId;
});

afterAll(async () => {
  await stack?.cleanup();
});

describe("the family's link", () => {
  it('is made when the coordinator opens the message, in the family language, and stays the same', async () => {
    expect((await ws('GET', `/dreams/${dreamId}`, { session: coordinator })).body.data.familyLink).toBeNull();
    const made = await ws('POST', `/dreams/${dreamId}/family-link`, { session: coordinator });
    expect(made.status).toBe(200);
    const link = made.body.data.familyLink;
    expect(link.url).toMatch(/\/ar\/gezin\/l1\.family\./);
    expect(Date.parse(link.expiresAt) - Date.now()).toBeGreaterThan(59 * 86_400_000);
    token = link.token;
    const again = await ws('POST', `/dreams/${dreamId}/family-link`, { session: coordinator });
    expect(again.body.data.familyLink.token).toBe(token);
    expect(again.body.data.history.filter((h: any) => h.step === 'family-link')).toHaveLength(1);
    expect((await ws('POST', `/dreams/${dreamId}/family-link`)).status).toBe(401);
  });

  it("shows only the activities' titles and the coordinator's first name, never the child", async () => {
    const view = await family(token);
    expect(view.status, JSON.stringify(view.body)).toBe(200);
    expect(view.body.data.edition).toBe('jong');
    expect(view.body.data.activities.map((a: any) => a.referral)).toEqual(referrals);
    expect(view.body.data.activities.every((a: any) => a.title && a.answer === null)).toBe(true);
    expect(typeof view.body.data.coordinator).toBe('string');
    expect(view.body.data.coordinator).not.toContain(' ');
    const text = JSON.stringify(view.body);
    for (const secret of ['Noor', 'dansen', '+31612345670', 'Ayse', 'Yilmaz', 'muziekwijk', dreamId])
      expect(text).not.toContain(secret);
    // Only the site may ask: the service token is needed.
    expect((await ws('GET', `/family/${token}`, { token: null })).status).toBe(401);
  });

  it('"begonnen" starts the referral with its date and a history step by the family', async () => {
    const res = await answer(token, referrals[0], 'begonnen');
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body.data.activities[0]).toMatchObject({ answer: 'begonnen', answeredAt: expect.any(String) });
    const dream = (await ws('GET', `/dreams/${dreamId}`, { session: coordinator })).body.data;
    const started = dream.referrals.find((r: any) => r.documentId === referrals[0]);
    expect(started).toMatchObject({ status: 'gestart', startedAt: expect.any(String) });
    expect(started.family).toMatchObject({ answer: 'begonnen' });
    const steps = dream.history.filter((h: any) => h.by === 'gezin').map((h: any) => [h.step, h.to]);
    expect(steps).toEqual([
      ['family-answer', 'begonnen'],
      ['referral', 'gestart'],
    ]);
  });

  it('"bel me" flags the dream in the inbox and the follow-ups until the coordinator called back', async () => {
    expect((await answer(token, referrals[1], 'bel-me')).status).toBe(200);
    const list = await ws('GET', '/dreams?status=alle&pageSize=100', { session: coordinator });
    expect(list.body.data.find((d: any) => d.documentId === dreamId).callBack).toBe(true);
    const followUps = await ws('GET', '/follow-ups', { session: coordinator });
    const flagged = followUps.body.data.family.find((f: any) => f.dream.documentId === dreamId);
    expect(flagged).toMatchObject({ reason: 'bel-me', link: { token } });
    const called = await ws('PATCH', `/dreams/${dreamId}`, { session: coordinator, body: { calledBack: true } });
    expect(called.body.data.callBack).toBe(false);
    expect(called.body.data.history.at(-1)).toMatchObject({ step: 'call-back' });
    const after = await ws('GET', '/follow-ups', { session: coordinator });
    expect(after.body.data.family.some((f: any) => f.dream.documentId === dreamId)).toBe(false);
  });

  it("refuses another dream's activity, a wrong answer, a tampered, guessed or expired link", async () => {
    const foreign = await answer(token, otherReferral, 'begonnen');
    expect(foreign.status).toBe(404);
    const other = (await ws('GET', `/dreams/${otherDreamId}`, { session: coordinator })).body.data;
    expect(other.referrals[0]).toMatchObject({ status: 'voorgesteld', family: null });
    expect((await answer(token, referrals[0], 'misschien')).status).toBe(400);
    const tampered = token.slice(0, -2) + (token.endsWith('A') ? 'BB' : 'AA');
    expect((await family(tampered)).body.error.key).toBe('workspace.error.familyLink.invalid');
    // Signed for the other dream, but with a nonce the cms never issued: a guess.
    const guessed = await family(forge(otherDreamId, new Date(Date.now() + 86_400_000)));
    expect(guessed.status).toBe(410);
    expect(guessed.body.error.key).toBe('workspace.error.familyLink.revoked');
    const expired = await family(forge(dreamId, new Date(Date.now() - 86_400_000)));
    expect(expired.status).toBe(410);
    expect(expired.body.error.key).toBe('workspace.error.familyLink.expired');
    expect((await family('l1.provider.x.y.z.w')).status).toBe(404);
  });

  it('stops working at once when revoked; a new link does not bring the old one back', async () => {
    const revoked = await ws('DELETE', `/dreams/${dreamId}/family-link`, { session: coordinator });
    expect(revoked.body.data.familyLink).toBeNull();
    const view = await family(token);
    expect(view.status).toBe(410);
    expect(view.body.error.key).toBe('workspace.error.familyLink.revoked');
    expect((await answer(token, referrals[1], 'nog-niet')).status).toBe(410);
    const fresh = await ws('POST', `/dreams/${dreamId}/family-link`, { session: coordinator });
    expect(fresh.body.data.familyLink.token).not.toBe(token);
    expect((await family(token)).status).toBe(410);
    expect((await family(fresh.body.data.familyLink.token)).status).toBe(200);
  });
});
