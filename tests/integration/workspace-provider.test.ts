import { createHmac } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestStack, type TestStack } from '../utils/stack.ts';
import { DEMO_ADMIN, request, signIn } from '../utils/cms-admin.ts';
import { PORT_OFFSET } from '../utils/ports.ts';

// The provider's side of a referral on the real cms (issue 18, cms/src/api/workspace/CONTRACT.md
// "Provider"): the coordinator tells the provider, who answers through a personal link without an
// account. The link is for one referral, expires, is revoked by a new one or on purpose, and shows
// the minimum (the parent's phone only with the parent's consent).
let stack: TestStack;
let coordinator: string;

type Answer = { status: number; body: any };

async function call(method: string, url: string, options: { session?: string; body?: unknown } = {}): Promise<Answer> {
  const res = await fetch(url, {
    method,
    headers: {
      authorization: `Bearer ${stack.env.WORKSPACE_TOKEN}`,
      ...(options.session ? { 'x-workspace-session': options.session } : {}),
      ...(options.body !== undefined ? { 'content-type': 'application/json' } : {}),
    },
    body: options.body !== undefined ? JSON.stringify(options.body) : undefined,
  });
  const text = await res.text();
  return { status: res.status, body: text ? JSON.parse(text) : null };
}
const ws = (method: string, path: string, body?: unknown) =>
  call(method, `${stack.urls.cms}/api/workspace${path}`, { session: coordinator, body });
const provider = (method: string, token: string, body?: unknown) =>
  call(method, `${stack.urls.cms}/api/provider-answers/${encodeURIComponent(token)}`, { body });

async function intake(firstName: string): Promise<string> {
  const res = await fetch(`${stack.urls.cms}/api/dreams`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${stack.env.DREAM_INTAKE_TOKEN}` },
    body: JSON.stringify({
      data: {
        edition: 'kind',
        age: 9,
        wijk: 'muziekwijk',
        channel: 'website',
        firstName,
        dream: 'Ik wil zwemmen als een vis',
        phone: '0612345678',
        parentName: 'Mama Geheim',
        email: 'ouder@example.org',
      },
    }),
  });
  expect(res.status).toBe(201);
  return (await res.json()).data.documentId;
}

async function shortlisted(firstName: string, index: number) {
  const dream = await intake(firstName);
  const activities = (await (await fetch(`${stack.urls.cms}/api/activities?locale=nl&pagination[pageSize]=20`)).json())
    .data as { documentId: string }[];
  const added = await ws('POST', `/dreams/${dream}/referrals`, { activityDocumentId: activities[index].documentId });
  expect(added.status, JSON.stringify(added.body)).toBe(201);
  return { dream, referral: added.body.data };
}

const tokenOf = (url: string) => decodeURIComponent(url.split('/aanmelding/')[1]);

/** The same link signed with the real secret but with another end date (the token format of signed-links.ts). */
function resigned(token: string, expires: Date): string {
  const parts = token.split('.');
  parts[3] = Math.floor(expires.getTime() / 1000).toString(36);
  const payload = parts.slice(0, 5).join('.');
  return `${payload}.${createHmac('sha256', stack.env.LINK_SECRET).update(payload).digest('base64url')}`;
}

function mailsTo(address: string): string[] {
  const dir = stack.env.MAIL_OUTBOX_DIR;
  return readdirSync(dir)
    .sort()
    .map((f) => readFileSync(join(dir, f), 'utf8'))
    .filter((m) => m.startsWith(`To: ${address}\n`));
}

beforeAll(async () => {
  stack = await startTestStack({
    name: 'workspace-provider',
    portOffset: PORT_OFFSET.workspaceProvider,
    services: ['cms'],
    // A provider counts as silent after about four seconds here, so the flag can be seen.
    env: { SEED_DEMO_DATA: 'true', SEED_ACTIVITY_COUNT: '20', PROVIDER_ANSWER_DAYS: '0.00005' },
  });
  const res = await call('POST', `${stack.urls.cms}/api/workspace/sessions`, {
    body: { email: 'coordinator@droomkaart.test', password: stack.env.DEMO_PASSWORD },
  });
  expect(res.status).toBe(201);
  coordinator = res.body.data.session;
});

afterAll(async () => {
  await stack?.cleanup();
});

describe('telling the provider of a referral', () => {
  it('issues a link, mails the contact, signs the child up and answers with a WhatsApp text', async () => {
    const { dream, referral } = await shortlisted('Noor', 0);
    expect(referral.contact?.email).toBeTruthy();
    expect(referral.provider).toBeNull();
    const res = await ws('POST', `/referrals/${referral.documentId}/provider-link`);
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body.data).toMatchObject({ documentId: referral.documentId, status: 'aangemeld' });
    expect(res.body.data.provider).toMatchObject({ answer: null, overdue: false, notifiedAt: expect.any(String) });
    const url: string = res.body.data.provider.linkUrl;
    expect(url).toMatch(new RegExp(`^${stack.env.SITE_URL}/nl/aanmelding/`));
    expect(res.body.meta).toMatchObject({ mailed: true });
    expect(res.body.meta.whatsappText).toContain(url);
    const mails = mailsTo(referral.contact.email);
    expect(mails).toHaveLength(1);
    expect(mails[0]).toContain(url);
    expect(mails[0]).toContain('Noor (9 jaar)');
    for (const secret of ['0612345678', '+31612345678', 'Mama Geheim', 'ouder@example.org', 'zwemmen'])
      expect(mails[0]).not.toContain(secret);
    const history = (await ws('GET', `/dreams/${dream}`)).body.data.history;
    expect(history.map((h: { step?: string }) => h.step)).toEqual(
      expect.arrayContaining(['shortlist-add', 'referral', 'provider-link']),
    );
  });

  it('shows the provider the minimum, the phone only with consent, and takes answers', async () => {
    const { dream, referral } = await shortlisted('Sem', 1);
    const sent = await ws('POST', `/referrals/${referral.documentId}/provider-link`);
    const token = tokenOf(sent.body.data.provider.linkUrl);

    const view = await provider('GET', token);
    expect(view.status).toBe(200);
    expect(view.body.data).toMatchObject({
      child: { firstName: 'Sem', age: 9 },
      activity: { title: referral.activity.title },
      parentPhone: null,
      coordinator: { firstName: expect.any(String) },
      answer: null,
    });
    const text = JSON.stringify(view.body);
    for (const secret of ['0612345678', 'Mama Geheim', 'ouder@example.org', 'zwemmen', 'muziekwijk'])
      expect(text).not.toContain(secret);

    // The parent agrees to share the number: recorded in the dream and its history, then shown.
    const consent = await ws('PATCH', `/dreams/${dream}`, { phoneShareConsent: true });
    expect(consent.body.data).toMatchObject({ phoneShareConsentAt: expect.any(String) });
    expect(consent.body.data.history.at(-1)).toMatchObject({ step: 'phone-consent', to: 'ja' });
    expect((await provider('GET', token)).body.data.parentPhone).toBe('+31612345678');
    await ws('PATCH', `/dreams/${dream}`, { phoneShareConsent: false });
    expect((await provider('GET', token)).body.data.parentPhone).toBeNull();

    // A wrong answer is refused at its field; welkom needs the first date.
    const refused = await provider('POST', token, { answer: 'welkom' });
    expect(refused.status).toBe(400);
    expect(refused.body.error).toMatchObject({ key: 'provider.error.firstDateNeeded', field: 'firstDate' });
    const long = await provider('POST', token, { answer: 'vol', note: 'x'.repeat(501) });
    expect(long.body.error).toMatchObject({ field: 'note' });

    const welcome = await provider('POST', token, {
      answer: 'welkom',
      firstDate: '2027-01-12',
      note: 'Dinsdag om vier uur',
      places: 'wachtlijst',
    });
    expect(welcome.status, JSON.stringify(welcome.body)).toBe(200);
    expect(welcome.body.data.answer).toMatchObject({ answer: 'welkom', firstDate: '2027-01-12' });
    expect(welcome.body.data.places).toBe('wachtlijst');
    let seen = (await ws('GET', `/dreams/${dream}`)).body.data;
    expect(seen.referrals[0]).toMatchObject({
      status: 'aangemeld',
      provider: { answer: 'welkom', firstDate: '2027-01-12', note: 'Dinsdag om vier uur', overdue: false },
      places: { status: 'wachtlijst', confirmedAt: expect.any(String) },
    });
    expect(seen.history.at(-1)).toMatchObject({ step: 'provider-answer', to: 'welkom', by: 'aanbieder' });
    const inbox = await ws('GET', '/dreams?provider=answered');
    expect(inbox.body.meta.counts.providerAnswers).toBeGreaterThanOrEqual(1);
    expect(inbox.body.data.map((d: { documentId: string }) => d.documentId)).toContain(dream);

    // A later answer replaces it and moves the referral where it means a status; the history keeps both.
    const started = await provider('POST', token, { answer: 'gestart' });
    expect(started.status).toBe(200);
    seen = (await ws('GET', `/dreams/${dream}`)).body.data;
    expect(seen.referrals[0]).toMatchObject({
      status: 'gestart',
      startedAt: expect.any(String),
      provider: { answer: 'gestart' },
    });
    const answers = seen.history.filter((h: { step?: string }) => h.step === 'provider-answer');
    expect(answers.map((h: { to: string }) => h.to)).toEqual(['welkom', 'gestart']);
  });

  it('refuses a revoked, replaced, expired, forged or other purpose link with the same 404', async () => {
    const { dream, referral } = await shortlisted('Lina', 2);
    const first = tokenOf(
      (await ws('POST', `/referrals/${referral.documentId}/provider-link`)).body.data.provider.linkUrl,
    );
    const second = tokenOf(
      (await ws('POST', `/referrals/${referral.documentId}/provider-link`)).body.data.provider.linkUrl,
    );
    expect(second).not.toBe(first);
    const refused = async (token: string) => {
      const res = await provider('GET', token);
      expect(res.status, token).toBe(404);
      expect(res.body.error.key).toBe('provider.invalid.title');
      expect(JSON.stringify(res.body)).not.toContain('Lina');
      expect((await provider('POST', token, { answer: 'vol' })).status).toBe(404);
    };
    await refused(first); // replaced by the second
    expect((await provider('GET', second)).status).toBe(200);
    await refused(resigned(second, new Date(Date.now() - 60_000))); // expired (signature right)
    await refused(`${second.slice(0, -3)}abc`); // forged signature
    await refused(second.replace('.provider.', '.family.')); // another purpose
    await refused('l1.provider.abc.zzz.0123456789abcdef.xyz'); // guessed

    const revoke = await ws('DELETE', `/referrals/${referral.documentId}/provider-link`);
    expect(revoke.status).toBe(204);
    await refused(second);
    const after = (await ws('GET', `/dreams/${dream}`)).body.data;
    expect(after.referrals[0].provider).toMatchObject({ linkUrl: null, linkExpiresAt: null });
    expect(after.history.at(-1)).toMatchObject({ step: 'provider-revoke' });
  });

  it("refuses another referral's token for this referral: the link names its one referral", async () => {
    const a = await shortlisted('Ayoub', 3);
    const b = await shortlisted('Eva', 4);
    const tokenA = tokenOf(
      (await ws('POST', `/referrals/${a.referral.documentId}/provider-link`)).body.data.provider.linkUrl,
    );
    await ws('POST', `/referrals/${b.referral.documentId}/provider-link`);
    // Swapping the subject breaks the signature; A's token only ever shows A.
    const swapped = tokenA.replace(a.referral.documentId, b.referral.documentId);
    expect((await provider('GET', swapped)).status).toBe(404);
    expect((await provider('GET', tokenA)).body.data.child.firstName).toBe('Ayoub');
  });

  it('needs a contact person, and the service token', async () => {
    const { referral } = await shortlisted('Kacper', 5);
    await ws('PATCH', `/referrals/${referral.documentId}`, { contactId: null });
    const res = await ws('POST', `/referrals/${referral.documentId}/provider-link`);
    expect(res.status).toBe(409);
    expect(res.body.error.key).toBe('workspace.error.provider.noContact');
    const bare = await fetch(`${stack.urls.cms}/api/provider-answers/whatever`);
    expect(bare.status).toBe(401);
  });

  it("forgets the provider's note and link when the dream is anonymised after the retention period", async () => {
    const { dream, referral } = await shortlisted('Vergeet', 7);
    const sent = await ws('POST', `/referrals/${referral.documentId}/provider-link`);
    const token = tokenOf(sent.body.data.provider.linkUrl);
    const answered = await provider('POST', token, { answer: 'vol', note: 'Vergeet mag volgend jaar terugkomen' });
    expect(answered.status, JSON.stringify(answered.body)).toBe(200);
    const closed = await ws('PATCH', `/dreams/${dream}`, { status: 'afgerond', outcome: 'geen-plek' });
    expect(closed.status, JSON.stringify(closed.body)).toBe(200);
    const admin = await signIn(stack.urls.cms, DEMO_ADMIN.email, stack.env.DEMO_PASSWORD);
    const run = await request(admin, 'POST', '/droomkaart/dreams/retention/run', {
      now: new Date(Date.now() + 400 * 86_400_000).toISOString(),
    });
    expect(run.body.data.anonymised).toBeGreaterThanOrEqual(1);
    expect((await provider('GET', token)).status).toBe(404);
    const row = await request(
      admin,
      'GET',
      `/content-manager/collection-types/api::referral.referral/${referral.documentId}`,
    );
    expect(row.status).toBe(200);
    expect(row.body.data).toMatchObject({ providerNote: null, providerLinkNonce: null, providerAnswer: 'vol' });
  });

  it('flags a provider who did not answer in time, in the dream, the inbox and the follow-ups', async () => {
    const { dream, referral } = await shortlisted('Julia', 6);
    await ws('POST', `/referrals/${referral.documentId}/provider-link`);
    await new Promise((r) => setTimeout(r, 5000));
    const seen = (await ws('GET', `/dreams/${dream}`)).body.data;
    expect(seen.referrals[0].provider).toMatchObject({ overdue: true, answer: null });
    const inbox = await ws('GET', '/dreams?provider=overdue');
    expect(inbox.body.meta.counts.providerOverdue).toBeGreaterThanOrEqual(1);
    expect(inbox.body.data.map((d: { documentId: string }) => d.documentId)).toContain(dream);
    const followUps = (await ws('GET', '/follow-ups')).body.data;
    expect(followUps.providerOverdue.map((r: { documentId: string }) => r.documentId)).toContain(referral.documentId);
  });
});

describe('places of an activity', () => {
  it('are set in the admin with the server confirming them, and only the server writes the date', async () => {
    const admin = await signIn(stack.urls.cms, DEMO_ADMIN.email, stack.env.DEMO_PASSWORD);
    const list = await request(
      admin,
      'GET',
      '/content-manager/collection-types/api::activity.activity?pageSize=1&sort=id:asc&locale=nl',
    );
    const doc = list.body.results[0];
    const res = await request(
      admin,
      'PUT',
      `/content-manager/collection-types/api::activity.activity/${doc.documentId}?locale=nl`,
      { placesStatus: 'vol', placesConfirmedAt: '2020-01-01T00:00:00.000Z' },
    );
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body.data.placesStatus).toBe('vol');
    expect(Date.now() - Date.parse(res.body.data.placesConfirmedAt)).toBeLessThan(60_000);
  });
});
