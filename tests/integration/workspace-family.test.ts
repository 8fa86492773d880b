import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestStack, type TestStack } from '../utils/stack.ts';
import { DEMO_ADMIN, partnerEmail, request, signIn, type AdminSession } from '../utils/cms-admin.ts';
import { PORT_OFFSET } from '../utils/ports.ts';

// A family, not a single child (issue 18 point 6), in the real cms: brothers and sisters from one
// phone number land in one family (also when their dreams arrive at the same moment), each with its
// own dream and referrals; the dream page shows the others, the inbox the family's size; a
// coordinator takes a dream out of its family or puts it in another; retention and a family's
// request to be forgotten take the family contact with the last dream; nobody outside the
// workspace reaches a family.
const FAMILY = 'api::family.family';
let stack: TestStack;
let admin: AdminSession;
let coordinator: string;

type Answer = { status: number; body: any };

async function ws(method: string, path: string, body?: unknown): Promise<Answer> {
  const res = await fetch(`${stack.urls.cms}/api/workspace${path}`, {
    method,
    headers: {
      authorization: `Bearer ${stack.env.WORKSPACE_TOKEN}`,
      ...(coordinator ? { 'x-workspace-session': coordinator } : {}),
      ...(body !== undefined ? { 'content-type': 'application/json' } : {}),
    },
    body: body !== undefined ? JSON.stringify(body) : undefined,
  });
  const text = await res.text();
  return { status: res.status, body: text ? JSON.parse(text) : null };
}

/** A dream as the site's letterbox delivers it. */
async function intake(data: Record<string, unknown>): Promise<string> {
  const res = await fetch(`${stack.urls.cms}/api/dreams`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${stack.env.DREAM_INTAKE_TOKEN}` },
    body: JSON.stringify({
      data: { edition: 'kind', age: 8, wijk: 'muziekwijk', channel: 'website', dream: 'Ik wil zwemmen', ...data },
    }),
  });
  expect(res.status).toBe(201);
  return (await res.json()).data.documentId;
}

const dream = async (id: string) => {
  const res = await ws('GET', `/dreams/${id}`);
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  return res.body.data;
};
const memberIds = async (id: string) =>
  ((await dream(id)).family?.members ?? []).map((m: { documentId: string }) => m.documentId).sort();
/** Every family, as the super admin's content manager has them (no other door reads them). */
async function families(): Promise<any[]> {
  const res = await request(admin, 'GET', `/content-manager/collection-types/${FAMILY}?pageSize=100`);
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  return res.body.results;
}

beforeAll(async () => {
  stack = await startTestStack({
    name: 'workspace-family',
    portOffset: PORT_OFFSET.workspaceFamily,
    services: ['cms'],
    env: { SEED_DEMO_DATA: 'true', SEED_ACTIVITY_COUNT: '10', SEED_DEMO_DREAMS: 'true' },
  });
  admin = await signIn(stack.urls.cms, DEMO_ADMIN.email, stack.env.DEMO_PASSWORD);
  const session = await ws('POST', '/sessions', {
    email: 'coordinator@droomkaart.test',
    password: stack.env.DEMO_PASSWORD,
  });
  expect(session.status).toBe(201);
  coordinator = session.body.data.session;
});

afterAll(async () => {
  await stack?.cleanup();
});

describe('dreams stored before families', () => {
  it('groups the demo dreams once at start: one demo family has two children', async () => {
    const inbox = await ws('GET', '/dreams?pageSize=100');
    const pairs = inbox.body.data.filter((d: any) => d.familySize === 2);
    const details = await Promise.all(pairs.map((d: any) => dream(d.documentId)));
    const demo = details.filter((d) => d.phone === '+31687650000');
    expect(demo).toHaveLength(2);
    expect(demo[0].family.documentId).toBe(demo[1].family.documentId);
    expect(demo[0].family.members.map((m: any) => m.documentId)).toEqual([demo[1].documentId]);
  });
});

describe('brothers and sisters from one phone', () => {
  let lina: string;
  let omar: string;
  let noor: string;

  it('puts two dreams from one phone, sent at the same moment, in one family', async () => {
    // Both look for the family at once; the unique phone key lets only one of them make it.
    [lina, omar] = await Promise.all([
      intake({ firstName: 'Lina', phone: '06 5555 1111', parentName: 'Fatma Yılmaz', preferredLanguage: 'tr' }),
      intake({ firstName: 'Omar', phone: '+31 6 55551111', age: 13, edition: 'jong' }),
    ]);
    const a = await dream(lina);
    const b = await dream(omar);
    expect(a.family.documentId).toBe(b.family.documentId);
    expect(a.family.members).toEqual([{ documentId: omar, firstName: 'Omar', age: 13, status: 'nieuw', referrals: 0 }]);
    expect(b.family.members.map((m: any) => m.firstName)).toEqual(['Lina']);
    // Each keeps its own dream and its own contact fields as they came in.
    expect(a).toMatchObject({ firstName: 'Lina', phone: '+31655551111', parentName: 'Fatma Yılmaz' });
    expect(b).toMatchObject({ firstName: 'Omar', parentName: null });
    const family = (await families()).filter((f) => f.documentId === a.family.documentId);
    expect(family).toHaveLength(1);
  });

  it('lets a dream typed in by a coordinator join the family, and counts its referrals', async () => {
    const created = await ws('POST', '/dreams', {
      edition: 'kind',
      firstName: 'Noor',
      age: 6,
      dream: 'Ik wil dansen',
      wijk: 'muziekwijk',
      phone: '0031655551111',
      channel: 'brievenbus',
    });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    noor = created.body.data.documentId;
    expect(created.body.data.family.members.map((m: any) => m.firstName).sort()).toEqual(['Lina', 'Omar']);
    const activities = await (await fetch(`${stack.urls.cms}/api/activities?locale=nl&pagination[pageSize]=1`)).json();
    expect(
      (await ws('POST', `/dreams/${noor}/referrals`, { activityDocumentId: activities.data[0].documentId })).status,
    ).toBe(201);
    const fromLina = (await dream(lina)).family.members.find((m: any) => m.documentId === noor);
    expect(fromLina).toMatchObject({ firstName: 'Noor', age: 6, status: 'nieuw', referrals: 1 });
  });

  it('shows the family’s size in the inbox', async () => {
    const inbox = await ws('GET', '/dreams?pageSize=100');
    expect(inbox.status).toBe(200);
    const row = (id: string) => inbox.body.data.find((d: any) => d.documentId === id);
    expect(row(lina).familySize).toBe(3);
    expect(row(noor).familySize).toBe(3);
    const alone = inbox.body.data.filter((d: any) => ![lina, omar, noor].includes(d.documentId));
    expect(alone.every((d: any) => typeof d.familySize === 'number' && d.familySize >= 1)).toBe(true);
  });

  it('takes a dream out of its family, once, with a step in its history', async () => {
    const out = await ws('PATCH', `/dreams/${omar}`, { family: 'none' });
    expect(out.status, JSON.stringify(out.body)).toBe(200);
    expect(out.body.data.family.members).toEqual([]);
    expect(out.body.data.history.at(-1)).toMatchObject({ step: 'family', by: 'coordinator@droomkaart.test' });
    expect(out.body.data.history.at(-1).to).toBeUndefined();
    expect(await memberIds(lina)).toEqual([noor]);
    // Again: nothing changes, no second step.
    const again = await ws('PATCH', `/dreams/${omar}`, { family: 'none' });
    expect(again.body.data.history.filter((h: any) => h.step === 'family')).toHaveLength(1);
    expect(again.body.data.family.documentId).toBe(out.body.data.family.documentId);
  });

  it('puts a dream in the family of another one, and a next dream from the phone still finds the family', async () => {
    const alone = (await dream(omar)).family.documentId;
    const back = await ws('PATCH', `/dreams/${omar}`, { family: lina });
    expect(back.status).toBe(200);
    expect(back.body.data.family.members.map((m: any) => m.firstName).sort()).toEqual(['Lina', 'Noor']);
    expect(back.body.data.history.at(-1)).toMatchObject({ step: 'family', to: lina, detail: 'Lina' });
    // The family Omar had on his own is gone with him.
    const ids = (await families()).map((f) => f.documentId);
    expect(ids).not.toContain(alone);
    expect(ids).toContain(back.body.data.family.documentId);
    const sami = await intake({ firstName: 'Sami', phone: '0655551111' });
    expect(await memberIds(sami)).toEqual([lina, noor, omar].sort());
  });

  it('refuses its own id, an unknown dream and anything else', async () => {
    const self = await ws('PATCH', `/dreams/${lina}`, { family: lina });
    expect(self.status).toBe(400);
    expect(self.body.error).toMatchObject({ key: 'workspace.error.family.self', field: 'family' });
    const unknown = await ws('PATCH', `/dreams/${lina}`, { family: 'doesnotexist000000000000' });
    expect(unknown.status).toBe(404);
    expect(unknown.body.error.key).toBe('workspace.error.family.notFound');
    for (const family of ['', 'NONE', '../x', 42, null, { documentId: omar }]) {
      const res = await ws('PATCH', `/dreams/${lina}`, { family });
      expect(res.status, JSON.stringify(family)).toBe(400);
    }
  });
});

describe('a brother or sister with another phone number', () => {
  it('is suggested by the same parent’s name and wijk, and joins when the coordinator says so', async () => {
    const ayla = await intake({
      firstName: 'Ayla',
      phone: '0655552222',
      parentName: 'Marieke de Vries',
      wijk: 'filmwijk',
    });
    const bram = await intake({
      firstName: 'Bram',
      phone: '0655553333',
      parentName: ' marieke  de vries',
      wijk: 'filmwijk',
    });
    const elsewhere = await intake({
      firstName: 'Cas',
      phone: '0655554444',
      parentName: 'Marieke de Vries',
      wijk: 'muziekwijk',
    });
    const before = await dream(ayla);
    expect(before.family.members).toEqual([]);
    expect(before.familySuggestions).toEqual([{ documentId: bram, firstName: 'Bram', age: 8, status: 'nieuw' }]);
    expect(before.familySuggestions.map((s: any) => s.documentId)).not.toContain(elsewhere);
    const joined = await ws('PATCH', `/dreams/${bram}`, { family: ayla });
    expect(joined.status).toBe(200);
    expect(joined.body.data.family.members.map((m: any) => m.firstName)).toEqual(['Ayla']);
    // In the family now: no longer suggested.
    expect(joined.body.data.familySuggestions).toEqual([]);
  });
});

describe('the family goes with its last dream', () => {
  it('anonymising the family’s last dream after the retention period deletes the family', async () => {
    const only = await intake({ firstName: 'Eva', phone: '0655556666', parentName: 'Ouder van Eva' });
    const familyId = (await dream(only)).family.documentId;
    expect((await families()).map((f) => f.documentId)).toContain(familyId);
    expect((await ws('PATCH', `/dreams/${only}`, { status: 'afgerond', outcome: 'geholpen' })).status).toBe(200);
    const run = await request(admin, 'POST', '/droomkaart/dreams/retention/run', {
      now: new Date(Date.now() + 400 * 86_400_000).toISOString(),
    });
    expect(run.status).toBe(200);
    expect(run.body.data.anonymised).toBeGreaterThanOrEqual(1);
    expect((await families()).map((f) => f.documentId)).not.toContain(familyId);
  });

  it('keeps the family while a brother or sister is still there, and a family’s request to be forgotten removes it', async () => {
    const first = await intake({ firstName: 'Mila', phone: '0655557777' });
    const second = await intake({ firstName: 'Tom', phone: '06 5555 7777' });
    const familyId = (await dream(first)).family.documentId;
    expect((await ws('PATCH', `/dreams/${first}`, { status: 'afgerond', outcome: 'geholpen' })).status).toBe(200);
    await request(admin, 'POST', '/droomkaart/dreams/retention/run', {
      now: new Date(Date.now() + 400 * 86_400_000).toISOString(),
    });
    expect((await ws('GET', `/dreams/${first}`)).status).toBe(404);
    expect((await dream(second)).family).toMatchObject({ documentId: familyId, members: [] });
    expect((await families()).map((f) => f.documentId)).toContain(familyId);
    const forgotten = await request(admin, 'DELETE', '/droomkaart/dreams/family?phone=0655557777');
    expect(forgotten.status).toBe(200);
    expect((await families()).map((f) => f.documentId)).not.toContain(familyId);
  });
});

describe('no way in from outside', () => {
  it('has no content API for families, for the public, a partner or the intake token', async () => {
    const partner = await signIn(stack.urls.cms, partnerEmail('de-nieuwe-bibliotheek'), stack.env.DEMO_PASSWORD);
    for (const token of [null, partner.token, stack.env.DREAM_INTAKE_TOKEN]) {
      for (const path of ['/api/families', '/api/families/1', '/api/family']) {
        const res = await fetch(`${stack.urls.cms}${path}`, {
          headers: token ? { authorization: `Bearer ${token}` } : {},
        });
        expect([401, 403, 404], `${path} with ${token ? 'a token' : 'no token'}`).toContain(res.status);
      }
    }
    // The content manager refuses a partner; a dream's family is never populated to the public.
    const asPartner = await request(partner, 'GET', `/content-manager/collection-types/${FAMILY}`);
    expect([401, 403, 404]).toContain(asPartner.status);
    const populated = await fetch(`${stack.urls.cms}/api/activities?populate[dreams][populate]=family`);
    expect(populated.status).toBeGreaterThanOrEqual(400);
    expect(populated.status).toBeLessThan(500);
  });
});
