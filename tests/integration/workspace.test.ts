import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestStack, type TestStack } from '../utils/stack.ts';
import { DEMO_ADMIN, partnerEmail, request, signIn, type AdminSession } from '../utils/cms-admin.ts';
import { PORT_OFFSET } from '../utils/ports.ts';

// The coordinator workspace's API in the real cms (cms/src/api/workspace/CONTRACT.md): who gets in,
// the status flow with its history, the shortlist with key-player contacts, follow-ups, and
// reports without personal data. Everything personal stays closed to partners, policy advisers
// and the public.
let stack: TestStack;
let admin: AdminSession;
let coordinator: string;
let organisationSlug: string;

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

async function sessionFor(email: string): Promise<string> {
  const res = await ws('POST', '/sessions', { body: { email, password: stack.env.DEMO_PASSWORD } });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return res.body.data.session;
}

async function intake(data: Record<string, unknown>): Promise<string> {
  const res = await fetch(`${stack.urls.cms}/api/dreams`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${stack.env.DREAM_INTAKE_TOKEN}` },
    body: JSON.stringify({ data: { edition: 'kind', age: 10, wijk: 'muziekwijk', channel: 'website', ...data } }),
  });
  expect(res.status).toBe(201);
  return (await res.json()).data.documentId;
}

async function publishedActivities(): Promise<{ documentId: string; organisation: { slug: string } }[]> {
  const res = await fetch(
    `${stack.urls.cms}/api/activities?locale=nl&pagination[pageSize]=20&populate[organisation][fields][0]=slug`,
  );
  return (await res.json()).data;
}

beforeAll(async () => {
  stack = await startTestStack({
    name: 'workspace',
    portOffset: PORT_OFFSET.workspace,
    services: ['cms'],
    // The renewal window opens on the season's first day, so "new application needed" shows any day.
    env: { SEED_DEMO_DATA: 'true', SEED_ACTIVITY_COUNT: '20', FUNDING_RENEWAL_FROM: '08-01' },
  });
  admin = await signIn(stack.urls.cms, DEMO_ADMIN.email, stack.env.DEMO_PASSWORD);
  coordinator = await sessionFor('coordinator@droomkaart.test');
  const orgs = await request(
    admin,
    'GET',
    '/content-manager/collection-types/api::organisation.organisation?pageSize=1&sort=id:asc',
  );
  organisationSlug = orgs.body.results[0].slug;
});

afterAll(async () => {
  await stack?.cleanup();
});

describe('signing in to the workspace', () => {
  it('opens a session for a coordinator and tells what it may do', async () => {
    const me = await ws('GET', '/me', { session: coordinator });
    expect(me.status).toBe(200);
    expect(me.body.data).toMatchObject({
      email: 'coordinator@droomkaart.test',
      role: 'coordinator',
      can: { dreams: true, reports: true },
    });
  });

  it('refuses a wrong password with a friendly key, and partners altogether', async () => {
    const wrong = await ws('POST', '/sessions', {
      body: { email: 'coordinator@droomkaart.test', password: 'fout-wachtwoord' },
    });
    expect(wrong.status).toBe(401);
    expect(wrong.body.error).toMatchObject({ key: 'workspace.error.credentials', message: expect.any(String) });
    const partner = await ws('POST', '/sessions', {
      body: { email: partnerEmail(organisationSlug), password: stack.env.DEMO_PASSWORD },
    });
    expect(partner.status).toBe(403);
    expect(partner.body.error.key).toBe('workspace.error.forbidden');
    const empty = await ws('POST', '/sessions', { body: {} });
    expect(empty.status).toBe(400);
  });

  it('needs the site service token and a live session on every call', async () => {
    expect((await ws('GET', '/dreams', { session: coordinator, token: null })).status).toBe(401);
    expect((await ws('GET', '/dreams', { session: coordinator, token: 'f'.repeat(64) })).status).toBe(401);
    expect(
      (
        await ws('POST', '/sessions', {
          body: { email: 'coordinator@droomkaart.test', password: stack.env.DEMO_PASSWORD },
          token: null,
        })
      ).status,
    ).toBe(401);
    const none = await ws('GET', '/dreams');
    expect(none.status).toBe(401);
    expect(none.body.error.key).toBe('workspace.error.session');
    expect((await ws('GET', '/dreams', { session: 'made-up-session' })).status).toBe(401);
  });

  it('ends a session on sign-out', async () => {
    const session = await sessionFor('coordinator@droomkaart.test');
    expect((await ws('DELETE', '/sessions/current', { session })).status).toBe(204);
    expect((await ws('GET', '/me', { session })).status).toBe(401);
  });

  it('gives a policy adviser the reports and nothing personal', async () => {
    const session = await sessionFor('beleid@droomkaart.test');
    expect((await ws('GET', '/reports', { session })).status).toBe(200);
    for (const [method, path] of [
      ['GET', '/dreams'],
      ['GET', '/follow-ups'],
      ['GET', `/contacts?organisation=${organisationSlug}`],
      ['POST', '/dreams'],
    ] as const) {
      const res = await ws(method, path, { session, body: method === 'POST' ? {} : undefined });
      expect(res.status, `${method} ${path}`).toBe(403);
      expect(res.body.error.key).toBe('workspace.error.forbidden');
    }
  });

  it('ends every session of an account that is deactivated', async () => {
    const session = await sessionFor('beleid@droomkaart.test');
    const users = await request(admin, 'GET', '/admin/users?filters[email][$eq]=beleid@droomkaart.test');
    const id = users.body.data.results[0].id;
    expect((await request(admin, 'PUT', `/admin/users/${id}`, { isActive: false })).status).toBe(200);
    try {
      expect((await ws('GET', '/reports', { session })).status).toBe(401);
    } finally {
      await request(admin, 'PUT', `/admin/users/${id}`, { isActive: true });
    }
  });
});

describe('working a dream', () => {
  let documentId: string;

  beforeAll(async () => {
    documentId = await intake({
      firstName: 'Ilse',
      dream: 'Ik wil dierenarts worden',
      need: 'Meelopen bij een dierenarts',
      needPicks: ['meelopen'],
      phone: '0612340001',
      preferredLanguage: 'tr',
    });
  });

  it('shows a new dream in the inbox with counts, and its details with themes from the dream', async () => {
    const inbox = await ws('GET', '/dreams?status=nieuw&wijk=muziekwijk', { session: coordinator });
    expect(inbox.status).toBe(200);
    const row = inbox.body.data.find((d: any) => d.documentId === documentId);
    expect(row).toMatchObject({
      firstName: 'Ilse',
      status: 'nieuw',
      wijk: 'muziekwijk',
      wijkName: expect.any(String),
      stadsdeel: 'almere-stad',
      overdue: false,
    });
    expect(inbox.body.meta.counts.new).toBeGreaterThanOrEqual(1);
    const detail = await ws('GET', `/dreams/${documentId}`, { session: coordinator });
    expect(detail.body.data).toMatchObject({
      phone: '+31612340001',
      preferredLanguage: 'tr',
      history: [],
      referrals: [],
    });
    expect(detail.body.data.themes).toEqual(expect.arrayContaining(['beroepen-meelopen', 'natuur-buiten']));
    expect((await ws('GET', '/dreams/doesnotexist0000000000000', { session: coordinator })).status).toBe(404);
  });

  it('assigns to me, and keeps a dated history of each step', async () => {
    const res = await ws('PATCH', `/dreams/${documentId}`, {
      session: coordinator,
      body: { assign: 'me', status: 'contact', note: 'gebeld' },
    });
    expect(res.status).toBe(200);
    expect(res.body.data).toMatchObject({ assignedTo: 'coordinator@droomkaart.test', status: 'contact' });
    expect(res.body.data.history).toEqual([
      {
        at: expect.any(String),
        by: 'coordinator@droomkaart.test',
        step: 'status',
        from: 'nieuw',
        to: 'contact',
        note: 'gebeld',
      },
      { at: expect.any(String), by: 'coordinator@droomkaart.test', step: 'assign', to: 'coordinator@droomkaart.test' },
    ]);
    // Assigning to the one it already has is no step.
    const again = await ws('PATCH', `/dreams/${documentId}`, { session: coordinator, body: { assign: 'me' } });
    expect(again.body.data.history).toHaveLength(2);
    const mine = await ws('GET', '/dreams?assigned=me', { session: coordinator });
    expect(mine.body.data.map((d: any) => d.documentId)).toContain(documentId);
  });

  it('filters the inbox by status and lists the newest dreams first', async () => {
    const later = await intake({ firstName: 'Noor', dream: 'Ik wil kapper worden', phone: '0612340002' });
    const byStatus = async (status: string) => {
      const res = await ws('GET', `/dreams?status=${status}&pageSize=100`, { session: coordinator });
      expect(res.status).toBe(200);
      return res.body.data as { documentId: string; status: string; receivedAt: string }[];
    };
    const fresh = await byStatus('nieuw');
    expect(fresh.length).toBeGreaterThan(0);
    expect(fresh.every((d) => d.status === 'nieuw')).toBe(true);
    expect(fresh.map((d) => d.documentId)).toContain(later);
    expect(fresh.map((d) => d.documentId)).not.toContain(documentId); // in contact since the last step
    const contacted = await byStatus('contact');
    expect(contacted.map((d) => d.documentId)).toContain(documentId);
    expect(contacted.every((d) => d.status === 'contact')).toBe(true);
    const open = (await ws('GET', '/dreams?pageSize=100', { session: coordinator })).body.data as typeof fresh;
    expect(open.map((d) => d.documentId)).toEqual(expect.arrayContaining([documentId, later]));
    const received = open.map((d) => Date.parse(d.receivedAt));
    expect(received).toEqual([...received].sort((a, b) => b - a));
    expect(open[0].documentId).toBe(later);
  });

  it('requires the parent consent before a conversation is planned', async () => {
    const early = await ws('PATCH', `/dreams/${documentId}`, {
      session: coordinator,
      body: { conversation: { at: '2026-12-01T14:30:00.000Z', kind: 'bibliotheek', place: 'Bibliotheek Almere Stad' } },
    });
    expect(early.status).toBe(409);
    expect(early.body.error.key).toBe('workspace.error.flow.consent');
    const stillContact = await ws('GET', `/dreams/${documentId}`, { session: coordinator });
    expect(stillContact.body.data).toMatchObject({ status: 'contact', conversation: null, consentRecordedAt: null });

    const planned = await ws('PATCH', `/dreams/${documentId}`, {
      session: coordinator,
      body: {
        consent: true,
        conversation: { at: '2026-12-01T14:30:00.000Z', kind: 'bibliotheek', place: 'Bibliotheek Almere Stad' },
      },
    });
    expect(planned.status).toBe(200);
    expect(planned.body.data).toMatchObject({
      status: 'gesprek-gepland',
      consentRecordedBy: 'coordinator@droomkaart.test',
      conversation: { at: '2026-12-01T14:30:00.000Z', kind: 'bibliotheek', place: 'Bibliotheek Almere Stad' },
    });
    const steps = planned.body.data.history.map((h: any) => [h.step, h.to ?? null]);
    expect(steps.filter(([step]: string[]) => step === 'status')).toEqual([
      ['status', 'contact'],
      ['status', 'gesprek-gepland'],
    ]);
    // The consent is a step of its own, recorded before the conversation it allows.
    expect(steps.findIndex(([step]: string[]) => step === 'consent')).toBe(steps.length - 2);
  });

  it('refuses bad input with the field named, and changes nothing', async () => {
    for (const body of [
      { status: 'verzonnen' },
      { followUpDate: '31-12-2026' },
      { themes: ['geen-thema'] },
      { conversation: { at: 'morgen', kind: 'video' } },
      { onbekend: 1 },
      { assign: 'partner@x.test' },
    ]) {
      const res = await ws('PATCH', `/dreams/${documentId}`, { session: coordinator, body });
      expect(res.status, JSON.stringify(body)).toBe(400);
      expect(res.body.error.key).toBe('workspace.error.invalid');
      expect(res.body.error.field).toBeTruthy();
    }
    const after = await ws('GET', `/dreams/${documentId}`, { session: coordinator });
    expect(after.body.data.status).toBe('gesprek-gepland');
  });

  it('shortlists activities with the partner contact person, then links the dream', async () => {
    const early = await ws('PATCH', `/dreams/${documentId}`, { session: coordinator, body: { status: 'gekoppeld' } });
    expect(early.status).toBe(409);
    expect(early.body.error.key).toBe('workspace.error.flow.referral');

    const [first, second] = await publishedActivities();
    const added = await ws('POST', `/dreams/${documentId}/referrals`, {
      session: coordinator,
      body: { activityDocumentId: first.documentId },
    });
    expect(added.status).toBe(201);
    expect(added.body.data).toMatchObject({
      status: 'voorgesteld',
      activity: {
        documentId: first.documentId,
        title: expect.any(String),
        organisation: { slug: first.organisation.slug },
        // Its ages, so the workspace can warn when they do not fit the child.
        ageMin: expect.any(Number),
        ageMax: expect.any(Number),
      },
    });
    expect(added.body.data.contact).toMatchObject({
      name: expect.any(String),
      phone: expect.any(String),
      organisation: { slug: first.organisation.slug },
    });
    expect(
      (
        await ws('POST', `/dreams/${documentId}/referrals`, {
          session: coordinator,
          body: { activityDocumentId: first.documentId },
        })
      ).body.error.key,
    ).toBe('workspace.error.referral.duplicate');
    expect(
      (
        await ws('POST', `/dreams/${documentId}/referrals`, {
          session: coordinator,
          body: { activityDocumentId: 'bestaatniet' },
        })
      ).status,
    ).toBe(404);
    const other = await ws('POST', `/dreams/${documentId}/referrals`, {
      session: coordinator,
      body: { activityDocumentId: second.documentId },
    });
    expect(other.status).toBe(201);

    const contacts = await ws('GET', `/contacts?organisation=${first.organisation.slug}`, { session: coordinator });
    expect(contacts.body.data.length).toBeGreaterThanOrEqual(1);

    const linked = await ws('PATCH', `/dreams/${documentId}`, { session: coordinator, body: { status: 'gekoppeld' } });
    expect(linked.status).toBe(200);
    expect(linked.body.data.referrals).toHaveLength(2);

    // The second one is dropped while still a proposal; the first goes through sign-up and start.
    expect((await ws('DELETE', `/referrals/${other.body.data.documentId}`, { session: coordinator })).status).toBe(204);
    const ref = added.body.data.documentId;
    expect(
      (await ws('PATCH', `/referrals/${ref}`, { session: coordinator, body: { status: 'aangemeld' } })).body.data,
    ).toMatchObject({ status: 'aangemeld', signedUpAt: expect.any(String) });
    const started = await ws('PATCH', `/referrals/${ref}`, {
      session: coordinator,
      body: { status: 'gestart', note: 'Eerste keer was leuk' },
    });
    expect(started.body.data).toMatchObject({
      status: 'gestart',
      startedAt: expect.any(String),
      note: 'Eerste keer was leuk',
    });
    expect((await ws('DELETE', `/referrals/${ref}`, { session: coordinator })).status).toBe(409);
    expect(
      (await ws('PATCH', `/referrals/${ref}`, { session: coordinator, body: { status: 'voorgesteld' } })).status,
    ).toBe(409);

    // The history tells the shortlist's steps too, in order, with the activity's title.
    const history = (await ws('GET', `/dreams/${documentId}`, { session: coordinator })).body.data.history as {
      step: string;
      from?: string;
      to?: string;
      detail?: string;
      by: string;
    }[];
    const firstTitle = added.body.data.activity.title;
    const shortlistSteps = history
      .filter((h) => h.step !== 'status' && h.step !== 'assign' && h.step !== 'consent')
      .map((h) => [h.step, h.detail, h.from ?? null, h.to ?? null]);
    expect(shortlistSteps).toEqual([
      ['shortlist-add', firstTitle, null, null],
      ['shortlist-add', other.body.data.activity.title, null, null],
      ['shortlist-remove', other.body.data.activity.title, null, null],
      ['referral', firstTitle, 'voorgesteld', 'aangemeld'],
      ['referral', firstTitle, 'aangemeld', 'gestart'],
    ]);
    expect(history.every((h) => h.by === 'coordinator@droomkaart.test')).toBe(true);
    expect(history.map((h) => h.step)).toContain('consent');
  });

  it('lists the dream for follow-up when its date has come', async () => {
    const res = await ws('PATCH', `/dreams/${documentId}`, {
      session: coordinator,
      body: { followUpDate: new Date().toISOString().slice(0, 10) },
    });
    expect(res.status).toBe(200);
    const due = await ws('GET', '/follow-ups', { session: coordinator });
    expect(due.body.data.dreams.map((d: any) => d.documentId)).toContain(documentId);
  });

  it('enters a paper dream by hand, with the letterbox rules', async () => {
    const bad = await ws('POST', '/dreams', {
      session: coordinator,
      body: {
        channel: 'brievenbus',
        edition: 'kind',
        firstName: 'Bo',
        age: 8,
        dream: 'Ik wil piloot worden',
        phone: '12',
      },
    });
    expect(bad.status).toBe(400);
    expect(bad.body.error).toMatchObject({ field: 'phone', key: 'dream.error.phone' });
    const noChannel = await ws('POST', '/dreams', {
      session: coordinator,
      body: {
        channel: 'website',
        edition: 'kind',
        firstName: 'Bo',
        age: 8,
        dream: 'Ik wil piloot worden',
        phone: '0612340002',
      },
    });
    expect(noChannel.status).toBe(400);
    expect(noChannel.body.error.field).toBe('channel');
    const good = await ws('POST', '/dreams', {
      session: coordinator,
      body: {
        channel: 'brievenbus',
        receivedAt: '2026-11-02',
        edition: 'kind',
        firstName: 'Bo',
        age: 8,
        dream: 'Ik wil piloot worden',
        wijk: 'stedenwijk',
        phone: '0612340002',
      },
    });
    expect(good.status).toBe(201);
    expect(good.body.data).toMatchObject({
      channel: 'brievenbus',
      status: 'nieuw',
      receivedAt: '2026-11-02T12:00:00.000Z',
      overdue: true,
    });
    expect(good.body.data.themes).toContain('beroepen-meelopen');
  });
});

describe('reports', () => {
  it('count the linked dreams in funnel and themes, without any personal data', async () => {
    const before = (await ws('GET', '/reports', { session: coordinator })).body.data;
    // Five linked dreams, so the figures pass the small-number limit (a count of 1-4 is hidden).
    const [activity] = await publishedActivities();
    for (let i = 0; i < 5; i++) {
      const id = await intake({ firstName: 'Zzyzx', dream: 'Ik word profvoetballer', phone: `061234010${i}` });
      await ws('PATCH', `/dreams/${id}`, {
        session: coordinator,
        body: { consent: true, status: 'gesprek-gevoerd', incomeSource: 'werk', earlierHelp: false },
      });
      const referral = await ws('POST', `/dreams/${id}/referrals`, {
        session: coordinator,
        body: { activityDocumentId: activity.documentId },
      });
      await ws('PATCH', `/referrals/${referral.body.data.documentId}`, {
        session: coordinator,
        body: { status: 'aangemeld' },
      });
      expect((await ws('PATCH', `/dreams/${id}`, { session: coordinator, body: { status: 'gekoppeld' } })).status).toBe(
        200,
      );
    }

    const res = await ws('GET', '/reports', { session: coordinator });
    expect(res.status).toBe(200);
    const after = res.body.data;
    grewByFive(before.total, after.total);
    grewByFive(before.funnel.gekoppeld, after.funnel.gekoppeld);
    grewByFive(before.funnel.gesprek, after.funnel.gesprek);
    // In a table that adds up to the total, a shown cell may be hidden to protect a small one beside it.
    if (after.reach.incomeSource.werk === 'verborgen')
      expect(Object.values(after.reach.incomeSource)).toContain('klein');
    else grewByFive(before.reach.incomeSource.werk, after.reach.incomeSource.werk);
    grewByFive(
      before.perTheme.find((t: any) => t.theme === 'sport-bewegen')?.count ?? 0,
      after.perTheme.find((t: any) => t.theme === 'sport-bewegen').count,
    );
    const text = JSON.stringify(after);
    for (const personal of ['Zzyzx', 'Ilse', '+3161234', 'profvoetballer', 'dierenarts', '@'])
      expect(text).not.toContain(personal);

    expect((await ws('GET', '/reports?from=2026-13', { session: coordinator })).body.error.field).toBe('from');
    expect((await ws('GET', '/reports?from=2026-11&to=2026-01', { session: coordinator })).status).toBe(400);
  });
});

/**
 * A protected report count grew by five: exactly, when it was shown before; from hidden ('klein',
 * 1-4, or 'verborgen') to a shown count of at least 5.
 */
function grewByFive(before: number | string, after: number | string) {
  expect(after).toEqual(expect.any(Number));
  if (typeof before === 'number') expect(after).toBe(before + 5);
  else expect(after as number).toBeGreaterThanOrEqual(6);
}

describe('outcomes and funding (issue 18)', () => {
  it('refuses to close a dream without an outcome, then closes it with one', async () => {
    const id = await intake({ firstName: 'Sluit', dream: 'Ik wil leren zwemmen', phone: '0612340011' });
    const refused = await ws('PATCH', `/dreams/${id}`, { session: coordinator, body: { status: 'afgerond' } });
    expect(refused.status).toBe(400);
    expect(refused.body.error).toMatchObject({ key: 'workspace.error.outcome.required', field: 'outcome' });
    expect((await ws('GET', `/dreams/${id}`, { session: coordinator })).body.data).toMatchObject({
      status: 'nieuw',
      outcome: null,
    });
    // An open dream has no outcome.
    const open = await ws('PATCH', `/dreams/${id}`, { session: coordinator, body: { outcome: 'geholpen' } });
    expect(open.body.error).toMatchObject({ key: 'workspace.error.outcome.open', field: 'outcome' });
    expect(
      (await ws('PATCH', `/dreams/${id}`, { session: coordinator, body: { status: 'afgerond', outcome: 'x' } })).body
        .error.field,
    ).toBe('outcome');

    const closed = await ws('PATCH', `/dreams/${id}`, {
      session: coordinator,
      body: { status: 'afgerond', outcome: 'niet-bereikt', note: 'Drie keer gebeld' },
    });
    expect(closed.status).toBe(200);
    expect(closed.body.data).toMatchObject({ status: 'afgerond', outcome: 'niet-bereikt' });
    expect(closed.body.data.history.at(-1)).toMatchObject({ step: 'status', to: 'afgerond', detail: 'niet-bereikt' });
    // Later the family was reached after all: the outcome can be corrected.
    const corrected = await ws('PATCH', `/dreams/${id}`, {
      session: coordinator,
      body: { outcome: 'elders-verwezen' },
    });
    expect(corrected.body.data.outcome).toBe('elders-verwezen');
  });

  it('records funding steps on a referral with history, and lists the child before a new season', async () => {
    const id = await intake({ firstName: 'Fonds', dream: 'Ik wil op voetbal', phone: '0612340012' });
    const [activity] = await publishedActivities();
    await ws('PATCH', `/dreams/${id}`, { session: coordinator, body: { consent: true } });
    const ref = (
      await ws('POST', `/dreams/${id}/referrals`, {
        session: coordinator,
        body: { activityDocumentId: activity.documentId },
      })
    ).body.data;
    expect(ref.funding).toEqual([]);
    const patch = (body: unknown) => ws('PATCH', `/referrals/${ref.documentId}`, { session: coordinator, body });

    // Friendly refusals at the field.
    for (const [funding, field] of [
      [{ scheme: 'bestaat-niet', appliedBy: 'Wijkteam', status: 'aangevraagd' }, 'funding.scheme'],
      [{ scheme: 'jeugdfonds-sport-cultuur', appliedBy: '', status: 'aangevraagd' }, 'funding.appliedBy'],
      [{ scheme: 'jeugdfonds-sport-cultuur', appliedBy: 'Wijkteam', status: 'klaar' }, 'funding.status'],
      [
        { scheme: 'jeugdfonds-sport-cultuur', appliedBy: 'Wijkteam', status: 'aangevraagd', season: '2001-2002' },
        'funding.season',
      ],
    ] as const) {
      const res = await patch({ funding });
      expect(res.status, field).toBe(400);
      expect(res.body.error.field).toBe(field);
      expect(res.body.error.key).toMatch(/^workspace\.error\.funding\./);
    }

    const applied = await patch({
      funding: { scheme: 'jeugdfonds-sport-cultuur', appliedBy: 'Wijkteam Almere Haven', status: 'aangevraagd' },
    });
    expect(applied.status).toBe(200);
    const season = applied.body.data.funding[0].season as string;
    expect(season).toMatch(/^(\d{4})-(\d{4})$/);
    expect(applied.body.data.funding).toEqual([
      expect.objectContaining({
        scheme: 'jeugdfonds-sport-cultuur',
        status: 'aangevraagd',
        by: 'coordinator@droomkaart.test',
      }),
    ]);
    const granted = await patch({
      funding: { scheme: 'jeugdfonds-sport-cultuur', appliedBy: 'Wijkteam Almere Haven', status: 'toegekend' },
    });
    expect(granted.body.data.funding).toHaveLength(1);
    expect(granted.body.data.funding[0].status).toBe('toegekend');

    const history = (await ws('GET', `/dreams/${id}`, { session: coordinator })).body.data.history;
    expect(history.filter((h: any) => h.step === 'funding').map((h: any) => [h.from, h.to, h.detail, h.note])).toEqual([
      [null, 'aangevraagd', ref.activity.title, `Jeugdfonds Sport & Cultuur ${season}`],
      ['aangevraagd', 'toegekend', ref.activity.title, `Jeugdfonds Sport & Cultuur ${season}`],
    ]);

    // Started and paid this season: before the next one, the child needs a new application.
    await patch({ status: 'gestart' });
    const renewals = async () =>
      ((await ws('GET', '/follow-ups', { session: coordinator })).body.data.renewals as any[]).filter(
        (r) => r.documentId === ref.documentId,
      );
    const next = `${season.slice(5)}-${Number(season.slice(5)) + 1}`;
    expect(await renewals()).toEqual([
      expect.objectContaining({
        renewal: { scheme: 'jeugdfonds-sport-cultuur', season: next },
        dream: expect.objectContaining({ documentId: id }),
      }),
    ]);
    expect(
      (
        await patch({
          funding: { scheme: 'jeugdfonds-sport-cultuur', appliedBy: 'Wijkteam', status: 'aangevraagd', season: next },
        })
      ).status,
    ).toBe(200);
    expect(await renewals()).toEqual([]);
  });

  it('never shows a count from 1 to 4 in the report, and shows the outcome figures', async () => {
    const res = await ws('GET', '/reports', { session: coordinator });
    expect(res.status).toBe(200);
    const report = res.body.data;
    const counts: unknown[] = [
      report.total,
      ...report.perMonth.map((m: any) => m.count),
      ...report.perStadsdeel.map((m: any) => m.count),
      ...report.perEdition.map((m: any) => m.count),
      ...report.perTheme.map((m: any) => m.count),
      ...Object.values(report.funnel),
      ...report.gaps.flatMap((g: any) => [g.dreams, g.unmatched]),
      ...Object.values(report.reach.incomeSource),
      ...Object.values(report.reach.earlierHelp),
      report.outcomes.closedLoop.referrals,
      report.outcomes.daysToFirstContact.dreams,
      report.outcomes.daysToStart.dreams,
      ...[...report.outcomes.perStadsdeel, report.outcomes.allStadsdelen, ...report.outcomes.perTheme].flatMap(
        (r: any) => [r.closed, ...Object.values(r.counts)],
      ),
    ];
    expect(counts.filter((c) => typeof c === 'number' && c > 0 && c < 5)).toEqual([]);
    expect(counts.every((c) => typeof c === 'number' || c === 'klein' || c === 'verborgen')).toBe(true);
    // The demo's closed dreams spread over six stadsdelen and seven outcomes: some cells are small.
    expect(counts).toContain('klein');
    expect(report.outcomes.columns).toEqual([
      'geholpen',
      'elders-verwezen',
      'niet-bereikt',
      'past-niet',
      'geen-plek',
      'geen-interesse',
      'onbekend',
    ]);
    for (const figure of [
      report.outcomes.closedLoop.rate,
      report.outcomes.daysToFirstContact.median,
      report.outcomes.daysToStart.median,
    ])
      expect(typeof figure === 'number' || figure === 'te-weinig').toBe(true);
    // Over the demo's many dreams the closed loop and the time to first contact are known.
    expect(report.outcomes.closedLoop.rate).toEqual(expect.any(Number));
    expect(report.outcomes.daysToFirstContact.median).toEqual(expect.any(Number));
    // A month with no dreams: nothing to measure.
    const empty = (await ws('GET', '/reports?from=2020-01&to=2020-01', { session: coordinator })).body.data;
    expect(empty.total).toBe(0);
    expect(empty.outcomes.closedLoop.rate).toBe('te-weinig');
    expect(empty.outcomes.daysToStart).toEqual({ dreams: 0, median: 'te-weinig' });
  });
});

describe('closed to everyone else', () => {
  it('keeps referrals, contact persons and sessions out of the public API', async () => {
    for (const path of ['/api/referrals', '/api/contact-persons', '/api/workspace-sessions', '/api/dreams']) {
      const res = await fetch(`${stack.urls.cms}${path}`);
      expect([403, 404, 405], path).toContain(res.status);
    }
  });

  it('keeps key-player contacts and referrals from partners in the admin panel', async () => {
    const partner = await signIn(stack.urls.cms, partnerEmail(organisationSlug), stack.env.DEMO_PASSWORD);
    for (const uid of ['api::contact-person.contact-person', 'api::referral.referral', 'api::dream.dream']) {
      const res = await request(partner, 'GET', `/content-manager/collection-types/${uid}`);
      expect(res.status, uid).toBe(403);
    }
  });
});
